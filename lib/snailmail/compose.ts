import "server-only";
import { prisma } from "@/lib/db/client";
import { getService } from "@/lib/iap/accounts";
import { creditsToUnits } from "@/lib/iap/units";
import { validateAddress, type AddressField, type AddressProblem, type PostalAddress } from "./address";
import { priceLetter, type PriceProblem, type Zone } from "./price";
import { queueLetterRun } from "./queue-run";
import { LetterFormatError, renderDocumentLetter, renderLetter, unprintableCharacters, type DocumentProblem, type Recipient, type Sender } from "./render";
import { SERVICES } from "@/lib/iap/catalogue";
import { isLocale } from "@/lib/i18n/locales";

export interface ComposeInput {
  companyId: number;
  contactId: number;
  subject: string;
  color: boolean;
  duplex: boolean;
  /** The letter's text (compose mode) … */
  body?: string;
  /** … or an attached PDF document. */
  document?: { name: string; bytes: Uint8Array };
}

/**
 * Why the letter cannot be posted, as a code (+ params) the action words
 * (app/(app)/contacts/[id]/post/_messages/letter-refusals.ts).
 */
export type ComposeProblem =
  | { code: "contactGone" }
  | { code: "address"; missing: AddressField[]; invalid: Partial<Record<AddressField, AddressProblem>> }
  | { code: "unprintable"; params: { characters: string[] }; field: "body" }
  | (DocumentProblem & { field: "document" })
  | PriceProblem;

export type ComposeFailure = {
  ok: false;
  code: "MISSING_FIELDS" | "FORMAT_ERROR" | "NO_PRICE" | "NOT_FOUND";
  problem: ComposeProblem;
};

export type Prepared = {
  ok: true;
  pdf: Uint8Array;
  pages: number;
  sheets: number;
  zone: Zone;
  /** Price in the snailmail service's units. */
  credits: bigint;
  decimals: number;
  address: Recipient;
};

/** The contact's address as the check and the PDF see it. */
export function contactAddress(contact: { name: string; street: string | null; street2: string | null; city: string | null; zip: string | null; country: string | null }): PostalAddress {
  return { name: contact.name, street: contact.street, street2: contact.street2, city: contact.city, zip: contact.zip, country: contact.country };
}

/** The address check on a contact of this company (and the sender's country); null when there is no such contact. */
export async function checkContactAddress(companyId: number, contactId: number) {
  const contact = await prisma().contact.findFirst({ where: { id: contactId, companyId }, include: { company: { select: { country: true } } } });
  if (!contact) return null;
  return { contact, senderCountry: contact.company.country, check: validateAddress(contactAddress(contact)) };
}

/**
 * Checks the address, renders the PDF and prices it — everything short of
 * queueing. Nothing is charged here (the queue job charges when it posts), so
 * the compose page can call it for the "≈ X credits" preview as often as it likes.
 */
export async function prepareLetter(input: ComposeInput): Promise<Prepared | ComposeFailure> {
  const found = await checkContactAddress(input.companyId, input.contactId);
  if (!found) return { ok: false, code: "NOT_FOUND", problem: { code: "contactGone" } };
  const { check } = found;
  if (!check.ok) {
    return { ok: false, code: check.missing.length ? "MISSING_FIELDS" : "FORMAT_ERROR", problem: { code: "address", missing: check.missing, invalid: check.invalid } };
  }
  const company = await prisma().company.findUniqueOrThrow({ where: { id: input.companyId } });
  const sender: Sender = { name: company.name, street: company.street, city: company.city, zip: company.zip, country: company.country };
  const recipient: Recipient = check.address;

  const text = `${input.subject}\n${input.body ?? ""}\n${Object.values(recipient).join("\n")}`;
  const unprintable = await unprintableCharacters(text);
  if (unprintable.length) {
    return { ok: false, code: "FORMAT_ERROR", problem: { code: "unprintable", params: { characters: unprintable.slice(0, 10) }, field: "body" } };
  }

  let rendered;
  try {
    const content = { sender, recipient, subject: input.subject, date: new Date(), locale: isLocale(company.locale) ? company.locale : undefined };
    rendered = input.document
      ? await renderDocumentLetter(input.document.bytes, { ...content, duplex: input.duplex, attachmentName: input.document.name })
      : await renderLetter({ ...content, body: input.body ?? "" });
  } catch (error) {
    if (error instanceof LetterFormatError) return { ok: false, code: "FORMAT_ERROR", problem: { ...error.problem, field: "document" } };
    throw error;
  }

  const price = priceLetter({ senderCountry: company.country, country: recipient.country, pages: rendered.pages, color: input.color, duplex: input.duplex });
  if (!price.ok) return { ok: false, code: price.code, problem: price.problem };
  const service = await getService(SERVICES.snailmail);
  return {
    ok: true,
    pdf: rendered.pdf,
    pages: rendered.pages,
    sheets: price.sheets,
    zone: price.zone,
    credits: creditsToUnits(price.credits, service.decimals),
    decimals: service.decimals,
    address: recipient,
  };
}

/** Renders, prices and puts the letter In Queue. Charging happens when the queue job posts it. */
export async function queueLetter(input: ComposeInput & { createdById: number }): Promise<(Prepared & { letterId: number }) | ComposeFailure> {
  const prepared = await prepareLetter(input);
  if (!prepared.ok) return prepared;
  // The letter and its company's queue run, in one transaction: a letter in
  // the queue always has a run coming.
  const letter = await prisma().$transaction(async (tx) => {
    const created = await tx.letter.create({
      data: {
        companyId: input.companyId,
        contactId: input.contactId,
        subject: input.subject,
        body: input.document ? null : (input.body ?? ""),
        attachmentName: input.document?.name ?? null,
        color: input.color,
        duplex: input.duplex,
        pages: prepared.pages,
        sheets: prepared.sheets,
        pdf: new Uint8Array(prepared.pdf),
        address: { ...prepared.address },
        country: prepared.address.country,
        zone: prepared.zone,
        credits: prepared.credits,
        createdById: input.createdById,
      },
      select: { id: true },
    });
    await queueLetterRun(input.companyId, { db: tx });
    return created;
  });
  return { ...prepared, letterId: letter.id };
}
