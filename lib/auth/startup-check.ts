import "server-only";
import { env, missingSessionSecret } from "@/lib/env";

/** `next start` run without the launcher (npm start) refuses to serve without NEXTAUTH_SECRET, like the launcher does. */
export function exitWithoutSessionSecret() {
  const problem = missingSessionSecret(env());
  if (!problem) return;
  console.error(`✖ The app cannot start: ${problem}`);
  process.exit(1);
}
