// Which messages reach the browser. A client component's `useTranslations`
// reads the messages its nearest <ClientMessages> provider passed down
// (components/client-messages.tsx); everything a provider passes is
// serialized into every page's RSC payload (and again into its HTML), so each
// provider passes only the namespaces the client components under it use —
// the whole catalogue of a locale is ~100 KB of JSON. The root layout passes
// the shared ones below; a layout whose pages' client components need more
// wraps its children in its own provider that names them.
// tests/architecture/client-messages.test.ts walks the module graph and fails
// when a client component under a provider uses a namespace the provider does
// not pass (the component would show a missing-message key).
import type { Messages } from "./catalogue";

/**
 * Used by client components that can appear on any page: dialogs, the
 * unsaved-changes guard, the nav, the user menu, the language switcher, and
 * every form's feedback (an action's refusal, the buy and budget prompts).
 */
export const SHARED_CLIENT_NAMESPACES = ["ui", "common.nav", "common.userMenu", "common.language", "common.actions", "iap.prompt", "iap.services"] as const;

/**
 * The parts of `messages` named by dotted paths (`"iap.budgets"` keeps only
 * that object of the `iap` namespace), nested as in the catalogue, sharing
 * the catalogue's objects (never modified). A path that names nothing is left
 * out (the architecture test checks that every path exists).
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Record<string, unknown> = {};
  for (const dotted of paths) {
    // A path inside another one given is already there (and writing into it would write into the cached catalogue).
    if (paths.some((other) => dotted.startsWith(`${other}.`))) continue;
    const keys = dotted.split(".");
    let source: unknown = messages;
    for (const key of keys) source = source !== null && typeof source === "object" ? (source as Record<string, unknown>)[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1]] = source;
  }
  return picked as Messages;
}
