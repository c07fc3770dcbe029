import Link from "next/link";
import type { ReactNode } from "react";

/** The centred card of the pages used before signing in (sign-in, set-up, invitation, password reset). */
export function AuthCard({ title, intro, children, wide = false }: { title: string; intro?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className={`w-full ${wide ? "max-w-xl" : "max-w-sm"} rounded-lg border border-gray-200 bg-white p-6 shadow-sm sm:p-8`}>
        <p className="text-sm font-semibold tracking-tight text-brand-600">IAP Credits</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        {intro && <div className="mt-1 text-sm text-gray-600">{intro}</div>}
        {children}
      </div>
    </main>
  );
}

export function BackToSignIn() {
  return (
    <p className="mt-6 text-sm">
      <Link href="/login" className="text-brand-600 hover:underline">
        Back to sign-in
      </Link>
    </p>
  );
}
