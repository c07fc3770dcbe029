"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize, type SessionUser } from "@/lib/auth/session";
import { buyCreditsPath } from "@/lib/iap/errors";
import { formatCredits } from "@/lib/iap/units";
import { ADDRESS_FIELD_LABELS } from "@/lib/snailmail/address";
import { prepareLetter, queueLetter, SNAILMAIL, type ComposeInput } from "@/lib/snailmail/compose";
import { availableForLetters } from "@/lib/snailmail/letters";
import { ZONE_LABELS } from "@/lib/snailmail/price";
import { composeSchema, MAX_DOCUMENT_BYTES, type ComposeState, type Quote } from "@/lib/snailmail/schemas";
import { formDataOf } from "@/lib/http/params";

/** The signed-in user, or the message to show when the session has ended. */
async function signedIn(): Promise<SessionUser | { ok: false; message: string }> {
  try {
    return await authorize("ANY");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
}

type Parsed = { ok: true; input: ComposeInput } | { ok: false; fieldErrors: Record<string, string[] | undefined> };

async function parse(user: SessionUser, formData: FormData): Promise<Parsed> {
  const parsed = composeSchema.safeParse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const values = parsed.data;
  const input: ComposeInput = {
    companyId: user.companyId,
    contactId: values.contactId,
    subject: values.subject,
    color: values.color === "color",
    duplex: values.sides === "duplex",
  };
  if (values.mode === "letter") return { ok: true, input: { ...input, body: values.body } };
  const file = formData.get("document");
  if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { document: ["Choose a PDF document to attach."] } };
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, fieldErrors: { document: ["The document is larger than 8 MB."] } };
  return { ok: true, input: { ...input, document: { name: file.name || "document.pdf", bytes: new Uint8Array(await file.arrayBuffer()) } } };
}

/** The "≈ X credits" preview: renders and prices the letter, charges nothing, queues nothing. */
export async function quoteLetterAction(formData: FormData): Promise<Quote> {
  formData = formDataOf(formData);
  const user = await signedIn();
  if ("ok" in user) return user;
  const parsed = await parse(user, formData);
  if (!parsed.ok) return { ok: false, message: Object.values(parsed.fieldErrors).flat().filter(Boolean)[0] ?? "Complete the form to see the price." };
  const prepared = await prepareLetter(parsed.input);
  if (!prepared.ok) return { ok: false, message: prepared.message };
  const available = await availableForLetters(user.companyId);
  return {
    ok: true,
    credits: formatCredits(prepared.credits, prepared.decimals),
    pages: prepared.pages,
    sheets: prepared.sheets,
    zone: ZONE_LABELS[prepared.zone],
    available: formatCredits(available.units, available.decimals),
    enough: available.units >= prepared.credits,
  };
}

/** "Send": checks the address, renders, prices and puts the letter In Queue. The queue job charges when it posts. */
export async function sendLetterAction(_previous: ComposeState, formData: FormData): Promise<ComposeState> {
  formData = formDataOf(formData);
  const user = await signedIn();
  if ("ok" in user) return user;
  const parsed = await parse(user, formData);
  if (!parsed.ok) return { ok: false, message: "Check the highlighted fields.", fieldErrors: parsed.fieldErrors };
  const queued = await queueLetter({ ...parsed.input, createdById: user.id });
  if (!queued.ok) {
    return {
      ok: false,
      message: queued.message,
      fieldErrors: queued.fieldErrors,
      missing: queued.missing?.map((field) => ADDRESS_FIELD_LABELS[field]),
    };
  }
  revalidatePath(`/contacts/${parsed.input.contactId}/post`);
  revalidatePath("/letters");
  const available = await availableForLetters(user.companyId);
  const price = formatCredits(queued.credits, queued.decimals);
  return {
    ok: true,
    letterId: queued.letterId,
    message: `Letter #${queued.letterId} is In Queue (≈ ${price} credits, charged when it is posted).`,
    shortfall:
      available.units < queued.credits
        ? { needed: price, available: formatCredits(available.units, available.decimals), buyUrl: buyCreditsPath(SNAILMAIL) }
        : undefined,
  };
}
