// The credit kind through the generic core: the same derivations as for
// commits, from the credit's own field table.

import { describe, expect, it } from "vitest";
import { canonicalize } from "../../../../provider/core/canonical";
import { checkInputs, validateInputs } from "../../../../provider/core/check";
import { planUpdate } from "../../../../provider/core/edit-plan";
import { recordToState } from "../../../../provider/core/from-api";
import { customerCommitKind } from "../../../../provider/core/kinds/commit";
import { customerCreditKind as credit } from "../../../../provider/core/kinds/credit";
import { createBodyOf } from "../../../../provider/core/payload";
import { replacedProperties, replaceOnlyFields } from "../../../../provider/core/replace";
import { defaultUniquenessKey } from "../../../../provider/core/uniqueness-key";
import { CANDIDATE_KEY_INPUT } from "../../../../provider/core/hidden-inputs";
import { CONTRACT, CREDITS, CUSTOMER, PRODUCT, PRODUCT_A, USD } from "../fixtures";

const CREDIT_ID = "77777777-7777-4777-8777-777777777777";
const KEY = "acme/prod/onboarding#0123456789abcdef";

type Raw = Record<string, unknown>;

/** An onboarding credit as a user writes it. */
const onboardingRaw = (): Raw => ({
  customerId: CUSTOMER,
  productId: PRODUCT,
  priority: 50,
  name: "Onboarding credit",
  accessSchedule: { scheduleItems: [{ amount: 50_000, startingAt: "2027-01-01T00:00:00+00:00", endingBefore: "2027-04-01T00:00:00.000Z" }] },
  uniquenessKey: KEY,
});

const onboardingCanonical = (): Raw => ({
  accessSchedule: { creditTypeId: USD, scheduleItems: [{ amount: 50_000, endingBefore: "2027-04-01T00:00:00Z", startingAt: "2027-01-01T00:00:00Z" }] },
  customerId: CUSTOMER,
  name: "Onboarding credit",
  onDelete: "archive",
  priority: 50,
  productId: PRODUCT,
  rateType: "LIST_RATE",
  uniquenessKey: KEY,
});

/** The credit as customerCredits/list answers it (no created_at, no archived_at). */
const listed = (over: Raw = {}): Raw => ({
  id: CREDIT_ID,
  type: "CREDIT",
  product: { id: PRODUCT, name: "Credits" },
  priority: 50,
  name: "Onboarding credit",
  rate_type: "LIST_RATE",
  access_schedule: {
    credit_type: { id: USD, name: "USD (cents)" },
    schedule_items: [{ id: "item-1", amount: 50_000, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2027-04-01T00:00:00.000Z" }],
  },
  uniqueness_key: KEY,
  ...over,
});

describe("credit: check", () => {
  it("accepts a credit and returns its canonical form", () => {
    expect(validateInputs(onboardingRaw(), credit)).toEqual({ ok: true, inputs: onboardingCanonical() });
  });

  it("reports every issue at once, commit-only fields among them", () => {
    const raw = { ...onboardingRaw(), type: "PREPAID", invoiceContractId: CONTRACT, priority: "high", existingCommitId: CREDIT_ID };
    const result = validateInputs(raw, credit);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path).sort();
    expect(paths).toEqual(["existingCommitId", "invoiceContractId", "priority", "type"]);
  });

  it.each<[string, (r: Raw) => void, string, RegExp]>([
    ["existingCreditId must be a uuid", (r) => (r.existingCreditId = "cr_1"), "existingCreditId", /Metronome credit id/],
    ["access items on whole hours", (r) => ((r.accessSchedule as { scheduleItems: Raw[] }).scheduleItems[0]!.startingAt = "2027-01-01T00:30:00Z"), "accessSchedule.scheduleItems[0].startingAt", /whole UTC hour/],
    ["specifiers not with applicableProductIds", (r) => Object.assign(r, { specifiers: [{ productId: PRODUCT_A }], applicableProductIds: [PRODUCT_A] }), "specifiers", /cannot be combined/],
    ["access amounts positive", (r) => ((r.accessSchedule as { scheduleItems: Raw[] }).scheduleItems[0]!.amount = -5), "accessSchedule.scheduleItems[0].amount", /greater than 0/],
    ["amounts within what JSON carries exactly", (r) => ((r.accessSchedule as { scheduleItems: Raw[] }).scheduleItems[0]!.amount = 2 ** 60), "accessSchedule.scheduleItems[0].amount", /./],
  ])("%s", (_name, mutate, path, message) => {
    const raw = onboardingRaw();
    mutate(raw);
    const result = validateInputs(raw, credit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
  });

  it("names the credit class and provider when the key is missing", () => {
    const { uniquenessKey: _k, ...raw } = onboardingRaw();
    const result = validateInputs(raw, credit);
    expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ path: "uniquenessKey", message: expect.stringContaining("customerCreditProvider") })]);
  });

  it("takes the candidate key for a new credit", () => {
    const { uniquenessKey: _k, ...raw } = onboardingRaw();
    const { inputs, failures } = checkInputs({}, { ...raw, [CANDIDATE_KEY_INPUT]: "candidate#1" }, credit);
    expect(failures).toEqual([]);
    expect(inputs.uniquenessKey).toBe("candidate#1");
  });
});

