import type { CheckoutProvider } from "./provider";

/** Demo checkout: an in-app page with Pay and Cancel, and no money moving. */
export const demoCheckout: CheckoutProvider = {
  name: "DEMO",
  async start({ purchase }) {
    return { url: `/iap/checkout/demo/${purchase.id}`, providerRef: `demo_${purchase.id}` };
  },
};
