import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { AuthCard } from "./auth-card";

const TITLES = { expired: "This link has expired", used: "This link was already used", unknown: "This link is not valid" } as const;

/** What an invitation or reset link shows when it cannot be used; `whatNext` says how to get a new one. */
export function LinkProblem({ state, whatNext }: { state: keyof typeof TITLES; whatNext: string }) {
  return (
    <AuthCard title={TITLES[state]}>
      <p className="mt-3 text-sm text-gray-700">
        {state === "unknown" ? "Check that you opened the complete link from your e-mail. " : "Links in these e-mails work once, for a limited time. "}
        {whatNext}
      </p>
      <Link href="/login" className={buttonClasses("secondary", "mt-6")}>
        Go to sign-in
      </Link>
    </AuthCard>
  );
}
