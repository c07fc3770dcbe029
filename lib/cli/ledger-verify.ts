// npm run ledger:verify — the conservation check: for every IAP account, the
// cached balance equals the sum of its ledger entries, held equals its pending
// holds, each entry's balance_after follows from the ones before it, and every
// hold resolved once. Exits 1 and names each account that disagrees.
import { env } from "../env";
import { formatProblem, verifyLedger } from "../iap/verify";
import { withDatabase } from "./database";

await withDatabase(env(), async () => {
  const report = await verifyLedger();
  const counted = `${report.accounts} accounts, ${report.entries} ledger entries, ${report.holds} holds`;
  if (report.ok) {
    console.log(`Ledger conserved: ${counted} checked.`);
    return;
  }
  const accounts = new Set(report.problems.map((p) => p.accountId));
  console.error(`Ledger NOT conserved: ${accounts.size} of ${report.accounts} accounts disagree with their entries (${counted} checked).`);
  for (const problem of report.problems) console.error(`  ${formatProblem(problem)}`);
  process.exitCode = 1;
});
