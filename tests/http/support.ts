// Helpers of the HTTP tests: a small client of /api/v1 that records every
// response, and a validator that checks those responses against the OpenAPI
// document the app serves (independently of the app's own zod schemas: the
// document is parsed by @readme/openapi-parser and checked with Ajv).
import { dereference, validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";

export interface Recorded {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  headers: Headers;
}

export interface ApiClient {
  get(path: string, key?: string | null): Promise<Recorded>;
  post(path: string, body: unknown, options?: { key?: string | null; idempotencyKey?: string | null; contentType?: string; raw?: string }): Promise<Recorded>;
  responses: Recorded[];
}

export function apiClient(baseUrl: string, defaultKey: string): ApiClient {
  const responses: Recorded[] = [];
  async function send(method: string, path: string, init: RequestInit): Promise<Recorded> {
    const response = await fetch(`${baseUrl}/api/v1${path}`, { method, ...init });
    const text = await response.text();
    const contentType = response.headers.get("content-type") ?? "";
    const recorded: Recorded = { method, path, status: response.status, contentType, body: text ? JSON.parse(text) : null, headers: response.headers };
    responses.push(recorded);
    return recorded;
  }
  return {
    responses,
    get: (path, key = defaultKey) => send("GET", path, { headers: key ? { Authorization: `Bearer ${key}` } : {} }),
    post: (path, body, options = {}) => {
      const key = options.key === undefined ? defaultKey : options.key;
      const headers: Record<string, string> = { "Content-Type": options.contentType ?? "application/json" };
      if (key) headers.Authorization = `Bearer ${key}`;
      const idempotencyKey = options.idempotencyKey === undefined ? crypto.randomUUID() : options.idempotencyKey;
      if (idempotencyKey !== null) headers["Idempotency-Key"] = idempotencyKey;
      return send("POST", path, { headers, body: options.raw ?? JSON.stringify(body) });
    },
  };
}

type Document = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

/** Checks the document, then every recorded response against the operation it answered. */
export async function openApiValidator(document: unknown) {
  const result = await validate(structuredClone(document) as never);
  expect(result.valid, JSON.stringify(result)).toBe(true);
  const resolved = (await dereference(structuredClone(document) as never)) as unknown as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const templates = Object.keys(resolved.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  const checked = new Set<string>();

  function check(recorded: Recorded) {
    const pathname = recorded.path.split("?")[0];
    const match = templates.find(({ pattern }) => pattern.test(pathname));
    expect(match, `no path in the document for ${recorded.method} ${pathname}`).toBeTruthy();
    const operation = resolved.paths[match!.template][recorded.method.toLowerCase()];
    expect(operation, `no ${recorded.method} ${match!.template} in the document`).toBeTruthy();
    const response = operation.responses[String(recorded.status)];
    expect(response, `${recorded.method} ${pathname} answered ${recorded.status}, which the document does not list`).toBeTruthy();
    const mediaType = recorded.contentType.split(";")[0].trim();
    const content = response.content?.[mediaType];
    expect(content, `${recorded.method} ${pathname} ${recorded.status}: content type ${mediaType} is not documented`).toBeTruthy();
    const valid = ajv.validate(content!.schema, recorded.body);
    expect(valid, `${recorded.method} ${pathname} ${recorded.status}: ${ajv.errorsText(ajv.errors)}\n${JSON.stringify(recorded.body)}`).toBe(true);
    checked.add(`${recorded.method} ${match!.template} ${recorded.status}`);
  }
  return { check, checked, operations: resolved.paths };
}
