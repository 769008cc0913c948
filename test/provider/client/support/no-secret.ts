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
