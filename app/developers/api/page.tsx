import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { openApiDocument } from "@/lib/api/openapi";
import { PROBLEMS, type ProblemCode } from "@/lib/api/problems";
import { env } from "@/lib/env";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/events/events";
import { SchemaTable, type Components } from "./_components/schema-table";

// The developer page: the OpenAPI document (/api/v1/openapi.json) rendered on
// the server, plus what a document cannot say well (idempotency, amounts,
// signatures). Public, like the document: it shows no company's data.

export const metadata: Metadata = { title: "API documentation" };
export const dynamic = "force-dynamic";

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: { in: string; name: string; required?: boolean; description?: string; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
};

const PROBLEM_HELP: Record<ProblemCode, string> = {
  invalid_request: "A field, the query string or the URL is wrong: `errors` lists each one. Nothing changed.",
  idempotency_key_missing: "Every POST needs an `Idempotency-Key` header.",
  unauthenticated: "No key, a malformed one, an unknown one or a revoked one.",
  insufficient_credits: "The account cannot pay: `needed`, `available`, `shortfall`, and `buy_url` where an administrator buys credits. Nothing changed.",
  insufficient_scope: "The key lacks the scope the endpoint needs (`read` or `charge`).",
  not_found: "No such service, account, hold or purchase in your company (another company's look the same: not found).",
  method_not_allowed: "The path exists with another method.",
  idempotency_key_reused: "The key was used for a different request (method, path or body). Use a new key for a new request.",
  idempotency_key_in_use: "The first request with this key is still running: retry after `Retry-After` seconds and you get its response.",
  hold_not_pending: "The hold was already captured, released or expired (`hold_status`). A hold resolves once.",
  payload_too_large: "The body is over 16 KB.",
  unsupported_media_type: "Send `Content-Type: application/json`.",
  amount_exceeds_hold: "A capture may take at most what the hold reserved (`held`).",
  rate_limited: "Too many requests for this key this minute: wait `Retry-After` seconds.",
  internal_error: "Our fault. Retry with the same Idempotency-Key: a POST is never applied twice.",
};

const VERIFY_NODE = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a string, before JSON.parse).
export function verifyIapSignature(rawBody, header, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=")));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${parts.t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;

const VERIFY_PYTHON = `import hashlib, hmac, time

def verify_iap_signature(raw_body: bytes, header: str, secret: str, tolerance: int = 300) -> bool:
    parts = dict(part.split("=", 1) for part in header.split(","))
    if abs(time.time() - int(parts["t"])) > tolerance:
        return False
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))`;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-md bg-gray-900 p-3 font-mono text-xs leading-relaxed text-gray-100">{children}</pre>;
}

function Prose({ children }: { children: ReactNode }) {
  return <div className="space-y-2 text-sm leading-relaxed text-gray-700 [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.8rem]">{children}</div>;
}

const METHOD_STYLES: Record<string, string> = { get: "bg-sky-100 text-sky-800", post: "bg-green-100 text-green-800" };

