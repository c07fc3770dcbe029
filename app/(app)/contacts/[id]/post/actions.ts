"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import { action, formAction, ok, refuse } from "@/lib/actions/action";
import type { SessionUser } from "@/lib/auth/session";
import { SERVICES } from "@/lib/iap/catalogue";
import { formatCredits } from "@/lib/iap/units";
import { buyCreditsPath, contactPostPath } from "@/lib/routes";
import { prepareLetter, queueLetter, type ComposeInput } from "@/lib/snailmail/compose";
import { availableForLetters } from "@/lib/snailmail/letters";
import { composeSchema, type QueuedLetter, type Quote } from "@/lib/snailmail/schemas";
import { letterRefusal } from "./_messages/letter-refusals";

async function composeInput(user: SessionUser, values: z.output<typeof composeSchema>): Promise<ComposeInput> {
  const input: ComposeInput = {
    companyId: user.companyId,
    contactId: values.contactId,
    subject: values.subject,
    color: values.color === "color",
    duplex: values.sides === "duplex",
  };
  if (values.mode === "letter" || !values.document) return { ...input, body: values.body };
  return { ...input, document: { name: values.document.name || "document.pdf", bytes: new Uint8Array(await values.document.arrayBuffer()) } };
}

/** The "≈ X credits" preview: renders and prices the letter, charges nothing, queues nothing. */
export const quoteLetterAction = action({
  role: "ANY",
  input: composeSchema,
  messages: "letters",
  async run({ user, input, t }) {
    const locale = await getLocale();
    const prepared = await prepareLetter(await composeInput(user, input));
    if (!prepared.ok) return refuse(letterRefusal(t, prepared.problem, locale).message);
    const available = await availableForLetters(user.companyId);
    return ok<Quote>(undefined, {
      credits: formatCredits(prepared.credits, prepared.decimals),
      pages: prepared.pages,
      sheets: prepared.sheets,
      zone: t(`zone.${prepared.zone}`),
      available: formatCredits(available.units, available.decimals),
      enough: available.units >= prepared.credits,
    });
  },
});

/** "Send": checks the address, renders, prices and puts the letter In Queue. The queue job charges when it posts. */
export const sendLetterAction = formAction({
  role: "ANY",
  input: composeSchema,
  messages: "letters",
  revalidate: (input) => [contactPostPath(input.contactId), "/letters"],
  async run({ user, input, t }) {
    const locale = await getLocale();
    const queued = await queueLetter({ ...(await composeInput(user, input)), createdById: user.id });
    if (!queued.ok) {
      const refusal = letterRefusal(t, queued.problem, locale);
      return refuse(refusal.message, refusal.fieldErrors);
    }
    const available = await availableForLetters(user.companyId);
    const price = formatCredits(queued.credits, queued.decimals);
    return ok<QueuedLetter>(t("post.queued", { id: queued.letterId, credits: price, count: Number(price.replace(/,/g, "")) }), {
      letterId: queued.letterId,
      shortfall:
        available.units < queued.credits
          ? {
              kind: "buy-credits",
              service: "Snailmail",
              attempt: "postLetterNow",
              needed: price,
              available: formatCredits(available.units, available.decimals),
              buyUrl: buyCreditsPath(SERVICES.snailmail),
            }
          : undefined,
    });
  },
});
