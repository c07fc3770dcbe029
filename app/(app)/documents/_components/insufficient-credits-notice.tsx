import Link from "next/link";
import { buttonClasses } from "@/components/button";

// replace with components/insufficient-credits-notice.tsx (same props) once it is merged.
export function InsufficientCreditsNotice({ service, needed, available, buyUrl }: { service: string; needed: string; available: string; buyUrl: string }) {
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p>
        <span className="font-semibold">Not enough credits.</span> {service} needs {needed} more to go on; {available} available.
      </p>
      <Link href={buyUrl} className={buttonClasses("primary")}>
        Buy credits
      </Link>
    </div>
  );
}
