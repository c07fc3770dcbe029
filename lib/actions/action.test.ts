// The action wrapper, driven with a given caller (what currentUser() would
// return): the role check, zod field errors, the buy prompt, the error id of
// an unexpected failure, and the values a refused form gets back.
import { afterEach, describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { ok, refuse, runAction, type ActionDefinition, type Caller } from "./action";
import { formList } from "@/lib/form-fields";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { contactSchema as contactFormSchema, noteSchema } from "@/lib/contacts/schemas";
import { translatorFor } from "@/lib/i18n/catalogue";
import { ATTEMPTS } from "@/lib/iap/insufficient-credits";
import { warningSettingsSchema } from "@/lib/iap/schemas";
import { siteSchema } from "@/lib/visitors/schemas";
import { refuseInput } from "./action";

// The pages the wrapper asked Next to refresh (outside a Next request, revalidatePath has no cache to clear).
const refreshed = vi.hoisted(() => [] as unknown[][]);
vi.mock("next/cache", () => ({ revalidatePath: (...page: unknown[]) => refreshed.push(page) }));

const admin: SessionUser = { id: 1, companyId: 10, email: "admin@example.com", name: "Ada Admin", role: "ADMIN" };
const user: SessionUser = { ...admin, id: 2, email: "user@example.com", name: "Uma User", role: "USER" };

function form(fields: Record<string, string | string[] | File>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

const contactSchema = z.object({
  name: z.string().trim().min(1, "Enter the contact's name."),
  email: z.email("Enter a valid e-mail address."),
  tags: formList(z.array(z.string())),
});

/** An action that records what ran, so a test can tell "refused before the work" from "refused by it". */
function saveContact<C extends Caller>(role: C, work: ActionDefinition<C, typeof contactSchema, { id: number }>["run"] = async () => ok("Saved.", { id: 7 })) {
  const calls: unknown[] = [];
  const definition: ActionDefinition<C, typeof contactSchema, { id: number }> = {
    role,
    input: contactSchema,
    attempt: "sendSms",
    async run(call) {
      calls.push(call.input);
      return work(call);
    },
  };
  return { definition, calls };
}

const VALID = { name: "Marie Dupont", email: "marie@example.com", tags: ["vip", "fr"] };

afterEach(() => vi.restoreAllMocks());

describe("runAction: who may call", () => {
  it("signed out: refused with the signed-out code before any work, the typed values kept", async () => {
    const { definition, calls } = saveContact("ANY");
    const state = await runAction(definition, null, form(VALID));
    expect(state).toEqual({ ok: false, code: "signed-out", values: { name: "Marie Dupont", email: "marie@example.com", tags: ["vip", "fr"] } });
    expect(calls).toHaveLength(0);
  });

  it("a USER calling an ADMIN action is refused; an admin gets through", async () => {
    const { definition, calls } = saveContact("ADMIN");
    expect(await runAction(definition, user, form(VALID))).toMatchObject({ ok: false, code: "forbidden" });
    expect(calls).toHaveLength(0);
    expect(await runAction(definition, admin, form(VALID))).toEqual({ ok: true, message: "Saved.", data: { id: 7 } });
    expect(calls).toEqual([{ name: "Marie Dupont", email: "marie@example.com", tags: ["vip", "fr"] }]);
  });

  it("a PUBLIC action runs with no session and no user", async () => {
    const seen: unknown[] = [];
    const state = await runAction(
      { role: "PUBLIC", input: z.object({ token: z.string().min(10) }), run: async ({ user }) => (seen.push(user), ok("Signed.")) },
      null,
      form({ token: "a-long-enough-token" }),
    );
    expect(state).toEqual({ ok: true, message: "Signed." });
    expect(seen).toEqual([null]);
  });
});

describe("runAction: input", () => {
  it("zod's field errors come back by field, nothing runs", async () => {
    const { definition, calls } = saveContact("ANY");
    const state = await runAction(definition, user, form({ name: "  ", email: "not-an-address" }));
    expect(state).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["Enter the contact's name."], email: ["Enter a valid e-mail address."] },
      values: { name: "  ", email: "not-an-address" },
    });
    expect(calls).toHaveLength(0);
  });

  it("zod's own messages come in the caller's language", async () => {
    const schema = z.object({ count: z.coerce.number().int().min(1), email: z.email() });
    const definition: ActionDefinition<"ANY", typeof schema, undefined> = { role: "ANY", input: schema, run: async () => ok() };
    const bad = { count: "0", email: "x" };
    const errors = async (locale?: "en" | "fr" | "zh-CN") => {
      const state = await runAction(definition, { ...user, locale }, form(bad));
      return state.ok ? {} : state.fieldErrors;
    };
    const english = await errors("en");
    const french = await errors("fr");
    const chinese = await errors("zh-CN");
    expect(english?.email).toEqual(["Invalid email address"]);
    expect(french?.email?.[0]).toMatch(/e-mail invalide/i);
    expect(chinese?.email?.[0]).toMatch(/电子邮件/);
    expect(french?.count?.[0]).not.toBe(english?.count?.[0]);
    expect(await errors(undefined)).toEqual(english);
  });

  it("one checkbox ticked is still a list; none ticked is an empty list", async () => {
    const { definition, calls } = saveContact("ANY");
    await runAction(definition, user, form({ ...VALID, tags: "vip" }));
    await runAction(definition, user, form({ name: VALID.name, email: VALID.email }));
    expect(calls).toEqual([
      { ...VALID, tags: ["vip"] },
      { ...VALID, tags: [] },
    ]);
  });

  it("a form-level error (refine on the whole input) comes back as formErrors", async () => {
    const schema = z.object({ from: z.coerce.number(), to: z.coerce.number() }).refine((range) => range.from <= range.to, "The start must come before the end.");
    const state = await runAction({ role: "ANY", input: schema, run: async () => ok() }, user, form({ from: "5", to: "2" }));
    expect(state).toMatchObject({ ok: false, code: "invalid", formErrors: ["The start must come before the end."] });
  });

  it("a direct call (not a form) is parsed as given, and no values are echoed", async () => {
    const schema = z.object({ ids: z.array(z.number().int().positive()).min(1, "Select at least one contact.") });
    const state = await runAction({ role: "ANY", input: schema, run: async ({ input }) => ok(undefined, input.ids.length) }, user, { ids: [] });
    expect(state).toEqual({ ok: false, code: "invalid", fieldErrors: { ids: ["Select at least one contact."] } });
    expect(await runAction({ role: "ANY", input: schema, run: async ({ input }) => ok(undefined, input.ids.length) }, user, { ids: [3, 4] })).toEqual({ ok: true, data: 2 });
  });
});

