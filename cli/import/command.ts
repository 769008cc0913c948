// `pulumi-metronome import`: lists customers' commits in Metronome and writes
// a TypeScript module declaring each live one as a CustomerCommit with
// `existingCommitId` (list.ts -> model.ts -> render.ts). Nothing is written
// to Metronome. The module goes to --out, or to standard output.

import * as fs from "node:fs";
import { MetronomeClient } from "../../provider/client";
import type { CommandIo } from "../io";
import { ListCommitsError, listCustomerCommits } from "./list";
import { buildModel } from "./model";
import { USAGE, parseOptions } from "./options";
import { renderModule } from "./render";

export const DEFAULT_BASE_URL = "https://api.metronome.com";

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
  if (options.out !== undefined && !options.force && fs.existsSync(options.out)) {
    io.stderr(`pulumi-metronome import: ${options.out} already exists; pass --force to overwrite it.\n`);
    return 2;
  }

  let client: MetronomeClient;
  try {
    client = new MetronomeClient({ baseUrl: nonEmpty(io.env.METRONOME_BASE_URL) ?? DEFAULT_BASE_URL, bearerToken });
  } catch (error) {
    io.stderr(`pulumi-metronome import: ${(error as Error).message} (check METRONOME_BASE_URL and METRONOME_BEARER_TOKEN)\n`);
    return 2;
  }

  let text: string;
  let declared = 0;
  let archived = 0;
  let warnings = 0;
  let undeclarable = 0;
  try {
    const listed = await listCustomerCommits(client, options.customers);
    const model = buildModel(listed, { onDelete: options.onDelete });
    text = renderModule(model);
    for (const customer of model) {
      declared += customer.declarations.length;
      archived += customer.archived;
      warnings += customer.declarations.filter((d) => d.warnings.length > 0).length;
      undeclarable += customer.undeclarable.length;
    }
  } catch (error) {
    if (error instanceof ListCommitsError) {
      io.stderr(`pulumi-metronome import: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await client.close();
  }

  if (options.out === undefined) io.stdout(text);
  else fs.writeFileSync(options.out, text, "utf8");

  const where = options.out === undefined ? "" : ` to ${options.out}`;
  io.stderr(
    `Wrote ${declared} CustomerCommit declaration${declared === 1 ? "" : "s"}${where} ` +
      `(${options.customers.length} customer${options.customers.length === 1 ? "" : "s"}; ` +
      `${archived} archived commit${archived === 1 ? "" : "s"} skipped).\n`,
  );
  if (undeclarable > 0) {
    io.stderr(`${undeclarable} commit${undeclarable === 1 ? "" : "s"} could not be declared; the module says why.\n`);
  }
  if (warnings > 0) {
    io.stderr(`${warnings} declaration${warnings === 1 ? "" : "s"} carry a WARNING comment: read them before \`pulumi up\`.\n`);
  }
  return 0;
}
