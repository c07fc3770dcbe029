// Errors a job's work may throw to tell the job system what happened. This file
// depends on nothing, so any slice can use it.

/**
 * Trying again cannot help (a refused recipient, a payload that makes no
 * sense): the job stops now and is logged as failed, whatever attempts remain.
 * The work records its own outcome (e.g. the e-mail marked FAILED) before
 * throwing.
 */
export class PermanentJobError extends Error {
  readonly name = "PermanentJobError";
}
