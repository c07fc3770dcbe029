// replace with components/insufficient-credits-notice.tsx (the shared buy prompt) once it is merged.
import Link from "next/link";
import { buttonClasses } from "@/components/button";

export function InsufficientCreditsNotice({ serviceName, needed, available, buyUrl }: { serviceName: string; needed: string; available: string; buyUrl: string }) {
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p>
        <strong>Not enough credits for {serviceName}.</strong> This needs {needed} {needed === "1" ? "credit" : "credits"}; {available} available.
      </p>
      <Link href={buyUrl} className={buttonClasses("secondary")}>
        Buy credits
      </Link>
    </div>
  );
}
