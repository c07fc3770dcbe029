import Link from "next/link";
import type { ComponentProps } from "react";

/** A link inside text or a table cell, in the one link style (a record's name that opens it). */
export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={`font-medium text-brand-600 hover:underline ${className}`} />;
}
