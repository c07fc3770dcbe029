// What the app logged in a contact's chatter (lib/contacts/chatter ChatterLog
// codes), in the reader's words: messages/<locale>/contacts.json
// `chatter.log.*`, with the sms, letters and leads catalogues for the reasons
// and sources the codes name. Plain, so the unit tests word it in each language.
import type { ChatterLog } from "@/lib/contacts/chatter";
import { formatCredits } from "@/lib/iap/units";
import { smsFailureText, type SmsWords } from "./sms-failures";

/** One translator per namespace (getTranslations or translatorFor): contacts, sms, letters, leads. */
export interface ChatterLogWords {
  contacts: SmsWords;
  sms: SmsWords;
  letters: SmsWords;
  leads: SmsWords;
}

/** A code this version does not know (an older row) is shown as it is. */
const known = (t: SmsWords, key: string, fallback: string) => (t.has(key) ? t(key) : fallback);

/** An entry the app logged, in the reader's words; the body (what a person wrote, e.g. the SMS text) follows it. */
export function logText(words: ChatterLogWords, locale: string, log: ChatterLog): string {
  const t = words.contacts;
  switch (log.code) {
    case "smsSent":
      return t("chatter.log.smsSent", {
        ...log.params,
        credits: formatCredits(BigInt(log.params.units), log.params.decimals, { locale }),
        count: Number(log.params.units) / 10 ** log.params.decimals,
      });
    case "smsNotSent":
      return t("chatter.log.smsNotSent", { number: log.params.number, reason: smsFailureText(words.sms, log.params.reason) });
    case "letterPosted":
      return t("chatter.log.letterPosted", { ...log.params, tracking: log.params.tracking ?? "", tracked: log.params.tracking ? "yes" : "no" });
    case "letterNotPosted":
      return t("chatter.log.letterNotPosted", { letterId: log.params.letterId, reason: known(words.letters, `errorCode.${log.params.reason}`, log.params.reason) });
    case "leadMined":
      return t("chatter.log.leadMined", { source: known(words.leads, `sources.${log.params.source}`, log.params.source) });
    case "leadFromVisit":
      // Paths as the browser sent them, listed the same way in every language.
      return t("chatter.log.leadFromVisit", { pages: log.params.pages.join(", ") });
  }
}
