import Link from "next/link";

// Minimal buy prompt for the Sign app.
// TODO: replace with components/insufficient-credits-notice.tsx (the shared buy prompt) once it is merged.
export function InsufficientCreditsNotice({ serviceName, needed, available, buyUrl }: { serviceName: string; needed: string; available: string; buyUrl: string }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">Insufficient credit to perform this service ({serviceName}).</p>
      <p className="mt-1">
        This request needs {needed} credits; {available} available. Nothing was sent.
      </p>
      <Link href={buyUrl} target="_blank" className="mt-2 inline-flex rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
        Buy credits
      </Link>
    </div>
  );
}
