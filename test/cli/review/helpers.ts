// Shared helpers of the review tests: fixtures, a fixed review time, and the
// command run in-process with captured output.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../../cli/review/command";
import { creditTypeTable } from "../../../cli/review/credit-types";
import type { CommitChange, Review } from "../../../cli/review/model";
import { reviewPreview, type ReviewOptions } from "../../../cli/review/review";
import { plainText } from "../../../cli/review/text";
import type { PreviewDigest } from "../../../cli/review/preview-types";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(HERE, "fixtures");
export const CAPTURED = path.join(FIXTURES, "captured");

/** Every hand-written fixture's name. */
export const FIXTURE_NAMES = ["create", "edit", "replace", "delete", "mixed", "unknowns", "secrets", "detailed-diff-null"] as const;

/** Reviews pretend `pulumi up` runs at this time (end-of-access estimates). */
export const AS_OF = new Date("2027-06-15T10:30:00Z");
export const AS_OF_ARG = "--as-of=2027-06-15T10:30:00Z";

export const TABLE = creditTypeTable();

export function fixturePath(name: string): string {
  return path.join(FIXTURES, `${name}.json`);
}

export function loadFixture(name: string): PreviewDigest {
  return JSON.parse(fs.readFileSync(fixturePath(name), "utf8")) as PreviewDigest;
}

export function reviewOf(name: string, options: ReviewOptions = {}): Review {
  return reviewPreview(loadFixture(name), { asOf: AS_OF, ...options });
}

export function changeNamed(review: Review, name: string): CommitChange {
  const change = review.changes.find((c) => c.name === name);
  if (change === undefined) throw new Error(`no change for ${name}; have ${review.changes.map((c) => c.name).join(", ")}`);
  return change;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pulumi-metronome review <argv>` in-process. */
export async function runReview(argv: string[], stdin = ""): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
    env: {},
  });
  return { code, stdout, stderr };
}

/** Rendered Markdown as a reader sees it: code elements as backtick spans, backslash escapes removed. */
export const visible = (md: string): string => md.replace(/<code>(.*?)<\/code>/g, "`$1`").replace(/\\([!-/:-@[-`{-~])/g, "$1");

/** The review with its gate reasons as plain text (quoted values in backticks), for assertions. */
export function plainGate(review: Review): Review {
  return review.gate === undefined ? review : { ...review, gate: { ...review.gate, reasons: review.gate.reasons.map(plainText) } };
}

/** reviewOf, with the gate reasons as plain text. */
export const gatedReviewOf = (name: string, options: ReviewOptions = {}): Review => plainGate(reviewOf(name, options));
