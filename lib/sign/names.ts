// Does the name a provider verified match the name the requester gave the
// signer? Case, accents, punctuation, extra spaces and word order are ignored
// ("DUPONT, Marie" = "Marie Dupont"); anything else is a mismatch the requester
// must see, never a silent accept.

export function normalizeName(value: string): string[] {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .sort();
}

export function namesMatch(given: string, verified: string): boolean {
  const a = normalizeName(given);
  const b = normalizeName(verified);
  return a.length > 0 && a.length === b.length && a.every((word, i) => word === b[i]);
}
