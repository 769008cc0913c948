// `pulumi-metronome import`: lists customers' commits in Metronome and writes
// a TypeScript module declaring each live one as a CustomerCommit with
// `existingCommitId` (list.ts -> model.ts -> render.ts). Nothing is written
// to Metronome. The module goes to --out, or to standard output.

import * as fs from "node:fs";
import * as path from "node:path";
import { MetronomeClient } from "../../provider/client";
import type { CommandIo } from "../io";
import { ImportFileError, buildImportFile } from "./import-file";
import { ListCommitsError, listCustomerCommits } from "./list";
import { StateReadError, exportStack, managedCommitIds, readStateFile } from "./managed";
import { buildModel } from "./model";
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

  // The commits the target stack already manages are not declared again.
  let managed: Set<string> | undefined;
  try {
    if (options.state !== undefined) managed = managedCommitIds(readStateFile(options.state));
    else if (options.stack !== undefined) managed = managedCommitIds(exportStack(options.stack, process.cwd(), io.env));
  } catch (error) {
    if (error instanceof StateReadError) {
      io.stderr(`pulumi-metronome import: cannot tell which commits the stack manages: ${error.message}\n`);
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
  let declared = 0;
  let archived = 0;
  let skipped = 0;
  let warnings = 0;
  let undeclarable = 0;
  try {
    const listed = await listCustomerCommits(client, options.customers);
    const model = buildModel(listed, { onDelete: options.onDelete, ...(managed === undefined ? {} : { managed }) });
    text = renderModule(model);
    if (options.importFile !== undefined) {
      const keys = { stack: options.stack, project: options.project ?? projectNameIn(process.cwd()) };
      const built = await buildImportFile(model, keys, { bearerToken, baseUrl });
      importFile = `${JSON.stringify(built.file, null, 2)}\n`;
      leftOut = built.left.map((l) => `${l.resourceName}: ${l.reason}`);
    }
    for (const customer of model) {
      declared += customer.declarations.length;
      archived += customer.archived;
      skipped += customer.managed;
      warnings += customer.declarations.filter((d) => d.warnings.length > 0).length;
      undeclarable += customer.undeclarable.length;
    }
  } catch (error) {
    if (error instanceof ListCommitsError) {
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

  const where = options.out === undefined ? "" : ` to ${options.out}`;
  io.stderr(
    `Wrote ${declared} CustomerCommit declaration${declared === 1 ? "" : "s"}${where} ` +
      `(${options.customers.length} customer${options.customers.length === 1 ? "" : "s"}; ` +
      `${archived} archived commit${archived === 1 ? "" : "s"} skipped` +
      `${managed === undefined ? "" : `; ${skipped} commit${skipped === 1 ? "" : "s"} the stack already manages skipped`}).\n`,
  );
  if (options.importFile !== undefined) {
    const imported = declared - leftOut.length;
    io.stderr(
      `Wrote the Pulumi import file ${options.importFile} (${imported} resource${imported === 1 ? "" : "s"}): ` +
        `run \`pulumi import --file ${options.importFile} --generate-code=false\` (Pulumi >= 3.254), then \`pulumi up\` with the declarations.\n`,
    );
    for (const line of leftOut) io.stderr(`  left out of the import file: ${line}\n`);
  }
  if (undeclarable > 0) {
    io.stderr(`${undeclarable} commit${undeclarable === 1 ? "" : "s"} could not be declared; the module says why.\n`);
  }
  if (warnings > 0) {
    io.stderr(`${warnings} declaration${warnings === 1 ? "" : "s"} carry a WARNING comment: read them before \`pulumi up\`.\n`);
  }
  return 0;
}
