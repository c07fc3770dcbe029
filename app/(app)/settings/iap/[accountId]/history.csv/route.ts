import { callerRoute, routeRefusal } from "@/lib/auth/caller-route";
import { historyFilterSchema } from "@/lib/iap/history-filter";
import { streamHistoryCsv } from "@/lib/iap/history";
import { translatorFor } from "@/lib/i18n/catalogue";
import { historyFilterRefusal } from "../../_messages/history-filter-refusal";
import { ledgerDescription } from "../../_messages/ledger-words";

// GET /settings/iap/:accountId/history.csv?kind=&user=&from=&to=&q= — the
// filtered credit history as CSV, streamed row batch by row batch, its
// descriptions in the exporter's language.
export const GET = callerRoute("ADMIN", async (user, request, { params }: { params: Promise<{ accountId: string }> }) => {
  const { accountId } = await params;
  if (!/^\d{1,9}$/.test(accountId)) return routeRefusal(user, 404, "notFound");
  const filter = historyFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!filter.success) return new Response(historyFilterRefusal(filter.error, user.locale ?? "en"), { status: 400 });
  const words = translatorFor(user.locale ?? "en", "iap");
  const stream = await streamHistoryCsv(user.companyId, Number(accountId), filter.data, (entry) => ledgerDescription(words, entry));
  if (!stream) return routeRefusal(user, 404, "notFound");
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="credit-history-${accountId}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
