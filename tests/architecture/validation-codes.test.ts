// Every validation message our schemas give is a code the reader's catalogue
// words (messages/<locale>/validation.json), never an English sentence
// written into lib/: a French or Chinese user would read it in English.
// Schemas whose answers go to machines keep English on purpose (listed below
// with why).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES_DIR } from "@/lib/i18n/catalogue";
import { root, sourceFiles } from "./module-graph";
import { schemaMessagesIn } from "./validation-codes";

/** Where English messages are the contract: files (or folders) whose schemas answer machines or operators. */
const FOR_MACHINES: { path: string; why: string; except?: string[] }[] = [
  // Its New API key form (key-schemas.ts) is the UI's, like any other form.
  { path: "lib/api/", why: "the public REST API's problem details and OpenAPI document", except: ["lib/api/key-schemas.ts"] },
  { path: "lib/events/", why: "webhook and API payloads" },
  { path: "lib/env.ts", why: "the operator's configuration errors at start-up" },
  { path: "lib/jobs/", why: "job payloads, logged for operators" },
  { path: "lib/visitors/track.ts", why: "the tracking snippet's 400 detail" },
  { path: "lib/sms/twilio-webhook.ts", why: "Twilio's callbacks" },
  { path: "lib/billing/webhook/", why: "Stripe's events" },
  { path: "app/api/", why: "routes called by scripts and cron" },
];

function flatten(messages: unknown, prefix = ""): string[] {
  return Object.entries(messages as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

const codes = flatten(JSON.parse(readFileSync(path.join(MESSAGES_DIR, "en", "validation.json"), "utf8")));

const checked = sourceFiles()
  .filter((file) => /^(lib|app)\/.*\.tsx?$/.test(file) && !/\.(test|spec)\.tsx?$/.test(file) && !file.startsWith("lib/generated/"))
  .filter((file) => !FOR_MACHINES.some((machine) => file.startsWith(machine.path) && !machine.except?.includes(file)))
  .filter((file) => /from "zod"|idField\(|formFile\(/.test(readFileSync(path.join(root, file), "utf8")));

describe("validation messages are catalogue codes", () => {
  it("finds the messages of zod checks, message/error options and our id and file fields", () => {
    const sample = `const s = z.object({ a: textField().min(1, "Enter it.").max(9, { message: "x.y" }), b: idField(\`iap.\${k}\`), c: z.enum(["A"], { error: "Pick one." }) });\nconst t = x.refine(f, "field.nul");`;
    expect(schemaMessagesIn("sample.ts", sample).map((m) => m.text)).toEqual(["Enter it.", "x.y", "iap.${…}", "Pick one.", "field.nul"]);
  });

  it("every message in lib/ and app/ (outside the machines' schemas) is a key of messages/en/validation.json", () => {
    const found = checked.flatMap((file) => schemaMessagesIn(file));
    expect(found.length, "schema messages found").toBeGreaterThan(100);
    const sentences = found.filter((message) => !codes.some((code) => message.pattern.test(code)));
    expect(sentences.map((message) => `${message.file}:${message.line}: ${message.text}`)).toEqual([]);
  });
});
