// The errors invalid inputs raise, one class per kind (a caller may catch
// `InputValidationError` for both). Each carries every issue found, with its
// property path. Kept apart from check.ts so that the public declarations
// reach no schema types.

import type { Issue } from "./rules";

/** A readable multi-line list: `2 problems with X:\n  - path: message`. */
export function formatIssues(issues: readonly Issue[], subject = "CustomerCommit inputs"): string {
  if (issues.length === 0) return `${subject}: no problems`;
  const head = `${issues.length} problem${issues.length === 1 ? "" : "s"} with ${subject}:`;
  return [head, ...issues.map((i) => `  - ${i.path || "(inputs)"}: ${i.message}`)].join("\n");
}

/** Invalid inputs of any kind; carries every issue. */
export class InputValidationError extends Error {
  override readonly name: string = "InputValidationError";
  readonly issues: Issue[];
  constructor(issues: Issue[], subject: string) {
    super(formatIssues(issues, subject));
    this.issues = issues;
  }
}

/** Thrown by the provider and the CLI when a commit's inputs are invalid. */
export class CommitValidationError extends InputValidationError {
  override readonly name: string = "CommitValidationError";
  constructor(issues: Issue[], subject = "CustomerCommit inputs") {
    super(issues, subject);
  }
}

/** Thrown by the provider and the CLI when a credit's inputs are invalid. */
export class CreditValidationError extends InputValidationError {
  override readonly name: string = "CreditValidationError";
  constructor(issues: Issue[], subject = "CustomerCredit inputs") {
    super(issues, subject);
  }
}

