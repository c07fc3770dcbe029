// The words for why an SMS was not sent (lib/sms returns and stores codes;
// messages/<locale>/sms.json words them). Plain, so the send action, the
// chatter and the mass-SMS dialog share them, each with its own translator.

/** The sms namespace's translator: `getTranslations("sms")`, `useTranslations("sms")` or `translatorFor(locale, "sms")`. */
export interface SmsWords {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** Words for a failure code; a code this version does not know (an older row) is shown as it is. */
export function smsFailureText(t: SmsWords, code: string): string {
  return t.has(`failure.${code}`) ? t(`failure.${code}`) : code;
}
