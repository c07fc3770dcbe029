import "server-only";
import { AuthError, checkCaller, type Role, type SessionUser } from "./session";

/**
 * A route handler for signed-in callers: a route is its own entry point (no
 * layout guards it), so the caller is checked before the handler runs, and a
 * refusal is answered with its status (401, 403) and reason as plain text
 * rather than a rendered page.
 */
export function callerRoute<Context>(role: Role | "ANY", handler: (user: SessionUser, request: Request, context: Context) => Promise<Response>) {
  return async function route(request: Request, context: Context): Promise<Response> {
    let user: SessionUser;
    try {
      user = await checkCaller(role);
    } catch (error) {
      if (error instanceof AuthError) return new Response(error.message, { status: error.status });
      throw error;
    }
    return handler(user, request, context);
  };
}
