import { renderInvoicePdf } from "@/lib/billing/invoice-pdf";
import { findInvoice } from "@/lib/billing/invoices";
import { callerRoute, routeRefusal } from "@/lib/auth/caller-route";
import { pdfResponse } from "@/lib/http/pdf-response";

// GET /settings/iap/<account>/purchases/<purchase>/invoice — the purchase's
// invoice, for its company's administrators only: Stripe's hosted invoice, or
// the app's own as a PDF.
export const GET = callerRoute("ADMIN", async (user, _request, { params }: { params: Promise<{ accountId: string; purchaseId: string }> }) => {
  const { purchaseId: raw } = await params;
  const purchaseId = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const invoice = purchaseId > 0 ? await findInvoice(user.companyId, purchaseId) : null;
  if (!invoice) return routeRefusal(user, 404, "noInvoice");
  if (invoice.issuer === "STRIPE") {
    const target = invoice.hostedUrl ?? invoice.pdfUrl;
    if (!target) return routeRefusal(user, 404, "invoicePreparing");
    return Response.redirect(target, 302);
  }
  return pdfResponse(await renderInvoicePdf(invoice), `${invoice.number ?? `invoice-${purchaseId}`}.pdf`, "inline");
});
