// Dates are rendered on the server, so they are shown in UTC and say so,
// rather than in whatever time zone the server happens to run.
const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(value: Date): string {
  return `${FORMAT.format(value)} UTC`;
}

export function DateTime({ value, className }: { value: Date; className?: string }) {
  return (
    <time dateTime={value.toISOString()} className={className}>
      {formatDateTime(value)}
    </time>
  );
}
