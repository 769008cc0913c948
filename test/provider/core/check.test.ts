import { describe, expect, it } from "vitest";
import { CommitValidationError, UNKNOWN, canonicalize, checkInputs, failurePath, formatIssues, validateInputs } from "../../../provider/core";
import { CONTRACT, PRODUCT_A, prepaidCanonical, prepaidRaw, prepaidStored, postpaidRaw, recurringRaw, tweak } from "./fixtures";

const PROVIDER = { __provider: "exports.handler = ...", __internal: 1 };

describe("checkInputs", () => {
  it("returns canonical inputs without the defaults it fills in, and no failures for valid inputs, without __ keys", () => {
    const result = checkInputs({}, { ...tweak(prepaidRaw(), (r) => { r.type = "prepaid"; }), ...PROVIDER });
    expect(result.failures).toStrictEqual([]);
    expect(result.inputs).toStrictEqual(prepaidStored());
    expect(canonicalize(result.inputs)).toStrictEqual(prepaidCanonical());
  });

  it("keeps the defaults the inputs in state hold, so inputs stored with them show no change", () => {
    const result = checkInputs(prepaidCanonical(), { ...prepaidRaw(), ...PROVIDER });
    expect(result.failures).toStrictEqual([]);
    expect(result.inputs).toStrictEqual(prepaidCanonical());
  });

  it("returns the news unchanged (minus __ keys) when invalid", () => {
    const news = tweak(prepaidRaw(), (r) => { r.type = "prepaid"; r.priority = "high"; });
    const result = checkInputs(prepaidCanonical(), { ...news, ...PROVIDER });
    expect(result.inputs).toStrictEqual(news);
    expect(result.failures).toStrictEqual([{ property: "priority", reason: 'expected a number, got "high"' }]);
  });

  it("reports every problem at once, each at its own path", () => {
    const news = tweak(prepaidRaw(), (r) => {
      r.type = "monthly"; // enum
      r.accessSchedule.scheduleItems[0].startingAt = "2027-01-01"; // timestamp form
      r.accessSchedule.scheduleItems[0].amount = -10; // rule: positive
      r.invoiceSchedule.scheduleItems[0].timestamp = "2027-01-01T00:15:00Z"; // rule: whole hour
      r.specifiers = [{ productTags: ["gpu"] }];
      r.applicableProductIds = [PRODUCT_A]; // rule: exclusive
    });
    const { failures } = checkInputs({}, news);
    expect(failures.map(failurePath).sort()).toStrictEqual([
      "accessSchedule.scheduleItems[0].amount",
      "accessSchedule.scheduleItems[0].startingAt",
      "invoiceSchedule.scheduleItems[0].timestamp",
      "specifiers",
      "type",
    ]);
  });

  // Pulumi prints `property <p> value <inputs[p]> has a problem: <reason>`,
  // looking the value up by top-level name: only a top-level scalar gets
  // `property`; anything else leads its reason with the exact path.
  it.each<[string, (r: any) => void, { property: string; reason: string }]>([
    ["a top-level scalar", (r) => { r.priority = "high"; }, { property: "priority", reason: 'expected a number, got "high"' }],
    ["a missing top-level field", (r) => { delete r.productId; }, { property: "", reason: "productId: is required: expected a string" }],
    [
      "a nested field",
      (r) => { r.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T00:30:00Z"; },
      { property: "", reason: "accessSchedule.scheduleItems[0].startingAt: must be on a whole UTC hour, e.g. 2027-01-01T00:00:00Z (got 2027-01-01T00:30:00Z)" },
    ],
    ["a top-level object", (r) => { r.invoiceSchedule = []; }, { property: "", reason: "invoiceSchedule: expected an object, got a list" }],
  ])("a failure on %s reads well in the CLI and keeps its exact path", (_label, change, expected) => {
    const { failures } = checkInputs({}, tweak(prepaidRaw(), change));
    expect(failures).toStrictEqual([expected]);
  });

  it("names paths with the user's own array indices, not the sorted ones", () => {
    const news = tweak(prepaidRaw(), (r) => {
      r.accessSchedule.scheduleItems = [
        { amount: 1, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
        { amount: 1, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:30:00Z" },
      ];
    });
    expect(checkInputs({}, news).failures.map(failurePath)).toContain("accessSchedule.scheduleItems[1].endingBefore");
  });

  it.each<[string, (r: any) => void, string, string]>([
    ["missing uniquenessKey", (r) => { delete r.uniquenessKey; }, "uniquenessKey", "the CustomerCommit class derives one"],
    ["missing uniquenessKey tells direct users to set it", (r) => { delete r.uniquenessKey; }, "uniquenessKey", "direct users of customerCommitProvider must set it"],
    ["missing required field", (r) => { delete r.productId; }, "productId", "is required: expected a string"],
    ["missing timestamp names the form", (r) => { delete r.accessSchedule.scheduleItems[0].endingBefore; }, "accessSchedule.scheduleItems[0].endingBefore", "is required: expected an RFC 3339 timestamp such as 2027-01-01T00:00:00Z"],
    ["timestamp without offset", (r) => { r.invoiceSchedule.scheduleItems[0].timestamp = "2027-01-01T00:00:00"; }, "invoiceSchedule.scheduleItems[0].timestamp", "expected an RFC 3339 timestamp such as 2027-01-01T00:00:00Z"],
    ["bad enum lists the options", (r) => { r.rateType = "cheap"; }, "rateType", 'expected one of COMMIT_RATE, LIST_RATE (any case), got "cheap"'],
    ["bad onDelete lists the options", (r) => { r.onDelete = "delete"; }, "onDelete", "expected one of archive, endAccess, forget"],
    ["misspelt key, snake_case", (r) => { r.accessSchedule.scheduleItems[0].starting_at = "x"; }, "accessSchedule.scheduleItems[0].starting_at", 'unknown property; did you mean "startingAt"?'],
    ["unknown top-level key lists the allowed ones", (r) => { r.amount = 5; }, "amount", "allowed: customerId, type, productId"],
    ["unknown key in a specifier", (r) => { r.specifiers = [{ product: "x" }]; }, "specifiers[0].product", "allowed: productId, productTags"],
    ["empty access schedule", (r) => { r.accessSchedule.scheduleItems = []; }, "accessSchedule.scheduleItems", "at least one schedule item"],
    ["empty name", (r) => { r.name = ""; }, "name", "must not be empty"],
    ["custom field value not a string", (r) => { r.customFields = { region: 1 }; }, "customFields.region", "expected a string, got 1"],
    ["list where an object belongs", (r) => { r.invoiceSchedule = []; }, "invoiceSchedule", "expected an object, got a list"],
  ])("failure: %s", (_label, change, property, fragment) => {
    const { failures } = checkInputs({}, tweak(prepaidRaw(), change));
    const f = failures.find((x) => failurePath(x) === property);
    expect(f?.reason).toContain(fragment);
  });

  it("reports a value once even when a rule would also object to it", () => {
    const { failures } = checkInputs({}, tweak(prepaidRaw(), (r) => { r.priority = Number.POSITIVE_INFINITY; }));
    expect(failures.filter((f) => failurePath(f) === "priority")).toHaveLength(1);
  });

  it("treats null as not given", () => {
    const result = checkInputs({}, tweak(prepaidRaw(), (r) => { r.description = null; r.invoiceSchedule.doNotInvoice = null; }));
    expect(result.failures).toStrictEqual([]);
    expect(result.inputs).toStrictEqual(prepaidStored());
  });

  it.each([null, "x", [1]])("fails on non-object news %j", (news) => {
    const result = checkInputs({}, news);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.reason).toContain("expected an object of inputs");
  });

  describe("unknown sentinel", () => {
    it.each<[string, (r: any) => void, (inputs: any) => unknown]>([
      ["string", (r) => { r.customerId = UNKNOWN; }, (i) => i.customerId],
      ["enum", (r) => { r.type = UNKNOWN; }, (i) => i.type],
      ["number", (r) => { r.priority = UNKNOWN; }, (i) => i.priority],
      ["boolean", (r) => { r.invoiceSchedule.doNotInvoice = UNKNOWN; }, (i) => i.invoiceSchedule.doNotInvoice],
      ["array", (r) => { r.applicableContractIds = UNKNOWN; }, (i) => i.applicableContractIds],
      ["array element", (r) => { r.applicableContractIds = [UNKNOWN, CONTRACT]; }, (i) => i.applicableContractIds[0]],
      ["object", (r) => { r.invoiceSchedule = UNKNOWN; }, (i) => i.invoiceSchedule],
      ["map", (r) => { r.customFields = UNKNOWN; }, (i) => i.customFields],
      ["map value", (r) => { r.customFields = { deal: UNKNOWN }; }, (i) => i.customFields.deal],
      ["required object", (r) => { r.accessSchedule = UNKNOWN; }, (i) => i.accessSchedule],
      ["nested array", (r) => { r.accessSchedule.scheduleItems = UNKNOWN; }, (i) => i.accessSchedule.scheduleItems],
      ["nested item", (r) => { r.accessSchedule.scheduleItems[0] = UNKNOWN; }, (i) => i.accessSchedule.scheduleItems[0]],
      ["nested number", (r) => { r.accessSchedule.scheduleItems[0].amount = UNKNOWN; }, (i) => i.accessSchedule.scheduleItems[0].amount],
      ["nested timestamp", (r) => { r.invoiceSchedule.scheduleItems[0].timestamp = UNKNOWN; }, (i) => i.invoiceSchedule.scheduleItems[0].timestamp],
      ["recurring enum", (r) => { Object.assign(r, recurringRaw()); r.invoiceSchedule.recurringSchedule.frequency = UNKNOWN; }, (i) => i.invoiceSchedule.recurringSchedule.frequency],
      ["specifier tags", (r) => { r.specifiers = [{ productTags: UNKNOWN }]; }, (i) => i.specifiers[0].productTags],
      ["uniquenessKey", (r) => { r.uniquenessKey = UNKNOWN; }, (i) => i.uniquenessKey],
      ["existingCommitId", (r) => { r.existingCommitId = UNKNOWN; }, (i) => i.existingCommitId],
    ])("accepted and passed through: %s", (_label, change, read) => {
      const result = checkInputs({}, tweak(prepaidRaw(), change));
      expect(result.failures).toStrictEqual([]);
      expect(read(result.inputs)).toBe(UNKNOWN);
    });

    it("accepts a POSTPAID commit whose every top-level value is unknown", () => {
      const news = Object.fromEntries(Object.keys(postpaidRaw()).map((k) => [k, UNKNOWN]));
      const result = checkInputs({}, news);
      expect(result.failures).toStrictEqual([]);
      expect(result.inputs).toMatchObject(news);
    });

    it("still reports problems elsewhere", () => {
      const { failures } = checkInputs({}, tweak(prepaidRaw(), (r) => { r.customerId = UNKNOWN; r.priority = "high"; }));
      expect(failures.map(failurePath)).toStrictEqual(["priority"]);
    });
  });
});

describe("validateInputs, CommitValidationError and formatIssues", () => {
  it("validateInputs returns typed canonical inputs", () => {
    const result = validateInputs(prepaidRaw());
    expect(result.ok && result.inputs.type).toBe("PREPAID");
  });

  it("validateInputs returns issues with path and message", () => {
    const result = validateInputs(tweak(postpaidRaw(), (r) => { delete r.invoiceContractId; }));
    expect(result).toStrictEqual({ ok: false, issues: [expect.objectContaining({ path: "invoiceContractId" })] });
  });

  it("formats issues as a readable list", () => {
    const text = formatIssues([
      { path: "priority", message: "expected a number" },
      { path: "accessSchedule.scheduleItems[0].amount", message: "must be greater than 0 (got 0)" },
    ]);
    expect(text).toBe(
      "2 problems with CustomerCommit inputs:\n" +
        "  - priority: expected a number\n" +
        "  - accessSchedule.scheduleItems[0].amount: must be greater than 0 (got 0)",
    );
  });

  it("formats a single issue and names the subject", () => {
    expect(formatIssues([{ path: "name", message: "must not be empty" }], 'CustomerCommit "acme"')).toBe(
      '1 problem with CustomerCommit "acme":\n  - name: must not be empty',
    );
  });

  it("CommitValidationError carries the issues, its name and the formatted message", () => {
    const issues = [{ path: "type", message: "expected one of PREPAID, POSTPAID" }];
    const err = new CommitValidationError(issues);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("CommitValidationError");
    expect(err.issues).toStrictEqual(issues);
    expect(err.message).toBe(formatIssues(issues));
  });
});

describe("checkInputs: a replacement must change the uniqueness key", () => {
  const base = {
    customerId: "11111111-1111-4111-8111-111111111111",
    type: "PREPAID",
    productId: "22222222-2222-4222-8222-222222222222",
    priority: 1,
    accessSchedule: { scheduleItems: [{ amount: 100, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    uniquenessKey: "declared-key",
  };
  const olds = checkInputs({}, base).inputs;

  it.each([
    ["a replace-only field with the same declared key", { netsuiteSalesOrderId: "SO-1" }, ["uniquenessKey"]],
    ["a replace-only field with a new key", { netsuiteSalesOrderId: "SO-1", uniquenessKey: "declared-key-2" }, []],
    ["an editable field with the same key", { name: "Renamed" }, []],
  ])("%s", (_label, change, expected) => {
    const { failures } = checkInputs(olds, { ...base, ...change });
    expect(failures.map(failurePath)).toEqual(expected);
    if (expected.length > 0) expect(failures[0]!.reason).toMatch(/never releases a key/);
  });

  it("does not apply on create (no old inputs)", () => {
    expect(checkInputs({}, { ...base, netsuiteSalesOrderId: "SO-1" }).failures).toEqual([]);
  });
});

describe("checkInputs: adoption declares invoice items, not a recurring schedule", () => {
  it.each([
    ["recurring schedule with existingCommitId", true, ["invoiceSchedule.recurringSchedule"]],
    ["recurring schedule on a new commit", false, []],
  ])("%s", (_label, adopt, expected) => {
    const raw = {
      ...recurringRaw(),
      uniquenessKey: "k",
      ...(adopt ? { existingCommitId: "33333333-3333-4333-8333-333333333333" } : {}),
    };
    expect(checkInputs({}, raw).failures.map(failurePath)).toEqual(expected);
  });
});
