import { StatusPage } from "@/components/layout/status-page";

export default function Forbidden() {
  return (
    <StatusPage code="403" title="You can’t do that here">
      <p>Your account doesn’t have permission for this page or action. If you think it should, ask an administrator.</p>
    </StatusPage>
  );
}
