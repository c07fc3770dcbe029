// Search keys shared by the seed (stored columns) and the queries, so both
// sides agree: accents and punctuation gone, lower case, single spaces.

export function searchKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Registration numbers compared by their letters and digits only ("793 794 165" = "793794165"). */
export function registrationKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
