// The provider's `check`: validate raw inputs and return them in canonical
// form. Every problem is reported at once (like t3-env), each naming its
// property path (`accessSchedule.scheduleItems[1].endingBefore`) and the
// expected form, because a failed `pulumi preview` in a pipeline should
// list everything to fix in one go. No network, no I/O: this runs during
// preview, where any value may be Pulumi's unknown sentinel and is accepted.

import { z } from "zod";
import { canonicalize } from "./canonical";
import { effectiveUniquenessKey, provisionalUniquenessKey } from "./effective-key";
import { CANDIDATE_KEY_INPUT } from "./hidden-inputs";
import { replacedProperties } from "./replace";
import { storedInputs } from "./stored-inputs";
import { inputShapeIssues } from "./input-shape";
import { checkRules, type Issue } from "./rules";
import type { CustomerCommitInputs } from "./inputs";
import type { Kind } from "./kind/kind";
import { customerCommitKind } from "./kinds/commit";
import { CommitValidationError, CreditValidationError, type InputValidationError } from "./validation-error";
import { TIMESTAMP_FORM } from "./timestamps";
import { isUnknown } from "./unknown";
import { type Obj, type PathSegment, formatPath, getAt, isObj } from "./util";

export type { Issue } from "./rules";
export { CommitValidationError, CreditValidationError, InputValidationError, formatIssues } from "./validation-error";

/** Pulumi's CheckFailure shape. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** The validation error of `kind`, carrying every issue. */
export function validationError(kind: Kind, issues: Issue[]): InputValidationError {
  return kind.noun === "credit" ? new CreditValidationError(issues) : new CommitValidationError(issues);
}


/** Removes the engine's `__`-prefixed keys (`__provider`, ...): they are not inputs. */
export function withoutInternalKeys(news: Obj): Obj {
  const out: Obj = {};
  for (const k of Object.keys(news)) if (!k.startsWith("__")) out[k] = news[k];
  return out;
}

/** Removes null values, recursively, so `null` reads as "not given". */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v)) if (v[k] !== null) out[k] = withoutNulls(v[k]);
  return out;
}

// ---- zod issues -> readable issues ---------------------------------------

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object of strings",
};

const TIMESTAMP_FIELDS = new Set(["startingAt", "endingBefore", "timestamp"]);

/** Longer strings are shown cut short, with their length. */
const MAX_SHOWN_STRING = 60;

/** A value as a failure message names it; never the word the expectation uses for another type. */
export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") {
    return v.length > MAX_SHOWN_STRING ? `${JSON.stringify(v.slice(0, 40))}… (${v.length} characters)` : JSON.stringify(v);
  }
  if (typeof v === "bigint") return `a bigint (${v}n)`;
  if (typeof v === "symbol") return "a symbol";
  if (typeof v === "function") return "a function";
  if (typeof v === "object") {
    const proto: unknown = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null ? "an object" : `an instance of ${(v as object).constructor?.name || "a class"}`;
  }
  return String(v);
}

