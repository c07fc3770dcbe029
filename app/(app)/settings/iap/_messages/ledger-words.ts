// Words for what a ledger entry or a hold was for (lib/iap/ledger-wording.ts),
// from the "iap" catalogue (messages/<locale>/iap.json, `ledgerWording.*`).
// A row without a code (written before codes) or with one this catalogue does
// not know shows its stored English description.
import type { LedgerWording } from "@/lib/iap/ledger-wording";
import { packName, type Translator } from "../../../iap/_messages/service-words";

/** `t` is a translator of the "iap" namespace. */
export function ledgerDescription(t: Translator, line: { description: string; wording: LedgerWording | null }): string {
  const { wording } = line;
  if (!wording || !t.has(`ledgerWording.${wording.code}`)) return line.description;
  // Ids as written ("#1234", not a grouped "#1,234"); a service, and a pack with its code, by the name the reader's language gives it.
  const values: Record<string, string> = Object.fromEntries(Object.entries(wording.params).map(([name, value]) => [name, String(value)]));
  if (wording.code === "trial") {
    const key = `services.${wording.params.service}.name`;
    if (!t.has(key)) return line.description;
    values.service = t(key);
  }
  if ((wording.code === "purchase" || wording.code === "autoTopup") && wording.params.packCode) {
    values.pack = packName(t, { code: wording.params.packCode, name: wording.params.pack });
  }
  return t(`ledgerWording.${wording.code}`, values);
}
