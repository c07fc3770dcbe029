"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While something on the page is still moving (an SMS waiting for its
 * delivery report), re-renders the page's server components every few seconds
 * with router.refresh(): no reload, typed text and open dialogs stay. Stops by
 * itself once nothing is pending, or after ten minutes.
 */
export function LiveRefresh({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (document.visibilityState !== "visible") return;
      if (Date.now() - started > 10 * 60_000) return clearInterval(timer);
      router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
