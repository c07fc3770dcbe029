// npm run ledger:verify — the conservation check: for every IAP account, the
// cached balance equals the sum of its ledger entries, held equals its pending
// holds, each entry's balance_after follows from the ones before it, and every
// hold resolved once. Exits 1 and names each account that disagrees. Prints in
// the terminal's language (LC_ALL, LC_MESSAGES, LANG), each problem too: the
// check (lib/iap/verify.ts) returns codes and figures, lib/cli/ledger-problems.ts
// words them.
import { env } from "../env";
import { verifyLedger } from "../iap/verify";
import { withDatabase } from "./database";
import { problemLine } from "./ledger-problems";
import { cliTranslator } from "./locale";

const t = cliTranslator("ledger");

await withDatabase(env(), async () => {
  const report = await verifyLedger();
  const counted = t("counted", { accounts: report.accounts, entries: report.entries, holds: report.holds });
  if (report.ok) {
    console.log(t("conserved", { counted }));
    return;
  }
  const accounts = new Set(report.problems.map((p) => p.accountId));
  console.error(t("notConserved", { disagreeing: accounts.size, accounts: report.accounts, counted }));
  const problems = cliTranslator("ledgerProblems");
  for (const problem of report.problems) console.error(`  ${problemLine(problem, { ledger: t, problems })}`);
  process.exitCode = 1;
});
