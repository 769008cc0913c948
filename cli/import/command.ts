// `pulumi-metronome import`: lists customers' commits and credits in
// Metronome and writes a TypeScript module declaring each live commit as a
// CustomerCommit with `existingCommitId` and each live credit as a
// CustomerCredit with `existingCreditId` (list.ts -> model.ts -> render.ts).
// Nothing is written to Metronome. The module goes to --out, or to standard
// output.

import * as fs from "node:fs";
import * as path from "node:path";
import { MetronomeClient } from "../../provider/client";
import type { Kind } from "../../provider/core/kind/kind";
import type { CommandIo } from "../io";
import { ImportFileError, buildImportFile } from "./import-file";
import { counted, kindByNoun, listed } from "./kinds";
import { ListError, listCustomers } from "./list";
import { StateReadError, exportStack, managedIds, readStateFile } from "./managed";
import { type CustomerModel, buildModel, declarationsOf } from "./model";
import { USAGE, parseOptions } from "./options";
import { renderModule } from "./render";

export const DEFAULT_BASE_URL = "https://api.metronome.com";

/** The project name in `dir`'s Pulumi.yaml (its top-level `name:`), if there is one. */
function projectNameIn(dir: string): string | undefined {
  for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, file), "utf8");
    } catch {
      continue;
    }
    const name = /^name:[ \t]*(.+?)[ \t]*$/m.exec(text)?.[1];
    if (name !== undefined) return name.replace(/^(["'])(.*)\1$/, "$2");
  }
  return undefined;
}

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v.trim() === "" ? undefined : v.trim());

export async function run(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseOptions(argv, (file) => fs.readFileSync(file, "utf8"));
  if (parsed.kind === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.kind === "error") {
    io.stderr(`pulumi-metronome import: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const kinds = options.kinds.map((noun) => kindByNoun(noun) as Kind);
  const nouns = listed(kinds.map((k) => `${k.noun}s`));

  const bearerToken = nonEmpty(io.env.METRONOME_BEARER_TOKEN);
  if (bearerToken === undefined) {
    io.stderr("pulumi-metronome import: set METRONOME_BEARER_TOKEN to a Metronome API token (read-only access is enough).\n");
    return 2;
  }
  for (const file of [options.out, options.importFile]) {
    if (file !== undefined && !options.force && fs.existsSync(file)) {
      io.stderr(`pulumi-metronome import: ${file} already exists; pass --force to overwrite it.\n`);
      return 2;
    }
  }

  // The commits and credits the target stack already manages are not declared again.
  let managed: Set<string> | undefined;
  try {
    if (options.state !== undefined) managed = managedIds(readStateFile(options.state));
    else if (options.stack !== undefined) managed = managedIds(exportStack(options.stack, process.cwd(), io.env));
  } catch (error) {
    if (error instanceof StateReadError) {
      io.stderr(`pulumi-metronome import: cannot tell which ${nouns} the stack manages: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const baseUrl = nonEmpty(io.env.METRONOME_BASE_URL) ?? DEFAULT_BASE_URL;
  let client: MetronomeClient;
  try {
    client = new MetronomeClient({ baseUrl, bearerToken });
  } catch (error) {
    io.stderr(`pulumi-metronome import: ${(error as Error).message} (check METRONOME_BASE_URL and METRONOME_BEARER_TOKEN)\n`);
    return 2;
  }

  let text: string;
  let importFile: string | undefined;
  let leftOut: string[] = [];
  let model: CustomerModel[];
  try {
    const listedRecords = await listCustomers(client, options.customers, kinds);
    model = buildModel(listedRecords, { onDelete: options.onDelete, ...(managed === undefined ? {} : { managed }) });
    text = renderModule(model);
    if (options.importFile !== undefined) {
      const keys = { stack: options.stack, project: options.project ?? projectNameIn(process.cwd()) };
      const built = await buildImportFile(model, keys, { bearerToken, baseUrl });
      importFile = `${JSON.stringify(built.file, null, 2)}\n`;
      leftOut = built.left.map((l) => `${l.resourceName}: ${l.reason}`);
    }
  } catch (error) {
    if (error instanceof ListError) {
      io.stderr(`pulumi-metronome import: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ImportFileError) {
      io.stderr(`pulumi-metronome import: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await client.close();
  }

  if (options.out === undefined) io.stdout(text);
  else fs.writeFileSync(options.out, text, "utf8");
  if (options.importFile !== undefined && importFile !== undefined) fs.writeFileSync(options.importFile, importFile, "utf8");

  for (const line of summaryLines(model, kinds, options.customers.length, options.out, managed !== undefined)) io.stderr(`${line}\n`);
  if (options.importFile !== undefined) {
    const imported = declarationsOf(model).length - leftOut.length;
    io.stderr(
      `Wrote the Pulumi import file ${options.importFile} (${counted(imported, "resource")}): ` +
        `run \`pulumi import --file ${options.importFile} --generate-code=false\` (Pulumi >= 3.254), then \`pulumi up\` with the declarations.\n`,
    );
    for (const line of leftOut) io.stderr(`  left out of the import file: ${line}\n`);
  }
  const warnings = declarationsOf(model).filter((d) => d.warnings.length > 0).length;
  if (warnings > 0) {
    io.stderr(`${counted(warnings, "declaration")} carry a WARNING comment: read them before \`pulumi up\`.\n`);
  }
  return 0;
}

/**
 * What was written, per kind in the module's order:
 *   Wrote 8 CustomerCommit declarations and 3 CustomerCredit declarations to
 *   out.ts (2 customers; 1 archived commit and 1 archived credit skipped; ...).
 * and which records could not be declared.
 */
function summaryLines(model: readonly CustomerModel[], kinds: readonly Kind[], customers: number, out: string | undefined, fromStack: boolean): string[] {
  const sections = model.flatMap((m) => m.sections);
  const total = (kind: Kind, count: (s: (typeof sections)[number]) => number): number =>
    sections.filter((s) => s.kind === kind).reduce((sum, s) => sum + count(s), 0);
  const declared = listed(kinds.map((k) => `${counted(total(k, (s) => s.declarations.length), `${k.typeName} declaration`)}`));
  const archived = listed(kinds.map((k) => counted(total(k, (s) => s.archived), `archived ${k.noun}`)));
  const managed = listed(kinds.map((k) => counted(total(k, (s) => s.managed), k.noun)));
  const lines = [
    `Wrote ${declared}${out === undefined ? "" : ` to ${out}`} (${counted(customers, "customer")}; ${archived} skipped` +
      `${fromStack ? `; ${managed} the stack already manages skipped` : ""}).`,
  ];
  const undeclarable = kinds.map((k) => counted(total(k, (s) => s.undeclarable.length), k.noun)).filter((p) => !p.startsWith("0 "));
  if (undeclarable.length > 0) lines.push(`${listed(undeclarable)} could not be declared; the module says why.`);
  return lines;
}
