import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return (
    <StatusPage code="404" title="This page isn’t here">
      <p>
        The essay or page you were looking for has moved, was unpublished, or never existed. The fire is still lit on the front
        page.
      </p>
    </StatusPage>
  );
}
