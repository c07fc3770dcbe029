// Words the pages show for a letter's state and error code (plain module: client components use it too).
export const LETTER_STATE_LABELS = { QUEUED: "In Queue", SENT: "Sent", ERROR: "Error", CANCELED: "Canceled" } as const;

export const LETTER_ERROR_LABELS = {
  MISSING_FIELDS: "Missing address fields",
  NO_CREDIT: "Not enough credits",
  FORMAT_ERROR: "Format error",
  NO_PRICE: "No price for destination",
  PROVIDER_ERROR: "Provider error",
} as const;

export type LetterStateName = keyof typeof LETTER_STATE_LABELS;
export type LetterErrorName = keyof typeof LETTER_ERROR_LABELS;
