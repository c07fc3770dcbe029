import { AuthError, checkCaller } from "@/lib/auth/session";
import { findInvoice } from "@/lib/billing/invoices";
import { renderInvoicePdf } from "@/lib/billing/invoice-pdf";

// GET /settings/iap/<account>/purchases/<purchase>/invoice — the purchase's
// invoice, for its company's administrators only: Stripe's hosted invoice, or
// the app's own as a PDF.
export async function GET(_request: Request, { params }: { params: Promise<{ accountId: string; purchaseId: string }> }) {
  try {
    const user = await checkCaller("ADMIN");
    const { purchaseId: raw } = await params;
    const purchaseId = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    const invoice = purchaseId > 0 ? await findInvoice(user.companyId, purchaseId) : null;
    if (!invoice) return new Response("No invoice for this purchase.", { status: 404 });
    if (invoice.issuer === "STRIPE") {
      const target = invoice.hostedUrl ?? invoice.pdfUrl;
      if (!target) return new Response("Stripe is still preparing this invoice: try again in a minute.", { status: 404 });
      return Response.redirect(target, 302);
    }
    const pdf = await renderInvoicePdf(invoice);
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${invoice.number ?? `invoice-${purchaseId}`}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AuthError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
