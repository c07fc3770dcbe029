import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { checkPrintable } from "../render";
import { ProviderRefusedError, type Acceptance, type OutgoingLetter, type PostalProvider } from "./provider";

const KEY_SEPARATOR = "--";
const fileSafe = (key: string) => key.replace(/[^\w-]/g, "_");

/**
 * The default provider: accepts well-formed letters (a PDF whose pages are all
 * A4 portrait), keeps the PDF under DATA_DIR/test-post-office/ and returns a
 * tracking id. Nothing is printed or posted.
 */
export class TestPostOffice implements PostalProvider {
  readonly name = "test" as const;
  // A name: the pages say what it means (letters.json list.testPostOffice).
  readonly label = "Test post office";
  readonly posts = false;

  constructor(readonly directory = path.resolve(env().DATA_DIR, "test-post-office")) {}

  async send(letter: OutgoingLetter): Promise<Acceptance> {
    const check = await checkPrintable(letter.pdf);
    if (!check.ok) {
      throw new ProviderRefusedError(`Test post office refused the letter: ${check.problem.code}`, "FORMAT_ERROR", { code: "printCheck", problem: check.problem });
    }
    const trackingId = `TPO-${letter.id}-${randomBytes(4).toString("hex").toUpperCase()}`;
    await mkdir(this.directory, { recursive: true });
    await writeFile(path.join(this.directory, `${trackingId}${KEY_SEPARATOR}${fileSafe(letter.idempotencyKey)}.pdf`), letter.pdf);
    return { providerId: trackingId, trackingId };
  }

  /** The PDF an earlier attempt kept is named after its request key. */
  async find(requestKey: string): Promise<Acceptance | null> {
    const suffix = `${KEY_SEPARATOR}${fileSafe(requestKey)}.pdf`;
    const files = await readdir(this.directory).catch(() => [] as string[]);
    const kept = files.find((file) => file.endsWith(suffix));
    if (!kept) return null;
    const trackingId = kept.slice(0, -suffix.length);
    return { providerId: trackingId, trackingId };
  }
}
