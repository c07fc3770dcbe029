// The signed-out pages' language switcher as a direct POST would run it. It
// is PUBLIC: anyone may choose, and the choice is only a cookie. Next's
// request cookies and headers are replaced by the visitor's (there is no
// request here); the validation and its words are real.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const browser = vi.hoisted(() => ({ acceptLanguage: "en", jar: new Map<string, { value: string; options: unknown }>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": browser.acceptLanguage }),
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options: unknown) => void browser.jar.set(name, { value, options }),
  }),
}));

const { chooseLanguageAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
  browser.acceptLanguage = "en";
  browser.jar.clear();
});

describe("chooseLanguageAction", () => {
  it("a visitor's choice is kept a year in the cookie the pages read their language from", async () => {
    expect(await chooseLanguageAction(null, formOf({ locale: "fr" }))).toEqual({ ok: true });
    expect(browser.jar.get(LOCALE_COOKIE)).toEqual({ value: "fr", options: { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" } });
  });

  it("a language the app has no catalogue for: the error in the visitor's language, no cookie", async () => {
    browser.acceptLanguage = "fr-BE,fr;q=0.9";
    expect(await chooseLanguageAction(null, formOf({ locale: "de" }))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { locale: ["Choisissez l'une des langues proposées."] },
      values: { locale: "de" },
    });
    expect(await chooseLanguageAction(null, formOf({ locale: "fr; Domain=evil.example" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(browser.jar.size).toBe(0);
  });

  it("a signed-in user posting it: only the cookie; their profile's language stays theirs", async () => {
    const { user } = await createCompany();
    await prisma().user.update({ where: { id: user.id }, data: { locale: "zh-CN" } });
    session.userId = user.id;
    expect(await chooseLanguageAction(null, formOf({ locale: "fr" }))).toEqual({ ok: true });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("zh-CN");
  });
});
