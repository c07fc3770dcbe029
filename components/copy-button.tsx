"use client";
// Copies a text the user has to take elsewhere (a secret shown once, an
// invitation link, a snippet for a web page) and says it did, until the text
// changes. Its two labels are the caller's words.
import { useState } from "react";
import { Button } from "./button";

export function CopyButton({ text, copy, copied, small = false }: { text: string; copy: string; copied: string; small?: boolean }) {
  const [copiedText, setCopiedText] = useState<string | null>(null);
  return (
    <Button
      type="button"
      variant="secondary"
      className={small ? "px-2.5! py-1! text-xs!" : ""}
      onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopiedText(text), () => setCopiedText(null))}
    >
      {copiedText === text ? copied : copy}
    </Button>
  );
}
