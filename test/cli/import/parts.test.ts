// The import command's pure parts: option parsing, literal formatting,
// naming, what cannot be declared, and the model's own safety net. The
// emulator-backed end-to-end behaviour is in import.test.ts.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Commit } from "../../../provider/api/wire";
import { buildModel } from "../../../cli/import/model";
import { customerCommitKind } from "../../../provider/core/kinds/commit";
import { commentBlock, numberLiteral, propertyKey, usdFromCents } from "../../../cli/import/format";
import { camelIdentifier, resourceNames, slug, variableNames } from "../../../cli/import/names";
import { detectFrequency, unmodelledFields } from "../../../cli/import/notes";
import { customerIdsFromText, parseOptions } from "../../../cli/import/options";
import { renderModule } from "../../../cli/import/render";
import { declaredCommits, runImport, typeCheckFile } from "./support";

const CUSTOMER = "11111111-1111-4111-8111-111111111111";

describe("options", () => {
  const noFile = (): string => {
    throw new Error("no such file");
  };

  it("takes repeated customers (deduplicated, in order), --out, --force and --on-delete", () => {
    expect(parseOptions(["--customer", "a", "--customer=b", "--customer", "a", "--out", "x.ts", "--force", "--on-delete", "FORGET"], noFile)).toEqual({
      kind: "options",
      options: { customers: ["a", "b"], kinds: ["commit", "credit"], out: "x.ts", force: true, onDelete: "forget" },
    });
  });

  it("reads --customers-file, ignoring blank lines and comments", () => {
    expect(customerIdsFromText("# ids\n a \n\nb # Globex\r\n")).toEqual(["a", "b"]);
    expect(parseOptions(["--customers-file", "ids.txt"], () => "a\nb\n")).toMatchObject({ options: { customers: ["a", "b"] } });
    expect(parseOptions(["--customers-file", "missing.txt"], noFile)).toEqual({
      kind: "error",
      message: "cannot read --customers-file missing.txt: no such file",
    });
  });

  it("explains what is wrong", () => {
    expect(parseOptions([], noFile)).toMatchObject({ kind: "error", message: expect.stringContaining("--customer") });
    expect(parseOptions(["--customer"], noFile)).toMatchObject({ kind: "error", message: "--customer needs a customer id" });
    expect(parseOptions(["--customer", "a", "--bogus"], noFile)).toMatchObject({ message: "unknown option --bogus" });
    expect(parseOptions(["--customer", "a", "--on-delete", "keep"], noFile)).toMatchObject({
      message: "--on-delete must be one of archive, endAccess, forget",
    });
    expect(parseOptions(["--all-customers"], noFile)).toMatchObject({ message: expect.stringContaining("--customers-file") });
    expect(parseOptions(["--customer", "a", "--help"], noFile)).toEqual({ kind: "help" });
  });

  it("prints help with exit 0 and usage errors with exit 2, before needing credentials", async () => {
    const help = await runImport(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("usage: pulumi-metronome import --customer <id>");
    const bad = await runImport(["--all-customers"], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--all-customers is not supported");
  });
});

describe("format", () => {
  it("writes numbers with _ thousands separators, exactly", () => {
    expect([0, 5, 999, 1000, 25_050, 1_000_000, -2_500_000, 33333.333333333336, 0.8, 1e21].map(numberLiteral)).toEqual([
      "0", "5", "999", "1_000", "25_050", "1_000_000", "-2_500_000", "33_333.333333333336", "0.8", "1e+21",
    ]);
  });

  it("writes USD cents as dollars, approximating only long fractions", () => {
    expect([1_000_000, 25_050, 5, 0, 0.8, 123_456_789, -150, 33333.333333333336].map(usdFromCents)).toEqual([
      "$10,000.00", "$250.50", "$0.05", "$0.00", "$0.008", "$1,234,567.89", "-$1.50", "≈ $333.33",
    ]);
  });

  it("quotes keys that are not identifiers and keeps comments on one line", () => {
    expect(propertyKey("owner")).toBe("owner");
    expect(propertyKey("sales-region")).toBe('"sales-region"');
    expect(commentBlock("a\u2028b\r\nc */ d", "  ")).toEqual(["  // a b", "  // c */ d"]);
  });
});

describe("names", () => {
  it("slugs commit names", () => {
    expect(slug("Acme 2027 — Prépaid!")).toBe("acme-2027-prepaid");
    expect(slug("***")).toBe("");
    expect(slug("x".repeat(100))).toHaveLength(60);
  });

  it("makes resource names unique by id, on every member of a shared name", () => {
    const ids = ["aaaaaaaa-0000-4000-8000-000000000001", "bbbbbbbb-0000-4000-8000-000000000002", "cccccccc-0000-4000-8000-000000000003"];
    expect(
      resourceNames([
        { id: ids[0] as string, name: "2027 Prepaid" },
        { id: ids[1] as string, name: "2027 prepaid" },
        { id: ids[2] as string },
      ]),
    ).toEqual(["2027-prepaid-aaaaaaaa", "2027-prepaid-bbbbbbbb", "commit-cccccccc"]);
    // Same 8-character prefix: the whole id.
    expect(resourceNames([{ id: "aaaaaaaa-1", name: "x" }, { id: "aaaaaaaa-2", name: "x" }])).toEqual([
      "x-aaaaaaaa-1",
      "x-aaaaaaaa-2",
    ]);
  });

  it("makes valid, unique TypeScript constants", () => {
    expect(["2027-prepaid", "default", "onboarding-credit", "a-1", "a1"].map((n) => camelIdentifier(n))).toEqual([
      "commit2027Prepaid", "defaultCommit", "onboardingCredit", "a1", "a1",
    ]);
    expect(variableNames(["a-1", "a1", "a-1-x"])).toEqual(["a1", "a1_2", "a1X"]);
  });
});

describe("notes", () => {
  const ms = (s: string): number => Date.parse(s);

  it("recognises the calendar steps of a recurring schedule, clamped to the month's end", () => {
    expect(detectFrequency(["2027-01-31", "2027-02-28", "2027-03-31"].map((d) => ms(`${d}T00:00:00Z`)))).toBe("MONTHLY");
    expect(detectFrequency(["2027-01-31", "2027-04-30", "2027-07-31"].map((d) => ms(`${d}T00:00:00Z`)))).toBe("QUARTERLY");
    expect(detectFrequency(["2027-01-01", "2028-01-01"].map((d) => ms(`${d}T00:00:00Z`)))).toBe("ANNUAL");
    expect(detectFrequency([ms("2027-01-01T00:00:00Z")])).toBeUndefined();
    expect(detectFrequency(["2027-01-01", "2027-02-01", "2027-04-01"].map((d) => ms(`${d}T00:00:00Z`)))).toBeUndefined();
  });

  it("lists read-back fields no argument carries, empty ones ignored", () => {
    expect(
      unmodelledFields({
        id: "c",
        type: "PREPAID",
        hierarchy_configuration: { child_access: { type: "NONE" } },
        spend_tracker_attributes: null,
        rollover_fraction: 0.5,
        specifiers: [{ product_id: "p", exclude: [{ product_id: "q" }] }],
        access_schedule: { schedule_items: [{ id: "i", amount: 1, starting_at: "s", ending_before: "e", note: "x" }] },
        custom_fields: { anything: "goes" },
      }, customerCommitKind),
    ).toEqual([
      { path: "access_schedule.schedule_items[0].note", value: "x" },
      { path: "hierarchy_configuration", value: { child_access: { type: "NONE" } }, about: expect.stringContaining("hierarchy") },
      { path: "rollover_fraction", value: 0.5, about: "rollover fraction (contract commits)" },
      { path: "specifiers[0].exclude", value: [{ product_id: "q" }] },
    ]);
  });
});

describe("model", () => {
  const base = (over: Partial<Commit> & Record<string, unknown>): Commit =>
    ({
      id: "22222222-2222-4222-8222-222222222222",
      type: "PREPAID",
      product: { id: "33333333-3333-4333-8333-333333333333", name: "Fixed" },
      priority: 1,
      rate_type: "LIST_RATE",
      created_at: "2026-01-01T00:00:00.000Z",
      access_schedule: {
        credit_type: { id: "2714e483-4ff1-48e4-9e25-ac732e8f24f2", name: "USD (cents)" },
        schedule_items: [{ id: "a1", amount: 100, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2028-01-01T00:00:00.000Z" }],
      },
      custom_fields: {},
      ...over,
    }) as Commit;

  const render = (commits: Commit[]): string =>
    renderModule(buildModel([{ customerId: CUSTOMER, kinds: [{ kind: customerCommitKind, live: commits, archived: 0 }] }], { onDelete: "archive" }));

  it("notes items already on an issued invoice", () => {
    const text = render([
      base({
        name: "Invoiced",
        invoice_contract: { id: "44444444-4444-4444-8444-444444444444" },
        invoice_schedule: {
          credit_type: { id: "2714e483-4ff1-48e4-9e25-ac732e8f24f2", name: "USD (cents)" },
          do_not_invoice: false,
          schedule_items: [
            { id: "i1", timestamp: "2027-01-01T00:00:00.000Z", amount: 100, quantity: 1, unit_price: 100, invoice_id: "inv-1" },
          ],
        },
      }),
    ]);
    expect(text).toContain('{ timestamp: "2027-01-01T00:00:00Z", amount: 100 }, // $1.00; on issued invoice inv-1: Metronome refuses to change or remove this item');
  });

  it("writes a commit it cannot declare as a comment, with the reason", () => {
    const text = render([base({ contract: { id: "55555555-5555-4555-8555-555555555555" } }), base({ id: "66666666-6666-4666-8666-666666666666", priority: undefined })]);
    const prose = text.replace(/\n\/\/ /g, " ");
    expect(prose).toContain("0 live commits declared; 2 commits not declarable; no archived commits.");
    expect(prose).toContain("Commit 22222222-2222-4222-8222-222222222222 is not declared: it is a commit of contract 55555555");
    expect(prose).toContain("Commit 66666666-6666-4666-8666-666666666666 is not declared: Metronome returned no priority for it.");
    expect(declaredCommits(text)).toEqual([]);
  });

  it("warns on a declaration that pulumi-metronome's checks would reject, instead of failing", () => {
    // Metronome holds a start that is not on a whole hour (say, made before the rule); check() refuses it.
    const odd = base({
      name: "Odd",
      access_schedule: {
        schedule_items: [{ id: "a1", amount: 100, starting_at: "2027-01-01T00:30:00.000Z", ending_before: "2028-01-01T00:00:00.000Z" }],
      },
    });
    const text = render([odd]);
    expect(text).toMatch(/\/\/ WARNING: pulumi-metronome's checks reject this declaration/);
    expect(text).toContain("accessSchedule.scheduleItems[0].startingAt");
  });

  it("declares onDelete only when it is not the default", () => {
    const forget = renderModule(
      buildModel([{ customerId: CUSTOMER, kinds: [{ kind: customerCommitKind, live: [base({ name: "x" })], archived: 0 }] }], { onDelete: "forget" }),
    );
    expect(declaredCommits(forget)[0]?.args.onDelete).toBe("forget");
    expect(declaredCommits(render([base({ name: "x" })]))[0]?.args).not.toHaveProperty("onDelete");
  });
});

describe("type-check helper", () => {
  it("is not vacuous: a misspelt argument is an error", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-import-tc-"));
    try {
      const file = path.join(dir, "bad.ts");
      fs.writeFileSync(
        file,
        'import { CustomerCommit } from "pulumi-metronome";\n' +
          'export const c = new CustomerCommit("c", { customerId: "x", type: "PREPAID", productId: "p", priority: 1, ' +
          'accessSchedule: { scheduleItems: [] }, priorty: 2 });\n',
      );
      const diagnostics = typeCheckFile(file);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toContain("'priorty' does not exist");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