export default function ApiDocumentationPage() {
  const appUrl = env().APP_URL;
  const document = openApiDocument(appUrl) as unknown as {
    servers: { url: string }[];
    tags: { name: string; description: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Components };
  };
  const components = document.components.schemas;
  const base = document.servers[0].url;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[13rem_1fr]">
      <nav aria-label="On this page" className="text-sm lg:sticky lg:top-4 lg:self-start">
        <p className="mb-2 font-semibold text-gray-900">IAP Credits API</p>
        <ul className="space-y-1">
          {[
            ["start", "Getting started"],
            ["amounts", "Amounts"],
            ["idempotency", "Idempotency"],
            ["errors", "Errors"],
            ["limits", "Rate limits & pages"],
            ...document.tags.map((tag) => [`tag-${tag.name.toLowerCase()}`, tag.name]),
            ["webhooks", "Webhooks"],
          ].map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="text-brand-600 hover:underline">
                {label}
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-4">
          <a href="/api/v1/openapi.json" className="text-brand-600 hover:underline">
            openapi.json
          </a>{" "}
          <span className="text-gray-500">(OpenAPI 3.1)</span>
        </p>
      </nav>

      <main className="min-w-0 space-y-10">
        <header>
          <h1 className="text-2xl font-semibold text-gray-900">IAP Credits API</h1>
          <p className="mt-1 text-gray-600">Balances, ledger, charges, holds and purchases of your company&apos;s service credits, for your own systems.</p>
        </header>

        <Section id="start" title="Getting started">
          <Prose>
            <p>
              An administrator creates a key in{" "}
              <Link href="/settings/api-keys" className="text-brand-600 hover:underline">
                Settings → API keys
              </Link>{" "}
              with the scopes it needs: <code>read</code> (GET endpoints) and/or <code>charge</code> (charges and holds). The key is shown once; send it as a
              bearer token. Your company comes from the key: there is no company id in any URL.
            </p>
          </Prose>
          <Code>{`curl ${base}/accounts/sms \\
  -H "Authorization: Bearer iap_…"

curl -X POST ${base}/accounts/sms/charges \\
  -H "Authorization: Bearer iap_…" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: order-1042-sms" \\
  -d '{"amount": "1.50", "description": "Order #1042 confirmation SMS", "reference": "order-1042"}'`}</Code>
        </Section>

        <Section id="amounts" title="Amounts">
          <Prose>
            <p>
              Every amount is a <strong>decimal string in credits</strong>, such as <code>&quot;12.50&quot;</code>: never a JSON number, so no client reads it as
              a float. Responses carry exactly the service&apos;s decimal places (<code>decimals</code> in <code>GET /services</code>: SMS has 2, most services 0).
              Requests may send fewer (<code>&quot;1.5&quot;</code>), never more: <code>&quot;1.005&quot;</code> for SMS is a 400. Ledger amounts are signed
              (<code>&quot;-1.50&quot;</code> is a usage). Prices of purchases are decimal strings in their <code>currency</code>.
            </p>
          </Prose>
        </Section>

        <Section id="idempotency" title="Idempotency">
          <Prose>
            <p>
              Every POST needs an <code>Idempotency-Key</code> header (1–255 visible characters; a UUID or your own order id). The same key with the same request
              (method, path, JSON body — key order does not matter) has one effect and gets the same response again, with <code>Idempotent-Replayed: true</code>;
              concurrent repeats wait for the first and get its answer. The same key with another request is a <code>409 idempotency_key_reused</code>.
            </p>
            <p>
              Only successes are kept: a refused request (400, 402, 409…) changed nothing and leaves its key free, so you can fix the cause — buy credits, say
              — and retry with the same key. Keys are scoped to your company and kept 24 hours.
            </p>
          </Prose>
        </Section>

        <Section id="errors" title="Errors">
          <Prose>
            <p>
              Errors are <a href="https://www.rfc-editor.org/rfc/rfc9457" className="text-brand-600 hover:underline">RFC 9457</a> problem details (
              <code>application/problem+json</code>) with a stable <code>code</code> to branch on, a <code>detail</code> that says what to do, and the
              fields below.
            </p>
          </Prose>
          <dl className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
            {(Object.keys(PROBLEMS) as ProblemCode[]).map((code) => (
              <div key={code} id={`problem-${code.replaceAll("_", "-")}`} className="grid scroll-mt-4 gap-1 px-4 py-2 sm:grid-cols-[4rem_16rem_1fr]">
                <dt className="tabular-nums text-gray-500">{PROBLEMS[code].status}</dt>
                <dt className="font-mono text-xs text-gray-900">{code}</dt>
                <dd className="text-gray-700">{PROBLEM_HELP[code]}</dd>
              </div>
            ))}
          </dl>
        </Section>

        <Section id="limits" title="Rate limits & pages">
          <Prose>
            <p>
              Each key may make {env().API_RATE_LIMIT} requests a minute. Every answer says where you stand (<code>RateLimit-Limit</code>,{" "}
              <code>RateLimit-Remaining</code>, <code>RateLimit-Reset</code>); past the limit you get <code>429 rate_limited</code> with{" "}
              <code>Retry-After</code> in seconds.
            </p>
            <p>
              Lists are newest first, <code>limit</code> items per page (default 50, at most 100). Pass a page&apos;s <code>next_cursor</code> as{" "}
              <code>cursor</code> for the next one; it is <code>null</code> on the last page. Entries added meanwhile never shift a page.
            </p>
          </Prose>
        </Section>

        {document.tags.map((tag) => (
          <Section key={tag.name} id={`tag-${tag.name.toLowerCase()}`} title={tag.name}>
            <p className="text-sm text-gray-600">{tag.description}</p>
            {operations
              .filter(({ operation }) => operation.tags.includes(tag.name))
              .map(({ path, method, operation }) => {
                const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"))!;
                const refusals = Object.entries(operation.responses).filter(([status]) => !status.startsWith("2"));
                const body = operation.requestBody?.content["application/json"]?.schema;
                const parameters = (operation.parameters ?? []).filter((p) => p.in !== "header");
                return (
                  <article key={operation.operationId} id={operation.operationId} className="scroll-mt-4 space-y-3 rounded-lg border border-gray-200 bg-white p-4">
                    <h3 className="flex flex-wrap items-center gap-2">
                      <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLES[method] ?? "bg-gray-100"}`}>{method}</span>
                      <code className="font-mono text-sm text-gray-900">/api/v1{path}</code>
                      <span className="text-sm font-medium text-gray-700">— {operation.summary}</span>
                    </h3>
                    {operation.description && (
                      <Prose>
                        {operation.description.split("\n\n").map((paragraph) => (
                          <p key={paragraph}>{paragraph.replaceAll("`", "")}</p>
                        ))}
                      </Prose>
                    )}
                    {parameters.length > 0 && (
                      <div>
                        <h4 className="mb-1 text-sm font-medium text-gray-900">Parameters</h4>
                        <ul className="space-y-1 text-sm">
                          {parameters.map((parameter) => (
                            <li key={parameter.name}>
                              <code className="font-mono text-xs text-gray-900">{parameter.name}</code> <span className="text-gray-500">({parameter.in})</span>{" "}
                              <span className="text-gray-700">{parameter.description}</span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                    {body && (
                      <div>
                        <h4 className="mb-1 text-sm font-medium text-gray-900">Request body</h4>
                        <SchemaTable schema={body} components={components} caption={`Request body of ${operation.operationId}`} />
                      </div>
                    )}
                    <div>
                      <h4 className="mb-1 text-sm font-medium text-gray-900">
                        {success[0]} — {success[1].description}
                      </h4>
                      <SchemaTable schema={success[1].content!["application/json"].schema} components={components} caption={`Response of ${operation.operationId}`} />
                    </div>
                    <p className="text-sm text-gray-600">
                      <span className="font-medium text-gray-900">Refusals: </span>
                      {refusals.map(([status, response], i) => (
                        <span key={status}>
                          {i > 0 && "; "}
                          {status}{" "}
                          {[...response.description.matchAll(/`([a-z_]+)`/g)].map(([, code], j) => (
                            <span key={code}>
                              {j > 0 && ", "}
                              <a href={`#problem-${code.replaceAll("_", "-")}`} className="font-mono text-xs text-brand-600 hover:underline">
                                {code}
                              </a>
                            </span>
                          ))}
                        </span>
                      ))}
                    </p>
                  </article>
                );
              })}
          </Section>
        ))}

        <Section id="webhooks" title="Webhooks">
          <Prose>
            <p>
              Administrators add endpoints in{" "}
              <Link href="/settings/webhooks" className="text-brand-600 hover:underline">
                Settings → Webhooks
              </Link>{" "}
              and pick events. Each event is POSTed as JSON — <code>{`{"id", "type", "created_at", "data"}`}</code> — and retried with growing delays until your
              endpoint answers 2xx within 10 seconds; every attempt and its answer is listed on the endpoint&apos;s page, where any delivery can be re-sent. The
              event <code>id</code> stays the same across retries and re-sends: deduplicate on it. Endpoints must be public <code>https://</code> URLs.
            </p>
          </Prose>
          <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <li key={type} className="grid gap-1 px-4 py-2 sm:grid-cols-[11rem_1fr]">
                <code className="font-mono text-xs text-gray-900">{type}</code>
                <span className="text-gray-700">{WEBHOOK_EVENT_DESCRIPTIONS[type]}</span>
              </li>
            ))}
          </ul>
          <Prose>
            <p>
              Every delivery carries <code>X-IAP-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where <code>v1</code> is the HMAC-SHA256, keyed with the
              endpoint&apos;s signing secret (<code>whsec_…</code>, shown once when it was added), of the timestamp, a dot and the raw body. Compare in constant
              time and refuse old timestamps:
            </p>
          </Prose>
          <Code>{VERIFY_NODE}</Code>
          <Code>{VERIFY_PYTHON}</Code>
          <Prose>
            <p>
              The payload of each event is in <code>webhooks</code> of <a href="/api/v1/openapi.json" className="text-brand-600 hover:underline">openapi.json</a>.
            </p>
          </Prose>
        </Section>
      </main>
    </div>
  );
}
