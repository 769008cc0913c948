// The emulator's data file, read at start. A file someone edited by hand, a
// half-restored backup or a file from another program must stop the start
// with a message naming the file and the first problems found, and must
// never be overwritten: serving from a damaged state would answer 500 to
// every request, and the next save would replace the only copy.
//
// Only what the emulator reads is checked, record by record; collections a
// newer release adds are filled in empty, and keys this file does not know
// are kept as they are (so a file written by another release still loads).

import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { COMMIT_TYPES, RATE_TYPES, type State } from "./model";

/** The start refused the data file or its directory. */
export class DataFileError extends Error {
  override readonly name = "DataFileError" as const;
}

const MAX_LISTED_PROBLEMS = 5;

type Check = (v: unknown, at: string, problems: string[]) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return "a string";
  return String(v);
}

const string: Check = (v, at, problems) => {
  if (typeof v !== "string") problems.push(`${at}: expected a string, got ${describe(v)}`);
};
const finite: Check = (v, at, problems) => {
  if (typeof v !== "number" || !Number.isFinite(v)) problems.push(`${at}: expected a finite number, got ${describe(v)}`);
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, at, problems) => {
    if (typeof v !== "string" || !values.includes(v)) problems.push(`${at}: expected one of ${values.join(", ")}, got ${describe(v)}`);
  };
const optional =
  (check: Check): Check =>
  (v, at, problems) => {
    if (v !== undefined) check(v, at, problems);
  };
const listOf =
  (check: Check): Check =>
  (v, at, problems) => {
    if (!Array.isArray(v)) problems.push(`${at}: expected a list, got ${describe(v)}`);
    else v.forEach((item, i) => check(item, `${at}[${i}]`, problems));
  };
const mapOf =
  (check: Check): Check =>
  (v, at, problems) => {
    if (!isRecord(v)) problems.push(`${at}: expected an object, got ${describe(v)}`);
    else for (const [k, item] of Object.entries(v)) check(item, `${at}[${JSON.stringify(k)}]`, problems);
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (v, at, problems) => {
    if (!isRecord(v)) {
      problems.push(`${at}: expected an object, got ${describe(v)}`);
      return;
    }
    for (const [k, check] of Object.entries(fields)) check(v[k], `${at}.${k}`, problems);
  };

const accessItem = shape({ id: string, amount: finite, starting_at: string, ending_before: string });
const invoiceItem = shape({ id: string, timestamp: string, amount: finite, quantity: finite, unit_price: finite });

const commit = shape({
  seq: finite,
  id: string,
  customer_id: string,
  type: oneOf(COMMIT_TYPES),
  rate_type: oneOf(RATE_TYPES),
  priority: finite,
  product_id: string,
  access_schedule: shape({ credit_type_id: string, schedule_items: listOf(accessItem) }),
  invoice_schedule: optional(shape({ credit_type_id: string, schedule_items: listOf(invoiceItem) })),
  custom_fields: mapOf(string),
  created_at: string,
});

const credit = shape({
  seq: finite,
  id: string,
  customer_id: string,
  rate_type: oneOf(RATE_TYPES),
  priority: finite,
  product_id: string,
  access_schedule: shape({ credit_type_id: string, schedule_items: listOf(accessItem) }),
  custom_fields: mapOf(string),
  created_at: string,
});

/** The collections of State, each with the check of one record. */
const COLLECTIONS: Record<string, Check> = {
  customers: mapOf(shape({ id: string, name: string })),
  products: mapOf(shape({ id: string, name: string, tags: listOf(string) })),
  contracts: mapOf(shape({ id: string, customer_id: string, starting_at: string })),
  creditTypes: listOf(shape({ id: string, name: string })),
  customFieldKeys: listOf(shape({ entity: string, key: string })),
  commits: mapOf(commit),
  // Files written before credits existed have no `credits`; it starts empty.
  credits: mapOf(credit),
  idempotency: mapOf(shape({ path: string, bodyHash: string, status: finite })),
};

/** Every problem of a parsed data file, each naming where it is. */
export function dataFileProblems(parsed: unknown): string[] {
  if (!isRecord(parsed)) return [`expected an object holding the emulator's state, got ${describe(parsed)}`];
  if (parsed.version !== 1) return [`unknown format (version ${describe(parsed.version)}; this emulator reads version 1)`];
  const problems: string[] = [];
  if (parsed.seq !== undefined && (typeof parsed.seq !== "number" || !Number.isSafeInteger(parsed.seq) || parsed.seq < 0)) {
    problems.push(`seq: expected a whole number of 0 or more, got ${describe(parsed.seq)}`);
  }
  for (const [name, check] of Object.entries(COLLECTIONS)) {
    if (name in parsed) check(parsed[name], name, problems);
  }
  return problems;
}

/**
 * The state held in `file`, or undefined when the file does not exist yet.
 * Throws DataFileError; never writes.
 */
export function loadDataFile(file: string): Partial<State> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    // No file yet (ENOTDIR: a parent is not a directory; the directory check says so).
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new DataFileError(`emulator data file ${file} cannot be read: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataFileError(`emulator data file ${file} is not valid JSON; move it away to start fresh`);
  }
  const problems = dataFileProblems(parsed);
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `\n  - ${p}`).join("");
    const more = problems.length > MAX_LISTED_PROBLEMS ? `\n  (and ${problems.length - MAX_LISTED_PROBLEMS} more)` : "";
    throw new DataFileError(`emulator data file ${file} is damaged and was left as it is; fix it or move it away to start fresh:${listed}${more}`);
  }
  return parsed as Partial<State>;
}

/**
 * Creates the data file's directory if needed and proves it is writable by
 * writing and removing a probe file, so an unwritable directory stops the
 * start instead of failing the first write a client makes.
 */
export function assertWritableDirectory(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const probe = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.probe`);
  try {
    makeDirectories(dir);
    fs.writeFileSync(probe, "", { mode: 0o600 });
    fs.unlinkSync(probe);
  } catch (err) {
    throw new DataFileError(`emulator data directory ${dir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the data file ${file} could not be saved there`);
  }
}

/**
 * `mkdir -p` one level at a time. `fs.mkdirSync(dir, { recursive: true })`
 * never returns for some unwritable places (a path below /proc, Node 24).
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let cur = dir;
  while (!fs.existsSync(cur)) {
    missing.unshift(cur);
    const parent = path.dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  for (const d of missing) fs.mkdirSync(d);
}
