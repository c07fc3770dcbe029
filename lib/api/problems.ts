// Errors of the API as RFC 9457 problem details (application/problem+json).
// Each has a stable `code` that integrations branch on, a `type` URI that
// opens its explanation on the developer page, and a short English title: the
// API's words are for developers and are not translated (the UI's are, #22).
import { z } from "zod";

export const PROBLEMS = {
  invalid_request: { status: 400, title: "The request is not valid" },
  idempotency_key_missing: { status: 400, title: "Idempotency-Key header required" },
  unauthenticated: { status: 401, title: "Authentication required" },
  insufficient_credits: { status: 402, title: "Not enough credits" },
  insufficient_scope: { status: 403, title: "This API key may not do this" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  idempotency_key_reused: { status: 409, title: "Idempotency-Key already used for another request" },
  idempotency_key_in_use: { status: 409, title: "A request with this Idempotency-Key is still being processed" },
  hold_not_pending: { status: 409, title: "The hold is no longer pending" },
  payload_too_large: { status: 413, title: "Request body too large" },
  unsupported_media_type: { status: 415, title: "Send JSON" },
  amount_exceeds_hold: { status: 422, title: "Amount exceeds the hold" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A URI naming the problem; it opens its explanation." }),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional().meta({ description: "What went wrong with this request, and what to do." }),
    code: z.enum(Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]]),
    errors: z
      .array(z.object({ path: z.string().meta({ example: "amount" }), message: z.string() }))
      .optional()
      .meta({ description: "invalid_request: each field that is wrong." }),
    needed: z.string().optional().meta({ description: "insufficient_credits: credits the request needs." }),
    available: z.string().optional().meta({ description: "insufficient_credits: credits available when it was refused." }),
    shortfall: z.string().optional().meta({ description: "insufficient_credits: credits missing (needed − available)." }),
    buy_url: z.string().optional().meta({ description: "insufficient_credits: where an administrator buys credits." }),
    hold_status: z.string().optional().meta({ description: "hold_not_pending: what became of the hold." }),
    held: z.string().optional().meta({ description: "amount_exceeds_hold: credits the hold reserved." }),
    retry_after: z.int().optional().meta({ description: "rate_limited, idempotency_key_in_use: seconds to wait." }),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;
type Extensions = Omit<Problem, "type" | "title" | "status" | "code" | "detail">;

/** Thrown anywhere under a route; apiRoute answers it as problem+json. */
export class ApiProblem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extensions: Extensions = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? PROBLEMS[code].title);
    this.status = PROBLEMS[code].status;
  }
}

export function problemType(appUrl: string, code: ProblemCode): string {
  return `${appUrl}/developers/api#problem-${code.replaceAll("_", "-")}`;
}

export function problemBody(appUrl: string, problem: ApiProblem): Problem {
  return {
    type: problemType(appUrl, problem.code),
    title: PROBLEMS[problem.code].title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    code: problem.code,
    ...problem.extensions,
  };
}

export function problemResponse(appUrl: string, problem: ApiProblem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(appUrl, problem)), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers, ...problem.headers },
  });
}

/** zod issues as the `errors` list: one entry per field, in the request's own names. */
export function validationProblem(where: "body" | "query" | "path", error: z.ZodError): ApiProblem {
  const errors = error.issues.map((issue) => ({ path: issue.path.join(".") || where, message: issue.message }));
  const fields = [...new Set(errors.map((e) => e.path))].join(", ");
  return new ApiProblem("invalid_request", `Fix the ${where === "body" ? "request body" : where === "query" ? "query string" : "URL"}: ${fields}.`, { errors });
}
