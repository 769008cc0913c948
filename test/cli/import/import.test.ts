// `pulumi-metronome import` against the real emulator on loopback, seeded
// through the official SDK with commits and credits: the generated module
// (snapshots: commits only, exactly as before credits existed, and the whole
// module), that it compiles against the package, that each declaration
// equals what the provider compares against (recordToState of its kind), and
// that the runtime adopts every one of them without a single write to
// Metronome.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Metronome from "@metronome/sdk";
import { startEmulator, type Emulator } from "../../../emulator/index";
import { TEST_EMULATOR_OPTIONS } from "../../helpers/emulator-options";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../../provider/api/wire";
import { MetronomeClient } from "../../../provider/client";
import { canonicalize, checkInputs, commitToState, defaultUniquenessKey, replaceOnlyFields, replacedProperties, validateInputs } from "../../../provider/core";
import { recordToState } from "../../../provider/core/from-api";
import type { Kind } from "../../../provider/core/kind/kind";
import { customerCommitKind } from "../../../provider/core/kinds/commit";
import { customerCreditKind } from "../../../provider/core/kinds/credit";
import { createRecord, type DeclaredInputs } from "../../../provider/runtime/create";
import { commitBinding, creditBinding } from "../../../provider/runtime/kind-binding";
import { readRecord } from "../../../provider/runtime/read";
import { buildImportFile } from "../../../cli/import/import-file";
import { IMPORT_KINDS } from "../../../cli/import/kinds";
import { listCustomers } from "../../../cli/import/list";
import { buildModel } from "../../../cli/import/model";
import { renderModule } from "../../../cli/import/render";
import { EUR_CENTS, type Seeded, sdkFor, seed } from "./seed";
import { type Declared, declaredCommits, declaredCredits, declaredResources, runImport, typeCheckFile, withStableIds } from "./support";

