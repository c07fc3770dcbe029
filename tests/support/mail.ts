// What an e-mail says, asserted part by part: the subject exactly, passages
// each part must contain, and passages the HTML must not (an unescaped name).
// A failure names the part and the passage that is missing.
import { expect } from "vitest";

interface Mail {
  subject: string;
  text: string;
  html: string;
}

export function expectMail(mail: Mail, says: { subject?: string; text?: string[]; html?: string[]; notInHtml?: string[] }) {
  if (says.subject !== undefined) expect(mail.subject, "subject").toBe(says.subject);
  for (const passage of says.text ?? []) expect(mail.text, "text part").toContain(passage);
  for (const passage of says.html ?? []) expect(mail.html, "HTML part").toContain(passage);
  for (const passage of says.notInHtml ?? []) expect(mail.html, "HTML part").not.toContain(passage);
}
