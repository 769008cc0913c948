import { inspect } from "node:util";
import { expect } from "vitest";

/** Every string reachable from `value` (own properties, enumerable or not; prototypes skipped). */
function allStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === "string") out.push(key);
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && "value" in descriptor) out.push(...allStrings(descriptor.value, seen));
  }
  return out;
}

/**
 * Fails if `secret` shows anywhere in the error: message, stack, JSON,
 * util.inspect (which prints `cause` and hidden properties), or any property
 * at any depth, `cause` chain included.
 */
export function expectNoSecret(error: unknown, secret: string): void {
  expect(error).toBeInstanceOf(Error);
  const e = error as Error;
  const views: Array<[string, string]> = [
    ["message", e.message],
    ["stack", e.stack ?? ""],
    ["String()", String(e)],
    ["JSON", JSON.stringify(e)],
    ["inspect", inspect(e, { depth: 20, showHidden: true })],
    ...allStrings(e).map((s, i): [string, string] => [`property #${i}`, s]),
  ];
  for (const [where, text] of views) {
    expect(text.includes(secret), `token found in ${where}: ${text.slice(0, 200)}`).toBe(false);
  }
}

/**
 * Fails if any run of `run` consecutive characters of `secret`, or of its
 * base64 / base64url text at any byte alignment, shows in any view of the
 * error: a cut-short or encoded echo of the token counts as the token.
 */
export function expectNoPartOfSecret(error: unknown, secret: string, run = 8): void {
  const forms = [secret];
  for (let offset = 0; offset < 3; offset++) {
    const bytes = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)]);
    const whole = bytes.subarray(0, Math.floor(bytes.length / 3) * 3);
    for (const enc of ["base64", "base64url"] as const) forms.push(whole.toString(enc).slice(offset === 0 ? 0 : 4));
  }
  const windows = forms.flatMap((f) => Array.from({ length: Math.max(0, f.length - run + 1) }, (_, i) => f.slice(i, i + run)));
  const e = error as Error;
  const views = [e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 20, showHidden: true }), ...allStrings(e)];
  for (const text of views) {
    const found = windows.find((w) => text.includes(w));
    expect(found, `part of the token found: ${found} in ${text.slice(0, 200)}`).toBeUndefined();
  }
}
