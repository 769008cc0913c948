// What must hold of raw inputs before anything copies or walks them
// recursively: how deep they nest, which keys they use, and which
// characters their strings hold. Walked once, without recursion, so a value
// nested thousands of levels deep is a failure, not a RangeError.
//
// - Keys `__proto__`, `constructor` and `prototype` are refused by name,
//   wherever an object is read: copying such a key into a new object changes
//   the copy's prototype instead of adding a key (so a custom field vanished,
//   or schedule items placed under `__proto__` were found through the
//   prototype chain). An object whose prototype is not a plain object's (the
//   engine's deserializer assigned a `__proto__` key) is refused the same way;
//   a class instance (a Date, a Map) is refused as not plain data.
// - Strings and keys may not hold control characters (C0, DEL, C1): a NUL
//   or an escape sequence in a name reaches invoices, logs and terminals.
//   `description` (internal text) may hold tabs and line breaks.

import { type Issue } from "./rules";
import { type Obj, type PathSegment, formatPath } from "./util";

/** Deeper than any CustomerCommit input (the deepest is 4 levels) by a wide margin. */
export const MAX_INPUT_DEPTH = 32;

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Top-level fields whose strings may span lines. */
const MULTILINE_FIELDS: ReadonlySet<string> = new Set(["description"]);

/** `U+0000`, the way a reader can tell which character it is. */
function codePoint(s: string, pattern: RegExp): string {
  const ch = pattern.exec(s)?.[0] ?? "";
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function controlIssue(at: PathSegment[], s: string, what: "value" | "key", pattern: RegExp): Issue {
  return {
    path: formatPath(at),
    message: `the ${what} contains a control character (${codePoint(s, pattern)}); control characters are not allowed${pattern === CONTROL_EXCEPT_LINES ? " (tabs and line breaks are)" : ""}`,
  };
}

/**
 * Every shape problem of raw inputs, each with its path. `fatal` is true when
 * the inputs nest too deep to be walked further by anything.
 */
export function inputShapeIssues(raw: Obj): { issues: Issue[]; fatal: boolean } {
  const issues: Issue[] = [];
  const stack: Array<{ value: unknown; at: PathSegment[] }> = [{ value: raw, at: [] }];
  while (stack.length > 0) {
    const { value, at } = stack.pop() as { value: unknown; at: PathSegment[] };
    const pattern = typeof at[0] === "string" && MULTILINE_FIELDS.has(at[0]) ? CONTROL_EXCEPT_LINES : CONTROL;
    if (typeof value === "string") {
      if (pattern.test(value)) issues.push(controlIssue(at, value, "value", pattern));
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (at.length >= MAX_INPUT_DEPTH) {
      return {
        issues: [{ path: formatPath(at.slice(0, 2)), message: `nests deeper than ${MAX_INPUT_DEPTH} levels; CustomerCommit inputs nest at most 4 levels deep` }],
        fatal: true,
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], at: [...at, i] });
      continue;
    }
    // A prototype without its own `constructor` is a plain object put there
    // through `__proto__`; a class instance (a Date) is left to the schema.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && Object.hasOwn(proto as object, "constructor")) {
      const name = (value as object).constructor?.name || "a class";
      issues.push({ path: formatPath(at), message: `expected plain data (an object, a list, a string, a number or true/false), got an instance of ${name}` });
      continue;
    }
    if (proto !== Object.prototype && proto !== null) {
      issues.push({ path: formatPath([...at, "__proto__"]), message: 'a key named "__proto__" is not allowed (it would replace the object\'s prototype)' });
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      // The engine's own keys (`__provider`, ...) are removed by check; only the top level has them.
      if (at.length === 0 && key.startsWith("__") && !FORBIDDEN_KEYS.has(key)) continue;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: formatPath([...at, key]), message: `a key named "${key}" is not allowed (it would be dropped, or change the object's prototype, when the inputs are copied)` });
        continue;
      }
      if (CONTROL.test(key)) issues.push(controlIssue([...at, key], key, "key", CONTROL));
      stack.push({ value: (value as Obj)[key], at: [...at, key] });
    }
  }
  return { issues, fatal: false };
}
