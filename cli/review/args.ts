// argv -> review options. Usage errors are thrown as UsageError (exit 2).

import { exactAmount, exactText } from "../../provider/core/money";
import { parseTimestamp } from "../../provider/core/timestamps";
import { FAIL_ON_WORDS, type FailOn } from "./gate";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface ReviewArgs {
  help: boolean;
  /** Undefined or "-": stdin. */
  file?: string;
  format: "markdown" | "json";
  failOn: FailOn[];
  maxChange?: number;
  creditTypesFile?: string;
  asOf?: Date;
}

const FLAGS = ["--format", "--fail-on", "--max-change", "--credit-types", "--as-of"] as const;
type Flag = (typeof FLAGS)[number];

function parseFailOn(text: string): FailOn[] {
  return text
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "")
    .map((w) => {
      const found = FAIL_ON_WORDS.find((f) => f.toLowerCase() === w.toLowerCase().replace(/[-_]/g, ""));
      if (found === undefined) throw new UsageError(`--fail-on: unknown action "${w}" (expected ${FAIL_ON_WORDS.join(", ")})`);
      return found;
    });
}

function parseAmount(text: string): number {
  const plain = text.replace(/,/g, "");
  const value = Number(plain);
  if (!/^\d+(\.\d+)?$/.test(plain)) {
    throw new UsageError(`--max-change: "${text}" is not an amount in currency units, e.g. 10000 or 10000.50`);
  }
  // The limit is compared exactly, so it must be a number that means exactly what was written.
  const exact = exactAmount(value);
  if (exact === undefined || exactText(exact) !== plain.replace(/^0+(?=\d)/, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")) {
    throw new UsageError(`--max-change: "${text}" cannot be compared exactly (give at most 15 significant digits, and at most 90 trillion)`);
  }
  return value;
}

export function parseArgs(argv: readonly string[]): ReviewArgs {
  const args: ReviewArgs = { help: false, format: "markdown", failOn: [] };
  const set = (flag: Flag, value: string) => {
    switch (flag) {
      case "--format":
        if (value !== "markdown" && value !== "json") throw new UsageError(`--format: expected markdown or json, got "${value}"`);
        args.format = value;
        break;
      case "--fail-on":
        for (const w of parseFailOn(value)) if (!args.failOn.includes(w)) args.failOn.push(w);
        break;
      case "--max-change":
        args.maxChange = parseAmount(value);
        break;
      case "--credit-types":
        args.creditTypesFile = value;
        break;
      case "--as-of": {
        const ms = parseTimestamp(value);
        if (ms === undefined) throw new UsageError(`--as-of: "${value}" is not an RFC 3339 timestamp such as 2027-03-01T00:00:00Z`);
        args.asOf = new Date(ms);
        break;
      }
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "-h" || arg === "--help") {
      args.help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq > 0 ? arg.slice(0, eq) : arg) as Flag;
    if (FLAGS.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`${name} needs a value`);
      set(name, value);
      continue;
    }
    if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    if (args.file !== undefined) throw new UsageError(`only one input file can be given (got ${args.file} and ${arg})`);
    args.file = arg;
  }
  return args;
}