describe("runAction: the schemas' codes in the caller's language", () => {
  const fieldErrorsOf = async <S extends z.ZodType>(input: S, raw: unknown, locale?: "en" | "fr" | "zh-CN", role: Caller = "ANY") => {
    const state = await runAction({ role, input, run: async () => ok() }, role === "PUBLIC" ? null : { ...user, locale }, raw, locale);
    return (state.ok ? {} : { ...state.fieldErrors, ...(state.formErrors ? { form: state.formErrors } : {}) }) as Record<string, string[] | undefined>;
  };

  it("a contact without a name: English as today, French and Chinese for those readers", async () => {
    const blank = form({ name: " ", email: "marie@" });
    expect(await fieldErrorsOf(contactFormSchema, blank, "en")).toEqual({ name: ["Enter the contact's name."], email: ["Enter a valid e-mail address, like name@example.com."] });
    expect(await fieldErrorsOf(contactFormSchema, blank, "fr")).toEqual({ name: ["Saisissez le nom du contact."], email: ["Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."] });
    expect(await fieldErrorsOf(contactFormSchema, blank, "zh-CN")).toEqual({ name: ["请输入联系人姓名。"], email: ["请输入有效的电子邮件地址，例如 name@example.com。"] });
    // No language on the session: English.
    expect(await fieldErrorsOf(contactFormSchema, blank)).toEqual(await fieldErrorsOf(contactFormSchema, blank, "en"));
  });

  it("the passwords that differ, in each language", async () => {
    const differ = form({ currentPassword: "old-password", password: "new-password", confirmPassword: "new-passwrod" });
    expect((await fieldErrorsOf(changePasswordSchema, differ, "en")).confirmPassword).toEqual(["The two passwords differ."]);
    expect((await fieldErrorsOf(changePasswordSchema, differ, "fr")).confirmPassword).toEqual(["Les deux mots de passe sont différents."]);
    expect((await fieldErrorsOf(changePasswordSchema, differ, "zh-CN")).confirmPassword).toEqual(["两次输入的密码不一致。"]);
  });

  it("a limit is said with the schema's own figure, formatted for the reader", async () => {
    const long = form({ contactId: "7", body: "x".repeat(10_001) });
    expect((await fieldErrorsOf(noteSchema, long, "en")).body).toEqual(["At most 10,000 characters."]);
    expect((await fieldErrorsOf(noteSchema, long, "fr")).body).toEqual(["Au plus 10\u202f000 caractères."]);
    expect((await fieldErrorsOf(noteSchema, long, "zh-CN")).body).toEqual(["最多 10,000 个字符。"]);
  });

  it("a custom issue's params fill its message: the address that is not one is quoted", async () => {
    const site = form({ name: "Shop", origins: "https://shop.example.com ftp://files.example.com" });
    expect((await fieldErrorsOf(siteSchema, site, "en")).origins).toEqual(["“ftp://files.example.com” is not a web address: write it like https://www.example.com."]);
    expect((await fieldErrorsOf(siteSchema, site, "fr")).origins).toEqual(["«\u00a0ftp://files.example.com\u00a0» n'est pas une adresse web\u00a0: écrivez-la comme https://www.example.com."]);
  });

  it("a signed-out visitor (PUBLIC action) reads them in the language given for the visit", async () => {
    expect(await fieldErrorsOf(changePasswordSchema, form({ currentPassword: "", password: "short", confirmPassword: "short" }), "fr", "PUBLIC")).toEqual({
      currentPassword: ["Saisissez votre mot de passe actuel."],
      password: ["Le mot de passe doit comporter au moins 8 caractères."],
    });
  });

  it("an input the action judges with a second schema (refuseInput) is said the same way, with its data", async () => {
    const schema = z.looseObject({ accountId: z.string() });
    const state = await runAction(
      { role: "ANY", input: schema, run: async ({ input }) => { const settings = warningSettingsSchema(2, "fr").safeParse(input); return settings.success ? ok() : refuseInput(settings.error); } },
      { ...user, locale: "fr" },
      form({ accountId: "1", warnEnabled: "on", threshold: "2,555", email: "" }),
    );
    expect(state).toMatchObject({ ok: false, code: "invalid", fieldErrors: { threshold: ["Utilisez au plus 2\u00a0décimales."], email: ["Saisissez l'adresse e-mail qui reçoit l'avertissement."] } });
  });
});

