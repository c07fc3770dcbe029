import "server-only";
import { prisma } from "@/lib/db/client";
import { postMessage, type ChatterLog } from "@/lib/contacts/chatter";
import type { LetterErrorCode } from "@/lib/generated/prisma/client";
import { encodeLetterError, type LetterErrorDetail } from "./letter-error";
import type { Acceptance, PostalProvider } from "./providers/provider";

// How a letter's attempt ends, as the queue (./queue.ts) records it: the state
// change, and for Sent and Error the chatter entry in the same transaction.

export type LetterOutcome = "sent" | "error" | "retry" | "no-credit" | "skipped";

/** Records an outcome and lets go of the lease (the hold id stays: it says which hold paid). */
export async function finish(letterId: number, data: Parameters<ReturnType<typeof prisma>["letter"]["update"]>[0]["data"]) {
  await prisma().letter.update({ where: { id: letterId }, data: { ...data, lockedUntil: null } });
}

/**
 * The letter's outcome in its contact's chatter, like an SMS's, in the same
 * transaction as the state change it records (so it is logged once).
 */
async function finishAndLog(letterId: number, data: Parameters<typeof finish>[1], log: (letter: { id: number; subject: string; pages: number; country: string }) => ChatterLog) {
  await prisma().$transaction(async (tx) => {
    const letter = await tx.letter.update({
      where: { id: letterId },
      data: { ...data, lockedUntil: null },
      select: { id: true, companyId: true, contactId: true, subject: true, pages: true, country: true, createdById: true },
    });
    if (letter.contactId) await postMessage({ companyId: letter.companyId, contactId: letter.contactId, kind: "LETTER", body: "", log: log(letter), authorId: letter.createdById }, tx);
  });
}

export async function markSent(letterId: number, provider: PostalProvider, acceptance: Acceptance): Promise<LetterOutcome> {
  await finishAndLog(letterId, {
    state: "SENT",
    provider: provider.name,
    providerId: acceptance.providerId,
    trackingId: acceptance.trackingId,
    sentAt: new Date(),
    errorCode: null,
    errorMessage: null,
    requestKey: null,
  }, (letter) => ({
    code: "letterPosted",
    params: { letterId: letter.id, subject: letter.subject, pages: letter.pages, country: letter.country, tracking: acceptance.trackingId ?? null },
  }));
  return "sent";
}

/** A refusal drops the request key (nothing was posted); giving up after outages keeps it for a Re-send to ask about. */
export async function markError(letterId: number, code: LetterErrorCode, detail: LetterErrorDetail, options: { attempts?: number; keepRequestKey?: boolean } = {}): Promise<LetterOutcome> {
  // The chatter gives the code's words, as an SMS's failure entry does; the letter's page gives the detail.
  await finishAndLog(
    letterId,
    {
      state: "ERROR",
      errorCode: code,
      errorMessage: encodeLetterError(detail),
      ...(options.keepRequestKey ? {} : { requestKey: null }),
      ...(options.attempts ? { attempts: options.attempts } : {}),
    },
    (letter) => ({ code: "letterNotPosted", params: { letterId: letter.id, reason: code } }),
  );
  return "error";
}

/** The company's other queued letters say why they wait; nothing else about them changes. */
export async function markWaitingForCredits(companyId: number, stoppedAt: number) {
  await prisma().letter.updateMany({
    where: { companyId, state: "QUEUED", id: { not: stoppedAt }, OR: [{ errorCode: null }, { errorCode: "NO_CREDIT" }], lockedUntil: null },
    data: { errorCode: "NO_CREDIT", errorMessage: encodeLetterError({ kind: "waiting-for-credits" }) },
  });
}
