import { describe, expect, it } from "vitest";
import { canonicalize } from "../../../provider/core/canonical";
import { customerCommitKind as commit } from "../../../provider/core/kinds/commit";
import { customerCreditKind as credit } from "../../../provider/core/kinds/credit";
import { storedInputs } from "../../../provider/core/stored-inputs";
import { CREDITS, CUSTOMER, KEY, PRODUCT, postpaidRaw, prepaidCanonical, prepaidRaw, prepaidStored, prepaidTwoHalvesRaw, recurringRaw, tweak, USD } from "./fixtures";

type Raw = Record<string, unknown>;

const canonical = (raw: Raw): Raw => canonicalize(raw, commit);

describe("storedInputs", () => {
  it.each<[string, Raw, Raw]>([
    ["the defaults the program left out", prepaidRaw(), {}],
    [
      "the defaults the program wrote out",
      tweak(prepaidRaw(), (r) => {
        r.rateType = "list_rate";
        r.onDelete = "archive";
        r.accessSchedule.creditTypeId = USD;
        r.invoiceSchedule.doNotInvoice = false;
      }),
      {},
    ],
    ["defaults the prior inputs do not hold", prepaidRaw(), { name: "old name", accessSchedule: { scheduleItems: [] } }],
  ])("leaves out %s", (_label, raw, prior) => {
    expect(storedInputs(canonical(raw), commit, prior)).toStrictEqual(prepaidStored());
  });

  it("keeps every default the prior inputs hold, so inputs stored with defaults read as unchanged", () => {
    expect(storedInputs(canonical(prepaidRaw()), commit, prepaidCanonical())).toStrictEqual(prepaidCanonical());
  });

  it("keeps a default key by key: only the ones the prior inputs hold", () => {
    const prior = { rateType: "LIST_RATE", invoiceSchedule: { doNotInvoice: false } };
    const stored = storedInputs(canonical(prepaidRaw()), commit, prior);
    expect(stored).toStrictEqual({ ...prepaidStored(), rateType: "LIST_RATE", invoiceSchedule: { doNotInvoice: false, ...(prepaidStored().invoiceSchedule as Raw) } });
  });

  it("keeps values that differ from the defaults", () => {
    const raw = tweak(prepaidRaw(), (r) => {
      r.rateType = "COMMIT_RATE";
      r.onDelete = "forget";
      r.accessSchedule.creditTypeId = CREDITS;
      r.invoiceSchedule.doNotInvoice = true;
    });
    const stored = storedInputs(canonical(raw), commit);
    expect(stored).toMatchObject({ rateType: "COMMIT_RATE", onDelete: "forget", accessSchedule: { creditTypeId: CREDITS }, invoiceSchedule: { doNotInvoice: true } });
    expect(stored.invoiceSchedule).not.toHaveProperty("creditTypeId");
  });

  it("never leaves out the uniqueness key, which canonicalizing cannot derive", () => {
    expect(storedInputs(canonical(prepaidRaw()), commit)).toMatchObject({ uniquenessKey: KEY });
  });

  it.each<[string, Raw]>([
    ["invoiced PREPAID", prepaidRaw()],
    ["PREPAID in two halves", prepaidTwoHalvesRaw()],
    ["POSTPAID", postpaidRaw()],
    ["recurring invoices", recurringRaw()],
  ])("means its canonical form exactly: canonicalize gives back every left-out default (%s)", (_label, raw) => {
    const full = canonical(raw);
    expect(canonicalize(storedInputs(full, commit), commit)).toStrictEqual(full);
  });

  it("follows the credit's own defaults", () => {
    const raw = {
      customerId: CUSTOMER,
      productId: PRODUCT,
      priority: 50,
      accessSchedule: { scheduleItems: [{ amount: 50_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }] },
      uniquenessKey: "acme/prod/onboarding",
    };
    const full = canonicalize(raw, credit);
    expect(full).toMatchObject({ onDelete: "archive", rateType: "LIST_RATE" });
    expect(storedInputs(full, credit)).toStrictEqual(raw);
  });
});