describe("credit: create body", () => {
  it("sends the credit's fields under their wire names, and nothing of the provider's", () => {
    const inputs = { ...onboardingCanonical(), onDelete: "forget", existingCreditId: undefined, applicableContractIds: [CONTRACT] };
    expect(createBodyOf(credit, inputs)).toEqual({
      customer_id: CUSTOMER,
      product_id: PRODUCT,
      priority: 50,
      name: "Onboarding credit",
      rate_type: "LIST_RATE",
      access_schedule: {
        credit_type_id: USD,
        schedule_items: [{ amount: 50_000, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-04-01T00:00:00Z" }],
      },
      applicable_contract_ids: [CONTRACT],
      uniqueness_key: KEY,
    });
  });
});

describe("credit: read-back", () => {
  it("maps a listed credit back to the declared inputs, item ids in outputs only", () => {
    const { inputs, outputs } = recordToState(credit, listed(), onboardingCanonical());
    expect(inputs).toEqual(onboardingCanonical());
    expect((outputs.accessSchedule as { scheduleItems: Raw[] }).scheduleItems[0]).toMatchObject({ id: "item-1" });
    expect(outputs).not.toHaveProperty("createdAt");
    expect(outputs).not.toHaveProperty("archivedAt");
  });

  it("shows drift field by field", () => {
    const { inputs } = recordToState(credit, listed({ priority: 10, description: "changed in the dashboard" }), onboardingCanonical());
    expect(inputs).toMatchObject({ priority: 10, description: "changed in the dashboard" });
  });

  it("shows a hierarchy configuration set in Metronome as an output", () => {
    const { inputs, outputs } = recordToState(credit, listed({ hierarchy_configuration: { child_access: { type: "all" } } }), onboardingCanonical());
    expect(outputs.hierarchyConfiguration).toEqual({ childAccess: { type: "ALL" } });
    expect(inputs).not.toHaveProperty("hierarchyConfiguration");
  });
});

describe("credit: edit plan and replacement", () => {
  const olds = () => recordToState(credit, listed(), onboardingCanonical()).outputs;

  it("edits the shared fields in place, items by id", () => {
    const news = canonicalize({
      ...onboardingRaw(),
      priority: 40,
      applicableContractIds: [CONTRACT],
      customFields: { campaign: "spring" },
      accessSchedule: { scheduleItems: [{ amount: 75_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }] },
    }, credit);
    expect(planUpdate(olds(), news, credit)).toEqual({
      edit: {
        priority: 40,
        applicable_contract_ids: [CONTRACT],
        access_schedule: { update_schedule_items: [{ id: "item-1", amount: 75_000 }] },
      },
      setCustomFields: { campaign: "spring" },
    });
  });

  it("refuses to clear a credit's name, naming the credit", () => {
    const { name: _n, ...raw } = onboardingRaw();
    expect(planUpdate(olds(), canonicalize(raw, credit), credit).unsupported).toEqual([
      { property: "name", reason: "Metronome cannot clear a credit's name; give a new name instead" },
    ]);
  });

  it.each<[string, Raw, string[]]>([
    ["the customer", { customerId: "99999999-9999-4999-8999-999999999999" }, ["customerId"]],
    ["the access credit type", { accessSchedule: { creditTypeId: CREDITS, scheduleItems: (onboardingRaw().accessSchedule as { scheduleItems: Raw[] }).scheduleItems } }, ["accessSchedule"]],
    ["the NetSuite sales order id", { netsuiteSalesOrderId: "SO-1" }, ["netsuiteSalesOrderId"]],
    ["nothing, for contracts (edit-credit takes them)", { applicableContractIds: [CONTRACT] }, []],
  ])("replaces on %s", (_what, change, expected) => {
    expect(replacedProperties(olds(), canonicalize({ ...onboardingRaw(), ...change }, credit), credit)).toEqual(expected);
  });
});

describe("credit: derived key", () => {
  it("differs from a commit's of the same project, stack, name and replace-only values", () => {
    const parts = { project: "billing", stack: "prod", name: "acme", replaceOnly: replaceOnlyFields(onboardingRaw(), credit) };
    const forCredit = defaultUniquenessKey({ ...parts, scope: credit.keyScope });
    const forCommit = defaultUniquenessKey({ ...parts, ...(customerCommitKind.keyScope === undefined ? {} : { scope: customerCommitKind.keyScope }) });
    expect(forCredit).not.toBe(forCommit);
    expect(forCredit.startsWith("billing/prod/acme#")).toBe(true);
  });
});
