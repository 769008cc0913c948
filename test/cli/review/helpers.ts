// Shared helpers of the review tests: fixtures, a fixed review time, the
// emulator's credit types, and the command run in-process with captured output.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../../cli/review/command";
import { type CreditTypeInfo, creditTypeTable } from "../../../cli/review/credit-types";
import type { Change, Review } from "../../../cli/review/model";
import { CLOUD_CREDITS_CREDIT_TYPE_ID, EUR_CENTS_CREDIT_TYPE_ID } from "../../../emulator/credit-types";
import { reviewPreview, type ReviewOptions } from "../../../cli/review/review";
import { plainText } from "../../../cli/review/text";
import type { PreviewDigest } from "../../../cli/review/preview-types";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(HERE, "fixtures");
export const CAPTURED = path.join(FIXTURES, "captured");

/** Every hand-written fixture's name. */
export const FIXTURE_NAMES = ["create", "edit", "replace", "delete", "mixed", "unknowns", "secrets", "detailed-diff-null", "credits"] as const;

/** Reviews pretend `pulumi up` runs at this time (end-of-access estimates). */
export const AS_OF = new Date("2027-06-15T10:30:00Z");
export const AS_OF_ARG = "--as-of=2027-06-15T10:30:00Z";

/**
 * Names for the emulator's own credit types, which fixtures and captured
 * plans use beside USD: the review knows only Metronome's USD (cents) id, so
 * these are given as a --credit-types table would give them.
 */
export const EMULATOR_CREDIT_TYPES: ReadonlyMap<string, CreditTypeInfo> = new Map([
  [EUR_CENTS_CREDIT_TYPE_ID, { name: "EUR", cents: true, symbol: "€" }],
  [CLOUD_CREDITS_CREDIT_TYPE_ID, { name: "Cloud credits", cents: false }],
]);

export const TABLE = creditTypeTable(EMULATOR_CREDIT_TYPES);

let creditTypesFile: string | undefined;

/** `--credit-types=<file>` naming EMULATOR_CREDIT_TYPES, for runs of the command (the file is written once). */
export function creditTypesArg(): string {
  if (creditTypesFile === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-credit-types-"));
    creditTypesFile = path.join(dir, "credit-types.json");
    fs.writeFileSync(creditTypesFile, JSON.stringify(Object.fromEntries(EMULATOR_CREDIT_TYPES)));
  }
  return `--credit-types=${creditTypesFile}`;
}

export function fixturePath(name: string): string {
  return path.join(FIXTURES, `${name}.json`);
}

export function loadFixture(name: string): PreviewDigest {
  return JSON.parse(fs.readFileSync(fixturePath(name), "utf8")) as PreviewDigest;
}

/** The review of a fixture, at AS_OF, with the emulator's credit types named. */
export function reviewOf(name: string, options: ReviewOptions = {}): Review {
  return reviewPreview(loadFixture(name), { asOf: AS_OF, creditTypes: TABLE, ...options });
}

export function changeNamed(review: Review, name: string): Change {
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
