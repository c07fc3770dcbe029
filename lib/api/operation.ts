// One declaration per endpoint: its method, path, scope, zod schemas and
// handler. apiRoute (route.ts) serves it and openapi.ts documents it, from the
// same object, so the document cannot drift from what the routes accept and send.
import type { z } from "zod";
import type { ApiCaller, ApiScope } from "./keys";
import type { ProblemCode } from "./problems";

export interface OperationContext<P, Q, B> {
  caller: ApiCaller;
  params: P;
  query: Q;
  body: B;
  /** The request's Idempotency-Key (every POST has one). */
  idempotencyKey: string;
  /** True when this runs a POST again whose first run stopped before answering (its claim lapsed). */
  resumed: boolean;
}

export interface Operation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  id: string;
  method: "GET" | "POST";
  /** OpenAPI path under /api/v1, e.g. "/holds/{id}/capture"; route folders use the same names ([id]). */
  path: string;
  /** The scope a key needs; none: any valid key. */
  scope?: ApiScope;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: { status: 200 | 201; description: string; schema: R };
  /** The refusals this endpoint can answer besides those every endpoint (401, 429, 500) or every POST (400, 409 idempotency, 413, 415) can. */
  problems: ProblemCode[];
  handle(context: OperationContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R>>;
}

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  operation: Operation<P, Q, B, R>,
): Operation<P, Q, B, R> {
  return operation;
}
