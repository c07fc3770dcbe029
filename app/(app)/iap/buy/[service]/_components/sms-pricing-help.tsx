import { getTranslations } from "next-intl/server";
import { failurePolicies } from "@/lib/sms/delivery/failure-policy";
import { deliveryFailureText } from "@/app/(app)/contacts/_messages/sms-status";

/** How SMS are charged, and which failed messages are refunded (the policy in lib/sms/delivery/failure-policy.ts). */
export async function SmsPricingHelp() {
  const [t, sms] = await Promise.all([getTranslations("buy.sms"), getTranslations("sms")]);
  const policies = failurePolicies();
  const refunded = policies.filter((p) => p.refundable);
  const charged = policies.filter((p) => !p.refundable);
  // One entry per reason with all its carrier codes: "the sender is not registered for this country (30018, 30032, 30034)".
  const list = (items: typeof policies) => {
    const codes = new Map<string, string[]>();
    for (const p of items) codes.set(p.reason, [...(codes.get(p.reason) ?? []), String(p.code)]);
    return [...codes].map(([reason, all]) => t("reason", { reason: deliveryFailureText(reason, sms), code: all.join(t("separator")) })).join(t("separator"));
  };
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <section aria-labelledby="sms-pricing-heading" className="rounded-lg border border-gray-200 bg-white px-5 py-4 text-sm text-gray-700">
      <h2 id="sms-pricing-heading" className="mb-2 font-medium text-gray-900">
        {t("title")}
      </h2>
      <ul className="list-disc space-y-1.5 pl-5">
        <li>{t("parts")}</li>
        <li>{t("notCharged")}</li>
        <li>{t.rich("refunded", { reasons: list(refunded), strong })}</li>
        <li>{t.rich("charged", { reasons: list(charged), strong })}</li>
        <li>{t("ledger")}</li>
      </ul>
    </section>
  );
}
