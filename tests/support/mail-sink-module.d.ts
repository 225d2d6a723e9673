// Types for server/mail-sink.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/server/mail-sink.mjs" {
  export interface CapturedMail {
    to: string[];
    from: string;
    subject: string;
    text: string;
    html: string;
    date: string;
  }
  export function startMailSink(options: {
    port: number;
    host?: string;
    dir?: string;
    onMail?: (mail: CapturedMail) => void;
  }): Promise<{ port: number; close: () => Promise<void> }>;
}
