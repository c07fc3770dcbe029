// The language of what the CLI prints: the terminal's, as POSIX says to find
// it (LC_ALL, else LC_MESSAGES, else LANG). "fr_FR.UTF-8" → fr, "zh_CN.UTF-8"
// → zh-CN, anything we do not speak ("de_DE", "C", unset) → English. The
// words are in messages/<locale>/cli.json, like every other text.
import { translatorFor, type Words } from "../i18n/catalogue";
import { DEFAULT_LOCALE, negotiateLocale, type Locale } from "../i18n/locales";

type Environment = Record<string, string | undefined>;

/** A message of cli.json by its key within one part, with its ICU variables. */
export type CliTranslator = Words;

export function terminalLocale(environment: Environment): Locale {
  const setting = [environment.LC_ALL, environment.LC_MESSAGES, environment.LANG].find((value) => value?.trim());
  if (!setting) return DEFAULT_LOCALE;
  // "fr_FR.UTF-8@euro" → "fr-FR": the language tag Accept-Language would send.
  const tag = setting.split(/[.@]/)[0]!.replace("_", "-");
  return negotiateLocale(tag) ?? DEFAULT_LOCALE;
}

/** The translator of one part of cli.json, in the terminal's language. */
export function cliTranslator(part: "seed" | "userCreate" | "ledger" | "ledgerProblems" | "documentsRead" | "serve" | "migrate" | "diff"): CliTranslator {
  return translatorFor(terminalLocale(process.env), `cli.${part}`);
}
