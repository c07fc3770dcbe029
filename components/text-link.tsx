import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

/** A link inside text or a table cell, in the one link style (a record's name that opens it: .text-link in app/globals.css, one short class where a table has one per row). */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={className ? `text-link ${className}` : "text-link"} />;
}

/** For a message's <link>…</link> in t.rich: `t.rich("intro", { link: linkChunks("/leads") })`. */
export function linkChunks(href: string) {
  return function Chunks(chunks: ReactNode) {
    return <TextLink href={href}>{chunks}</TextLink>;
  };
}
