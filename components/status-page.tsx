import Link from "next/link";

/** A whole page in place of the one asked for (403, 404): the status, what happened, and the way back. */
export function StatusPage({ status, title, text, back }: { status: 403 | 404; title: string; text: string; back: { href: string; label: string } }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-gray-600">{text}</p>
      <Link href={back.href} className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        {back.label}
      </Link>
    </main>
  );
}
