// Text -> PreviewDigest. Accepts what `pulumi preview --json` prints (one
// JSON document, possibly after stray lines a wrapper script printed), and
// also the newline-delimited engine events of `pulumi preview --json` with
// PULUMI_ENABLE_STREAMING_JSON_PREVIEW set, or of the Automation API's
// `onEvent` written one per line: their `resourcePreEvent.metadata` carries
// the same step data under other names (old/new, diffs, keys, diffKind).

import type { PreviewDiagnostic, PreviewDigest, PreviewStep, PropertyDiff, ResourceState } from "./preview-types";

/** The input is not a preview this command can read. */
export class InputError extends Error {
  override readonly name = "InputError";
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function parsePreviewText(text: string): PreviewDigest {
  const trimmed = text.trim();
  if (trimmed === "") throw new InputError("the input is empty; expected the output of `pulumi preview --json`");
  const whole = tryParse(trimmed) ?? tryParse(trimmed.slice(Math.max(0, trimmed.indexOf("{"))));
  if (isObject(whole)) {
    if (Array.isArray(whole.steps) || Array.isArray(whole.diagnostics) || isObject(whole.changeSummary)) return digestOf(whole);
    if (isObject(whole.resourcePreEvent) || isObject(whole.diagnosticEvent)) return fromEvents([whole]);
    throw new InputError("the JSON has no `steps`: expected the output of `pulumi preview --json`");
  }
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== "");
  const events = lines.map(tryParse);
  if (events.length > 0 && events.every(isObject)) return fromEvents(events as Json[]);
  throw new InputError("the input is not JSON: expected the output of `pulumi preview --json`");
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function digestOf(doc: Json): PreviewDigest {
  const steps = Array.isArray(doc.steps) ? doc.steps : [];
  const bad = steps.findIndex((s) => !isObject(s) || typeof s.op !== "string" || typeof s.urn !== "string");
  if (bad >= 0) throw new InputError(`steps[${bad}] has no \`op\` and \`urn\`: not the output of \`pulumi preview --json\``);
  return {
    steps: steps as PreviewStep[],
    diagnostics: Array.isArray(doc.diagnostics) ? (doc.diagnostics.filter(isObject) as unknown as PreviewDiagnostic[]) : [],
    changeSummary: isObject(doc.changeSummary) ? (doc.changeSummary as Record<string, number>) : undefined,
  };
}

/** Engine events -> a digest (only resource pre-events and diagnostics matter). */
function fromEvents(events: Json[]): PreviewDigest {
  const steps: PreviewStep[] = [];
  const diagnostics: PreviewDiagnostic[] = [];
  for (const e of events) {
    const pre = isObject(e.resourcePreEvent) ? e.resourcePreEvent.metadata : undefined;
    if (isObject(pre) && typeof pre.op === "string" && typeof pre.urn === "string") {
      steps.push({
        op: pre.op,
        urn: pre.urn,
        oldState: isObject(pre.old) ? (pre.old as ResourceState) : undefined,
        newState: isObject(pre.new) ? (pre.new as ResourceState) : undefined,
        diffReasons: stringList(pre.diffs),
        replaceReasons: stringList(pre.keys),
        detailedDiff: isObject(pre.detailedDiff) ? eventDiff(pre.detailedDiff) : null,
      });
    }
    const d = e.diagnosticEvent;
    if (isObject(d) && typeof d.message === "string" && typeof d.severity === "string") {
      diagnostics.push({ message: d.message, severity: d.severity, ...(typeof d.urn === "string" ? { urn: d.urn } : {}) });
    }
  }
  return { steps, diagnostics };
}

const stringList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined);

function eventDiff(d: Json): Record<string, PropertyDiff> {
  const out: Record<string, PropertyDiff> = {};
  for (const [path, v] of Object.entries(d)) {
    if (isObject(v)) out[path] = { kind: String(v.diffKind ?? v.kind ?? "update"), inputDiff: v.inputDiff === true };
  }
  return out;
}
