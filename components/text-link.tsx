import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

/** A link inside text or a table cell, in the one link style (a record's name that opens it). */
export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={`font-medium text-brand-700 underline underline-offset-2 hover:decoration-2 ${className}`} />;
}

/** For a message's <link>…</link> in t.rich: `t.rich("intro", { link: linkChunks("/leads") })`. */
export function linkChunks(href: string) {
  return function Chunks(chunks: ReactNode) {
    return <TextLink href={href}>{chunks}</TextLink>;
  };
}
