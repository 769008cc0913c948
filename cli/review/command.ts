// `pulumi-metronome review`: the only file here that does I/O. Reads the
// preview (file or stdin) and the optional credit-type names, runs the pure
// review, writes Markdown or JSON to stdout and gate failures to stderr.
// Exit codes: 0 reviewed, 1 unreadable input, 2 usage error, 3 gate failed.

import { readFile } from "node:fs/promises";
import type { CommandIo } from "../io";
import { UsageError, parseArgs, type ReviewArgs } from "./args";
import { CreditTypesFileError, type CreditTypeTable, creditTypeTable, parseCreditTypes } from "./credit-types";
import { InputError, parsePreviewText } from "./input";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import { reviewPreview } from "./review";
import { plainText } from "./text";
import { USAGE } from "./usage";

export const EXIT_OK = 0;
export const EXIT_UNREADABLE = 1;
export const EXIT_USAGE = 2;
export const EXIT_GATE = 3;

class Unreadable extends Error {}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new Unreadable(`cannot read ${what} ${path}: ${reason}`);
  }
}

async function loadCreditTypes(file: string | undefined): Promise<CreditTypeTable> {
  if (file === undefined) return creditTypeTable();
  const text = await readText(file, "credit types file");
  try {
    return creditTypeTable(parseCreditTypes(JSON.parse(text)));
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof CreditTypesFileError) throw new Unreadable(`credit types file ${file}: ${error.message}`);
    throw error;
  }
}

async function review(args: ReviewArgs, io: CommandIo): Promise<number> {
  const text = args.file === undefined || args.file === "-" ? await io.readStdin() : await readText(args.file, "preview");
  const table = await loadCreditTypes(args.creditTypesFile);
  const digest = parsePreviewText(text);
  const gated = args.failOn.length > 0 || args.maxChange !== undefined;
  const result = reviewPreview(digest, {
    creditTypes: table,
    ...(args.asOf ? { asOf: args.asOf } : {}),
    ...(gated ? { gate: { failOn: args.failOn, ...(args.maxChange !== undefined ? { maxChange: args.maxChange } : {}) } } : {}),
  });
  io.stdout(args.format === "json" ? renderJson(result, table) : renderMarkdown(result, table));
  if (result.gate?.failed) {
    io.stderr(result.gate.reasons.map((r) => `review gate: approval required: ${plainText(r)}\n`).join(""));
    return EXIT_GATE;
  }
  return EXIT_OK;
}

export async function run(argv: string[], io: CommandIo): Promise<number> {
  let args: ReviewArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`pulumi-metronome review: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  try {
    return await review(args, io);
  } catch (error) {
    if (error instanceof Unreadable || error instanceof InputError) {
      io.stderr(`pulumi-metronome review: ${error.message}\n`);
      return EXIT_UNREADABLE;
    }
    throw error;
  }
}
