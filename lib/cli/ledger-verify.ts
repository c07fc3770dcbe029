// npm run ledger:verify — the conservation check: for every IAP account, the
// cached balance equals the sum of its ledger entries, held equals its pending
// holds, each entry's balance_after follows from the ones before it, and every
// hold resolved once. Exits 1 and names each account that disagrees. Prints in
// the terminal's language (LANG); each problem's own text is the check's
// (lib/iap/verify.ts), in English.
import { env } from "../env";
import { verifyLedger } from "../iap/verify";
import { withDatabase } from "./database";
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
  for (const problem of report.problems) {
    const { accountId, companyId, company, service } = problem;
    console.error(`  ${t("problem", { account: String(accountId), companyId: String(companyId), company, service, problem: problem.problem })}`);
  }
  process.exitCode = 1;
});
