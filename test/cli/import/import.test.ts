// `pulumi-metronome import` against the real emulator on loopback, seeded
// through the official SDK: the generated module (snapshot), that it
// compiles against the package, that each declaration equals what the
// provider compares against (commitToState), and that the runtime adopts
// every one of them without a single write to Metronome.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Metronome from "@metronome/sdk";
import { startEmulator, type Emulator } from "../../../emulator/index";
import { TEST_EMULATOR_OPTIONS } from "../../helpers/emulator-options";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../../provider/api/wire";
import { MetronomeClient } from "../../../provider/client";
import { checkInputs, commitToState, replacedProperties, validateInputs, type CustomerCommitInputs } from "../../../provider/core";
import { createRecord } from "../../../provider/runtime/create";
import { commitBinding } from "../../../provider/runtime/kind-binding";
import { readRecord } from "../../../provider/runtime/read";
import { listCustomerCommits } from "../../../cli/import/list";
import { buildModel } from "../../../cli/import/model";
import { renderModule } from "../../../cli/import/render";
import { EUR_CENTS, type Seeded, sdkFor, seed } from "./seed";
import { type Declared, declaredCommits, runImport, typeCheckFile, withStableIds } from "./support";

const TOKEN = "import-test-token";

describe("pulumi-metronome import", () => {
  let emulator: Emulator;
  let sdk: Metronome;
  let client: MetronomeClient;
  let seeded: Seeded;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  let outFile: string;
  let text: string;
  let stderr: string;
  let declared: Declared[];

  const byLabel = (label: string): Declared => {
    const id = seeded.commits[label];
    const found = declared.find((d) => d.args.existingCommitId === id);
    if (found === undefined) throw new Error(`no declaration for ${label} (${id})`);
    return found;
  };
  const requestLog = async (): Promise<Array<{ method: string; path: string; status: number }>> =>
    ((await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as { data: Array<{ method: string; path: string; status: number }> }).data;

  beforeAll(async () => {
    emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: TOKEN });
    sdk = sdkFor(emulator.url, TOKEN);
    client = new MetronomeClient({ baseUrl: emulator.url, bearerToken: TOKEN, maxRetries: 0 });
    seeded = await seed(sdk);
    env = { METRONOME_BEARER_TOKEN: TOKEN, METRONOME_BASE_URL: emulator.url };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-import-"));
    outFile = path.join(dir, "commits.ts");
    const result = await runImport(
      ["--customer", seeded.customers.acme, "--customer", seeded.customers.globex, "--out", outFile],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    text = fs.readFileSync(outFile, "utf8");
    stderr = result.stderr;
    declared = declaredCommits(text);
  });

  afterAll(async () => {
    await client?.close();
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("declares every live commit once and skips the archived one, saying so", () => {
    expect(declared.map((d) => d.args.existingCommitId).sort()).toEqual(seeded.live.map((l) => seeded.commits[l]).sort());
    expect(text).not.toContain(seeded.commits.archived as string);
    expect(text).not.toContain("2026 prepaid");
    expect(text).toContain("// 6 live commits declared; 1 archived commit skipped (an archived commit cannot be adopted).");
    expect(text).toContain("// 2 live commits declared; no archived commits.");
    expect(stderr).toContain(`Wrote 8 CustomerCommit declarations to ${outFile} (2 customers; 1 archived commit skipped).`);
  });

  it("writes the module a person would (snapshot)", async () => {
    await expect(withStableIds(text, [USD_CENTS_CREDIT_TYPE_ID, EUR_CENTS])).toMatchFileSnapshot(
      "./__snapshots__/commits.generated.ts",
    );
  });

  it("type-checks against the package", () => {
    expect(typeCheckFile(outFile)).toEqual([]);
  });

  it("declares, for each commit, exactly the canonical inputs commitToState derives from Metronome", async () => {
    expect(declared).toHaveLength(8);
    for (const d of declared) {
      const commit = await client.commits.get(d.args.customerId as string, d.args.existingCommitId as string);
      expect(commit, d.name).toBeDefined();
      // The resource class derives a key when none is declared; any string stands in for it.
      const result = validateInputs({ ...d.args, uniquenessKey: d.args.uniquenessKey ?? `derived/${d.name}` });
      if (!result.ok) throw new Error(`${d.name}: ${JSON.stringify(result.issues)}`);
      expect(result.inputs, d.name).toEqual(commitToState(commit!, result.inputs).inputs);
    }
  });

  it("keeps the uniqueness key Metronome holds, and declares none where it holds none", async () => {
    expect(byLabel("prepaid").args.uniquenessKey).toBe("acme-order-form-2027");
    const commit = await client.commits.get(seeded.customers.acme, seeded.commits.prepaid as string);
    // Without a declared key, Metronome's would be the one read back.
    expect(commitToState(commit!, { customerId: seeded.customers.acme }).inputs.uniquenessKey).toBe(byLabel("prepaid").args.uniquenessKey);
    for (const label of seeded.live.filter((l) => l !== "prepaid")) expect(byLabel(label).args).not.toHaveProperty("uniquenessKey");
  });

  it("leaves out canonical defaults and writes the rest", () => {
    const free = byLabel("freeCredit").args;
    expect(free).not.toHaveProperty("invoiceSchedule");
    expect(free.rateType).toBe("COMMIT_RATE");
    expect(free.accessSchedule).toEqual({
      scheduleItems: [{ amount: 50_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }],
    });
    const prepaid = byLabel("prepaid").args;
    expect(prepaid).not.toHaveProperty("rateType");
    expect(prepaid).not.toHaveProperty("onDelete");
    expect(prepaid.invoiceSchedule).toEqual({ scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] });
    expect(byLabel("globexPrepaid").args.invoiceSchedule).toMatchObject({ doNotInvoice: true });
    expect(byLabel("specifiers").args).toMatchObject({
      accessSchedule: { creditTypeId: EUR_CENTS },
      invoiceSchedule: { creditTypeId: EUR_CENTS, scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", quantity: 4, unitPrice: 25_000 }] },
      customFields: { owner: "finance", "sales-region": "emea" },
    });
  });

  it("names resources after the commit name, else its id, unique across customers", () => {
    const names = declared.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(byLabel("freeCredit").name).toBe("onboarding-credit");
    expect(byLabel("freeCredit").exportName).toBe("onboardingCredit");
    expect(byLabel("specifiers").name).toBe("api-usage-eu");
    expect(byLabel("nameless").name).toBe(`commit-${(seeded.commits.nameless as string).slice(0, 8)}`);
    // "2027 prepaid" exists at both customers: both get their id's first 8 characters.
    expect(byLabel("prepaid").name).toBe(`2027-prepaid-${(seeded.commits.prepaid as string).slice(0, 8)}`);
    expect(byLabel("globexPrepaid").name).toBe(`2027-prepaid-${(seeded.commits.globexPrepaid as string).slice(0, 8)}`);
  });

  it("comments amounts in dollars and what the arguments cannot say", () => {
    // Comment paragraphs wrap; read them as one line.
    const prose = text.replace(/\n\/\/ /g, " ");
    expect(text).toContain('{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }, // $10,000.00');
    expect(text).toContain("// $250.50");
    expect(text).toContain("{ timestamp: \"2027-01-31T00:00:00Z\", amount: 33_333.333333333336 }, // ≈ $333.33");
    expect(text).toContain('creditTypeId: "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13", // EUR (cents)');
    expect(prose).toContain("These 12 invoices fall MONTHLY from 2027-01-01T00:00:00Z");
    expect(prose).toContain("These 3 invoices fall QUARTERLY from 2027-01-31T00:00:00Z");
    expect(prose).toContain(
      "Not declared: hierarchy configuration (which child customers' contracts may draw the commit down) = " +
        '{"child_access":{"type":"ALL"}}.',
    );
    expect(text).not.toContain("WARNING");
  });

  it("is adopted by the provider as written: no create, no edit, no replacement, no drift", async () => {
    await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
    for (const d of declared) {
      const news = { ...d.args, uniquenessKey: d.args.uniquenessKey ?? `derived/${d.name}` };
      const checked = checkInputs({}, news);
      expect(checked.failures, d.name).toEqual([]);
      const inputs = checked.inputs as CustomerCommitInputs;
      const { id, outs } = await createRecord(commitBinding, client, inputs);
      expect(id).toBe(d.args.existingCommitId);
      // The next preview: no property Metronome cannot change differs...
      expect(replacedProperties(outs, inputs), d.name).toEqual([]);
      // ...and a refresh reads back exactly the declared inputs.
      const read = await readRecord(commitBinding, client, id, outs);
      expect(read.inputs, d.name).toEqual(inputs);
    }
    const writes = (await requestLog()).filter((r) => !r.path.endsWith("/list"));
    expect(writes).toEqual([]);
  });

  it("gives the same text every time, whatever order Metronome lists in", async () => {
    const again = await runImport(["--customer", seeded.customers.acme, "--customer", seeded.customers.globex], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(text);
    // list -> model -> render with Metronome's order reversed: the same module.
    const listed = await listCustomerCommits(client, [seeded.customers.acme, seeded.customers.globex]);
    const reversed = listed.map((c) => ({ ...c, live: [...c.live].reverse() }));
    expect(renderModule(buildModel(reversed, { onDelete: "archive" }))).toBe(text);
  });

  it("reads customer ids from --customers-file and declares --on-delete", async () => {
    const ids = path.join(dir, "customers.txt");
    fs.writeFileSync(ids, `# customers to bring under code\n${seeded.customers.globex}  # Globex\n\n`);
    const result = await runImport(["--customers-file", ids, "--on-delete", "forget"], env);
    expect(result.code, result.stderr).toBe(0);
    const globex = declaredCommits(result.stdout);
    expect(globex.map((d) => d.args.existingCommitId).sort()).toEqual(
      [seeded.commits.globexPrepaid, seeded.commits.quarterly].sort(),
    );
    for (const d of globex) expect(d.args.onDelete).toBe("forget");
  });

  it("refuses to overwrite --out without --force", async () => {
    const refused = await runImport(["--customer", seeded.customers.globex, "--out", outFile], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already exists; pass --force");
    const forced = await runImport(["--customer", seeded.customers.acme, "--customer", seeded.customers.globex, "--out", outFile, "--force"], env);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(outFile, "utf8")).toBe(text);
  });

  it("fails naming the customer Metronome does not know, and writes nothing", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const target = path.join(dir, "never.ts");
    const result = await runImport(["--customer", seeded.customers.acme, "--customer", unknown, "--out", target], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot list the commits of customer ${unknown}`);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("fails without a token, and never prints the token it was given", async () => {
    const missing = await runImport(["--customer", seeded.customers.acme], { METRONOME_BASE_URL: emulator.url });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("METRONOME_BEARER_TOKEN");
    const wrong = await runImport(["--customer", seeded.customers.acme], { ...env, METRONOME_BEARER_TOKEN: "wrong-token-123" });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr + wrong.stdout).not.toContain("wrong-token-123");
  });
});
