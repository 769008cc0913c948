// Credits in the import command's pure parts: `--kind`, a listed credit as
// a CustomerCredit declaration (defaults left out, specifiers, what cannot
// be declared), the module's headings and imports, names shared with
// commits, and credits the stack already manages.

import { describe, expect, it } from "vitest";
import type { KindListing } from "../../../cli/import/list";
import { managedIds } from "../../../cli/import/managed";
import { type ModelOptions, buildModel } from "../../../cli/import/model";
import { parseOptions } from "../../../cli/import/options";
import { renderModule } from "../../../cli/import/render";
import type { Commit, Credit } from "../../../provider/api/wire";
import { customerCommitKind } from "../../../provider/core/kinds/commit";
import { customerCreditKind } from "../../../provider/core/kinds/credit";
import { declaredCommits, declaredCredits, declaredResources } from "./support";

const CUSTOMER = "11111111-1111-4111-8111-111111111111";
const PRODUCT = "33333333-3333-4333-8333-333333333333";
const USAGE = "55555555-5555-4555-8555-555555555555";
const CONTRACT = "66666666-6666-4666-8666-666666666666";
const USD = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
const EUR = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";
const CREDIT_ID = "c0000000-0000-4000-8000-000000000001";

const credit = (over: Partial<Credit> & Record<string, unknown> = {}): Credit =>
  ({
    id: CREDIT_ID,
    type: "CREDIT",
    product: { id: PRODUCT, name: "Fixed" },
    priority: 10,
    rate_type: "LIST_RATE",
    access_schedule: {
      credit_type: { id: USD, name: "USD (cents)" },
      schedule_items: [{ id: "a1", amount: 2_500, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2027-04-01T00:00:00.000Z" }],
    },
    custom_fields: {},
    ...over,
  }) as Credit;

const commit = (over: Partial<Commit> = {}): Commit =>
  ({
    id: "d0000000-0000-4000-8000-000000000001",
    type: "PREPAID",
    product: { id: PRODUCT, name: "Fixed" },
    priority: 1,
    rate_type: "LIST_RATE",
    created_at: "2026-01-01T00:00:00.000Z",
    access_schedule: {
      credit_type: { id: USD, name: "USD (cents)" },
      schedule_items: [{ id: "a1", amount: 100, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2028-01-01T00:00:00.000Z" }],
    },
    custom_fields: {},
    ...over,
  }) as Commit;

const creditsOnly = (live: Credit[], archived = 0): KindListing[] => [{ kind: customerCreditKind, live, archived }];
const render = (kinds: KindListing[], options: ModelOptions = { onDelete: "archive" }): string =>
  renderModule(buildModel([{ customerId: CUSTOMER, kinds }], options));

describe("--kind", () => {
  const parse = (argv: string[]) => parseOptions(["--customer", "a", ...argv], () => "");

  it.each<[string[], string[]]>([
    [[], ["commit", "credit"]],
    [["--kind", "credit"], ["credit"]],
    [["--kind=commit"], ["commit"]],
    [["--kind", "Credits"], ["credit"]],
    [["--kind", "credit", "--kind", "commit"], ["commit", "credit"]],
    [["--kind", "credit,commit"], ["commit", "credit"]],
  ])("%j declares %j", (argv, kinds) => {
    const parsed = parse(argv);
    expect(parsed.kind === "options" && parsed.options.kinds).toEqual(kinds);
  });

  it.each<[string[], string]>([
    [["--kind"], "--kind must be commit or credit"],
    [["--kind", "contract"], '--kind must be commit or credit (got "contract")'],
    [["--kind", "credit,"], '--kind must be commit or credit (got "credit,")'],
  ])("%j is refused", (argv, message) => {
    expect(parse(argv)).toEqual({ kind: "error", message });
  });
});

describe("a listed credit as a CustomerCredit", () => {
  it.each<[string, Credit, Record<string, unknown>]>([
    [
      "defaults left out (USD, LIST_RATE, onDelete archive); no uniqueness key where Metronome holds none",
      credit({ name: "Goodwill" }),
      {
        existingCreditId: CREDIT_ID,
        customerId: CUSTOMER,
        productId: PRODUCT,
        priority: 10,
        name: "Goodwill",
        accessSchedule: { scheduleItems: [{ amount: 2_500, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }] },
      },
    ],
    [
      "specifiers, custom fields, another credit type, commit rate, contracts and a key",
      credit({
        name: "Promo",
        rate_type: "COMMIT_RATE",
        access_schedule: {
          credit_type: { id: EUR, name: "EUR (cents)" },
          schedule_items: [{ id: "a1", amount: 700, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2027-02-01T00:00:00.000Z" }],
        },
        applicable_contract_ids: [CONTRACT],
        specifiers: [{ product_tags: ["api"] }, { product_id: USAGE, presentation_group_values: { team: "core" } }],
        custom_fields: { campaign: "spring" },
        salesforce_opportunity_id: "006-1",
        uniqueness_key: "promo-2027",
      }),
      {
        existingCreditId: CREDIT_ID,
        customerId: CUSTOMER,
        productId: PRODUCT,
        priority: 10,
        name: "Promo",
        rateType: "COMMIT_RATE",
        accessSchedule: { creditTypeId: EUR, scheduleItems: [{ amount: 700, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-02-01T00:00:00Z" }] },
        applicableContractIds: [CONTRACT],
        specifiers: [{ productId: USAGE, presentationGroupValues: { team: "core" } }, { productTags: ["api"] }],
        customFields: { campaign: "spring" },
        salesforceOpportunityId: "006-1",
        uniquenessKey: "promo-2027",
      },
    ],
  ])("%s", (_label, record, expected) => {
    const text = render(creditsOnly([record]));
    expect(text).not.toContain("WARNING");
    const declared = declaredResources(text);
    expect(declared.map((d) => d.className)).toEqual(["CustomerCredit"]);
    expect(declared[0]?.args).toEqual(expected);
    // Written in the kind's order, the adoption line first.
    expect(Object.keys(declared[0]?.args ?? {})).toEqual(Object.keys(expected));
  });

  it("comments the product, the credit type and USD amounts", () => {
    const text = render(creditsOnly([credit({ name: "Goodwill" })]));
    expect(text).toContain(`productId: "${PRODUCT}", // Fixed`);
    expect(text).toContain('{ amount: 2_500, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }, // $25.00');
    const eur = render(creditsOnly([credit({ access_schedule: { credit_type: { id: EUR, name: "EUR (cents)" }, schedule_items: credit().access_schedule.schedule_items } })]));
    expect(eur).toContain(`creditTypeId: "${EUR}", // EUR (cents)`);
    expect(eur).not.toContain("// $25.00");
  });

  it.each<[string, Credit, string]>([
    ["a contract credit", credit({ contract: { id: CONTRACT } }), `Credit ${CREDIT_ID} is not declared: it is a credit of contract ${CONTRACT}, not a customer-level credit.`],
    ["a credit without a priority", credit({ priority: undefined }), `Credit ${CREDIT_ID} is not declared: Metronome returned no priority for it.`],
  ])("%s is written as a comment with the reason", (_label, record, reason) => {
    const text = render(creditsOnly([record]));
    expect(text.replace(/\n\/\/ /g, " ")).toContain(reason);
    expect(text).toContain("// 0 live credits declared; 1 credit not declarable; no archived credits.");
    expect(declaredResources(text)).toEqual([]);
  });

  it("warns when the provider's checks would reject the credit as Metronome holds it", () => {
    const text = render(creditsOnly([credit({ access_schedule: { schedule_items: [{ id: "a1", amount: 1, starting_at: "2027-01-01T00:30:00.000Z", ending_before: "2027-02-01T00:00:00.000Z" }] } })]));
    expect(text).toMatch(/\/\/ WARNING: pulumi-metronome's checks reject this declaration/);
    expect(text).toContain("accessSchedule.scheduleItems[0].startingAt");
  });

  it("notes a hierarchy configuration, naming the credit", () => {
    const text = render(creditsOnly([credit({ hierarchy_configuration: { child_access: { type: "NONE" } } })]));
    expect(text.replace(/\n\/\/ /g, " ")).toContain(
      "Not declared: hierarchy configuration (which child customers' contracts may draw the credit down) = " +
        '{"child_access":{"type":"NONE"}}. CustomerCreditArgs has no place for `hierarchy_configuration`',
    );
  });
});

describe("the module with credits", () => {
  it.each<[string, KindListing[], string | undefined, string[]]>([
    [
      "commits and credits: both classes imported, one heading line per kind",
      [
        { kind: customerCommitKind, live: [commit({ name: "x" })], archived: 2 },
        { kind: customerCreditKind, live: [credit({ name: "y" })], archived: 1 },
      ],
      'import { CustomerCommit, CustomerCredit } from "pulumi-metronome";',
      [
        "// 1 live commit declared; 2 archived commits skipped (an archived commit cannot be adopted).",
        "// 1 live credit declared; 1 archived credit skipped (an archived credit cannot be adopted).",
      ],
    ],
    [
      "credits only: only CustomerCredit imported",
      creditsOnly([credit({ name: "y" })]),
      'import { CustomerCredit } from "pulumi-metronome";',
      ["// 1 live credit declared; no archived credits."],
    ],
    [
      "commits listed but only credits live: only CustomerCredit imported",
      [
        { kind: customerCommitKind, live: [], archived: 0 },
        { kind: customerCreditKind, live: [credit()], archived: 0 },
      ],
      'import { CustomerCredit } from "pulumi-metronome";',
      ["// 0 live commits declared; no archived commits.", "// 1 live credit declared; no archived credits."],
    ],
    ["nothing to declare: no import, still a module", creditsOnly([], 3), undefined, ["// 0 live credits declared; 3 archived credits skipped (an archived credit cannot be adopted)."]],
  ])("%s", (_label, kinds, importLine, headings) => {
    const text = render(kinds);
    const imports = text.split("\n").filter((l) => l.startsWith("import "));
    expect(imports).toEqual(importLine === undefined ? [] : [importLine]);
    if (importLine === undefined) expect(text).toContain("\nexport {};\n");
    for (const h of headings) expect(text).toContain(`${h}\n`);
  });

  it("declares commits before credits, each under its class", () => {
    const text = render([
      { kind: customerCommitKind, live: [commit({ name: "Commit" })], archived: 0 },
      { kind: customerCreditKind, live: [credit({ name: "Credit" })], archived: 0 },
    ]);
    expect(declaredResources(text).map((d) => [d.className, d.name])).toEqual([
      ["CustomerCommit", "commit"],
      ["CustomerCredit", "credit"],
    ]);
  });

  it("words the header for the kinds listed", () => {
    const prose = (text: string) => text.replace(/\n\/\/ /g, " ");
    const credits = prose(render(creditsOnly([credit()])));
    expect(credits).toContain("Metronome customer credits, declared as code.");
    expect(credits).toContain("Each CustomerCredit carries `existingCreditId`, so the next `pulumi up` adopts the credit");
    expect(credits).not.toContain("existingCommitId");
    const both = prose(render([{ kind: customerCommitKind, live: [], archived: 0 }, ...creditsOnly([])]));
    expect(both).toContain("Metronome customer commits and credits, declared as code.");
    expect(both).toContain("Each CustomerCommit carries `existingCommitId` and each CustomerCredit `existingCreditId`");
  });

  it("names a nameless credit after its noun and id, and makes names shared with commits unique", () => {
    const sharedCommit = commit({ id: "aaaaaaaa-0000-4000-8000-000000000001", name: "Q1 allowance" });
    const sharedCredit = credit({ id: "bbbbbbbb-0000-4000-8000-000000000002", name: "Q1 allowance" });
    const nameless = credit({ id: "cccccccc-0000-4000-8000-000000000003", priority: 99 });
    const numbered = credit({ id: "dddddddd-0000-4000-8000-000000000004", name: "2027 goodwill" });
    const text = render([
      { kind: customerCommitKind, live: [sharedCommit], archived: 0 },
      { kind: customerCreditKind, live: [sharedCredit, nameless, numbered], archived: 0 },
    ]);
    expect(declaredCommits(text).map((d) => [d.name, d.exportName])).toEqual([["q1-allowance-aaaaaaaa", "q1AllowanceAaaaaaaa"]]);
    // Same access start: by name, nameless last.
    expect(declaredCredits(text).map((d) => [d.name, d.exportName])).toEqual([
      ["2027-goodwill", "credit2027Goodwill"],
      ["q1-allowance-bbbbbbbb", "q1AllowanceBbbbbbbb"],
      ["credit-cccccccc", "creditCccccccc"],
    ]);
  });
});

describe("credits the stack already manages", () => {
  const state = (resources: unknown[]) => ({ deployment: { resources } });
  const CREDIT_TYPE = customerCreditKind.typeToken;

  it.each<[string, unknown, string[]]>([
    ["a CustomerCredit's id", state([{ type: CREDIT_TYPE, id: "cr-1" }]), ["cr-1"]],
    ["an adopted credit's existingCreditId", state([{ type: CREDIT_TYPE, id: "cr-1", inputs: { existingCreditId: "cr-1" } }]), ["cr-1"]],
    [
      "commits and credits together",
      state([
        { type: customerCommitKind.typeToken, id: "co-1", outputs: { existingCommitId: "co-1" } },
        { type: CREDIT_TYPE, id: "cr-2" },
      ]),
      ["co-1", "cr-2"],
    ],
    ["another kind's existing-id field is not read", state([{ type: CREDIT_TYPE, id: "", inputs: { existingCommitId: "co-9" } }]), []],
  ])("%s", (_label, exported, ids) => {
    expect([...managedIds(exported)].sort()).toEqual(ids);
  });

  it("skips them and counts them in the credits' heading", () => {
    const other = credit({ id: "c0000000-0000-4000-8000-000000000002", name: "Kept" });
    const text = render(creditsOnly([credit({ name: "Managed" }), other]), { onDelete: "archive", managed: new Set([CREDIT_ID]) });
    expect(declaredCredits(text).map((d) => d.args.existingCreditId)).toEqual([other.id]);
    expect(text.replace(/\n\/\/ /g, " ")).toContain(
      "1 live credit declared; 1 live credit skipped (the stack already manages it); no archived credits.",
    );
  });
});
