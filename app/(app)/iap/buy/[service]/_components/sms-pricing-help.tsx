import { failurePolicies } from "@/lib/sms/delivery/failure-policy";
import { deliveryFailureText } from "@/app/(app)/contacts/_messages/sms-status";

/** How SMS are charged, and which failed messages are refunded (the policy in lib/sms/delivery/failure-policy.ts). */
export function SmsPricingHelp() {
  const policies = failurePolicies();
  const refunded = policies.filter((p) => p.refundable);
  const charged = policies.filter((p) => !p.refundable);
  const list = (items: typeof policies) => items.map((p) => `${deliveryFailureText(p.reason)} (${p.code})`).join(", ");
  return (
    <section aria-labelledby="sms-pricing-heading" className="rounded-lg border border-gray-200 bg-white px-5 py-4 text-sm text-gray-700">
      <h2 id="sms-pricing-heading" className="mb-2 font-medium text-gray-900">
        How SMS are charged
      </h2>
      <ul className="list-disc space-y-1.5 pl-5">
        <li>Each SMS costs the destination country&apos;s price per part; a long message is sent in several parts (160 characters each, 70 with emoji or non-Latin letters).</li>
        <li>Nothing is charged for a number that is badly formatted, refused by the gateway, or opted out (replied STOP): the message is refused before it is sent.</li>
        <li>
          A message that the carrier reports failed <strong>is refunded</strong> when the failure is not the recipient&apos;s number: {list(refunded)}, and any failure the carrier gives no known reason for.
        </li>
        <li>
          It <strong>stays charged</strong> when it failed on the recipient&apos;s number — the number was wrong or could not take it: {list(charged)}.
        </li>
        <li>Each refund appears once in the ledger as a REFUND entry that names the message.</li>
      </ul>
    </section>
  );
}
