// `npm run demo`: a real `pulumi up` of the root program (Pulumi.yaml,
// index.ts) against the built-in Metronome emulator, then the commits as
// Metronome holds them. Run it again and nothing changes; `npm run demo --
// --destroy` (or `npm run demo:destroy`) archives the commits.
//
// Everything lives in .demo/ (git-ignored): the emulator's data file, the
// ids of the seeded customer/product/contract, and the Pulumi state. Delete
// the folder to start over.
import * as fs from "node:fs";
import * as path from "node:path";
import * as auto from "@pulumi/pulumi/automation";
import { startEmulator } from "../emulator";
import type { Commit, Credit } from "../provider/api/wire";
import { MetronomeClient } from "../provider/client";
import { usdFromCents } from "../provider/core/money";
import { inlineProjectSettings, offlinePulumi, REPO_ROOT } from "./lib/offline-pulumi";

const DEMO_DIR = path.join(REPO_ROOT, ".demo");
const TOKEN = "demo-token"; // the emulator's token; it only ever reaches the stack as a secret
const STACK = "demo";

interface Seed {
  customerId: string;
  commitProductId: string;
  contractId: string;
}

async function main(): Promise<void> {
  const destroy = process.argv.includes("--destroy");
  fs.mkdirSync(DEMO_DIR, { recursive: true });
  // Same port every run: Pulumi hands a provider the configuration recorded in
  // state at the last `up` (so `destroy` would call yesterday's URL).
  const portFile = path.join(DEMO_DIR, "emulator-port");
  const port = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, "utf8")) : 0;
  const emulator = await startEmulator({ port, bearerToken: TOKEN, dataFile: path.join(DEMO_DIR, "metronome.json") });
  fs.writeFileSync(portFile, new URL(emulator.url).port);
  const client = new MetronomeClient({ baseUrl: emulator.url, bearerToken: TOKEN });
  try {
    console.log(`Metronome emulator: ${emulator.url} (data in .demo/metronome.json)`);
    const seed = await seedOnce(client);
    const stack = await openStack(emulator.url, seed);
    const onOutput = (text: string) => process.stdout.write(text);
    if (destroy) {
      await stack.destroy({ onOutput, color: "never" });
    } else {
      const result = await stack.up({ onOutput, color: "never" });
      const changes = Object.entries(result.summary.resourceChanges ?? {}).filter(([op]) => op !== "same");
      console.log(changes.length === 0 ? "\nNo changes: Metronome already holds what the code declares." : "");
    }
    printCommits(await client.commits.listAll({ customer_id: seed.customerId, include_archived: true }));
    // A listed credit carries no archive mark: the live listing tells which are live.
    const live = new Set((await client.credits.listAll({ customer_id: seed.customerId })).map((c) => c.id));
    printCredits(await client.credits.listAll({ customer_id: seed.customerId, include_archived: true }), live);
    if (destroy) {
      console.log(
        "\nThe commits and credits are archived. Metronome keeps them, and never releases their uniqueness keys,\n" +
          "so a new `up` of the same stack refuses to create look-alikes. To start the demo over, delete .demo/.",
      );
    }
  } finally {
    await client.close();
    await emulator.close();
  }
}

/** The customer, FIXED product and contract the program refers to, created once through the API. */
async function seedOnce(client: MetronomeClient): Promise<Seed> {
  const file = path.join(DEMO_DIR, "seed.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Seed;
  const customer = await client.customers.create({ name: "Acme Corp" });
  const product = await client.products.create({ name: "Commit (prepaid and minimum spend)", type: "FIXED" });
  const contract = await client.contracts.create({ customer_id: customer.id, starting_at: "2027-01-01T00:00:00Z" });
  const seed = { customerId: customer.id, commitProductId: product.id, contractId: contract.id };
  fs.writeFileSync(file, `${JSON.stringify(seed, null, 2)}\n`);
  console.log(`Seeded customer ${seed.customerId}, product ${seed.commitProductId}, contract ${seed.contractId}`);
  return seed;
}

async function openStack(baseUrl: string, seed: Seed): Promise<auto.Stack> {
  const cliPath = process.env.PULUMI_METRONOME_CLI;
  if (!cliPath) throw new Error("PULUMI_METRONOME_CLI is not set; run the demo with `npm run demo`.");
  const pulumi = await offlinePulumi({ cliPath, dir: path.join(DEMO_DIR, "pulumi"), passphrase: "demo" });
  const projectName = readProjectName();
  const workDir = path.join(DEMO_DIR, "workspace");
  fs.mkdirSync(workDir, { recursive: true });
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    // The root program, compiled by the build; its exports become stack outputs.
    { stackName: STACK, projectName, program: async () => require(path.join(REPO_ROOT, "dist", "index.js")) },
    {
      workDir,
      pulumiHome: pulumi.pulumiHome,
      pulumiCommand: pulumi.command,
      envVars: pulumi.env,
      projectSettings: inlineProjectSettings(projectName),
    },
  );
  await stack.setAllConfig({
    "metronome:baseUrl": { value: baseUrl },
    "metronome:bearerToken": { value: TOKEN, secret: true },
    [`${projectName}:customerId`]: { value: seed.customerId },
    [`${projectName}:commitProductId`]: { value: seed.commitProductId },
    [`${projectName}:contractId`]: { value: seed.contractId },
  });
  return stack;
}

function readProjectName(): string {
  const yaml = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8");
  const name = /^name:\s*(\S+)\s*$/m.exec(yaml)?.[1];
  if (name === undefined) throw new Error("Pulumi.yaml has no `name:`");
  return name;
}

function printCommits(commits: Commit[]): void {
  console.log(`\nCommits of the demo customer, as Metronome holds them (${commits.length}):`);
  const rows = commits.map((c) => [
    c.name ?? "(unnamed)",
    c.type,
    usdFromCents(sum(c.access_schedule?.schedule_items.map((i) => i.amount))),
    `${day(c.access_schedule?.schedule_items[0]?.starting_at)} → ${day(c.access_schedule?.schedule_items.at(-1)?.ending_before)}`,
    (c.invoice_schedule?.schedule_items ?? []).map((i) => day(i.timestamp)).join(", ") || "not invoiced",
    c.archived_at === undefined ? "live" : `archived ${day(c.archived_at)}`,
    c.id,
  ]);
  table(["name", "type", "access", "window", "invoices", "status", "id"], rows);
}

function printCredits(credits: Credit[], live: ReadonlySet<string>): void {
  console.log(`\nCredits of the demo customer, as Metronome holds them (${credits.length}):`);
  const rows = credits.map((c) => [
    c.name ?? "(unnamed)",
    usdFromCents(sum(c.access_schedule?.schedule_items.map((i) => i.amount))),
    `${day(c.access_schedule?.schedule_items[0]?.starting_at)} → ${day(c.access_schedule?.schedule_items.at(-1)?.ending_before)}`,
    live.has(c.id) ? "live" : "archived",
    c.id,
  ]);
  table(["name", "granted", "window", "status", "id"], rows);
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}`);
}

const sum = (values: number[] = []) => values.reduce((a, b) => a + b, 0);
const day = (iso: string | undefined) => iso?.slice(0, 10) ?? "?";

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