describe("runAction: refusals and failures", () => {
  it("a domain refusal carries its message and field errors, and the typed values", async () => {
    const { definition } = saveContact("ANY", async () => refuse("A contact with this e-mail exists.", { email: ["Already used by Marie D."] }));
    expect(await runAction(definition, user, form(VALID))).toEqual({
      ok: false,
      code: "refused",
      message: "A contact with this e-mail exists.",
      fieldErrors: { email: ["Already used by Marie D."] },
      values: { name: "Marie Dupont", email: "marie@example.com", tags: ["vip", "fr"] },
    });
  });

  it("a refusal the domain throws is worded by the definition's `refusal`, with the typed values; other errors stay unexpected", async () => {
    class TakenError extends Error {}
    vi.spyOn(console, "error").mockImplementation(() => {});
    const definition = (error: Error): ActionDefinition<"ANY", typeof contactSchema, undefined> => ({
      role: "ANY",
      input: contactSchema,
      refusal: async (thrown) => (thrown instanceof TakenError ? refuse("Correct the field.", { email: ["Already used."] }) : null),
      run: async () => {
        throw error;
      },
    });
    expect(await runAction(definition(new TakenError()), user, form(VALID))).toEqual({
      ok: false,
      code: "refused",
      message: "Correct the field.",
      fieldErrors: { email: ["Already used."] },
      values: { name: "Marie Dupont", email: "marie@example.com", tags: ["vip", "fr"] },
    });
    expect(await runAction(definition(new RangeError("boom")), user, form(VALID))).toMatchObject({ ok: false, code: "unexpected" });
  });

  it("InsufficientCreditsError becomes the one buy prompt, with what was attempted", async () => {
    const sms = { technicalName: "sms", name: "SMS", decimals: 2 } as const;
    const { definition } = saveContact("ANY", async () => {
      throw new InsufficientCreditsError(sms, 164n, 50n);
    });
    const state = await runAction(definition, user, form(VALID));
    expect(state).toMatchObject({
      ok: false,
      code: "buy-credits",
      prompt: { kind: "buy-credits", service: "SMS", needed: "1.64", available: "0.50", buyUrl: "/iap/buy/sms", attempt: "sendSms" },
      values: { name: "Marie Dupont" },
    });
  });

  it("every attempt code of the buy prompt has its words, in English as the actions wrote them", () => {
    const en = translatorFor("en", "iap");
    for (const code of ATTEMPTS) expect(en.has(`prompt.attempts.${code}`), code).toBe(true);
    expect(en("prompt.notEnoughTo", { attempt: en("prompt.attempts.sendSms"), needed: "1.64", available: "0.50" })).toBe("Not enough credits to send this SMS (needs 1.64, you have 0.50).");
    expect(translatorFor("fr", "iap")("prompt.attempts.digitizeWaiting", { count: 3 })).toBe("pour numériser 3 documents en attente");
  });

  it("an unexpected error is logged under an id, and the answer names that id and nothing else", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { definition } = saveContact("ANY", async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:5432 (password=hunter2)");
    });
    const state = await runAction(definition, user, form(VALID));
    expect(state).toMatchObject({ ok: false, code: "unexpected", errorId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const errorId = (state as { errorId: string }).errorId;
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0][0])).toContain(errorId);
    expect(logged.mock.calls[0][1]).toBeInstanceOf(Error);
    expect(JSON.stringify(state)).not.toContain("ECONNREFUSED");
    expect(JSON.stringify(state)).not.toContain("hunter2");
  });

  it("two unexpected errors get two ids", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { definition } = saveContact("ANY", async () => {
      throw new TypeError("boom");
    });
    const [first, second] = await Promise.all([runAction(definition, user, form(VALID)), runAction(definition, user, form(VALID))]);
    expect((first as { errorId: string }).errorId).not.toBe((second as { errorId: string }).errorId);
  });

  it("redirect() inside the action goes through (it works by throwing)", async () => {
    const { definition } = saveContact("ANY", async () => redirect("/contacts/7"));
    await expect(runAction(definition, user, form(VALID))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("runAction: a definition's messages and pages to refresh", () => {
  const revoke = (gone: boolean): ActionDefinition<"ADMIN", z.ZodObject<{ id: z.ZodCoercedNumber }>, undefined> => ({
    role: "ADMIN",
    input: z.object({ id: z.coerce.number() }),
    messages: "apiKeys.results",
    revalidate: (input) => ["/settings/api-keys", [`/settings/api-keys/${input.id}`, "layout"]],
    run: async ({ t }) => (gone ? refuse(t("notFound")) : ok(t("revoked"))),
  });

  it("run words its answer from the namespace, and the pages that show the change are refreshed", async () => {
    refreshed.length = 0;
    expect(await runAction(revoke(false), admin, form({ id: "4" }))).toEqual({ ok: true, message: "Revoked: requests with this key are refused from now on." });
    expect(refreshed).toEqual([["/settings/api-keys"], ["/settings/api-keys/4", "layout"]]);
  });

  it("a refusal changed nothing: no page is refreshed", async () => {
    refreshed.length = 0;
    expect(await runAction(revoke(true), admin, form({ id: "4" }))).toMatchObject({ ok: false, code: "refused", message: "This key does not exist in your company or is already revoked." });
    expect(await runAction(revoke(false), user, form({ id: "4" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(refreshed).toEqual([]);
  });

  it("an action without messages that asks for words fails loudly (an error id), rather than showing a key", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await runAction({ role: "ANY", input: z.object({}), run: async ({ t }) => ok(t("saved")) }, user, form({}));
    expect(state).toMatchObject({ ok: false, code: "unexpected" });
  });
});

describe("runAction: values kept on failure", () => {
  it("passwords, secrets, tokens, files and React's own fields are never echoed", async () => {
    const definition = {
      role: "ANY" as const,
      input: z.object({ email: z.email("Enter a valid e-mail address.") }),
      secret: ["recoveryPhrase"],
      run: async () => ok(),
    };
    const state = await runAction(
      definition,
      null,
      form({
        email: "bad",
        name: "Marie",
        password: "hunter2",
        newPassword: "hunter3",
        confirm_password: "hunter3",
        clientSecret: "cs_live_1",
        token: "tok_1",
        apiKey: "key_1",
        recoveryPhrase: "correct horse",
        $ACTION_ID_abc: "",
        document: new File(["%PDF-1.7"], "bill.pdf", { type: "application/pdf" }),
      }),
    );
    expect(state).toMatchObject({ ok: false, values: { email: "bad", name: "Marie" } });
    expect(Object.keys((state as { values: object }).values).sort()).toEqual(["email", "name"]);
    expect(JSON.stringify(state)).not.toMatch(/hunter|cs_live|tok_1|key_1|horse|PDF/);
  });

  it("success carries no values", async () => {
    const { definition } = saveContact("ANY");
    expect(await runAction(definition, user, form(VALID))).not.toHaveProperty("values");
  });
});
