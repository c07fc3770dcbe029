// Shared by the website and rule forms (client) and their server actions, and by the tracking route.
import { z } from "zod";
import { hasNul, NUL_MESSAGE, textField } from "@/lib/http/params";

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
        ctx.addIssue({ code: "custom", message: `“${line}” is not a web address: write it like https://www.example.com.` });
        return z.NEVER;
      }
      if (!origins.includes(origin)) origins.push(origin);
    }
    return origins;
  })
  .pipe(z.array(z.string()).min(1, "Enter the address of at least one website (https://www.example.com).").max(20, "At most 20 addresses per website."));

export const siteSchema = z.object({
  name: textField().trim().min(1, "Give the website a name.").max(100, "At most 100 characters."),
  origins: originList,
});

export const MAX_URL_PATTERNS = 20;

/** "/pricing" matches that page; "/contact*" every page starting with /contact. */
const urlPattern = textField()
  .trim()
  .max(200)
  .regex(/^\/[^\s*]*\*?$/, "A pattern starts with / and may end with * (e.g. /pricing, /contact*).");

export const ruleSchema = z.object({
  name: textField().trim().min(1, "Give the rule a name.").max(100, "At most 100 characters."),
  countries: z.array(textField().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Choose countries from the list.")).max(250),
  urlPatterns: textField()
    .max(5000)
    .transform((text) => text.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(urlPattern).max(MAX_URL_PATTERNS, `At most ${MAX_URL_PATTERNS} patterns.`)),
  minPageViews: z.coerce.number({ error: "Enter a number." }).int("Enter a whole number.").min(1, "At least 1.").max(1000, "At most 1,000."),
  maxLeadsPerDay: z.coerce.number({ error: "Enter a number." }).int("Enter a whole number.").min(1, "At least 1.").max(1000, "At most 1,000."),
  active: z.boolean(),
});

export type RuleInput = z.output<typeof ruleSchema>;

export const MAX_TRACK_BODY_BYTES = 8 * 1024;

/** What the snippet sends: the page and where the visitor came from. */
export const pageViewSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "url must be the page's http(s) address" })
    .max(2048)
    .refine((url) => !hasNul(url), { message: NUL_MESSAGE }),
  referrer: textField().max(2048).optional().default(""),
});
