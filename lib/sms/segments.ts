// How many SMS parts a text needs, as the networks count them (3GPP TS 23.038).
// Pure: used by the composer (live counter) and by sendSms (the price it charges).
//
// GSM-7: 160 septets in one SMS; a longer text is split into parts of 153
// (7 septets go to the concatenation header). The extension table's characters
// (€ [ ] { } ^ ~ | \ and form feed) take two septets: an escape and the char.
// Anything outside the two tables switches the whole message to UCS-2: 70 UTF-16
// code units in one SMS, then 67 per part; an emoji outside the BMP is a
// surrogate pair and takes two. A part never splits an escape pair or a
// surrogate pair, so the count below follows how a real encoder fills parts.

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = "GSM7" | "UCS2";

export const SMS_LIMITS = {
  GSM7: { single: 160, part: 153 },
  UCS2: { single: 70, part: 67 },
} as const;

/** The most parts one message may take: longer texts are refused before anything is charged. */
export const MAX_SMS_PARTS = 10;

export interface SegmentInfo {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text encodes to. */
  units: number;
  parts: number;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return false;
  return true;
}

function unitsOf(char: string, encoding: SmsEncoding): number {
  if (encoding === "GSM7") return EXTENSION.has(char) ? 2 : 1;
  return char.length; // 2 for a surrogate pair
}

export function countSegments(text: string): SegmentInfo {
  const encoding: SmsEncoding = isGsm7(text) ? "GSM7" : "UCS2";
  const limits = SMS_LIMITS[encoding];
  let characters = 0;
  let units = 0;
  let parts = 1;
  let inPart = 0;
  for (const char of text) {
    const size = unitsOf(char, encoding);
    characters += 1;
    units += size;
    if (inPart + size > limits.part) {
      parts += 1;
      inPart = 0;
    }
    inPart += size;
  }
  if (units === 0) return { encoding, characters, units, parts: 0 };
  return { encoding, characters, units, parts: units <= limits.single ? 1 : parts };
}

export function encodingLabel(encoding: SmsEncoding): string {
  return encoding === "GSM7" ? "GSM-7" : "Unicode";
}

/** "170 characters, fits in 2 SMS (GSM-7)". */
export function describeSegments(info: SegmentInfo): string {
  const chars = `${info.characters} character${info.characters === 1 ? "" : "s"}`;
  return `${chars}, fits in ${info.parts} SMS (${encodingLabel(info.encoding)})`;
}
