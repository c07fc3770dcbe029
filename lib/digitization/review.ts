import "server-only";
import { prisma } from "@/lib/db/client";
import { amountToCents } from "./extract/checks";
import { FIELD_NAMES, type ExtractedFields } from "./extract/types";
import type { ReviewValues } from "./schemas";
import { findOrCreateVendor } from "./vendors";

// The reviewer's step: the form starts from what was read, and Confirm turns
// the corrected fields into a vendor bill.

/** The one refusal of confirming: the document is not waiting for review (already confirmed, or being read). */
export class ReviewError extends Error {
  readonly code = "not-waiting";
}

/**
 * The reviewer's corrected fields become a vendor bill, its vendor a contact
 * (matched by VAT number, then name, or created). One transaction; the
 * conditional state change makes a double confirm create one bill.
 */
export async function confirmDocument(user: { id: number; companyId: number }, documentId: number, values: ReviewValues) {
  return prisma().$transaction(async (tx) => {
    const claimed = await tx.document.updateMany({
      where: { id: documentId, companyId: user.companyId, state: "TO_REVIEW" },
      data: { state: "DONE" },
    });
    if (claimed.count !== 1) throw new ReviewError("not waiting for review");
    const document = await tx.document.findFirstOrThrow({ where: { id: documentId }, select: { kind: true, fields: true, lines: true, creditNote: true } });
    const vendor = await findOrCreateVendor(tx, user.companyId, { name: values.vendorName, vat: values.vendorVat });
    const toDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
    const bill = await tx.vendorBill.create({
      data: {
        companyId: user.companyId,
        documentId,
        kind: document.kind,
        vendorId: vendor.id,
        invoiceNumber: values.invoiceNumber,
        invoiceDate: toDate(values.invoiceDate),
        dueDate: toDate(values.dueDate),
        currency: values.currency,
        subtotal: amountToCents(values.subtotal),
        tax: amountToCents(values.tax),
        total: amountToCents(values.total)!,
        iban: values.iban,
        creditNote: document.creditNote,
        lines: document.lines ?? undefined,
        createdById: user.id,
      },
    });
    // Keep what the reviewer settled on beside what was read, for the record.
    const fields = (document.fields ?? {}) as Record<string, unknown>;
    await tx.document.update({ where: { id: documentId }, data: { fields: { ...fields, reviewed: values } } });
    return { bill, vendorCreated: vendor.created };
  });
}

/** Field values as the review form starts: what was read, or blank. */
export function reviewDefaults(fields: ExtractedFields | null): Record<string, string> {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, fields?.[name]?.value ?? ""]));
}
