// One line per problem the conservation check found (lib/iap/verify.ts),
// naming the account the way an operator finds it, in the terminal's language:
// `npm run ledger:verify` and the credits bench print them.
import type { LedgerProblem } from "../iap/verify";
import { cliTranslator, type CliTranslator } from "./locale";

export function problemLine(p: LedgerProblem, t: { ledger: CliTranslator; problems: CliTranslator } = { ledger: cliTranslator("ledger"), problems: cliTranslator("ledgerProblems") }): string {
  return t.ledger("problem", {
    account: String(p.accountId),
    companyId: String(p.companyId),
    company: p.company,
    service: p.service,
    problem: t.problems(p.finding.code, p.finding.values),
  });
}
