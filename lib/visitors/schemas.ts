// Shared by the website and rule forms (client) and their server actions, and by the tracking route.
// Messages are validation codes (messages/<locale>/validation.json).
import { z } from "zod";
import { textField } from "@/lib/http/params";

/** "https://www.example.com/shop" or "www.example.com" → "https://www.example.com"; null when it is not a web origin. */
export function toOrigin(text: string): string | null {
  const trimmed = text.trim().replace(/\/+$/, "");
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(withScheme)) return null;
  const url = new URL(withScheme);
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (!url.hostname || url.username || url.password) return null;
  // A host name a browser can send as Origin: DNS labels of at most 63 characters (IDNs arrive as xn--…) or an IP address; not "~", "a!b" or a 101-character label, which the URL parser takes.
  if (url.hostname.length > 253 || !/^(\[[0-9a-f:.]+\]|[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})*)$/i.test(url.hostname)) return null;
  return url.origin;
}

const originList = textField()
  .max(2000)
  .transform((text, ctx) => {
    const lines = text.split(/[\s,]+/).filter(Boolean);
    const origins: string[] = [];
    for (const line of lines) {
      const origin = toOrigin(line);
      if (!origin) {
        ctx.addIssue({ code: "custom", message: "leads.site.originInvalid", params: { line } });
        return z.NEVER;
      }
      if (!origins.includes(origin)) origins.push(origin);
    }
    return origins;
  })
  .pipe(z.array(z.string()).min(1, "leads.site.originsMissing").max(20, "leads.site.tooManyOrigins"));

export const siteSchema = z.object({
  name: textField().trim().min(1, "leads.site.nameMissing").max(100, "field.atMostCharacters"),
  origins: originList,
});

export const MAX_URL_PATTERNS = 20;

/** "/pricing" matches that page; "/contact*" every page starting with /contact. */
const urlPattern = textField()
  .trim()
  .max(200)
  .regex(/^\/[^\s*]*\*?$/, "leads.rule.patternFormat");

export const ruleSchema = z.object({
  name: textField().trim().min(1, "leads.rule.nameMissing").max(100, "field.atMostCharacters"),
  countries: z.array(textField().trim().toUpperCase().regex(/^[A-Z]{2}$/, "leads.rule.countryUnknown")).max(250),
  urlPatterns: textField()
    .max(5000)
    .transform((text) => text.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(urlPattern).max(MAX_URL_PATTERNS, "leads.rule.tooManyPatterns")),
  minPageViews: z.coerce.number({ error: "field.number" }).int("field.wholeNumber").min(1, "field.atLeast").max(1000, "field.atMost"),
  maxLeadsPerDay: z.coerce.number({ error: "field.number" }).int("field.wholeNumber").min(1, "field.atLeast").max(1000, "field.atMost"),
  active: z.boolean(),
});

export type RuleInput = z.output<typeof ruleSchema>;

export const MAX_TRACK_BODY_BYTES = 8 * 1024;
