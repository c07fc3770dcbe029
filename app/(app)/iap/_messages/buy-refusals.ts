// The words for lib/billing's buy refusals (BuyRefusedError codes).
import type { BuyRefusal } from "@/lib/billing/errors";

export const BUY_REFUSALS: Record<BuyRefusal, string> = {
  "admins-only": "Only administrators can buy credits.",
  "pack-not-on-sale": "This pack is no longer on sale. Reload the page to see the current packs.",
  "checkout-unavailable": "The payment page could not be opened. No money was taken; try again in a moment.",
  "purchase-not-found": "This purchase does not exist.",
  "purchase-canceled": "This purchase was cancelled, so it can no longer be paid. Choose a pack again on the Buy Credits page.",
};