const KINDS: Record<string, { kind: Kind; binding: typeof commitBinding | typeof creditBinding }> = {
  CustomerCommit: { kind: customerCommitKind, binding: commitBinding },
  CustomerCredit: { kind: customerCreditKind, binding: creditBinding },
};

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
  const creditByLabel = (label: string): Declared => {
    const id = seeded.credits[label];
    const found = declared.find((d) => d.args.existingCreditId === id);
    if (found === undefined) throw new Error(`no credit declaration for ${label} (${id})`);
    return found;
  };
  const recordOf = async (d: Declared) => {
    const customerId = d.args.customerId as string;
    return d.className === "CustomerCommit"
      ? client.commits.get(customerId, d.args.existingCommitId as string)
      : client.credits.get(customerId, d.args.existingCreditId as string, { includeArchived: false });
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
    declared = declaredResources(text);
  });

  afterAll(async () => {
    await client?.close();
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("declares every live commit and credit once and skips the archived ones, saying so", () => {
    expect(declaredCommits(text).map((d) => d.args.existingCommitId).sort()).toEqual(seeded.live.map((l) => seeded.commits[l]).sort());
    expect(declaredCredits(text).map((d) => d.args.existingCreditId).sort()).toEqual(seeded.liveCredits.map((l) => seeded.credits[l]).sort());
    for (const id of [seeded.commits.archived, seeded.credits.archivedCredit]) expect(text).not.toContain(id as string);
    expect(text).not.toContain("2026 prepaid");
    expect(text).not.toContain("2026 goodwill");
    expect(text).toContain(
      "// 6 live commits declared; 1 archived commit skipped (an archived commit cannot be adopted).\n" +
        "// 2 live credits declared; 1 archived credit skipped (an archived credit cannot be adopted).\n",
    );
    expect(text).toContain("// 2 live commits declared; no archived commits.\n// 1 live credit declared; no archived credits.\n");
    expect(stderr).toContain(
      `Wrote 8 CustomerCommit declarations and 3 CustomerCredit declarations to ${outFile} ` +
        "(2 customers; 1 archived commit and 1 archived credit skipped).",
    );
    expect(text).toContain('import { CustomerCommit, CustomerCredit } from "pulumi-metronome";');
  });

  it("writes the module a person would (snapshot)", async () => {
    await expect(withStableIds(text, [USD_CENTS_CREDIT_TYPE_ID, EUR_CENTS])).toMatchFileSnapshot("./__snapshots__/module.generated.ts");
  });

  it("writes, with --kind commit, the commits module it wrote before credits existed (snapshot)", async () => {
    const commits = await runImport(["--customer", seeded.customers.acme, "--customer", seeded.customers.globex, "--kind", "commit"], env);
    expect(commits.code, commits.stderr).toBe(0);
    expect(declaredCredits(commits.stdout)).toEqual([]);
    expect(commits.stderr).toContain("Wrote 8 CustomerCommit declarations (2 customers; 1 archived commit skipped).");
    await expect(withStableIds(commits.stdout, [USD_CENTS_CREDIT_TYPE_ID, EUR_CENTS])).toMatchFileSnapshot(
      "./__snapshots__/commits.generated.ts",
    );
  });

  it("writes, with --kind credit, the credits alone, importing only CustomerCredit", async () => {
    const credits = await runImport(["--customer", seeded.customers.acme, "--customer", seeded.customers.globex, "--kind", "credit"], env);
    expect(credits.code, credits.stderr).toBe(0);
    expect(declaredCommits(credits.stdout)).toEqual([]);
    expect(declaredCredits(credits.stdout)).toHaveLength(seeded.liveCredits.length);
    expect(credits.stdout).toContain('\nimport { CustomerCredit } from "pulumi-metronome";\n');
    expect(credits.stdout).toContain("Metronome customer credits, declared as code.");
    expect(credits.stdout).not.toMatch(/live commits? declared/);
    expect(credits.stderr).toContain("Wrote 3 CustomerCredit declarations (2 customers; 1 archived credit skipped).");
  });

  it("type-checks against the package", () => {
    expect(typeCheckFile(outFile)).toEqual([]);
  });

  it("declares, for each commit and credit, exactly the canonical inputs recordToState derives from Metronome", async () => {
    expect(declared).toHaveLength(11);
    for (const d of declared) {
      const { kind } = KINDS[d.className]!;
      const record = await recordOf(d);
      expect(record, d.name).toBeDefined();
      // The resource class derives a key when none is declared; any string stands in for it.
      const result = validateInputs<Record<string, unknown>>({ ...d.args, uniquenessKey: d.args.uniquenessKey ?? `derived/${d.name}` }, kind);
      if (!result.ok) throw new Error(`${d.name}: ${JSON.stringify(result.issues)}`);
      expect(result.inputs, d.name).toEqual(recordToState(kind, record!, result.inputs).inputs);
    }
  });

  it("keeps the uniqueness key Metronome holds, and declares none where it holds none", async () => {
    expect(byLabel("prepaid").args.uniquenessKey).toBe("acme-order-form-2027");
    const commit = await client.commits.get(seeded.customers.acme, seeded.commits.prepaid as string);
    // Without a declared key, Metronome's would be the one read back.
    expect(commitToState(commit!, { customerId: seeded.customers.acme }).inputs.uniquenessKey).toBe(byLabel("prepaid").args.uniquenessKey);
    for (const label of seeded.live.filter((l) => l !== "prepaid")) expect(byLabel(label).args).not.toHaveProperty("uniquenessKey");
    expect(creditByLabel("sla").args.uniquenessKey).toBe("acme-sla-2027-q1");
    for (const label of ["promo", "namelessCredit"]) expect(creditByLabel(label).args).not.toHaveProperty("uniquenessKey");
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
    // A credit: LIST_RATE, USD and onDelete archive are left out; its own fields are written in table order.
    expect(creditByLabel("sla").args).toEqual({
      existingCreditId: seeded.credits.sla,
      customerId: seeded.customers.acme,
      productId: seeded.products.fixed,
      priority: 5,
      name: "SLA credit Q1",
      description: "Outage of 2027-01-12",
      accessSchedule: { scheduleItems: [{ amount: 25_000, startingAt: "2027-02-01T00:00:00Z", endingBefore: "2027-05-01T00:00:00Z" }] },
      netsuiteSalesOrderId: "SO-1042",
      uniquenessKey: "acme-sla-2027-q1",
    });
    expect(creditByLabel("promo").args).toMatchObject({
      rateType: "COMMIT_RATE",
      accessSchedule: { creditTypeId: EUR_CENTS },
      applicableContractIds: [seeded.contracts.acme],
      specifiers: [{ productId: seeded.products.usage, pricingGroupValues: { region: "eu-west-1" } }, { productTags: ["api"] }],
      customFields: { campaign: "spring-2027" },
    });
  });

  it("names resources after the record's name, else its noun and id, unique across customers and kinds", () => {
    const names = declared.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(byLabel("freeCredit").name).toBe("onboarding-credit");
    expect(byLabel("freeCredit").exportName).toBe("onboardingCredit");
    expect(byLabel("specifiers").name).toBe("api-usage-eu");
    expect(byLabel("nameless").name).toBe(`commit-${(seeded.commits.nameless as string).slice(0, 8)}`);
    // "2027 prepaid" exists at both customers: both get their id's first 8 characters.
    expect(byLabel("prepaid").name).toBe(`2027-prepaid-${(seeded.commits.prepaid as string).slice(0, 8)}`);
    expect(byLabel("globexPrepaid").name).toBe(`2027-prepaid-${(seeded.commits.globexPrepaid as string).slice(0, 8)}`);
    // "Support retainer" is a Globex commit and an Acme credit.
    expect(byLabel("quarterly").name).toBe(`support-retainer-${(seeded.commits.quarterly as string).slice(0, 8)}`);
    expect(creditByLabel("promo").name).toBe(`support-retainer-${(seeded.credits.promo as string).slice(0, 8)}`);
    expect(creditByLabel("sla")).toMatchObject({ name: "sla-credit-q1", exportName: "slaCreditQ1" });
    expect(creditByLabel("namelessCredit").name).toBe(`credit-${(seeded.credits.namelessCredit as string).slice(0, 8)}`);
    expect(new Set(declared.map((d) => d.exportName)).size).toBe(declared.length);
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
    expect(prose).toContain(
      "Not declared: hierarchy configuration (which child customers' contracts may draw the credit down) = " +
        '{"child_access":{"type":"ALL"}}. CustomerCreditArgs has no place for `hierarchy_configuration`',
    );
    expect(text).toContain('{ amount: 25_000, startingAt: "2027-02-01T00:00:00Z", endingBefore: "2027-05-01T00:00:00Z" }, // $250.00');
    expect(text).not.toContain("WARNING");
  });

  it("is adopted by the provider as written: no create, no edit, no replacement, no drift", async () => {
    await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
    for (const d of declared) {
      const { kind, binding } = KINDS[d.className]!;
      const news = { ...d.args, uniquenessKey: d.args.uniquenessKey ?? `derived/${d.name}` };
      const checked = checkInputs({}, news, kind);
      expect(checked.failures, d.name).toEqual([]);
      // The provider creates from the canonical form of what check stored.
      const inputs = canonicalize(checked.inputs, kind) as DeclaredInputs;
      const { id, outs } = await createRecord(binding, client, inputs);
      expect(id).toBe(d.args[kind.existingIdField]);
      // The next preview: no property Metronome cannot change differs...
      expect(replacedProperties(outs, checked.inputs, kind), d.name).toEqual([]);
      // ...and a refresh finds it exactly as the state holds it.
      const read = await readRecord(binding, client, id, outs);
      expect(read, d.name).toEqual({ id, props: outs });
    }
    const writes = (await requestLog()).filter((r) => !r.path.endsWith("/list"));
    expect(writes).toEqual([]);
  });

  it("gives the same text every time, whatever order Metronome lists in", async () => {
    const again = await runImport(["--customer", seeded.customers.acme, "--customer", seeded.customers.globex], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(text);
    // list -> model -> render with Metronome's order reversed: the same module.
    const listed = await listCustomers(client, [seeded.customers.acme, seeded.customers.globex], IMPORT_KINDS);
    const reversed = listed.map((c) => ({ ...c, kinds: c.kinds.map((k) => ({ ...k, live: [...k.live].reverse() })) }));
    expect(renderModule(buildModel(reversed, { onDelete: "archive" }))).toBe(text);
  });

  it("reads customer ids from --customers-file and declares --on-delete", async () => {
    const ids = path.join(dir, "customers.txt");
    fs.writeFileSync(ids, `# customers to bring under code\n${seeded.customers.globex}  # Globex\n\n`);
    const result = await runImport(["--customers-file", ids, "--on-delete", "forget"], env);
    expect(result.code, result.stderr).toBe(0);
    const globex = declaredResources(result.stdout);
    expect(globex.map((d) => d.args.existingCommitId ?? d.args.existingCreditId).sort()).toEqual(
      [seeded.commits.globexPrepaid, seeded.commits.quarterly, seeded.credits.namelessCredit].sort(),
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

  it("writes, in the import file, the key each class derives for a record without one (a credit's scoped to credits)", async () => {
    const listed = await listCustomers(client, [seeded.customers.acme, seeded.customers.globex], IMPORT_KINDS);
    const built = await buildImportFile(buildModel(listed, { onDelete: "archive" }), { project: "billing", stack: "prod" }, { bearerToken: TOKEN, baseUrl: emulator.url });
    expect(built.left).toEqual([]);
    const file = built.file as { resources: Array<{ type: string; name: string; inputs: Record<string, unknown> }> };
    expect(file.resources).toHaveLength(declared.length);
    const keyless = declared.filter((d) => d.args.uniquenessKey === undefined);
    expect(keyless.map((d) => d.className)).toContain("CustomerCredit");
    for (const d of keyless) {
      const { kind } = KINDS[d.className]!;
      const entry = file.resources.find((r) => r.name === d.name);
      expect(entry?.type, d.name).toBe(`pulumi-nodejs:dynamic/metronome:${d.className}`);
      const parts = { project: "billing", stack: "prod", name: d.name, replaceOnly: replaceOnlyFields(d.args, kind) };
      const derived = defaultUniquenessKey({ ...parts, ...(kind.keyScope === undefined ? {} : { scope: kind.keyScope }) });
      expect(entry?.inputs.uniquenessKey, d.name).toBe(derived);
      // A credit's key is not the one a commit of the same name would derive.
      if (kind === customerCreditKind) expect(derived).not.toBe(defaultUniquenessKey(parts));
    }
  });

  it("fails naming the customer Metronome does not know, and writes nothing", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const target = path.join(dir, "never.ts");
    const result = await runImport(["--customer", seeded.customers.acme, "--customer", unknown, "--out", target], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot list the commits and credits of customer ${unknown}`);
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