/** The zod schema at a path (for listing the allowed keys of a strict object). */
function schemaAt(kind: Kind, path: readonly PathSegment[]): z.ZodType | undefined {
  let cur: z.ZodType | undefined = kind.schema;
  for (const seg of path) {
    while (cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
    if (cur instanceof z.ZodArray && typeof seg === "number") cur = cur.element as z.ZodType;
    else if (cur instanceof z.ZodObject && typeof seg === "string") cur = cur.shape[seg] as z.ZodType | undefined;
    else return undefined;
  }
  while (cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
  return cur;
}

const squash = (k: string): string => k.toLowerCase().replace(/[_-]/g, "");

function unknownKeyIssue(kind: Kind, path: PathSegment[], key: string): Issue {
  const schema = schemaAt(kind, path);
  const allowed = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const near = allowed.find((a) => squash(a) === squash(key));
  const hint = near ? `did you mean "${near}"? ` : "";
  const list = allowed.length ? `allowed: ${allowed.join(", ")}` : "";
  return { path: formatPath([...path, key]), message: `unknown property; ${hint}${list}`.trim() };
}

/** True when the value at `path`, or at any step on the way, is the unknown sentinel. */
function touchesUnknown(root: unknown, path: readonly PathSegment[]): boolean {
  for (let n = 0; n <= path.length; n++) if (isUnknown(getAt(root, path.slice(0, n)))) return true;
  return false;
}

function zodIssues(kind: Kind, input: Obj): Issue[] {
  const result = kind.schema.safeParse(input);
  if (result.success) return [];
  const out: Issue[] = [];
  for (const zi of result.error.issues) {
    const path = zi.path.filter((p): p is PathSegment => typeof p !== "symbol");
    if (touchesUnknown(input, path)) continue;
    const actual = getAt(input, path);
    switch (zi.code) {
      case "unrecognized_keys":
        for (const key of zi.keys) out.push(unknownKeyIssue(kind, path, key));
        break;
      case "invalid_type": {
        const last = path[path.length - 1];
        const expected = TIMESTAMP_FIELDS.has(String(last)) ? TIMESTAMP_FORM : (EXPECTED[zi.expected] ?? zi.expected);
        // Fields with their own wording (uniquenessKey) keep it.
        const own = !zi.message.startsWith("Invalid input");
        const message = own
          ? zi.message
          : actual === undefined
            ? `is required: expected ${expected}`
            : `expected ${expected}, got ${describe(actual)}`;
        out.push({ path: formatPath(path), message });
        break;
      }
      case "invalid_value":
        out.push({
          path: formatPath(path),
          message: `expected one of ${zi.values.map(String).join(", ")} (any case), got ${describe(actual)}`,
        });
        break;
      default:
        out.push({ path: formatPath(path), message: zi.message });
    }
  }
  return out;
}

// ---- entry points -----------------------------------------------------------

export type ValidationResult<I = CustomerCommitInputs> = { ok: true; inputs: I } | { ok: false; issues: Issue[] };

/**
 * Validates raw inputs (schema + rules, every issue at once) and returns the
 * canonical form when they are valid. `__`-prefixed keys are ignored.
 */
export function validateInputs(raw: unknown): ValidationResult;
export function validateInputs<I>(raw: unknown, kind: Kind): ValidationResult<I>;
export function validateInputs(raw: unknown, kind: Kind = customerCommitKind): ValidationResult<unknown> {
  if (!isObj(raw)) return { ok: false, issues: [{ path: "", message: `expected an object of inputs, got ${describe(raw)}` }] };
  // First, and without recursion: nesting, forbidden keys, control characters.
  const shape = inputShapeIssues(raw);
  if (shape.fatal) return { ok: false, issues: shape.issues };
  const input = withoutNulls(withoutInternalKeys(raw)) as Obj;
  // One problem per property: a value already rejected (by its shape, then
  // by the schema) is not reported again.
  const taken = new Set(shape.issues.map((i) => i.path));
  const below = (path: string): boolean => shape.issues.some((s) => s.path !== "" && (path.startsWith(`${s.path}.`) || path.startsWith(`${s.path}[`)));
  const schemaIssues: Issue[] = [];
  for (const i of zodIssues(kind, input)) {
    if (taken.has(i.path) || below(i.path)) continue;
    taken.add(i.path);
    schemaIssues.push(i);
  }
  const ruleIssues: Issue[] = [];
  for (const i of checkRules(input, kind.rules)) {
    if (taken.has(i.path) || below(i.path)) continue;
    taken.add(i.path);
    ruleIssues.push(i);
  }
  const issues = [...shape.issues, ...schemaIssues, ...ruleIssues];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, inputs: canonicalize(input, kind) };
}

/**
 * The provider's `check(olds, news)`. Canonical form depends on the new
 * inputs alone; `olds` (the inputs in state, empty for a new resource) decide
 * the uniqueness key, with the candidate the resource class derived
 * (`__defaultUniquenessKey`, consumed here) for a new resource
 * (effective-key.ts). Valid: canonical inputs, the effective key among them,
 * without the defaults canonicalizing fills in unless the state holds them
 * (stored-inputs.ts), and no failures. Invalid: `news` unchanged (minus `__`
 * keys) and one failure per issue.
 */
export function checkInputs(olds: unknown, news: unknown, kind: Kind = customerCommitKind): { inputs: Obj; failures: CheckFailure[] } {
  const prior = isObj(olds) ? withoutInternalKeys(olds) : {};
  const declared = isObj(news) ? news.uniquenessKey : undefined;
  const candidate = isObj(news) ? news[CANDIDATE_KEY_INPUT] : undefined;
  const provisional = provisionalUniquenessKey(prior, declared, candidate);
  const result = validateInputs<Obj>(isObj(news) && provisional !== undefined ? { ...news, uniquenessKey: provisional } : news, kind);
  if (result.ok) {
    const canonical = result.inputs;
    canonical.uniquenessKey = effectiveUniquenessKey(prior, canonical, declared, candidate, kind);
    const inputs = storedInputs(canonical, kind, prior);
    const kept = keyKeptOnReplace(prior, inputs, kind);
    return { inputs, failures: kept.map((i) => checkFailure(i, news)) };
  }
  const inputs = isObj(news) ? withoutInternalKeys(news) : {};
  return { inputs, failures: result.issues.map((i) => checkFailure(i, news)) };
}

/**
 * One issue as the engine shows it. Pulumi prints a failure as
 *   <type> resource '<name>': property <property> value <value> has a problem: <reason>
 * looking `<value>` up by top-level name only: a nested path would print
 * `{<nil>}` (as would a missing field), a top-level object its whole dump.
 * So `property` is given only for a top-level field holding a scalar, which
 * is then shown as given; any other issue leaves it empty, which Pulumi
 * prints as
 *   <type> resource '<name>' has a problem: <path>: <message>
 * Either way the exact path is kept: `failurePath` reads it back.
 */
function checkFailure(issue: Issue, news: unknown): CheckFailure {
  if (issue.path === "") return { property: "", reason: issue.message };
  const topLevel = !/[.[]/.test(issue.path);
  const value = isObj(news) ? news[issue.path] : undefined;
  const readable = topLevel && value !== undefined && value !== null && !isObj(value) && !Array.isArray(value);
  return readable ? { property: issue.path, reason: issue.message } : { property: "", reason: `${issue.path}: ${issue.message}` };
}

/** The exact property path a check failure is about (`""` for the inputs as a whole). */
export function failurePath(failure: CheckFailure): string {
  if (failure.property !== "") return failure.property;
  const colon = failure.reason.indexOf(": ");
  return colon < 0 ? "" : failure.reason.slice(0, colon);
}

/**
 * A replacement creates a new commit, and Metronome never releases a
 * uniqueness key, so a replacement declared with the key of the commit it
 * replaces can never be created; worse, the refusal (409) would point back at
 * the commit being replaced. `olds` are the resource's current inputs (empty
 * on create). A key that is not declared is chained anew on every
 * replace-only change, so this only stops an explicitly declared key.
 */
function keyKeptOnReplace(olds: unknown, inputs: Obj, kind: Kind): Issue[] {
  if (!isObj(olds) || typeof olds.uniquenessKey !== "string" || inputs.uniquenessKey !== olds.uniquenessKey) return [];
  const replaced = replacedProperties(withoutInternalKeys(olds), inputs, kind).filter((p) => p !== "uniquenessKey");
  if (replaced.length === 0) return [];
  return [
    {
      path: "uniquenessKey",
      message:
        `this change (${replaced.join(", ")}) replaces the ${kind.noun}, which needs a new ${kind.noun} with a new uniqueness key, ` +
        `but uniquenessKey is still "${olds.uniquenessKey}" and Metronome never releases a key. ` +
        "Declare a new uniquenessKey (or remove it to use the derived default) in the same change.",
    },
  ];
}
