import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader, type Crumb } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadBuyPage } from "@/lib/billing/buy-page";
import { formatMoney } from "@/lib/money";
import { formatPackCredits, formatPricePerCredit } from "@/lib/billing/pack-pricing";
import { getService } from "@/lib/iap/accounts";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { accountPath, buyCreditsPath } from "@/lib/routes";
import { formatCredits } from "@/lib/iap/units";
import { PackCard } from "./_components/pack-card";

export async function generateMetadata({ params }: { params: Promise<{ service: string }> }): Promise<Metadata> {
  const technicalName = serviceNameSchema.safeParse((await params).service);
  const service = technicalName.success ? await getService(technicalName.data).catch(() => null) : null;
  return { title: service ? `Buy Credits for ${service.name}` : "Buy Credits" };
}

export default async function BuyCreditsPage({
  params,
  searchParams,
}: {
  params: Promise<{ service: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { service: rawService } = await params;
  const { cancelled } = await searchParams;
  const technicalName = serviceNameSchema.safeParse(rawService);
  if (!technicalName.success) notFound();
  const user = await requireUser(buyCreditsPath(technicalName.data));
  const page = await loadBuyPage(user, technicalName.data);
  if (!page) notFound();
  const { service } = page;

  const title = `Buy Credits for ${service.name}`;
  const crumbs: Crumb[] =
    user.role === "ADMIN"
      ? [{ label: "Settings", href: "/settings" }, { label: "IAP Account", href: "/settings/iap" }, { label: service.name, href: accountPath(page.accountId) }, { label: title }]
      : [{ label: title }];
  const askWhom = page.admins.map((admin) => `${admin.name} (${admin.email})`).join(" or ") || "an administrator of your company";

  return (
    <>
      <PageHeader crumbs={crumbs} />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        {cancelled === "1" && (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">Payment cancelled, no credits were added.</p>
            <p>You can choose a pack again whenever you are ready.</p>
          </div>
        )}
        {!page.canBuy && (
          <div role="note" className="rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-950">
            <p className="font-medium">Only administrators can buy credits.</p>
            <p>Ask {askWhom}.</p>
          </div>
        )}

        <section aria-labelledby="balance-heading" className="flex flex-wrap items-baseline justify-between gap-3 rounded-lg border border-gray-200 bg-white px-5 py-4">
          <div>
            <h2 id="balance-heading" className="text-sm text-gray-600">
              Current balance
            </h2>
            <p className="text-2xl font-semibold tabular-nums" data-testid="current-balance">
              {formatCredits(page.balance, service.decimals)} {service.unitName}
            </p>
          </div>
          <p className="max-w-md text-sm text-gray-600">
            Credits are prepaid for {service.name} and used automatically. Bigger packs cost less per credit.
          </p>
        </section>

        {page.packs.length === 0 ? (
          <p className="text-sm text-gray-600">No packs are on sale for {service.name} at the moment.</p>
        ) : (
          <ul aria-label="Credit packs" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {page.packs.map((pack) => (
              <li key={pack.id} className="flex">
                <div className="flex-1 [&>article]:h-full">
                  <PackCard
                    service={service.technicalName}
                    packId={pack.id}
                    name={pack.name}
                    credits={formatPackCredits(pack.credits, service.decimals)}
                    unitName={service.unitName}
                    price={formatMoney(pack.price, pack.currency)}
                    pricePerCredit={formatPricePerCredit(pack.price, pack.currency, pack.credits, service.decimals)}
                    canBuy={page.canBuy}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}

        <p className="text-sm text-gray-600">
          {page.demo ? (
            <>
              Payments run in <strong>demo mode</strong> on this server: Buy opens a demo checkout where no money moves.
            </>
          ) : (
            <>Buy takes you to Stripe&apos;s secure checkout. Credits are added as soon as the payment is confirmed.</>
          )}
        </p>
      </div>
    </>
  );
}
