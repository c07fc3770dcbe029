import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, webhookEnvelope } from "@/lib/events/events";
import { API_SCOPES } from "./keys";
import type { Operation } from "./operation";
import { OPERATIONS } from "./operations";
import { PROBLEMS, problemSchema, type ProblemCode } from "./problems";

// The OpenAPI 3.1 document of /api/v1, generated from the operations the
// routes serve (operations.ts) and their zod schemas: nothing here is written
// twice. Served at /api/v1/openapi.json and rendered at /developers/api.

/** Refusals any authenticated endpoint can answer. */
const COMMON_PROBLEMS: ProblemCode[] = ["unauthenticated", "rate_limited", "internal_error"];
/** …and any POST (its body and its Idempotency-Key, route.ts). */
const POST_PROBLEMS: ProblemCode[] = ["invalid_request", "idempotency_key_missing", "idempotency_key_reused", "idempotency_key_in_use", "payload_too_large", "unsupported_media_type"];

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests a minute this key may make." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the current minute." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window starts again." }),
});

const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .min(1)
    .max(255)
    .meta({ description: "Your unique key for this request (e.g. a UUID). Send the same key when you retry: the request has one effect and the same response.", example: "order-1042-sms" }),
});

function problemResponses(codes: ProblemCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of [...new Set([...codes, ...COMMON_PROBLEMS])]) {
    const status = PROBLEMS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status) as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: list.map((code) => `\`${code}\`: ${PROBLEMS[code].title}`).join("; "),
      content: { "application/problem+json": { schema: problemSchema } },
      ...(status === 429 ? { headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait." }) }) } : {}),
    };
  }
  return responses;
}

function operationObject(operation: Operation): ZodOpenApiOperationObject {
  const scope = operation.scope ? `Scope: \`${operation.scope}\`.` : "Any valid key.";
  return {
    operationId: operation.id,
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, scope, operation.method === "POST" ? "Requires an `Idempotency-Key` header." : null].filter(Boolean).join("\n\n"),
    security: [{ bearerAuth: [] }],
    requestParams: {
      ...(operation.params ? { path: operation.params as z.ZodObject } : {}),
      ...(operation.query ? { query: operation.query as z.ZodObject } : {}),
      ...(operation.method === "POST" ? { header: idempotencyHeader } : {}),
    },
    ...(operation.body ? { requestBody: { required: false, content: { "application/json": { schema: operation.body } } } } : {}),
    responses: {
      [String(operation.response.status)]: {
        description: operation.response.description,
        headers: rateLimitHeaders,
        content: { "application/json": { schema: operation.response.schema } },
      },
      ...problemResponses(operation.method === "POST" ? [...operation.problems, ...POST_PROBLEMS] : operation.problems),
    },
  };
}

export function openApiDocument(appUrl: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] = { ...paths[operation.path], [operation.method.toLowerCase()]: operationObject(operation) };
  }
  const webhooks = Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(".", "_")}`,
          summary: type,
          description: `${WEBHOOK_EVENT_DESCRIPTIONS[type]} Signed: verify \`X-IAP-Signature\` (see the developer page).`,
          requestBody: { content: { "application/json": { schema: webhookEnvelope(type) } } },
          responses: { "200": { description: "Any 2xx marks the delivery done; anything else, or no answer in 10 s, is retried." } },
        },
      },
    ]),
  );
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "IAP Credits API",
      version: "1.0.0",
      description:
        "Credits of your company's services: balances, ledger, charges, holds (authorize → capture / release) and purchases. " +
        "Amounts are decimal strings in credits. Every POST takes an Idempotency-Key. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: `${appUrl}/api/v1` }],
    tags: [
      { name: "Keys", description: "Checking an API key." },
      { name: "Accounts", description: "Services, balances and ledgers." },
      { name: "Charges", description: "Taking credits in one step." },
      { name: "Holds", description: "Reserve, then capture or release (Odoo's authorize / capture / cancel)." },
      { name: "Purchases", description: "Credit packs bought." },
    ],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: `An API key from Settings → API keys: \`Authorization: Bearer iap_…\`. Scopes: ${API_SCOPES.map((s) => `\`${s}\``).join(", ")}.`,
        },
      },
    },
    paths,
    webhooks,
  });
}
