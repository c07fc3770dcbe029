import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { openApiDocument } from "@/lib/api/openapi";
import { PROBLEMS, type ProblemCode } from "@/lib/api/problems";
import { env } from "@/lib/env";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/events";
import { SchemaTable, type Components } from "./_components/schema-table";
import { titleFrom } from "@/lib/i18n/page-title";
import { TextLink } from "@/components/text-link";

// The developer page: the OpenAPI document (/api/v1/openapi.json) rendered on
// the server, plus what a document cannot say well (idempotency, amounts,
// signatures). Public, like the document: it shows no company's data.
//
// The prose is translated (messages/<locale>/developers.json); what comes from
// the OpenAPI document (endpoint summaries, field descriptions, tag names)
// stays in English, like the API's own error bodies, and so do code samples.

export const generateMetadata = titleFrom("developers", "title");
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
  // Focusable: a long line scrolls sideways, by keyboard too.
  return <pre tabIndex={0} className="overflow-x-auto rounded-md bg-gray-900 p-3 font-mono text-xs leading-relaxed text-gray-100">{children}</pre>;
}

function Prose({ children }: { children: ReactNode }) {
  return <div className="space-y-2 text-sm leading-relaxed text-gray-700 [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.8rem]">{children}</div>;
}

// The tags a message of developers.json may use.
const markup = {
  code: (chunks: ReactNode) => <code>{chunks}</code>,
  strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
};

/** A message's <link> tag: to a page of the app, or (`external`) to a document outside it. */
function linkTo(href: string, external = false) {
  return function link(chunks: ReactNode) {
    return external ? (
      <a href={href} className="text-link">
        {chunks}
      </a>
    ) : (
      <TextLink href={href}>{chunks}</TextLink>
    );
  };
}

const METHOD_STYLES: Record<string, string> = { get: "bg-sky-100 text-sky-800", post: "bg-green-100 text-green-800" };

export default async function ApiDocumentationPage() {
  const [t, events, locale] = await Promise.all([getTranslations("developers"), getTranslations("webhooks.events"), getLocale()]);
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
      <nav aria-label={t("onThisPage")} className="text-sm lg:sticky lg:top-4 lg:self-start">
        <p className="mb-2 font-semibold text-gray-900">{t("apiName")}</p>
        <ul className="space-y-1">
          {[
            ...(["start", "amounts", "idempotency", "errors", "limits"] as const).map((id) => [id, t(`sections.${id}`)]),
            ...document.tags.map((tag) => [`tag-${tag.name.toLowerCase()}`, tag.name]),
            ["webhooks", t("sections.webhooks")],
          ].map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="text-link">
                {label}
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-4">
          {/* i18n-ignore: a file name */}
          <a href="/api/v1/openapi.json" className="text-link">
            openapi.json
          </a>{" "}
          <span className="text-gray-500">{t("openApiVersion")}</span>
        </p>
      </nav>

      <main className="min-w-0 space-y-10">
        <header>
          <h1 className="text-2xl font-semibold text-gray-900">{t("apiName")}</h1>
          <p className="mt-1 text-gray-600">{t("intro")}</p>
          {locale !== "en" && <p className="mt-1 text-sm text-gray-500">{t("operation.englishNote")}</p>}
        </header>

        <Section id="start" title={t("sections.start")}>
          <Prose>
            <p>
              {t.rich("start", { ...markup, link: linkTo("/settings/api-keys") })}
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

        <Section id="amounts" title={t("sections.amounts")}>
          <Prose>
            <p>{t.rich("amounts", markup)}</p>
          </Prose>
        </Section>

        <Section id="idempotency" title={t("sections.idempotency")}>
          <Prose>
            <p>{t.rich("idempotency.sameKey", markup)}</p>
            <p>{t.rich("idempotency.successesOnly", markup)}</p>
          </Prose>
        </Section>

        <Section id="errors" title={t("sections.errors")}>
          <Prose>
            <p>
              {t.rich("errors.intro", { ...markup, rfc: linkTo("https://www.rfc-editor.org/rfc/rfc9457", true) })}
            </p>
          </Prose>
          <dl className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
            {(Object.keys(PROBLEMS) as ProblemCode[]).map((code) => (
              <div key={code} id={`problem-${code.replaceAll("_", "-")}`} className="grid scroll-mt-4 gap-1 px-4 py-2 sm:grid-cols-[4rem_16rem_1fr]">
                <dt className="tabular-nums text-gray-500">{PROBLEMS[code].status}</dt>
                <dt className="font-mono text-xs text-gray-900">{code}</dt>
                <dd className="text-gray-700">{t.rich(`errors.problems.${code}`, markup)}</dd>
              </div>
            ))}
          </dl>
        </Section>

        <Section id="limits" title={t("sections.limits")}>
          <Prose>
            <p>{t.rich("limits.rate", { ...markup, limit: env().API_RATE_LIMIT })}</p>
            <p>{t.rich("limits.pages", markup)}</p>
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
                      {/* i18n-ignore: code sample (the endpoint's path) */}
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
                        <h4 className="mb-1 text-sm font-medium text-gray-900">{t("operation.parameters")}</h4>
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
                        <h4 className="mb-1 text-sm font-medium text-gray-900">{t("operation.requestBody")}</h4>
                        <SchemaTable schema={body} components={components} caption={t("operation.requestBodyCaption", { operation: operation.operationId })} />
                      </div>
                    )}
                    <div>
                      <h4 className="mb-1 text-sm font-medium text-gray-900">
                        {success[0]} — {success[1].description}
                      </h4>
                      <SchemaTable schema={success[1].content!["application/json"].schema} components={components} caption={t("operation.responseCaption", { operation: operation.operationId })} />
                    </div>
                    <p className="text-sm text-gray-600">
                      <span className="font-medium text-gray-900">{t("operation.refusals")}</span>
                      {refusals.map(([status, response], i) => (
                        <span key={status}>
                          {i > 0 && "; "}
                          {status}{" "}
                          {[...response.description.matchAll(/`([a-z_]+)`/g)].map(([, code], j) => (
                            <span key={code}>
                              {j > 0 && ", "}
                              <a href={`#problem-${code.replaceAll("_", "-")}`} className="text-link font-mono text-xs">
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

        <Section id="webhooks" title={t("sections.webhooks")}>
          <Prose>
            <p>
              {t.rich("webhooks.intro", { ...markup, envelope: `{"id", "type", "created_at", "data"}`, link: linkTo("/settings/webhooks") })}
            </p>
          </Prose>
          <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <li key={type} className="grid gap-1 px-4 py-2 sm:grid-cols-[11rem_1fr]">
                <code className="font-mono text-xs text-gray-900">{type}</code>
                <span className="text-gray-700">{events(type)}</span>
              </li>
            ))}
          </ul>
          <Prose>
            <p>{t.rich("webhooks.signature", { ...markup, sample: "X-IAP-Signature: t=<unix seconds>,v1=<hex>" })}</p>
          </Prose>
          <Code>{VERIFY_NODE}</Code>
          <Code>{VERIFY_PYTHON}</Code>
          <Prose>
            <p>
              {t.rich("webhooks.payloads", { ...markup, link: linkTo("/api/v1/openapi.json", true) })}
            </p>
          </Prose>
        </Section>
      </main>
    </div>
  );
}
