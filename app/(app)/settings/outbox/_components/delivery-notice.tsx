import { mailSettings } from "@/lib/mail/transport";

/** Says how e-mails leave this server, so "Not delivered" rows explain themselves. */
export function DeliveryNotice() {
  const mail = mailSettings();
  if (mail.smtp) {
    return (
      <p className="text-sm text-gray-600">
        E-mails are sent through <span className="break-all font-mono">{mail.target}</span> as <span className="break-all font-mono">{mail.from}</span>. Failed
        attempts are retried with growing delays.
      </p>
    );
  }
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">No SMTP server is configured.</p>
      <p className="mt-1">
        E-mails are composed and kept here, marked <em>Not delivered</em>. Set <span className="font-mono">SMTP_URL</span> (for example{" "}
        <span className="break-all font-mono">smtp://user:password@mail.example.com:587</span>) and they go out on the next run.
      </p>
    </div>
  );
}
