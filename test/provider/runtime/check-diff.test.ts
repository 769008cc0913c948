// check and diff through the provider: what the engine sees during preview.
// The rules themselves are covered case by case in test/provider/core; here
// the point is the provider's contract: failures carry dotted property paths,
// the unknown sentinel is accepted anywhere, inputs come back canonical, diff
// names only what cannot change in place, and neither ever calls Metronome.

import { describe, expect, it } from "vitest";
import { failurePath } from "../../../provider/core";
import { CONTRACT, CUSTOMER, KEY, PRODUCT, prepaidCanonical, prepaidRaw, prepaidStored } from "../core/fixtures";
import { EUR, UNKNOWN, provider, useRuntime } from "./harness";

const h = useRuntime();

const news = (raw: Record<string, unknown>) => ({ __provider: "serialized shim", ...raw });

describe("check through the provider", () => {
  it("returns canonical inputs (enums upper case, timestamps in one form, defaults left out) and no failures", async () => {
    const raw = prepaidRaw();
    raw.type = "prepaid";
    (raw.accessSchedule as any).scheduleItems[0].startingAt = "2027-01-01T00:00:00.000+00:00";
    const result = await provider.check({}, news(raw));
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(prepaidStored());
    expect(await h.emu.calls()).toEqual([]);
  });

  it("reports every problem at once, each under its dotted property path", async () => {
    const raw = prepaidRaw();
    raw.type = "POSTPAID";
    (raw.accessSchedule as any).scheduleItems.push({ amount: 5, startingAt: "2028-01-01T00:30:00Z", endingBefore: "2027-06-01T00:00:00Z" });
    delete raw.productId;
    raw.specifiers = [{ productId: PRODUCT }];
    raw.applicableProductIds = [PRODUCT];
    raw.invoice_contract_id = CONTRACT; // snake_case, as in the API docs
    const result = await provider.check({}, news(raw));
    const byPath = new Map((result.failures ?? []).map((f) => [failurePath(f), f.reason]));
    expect([...byPath.keys()]).toEqual(
      expect.arrayContaining([
        "productId",
        "invoice_contract_id",
        "accessSchedule.scheduleItems",
        "accessSchedule.scheduleItems[1].startingAt",
        "specifiers",
      ]),
    );
    expect(byPath.get("invoice_contract_id")).toMatch(/did you mean "invoiceContractId"/);
    expect(byPath.get("productId")).toMatch(/required/);
    for (const f of result.failures ?? []) {
      expect(failurePath(f), "property paths are dotted, never slash or JSON-pointer").not.toMatch(/\//);
      expect(f.reason.length).toBeGreaterThan(5);
    }
    // Failed inputs come back as given (minus engine keys), JSON-safe.
    expect(result.inputs).not.toHaveProperty("__provider");
    expect(JSON.parse(JSON.stringify(result.inputs))).toEqual(result.inputs);
    expect(await h.emu.calls()).toEqual([]);
  });

  it.each([
    ["customerId", (r: any) => (r.customerId = UNKNOWN)],
    ["priority (a number field)", (r: any) => (r.priority = UNKNOWN)],
    ["accessSchedule (an object field)", (r: any) => (r.accessSchedule = UNKNOWN)],
    ["scheduleItems (a list field)", (r: any) => (r.accessSchedule.scheduleItems = UNKNOWN)],
    ["one item's amount", (r: any) => (r.invoiceSchedule.scheduleItems[0].amount = UNKNOWN)],
    ["applicableProductIds", (r: any) => (r.applicableProductIds = UNKNOWN)],
    ["uniquenessKey", (r: any) => (r.uniquenessKey = UNKNOWN)],
  ])("accepts Pulumi's unknown sentinel in %s (preview)", async (_label, mutate) => {
    const raw = prepaidRaw();
    mutate(raw);
    const result = await provider.check({}, news(raw));
    expect(result.failures).toEqual([]);
    expect(JSON.stringify(result.inputs)).toContain(UNKNOWN);
    expect(await h.emu.calls()).toEqual([]);
  });
});

describe("diff through the provider", () => {
  /** Old outputs as state holds them: canonical inputs plus server fields and item ids. */
  const olds = () => {
    const o: any = { __provider: "serialized shim", ...prepaidCanonical(), createdAt: "2026-11-20T10:00:00Z", revision: 0 };
    o.accessSchedule.scheduleItems[0].id = "a1";
    o.invoiceSchedule.scheduleItems[0].id = "i1";
    return o;
  };

  it.each([
    ["customerId", (n: any) => (n.customerId = "99999999-9999-4999-8999-999999999999"), ["customerId"]],
    ["type", (n: any) => {
      n.type = "POSTPAID";
    }, ["type"]],
    ["access credit type", (n: any) => (n.accessSchedule.creditTypeId = EUR), ["accessSchedule"]],
    ["invoice credit type", (n: any) => (n.invoiceSchedule.creditTypeId = EUR), ["invoiceSchedule"]],
    ["doNotInvoice", (n: any) => (n.invoiceSchedule.doNotInvoice = true), ["invoiceSchedule"]],
    ["invoice schedule removed", (n: any) => delete n.invoiceSchedule, ["invoiceSchedule"]],
    ["uniquenessKey", (n: any) => (n.uniquenessKey = `${KEY}-2`), ["uniquenessKey"]],
    ["netsuiteSalesOrderId", (n: any) => (n.netsuiteSalesOrderId = "SO-1"), ["netsuiteSalesOrderId"]],
    ["salesforceOpportunityId", (n: any) => (n.salesforceOpportunityId = "006-1"), ["salesforceOpportunityId"]],
    ["unknown customerId (preview)", (n: any) => (n.customerId = UNKNOWN), ["customerId"]],
  ])("a change of %s is a replacement, naming only that property", async (_label, mutate, replaces) => {
    const n: any = news(prepaidCanonical());
    mutate(n);
    const result = await provider.diff("commit-id", olds(), n);
    expect(result.replaces).toEqual(replaces);
    // Left to the engine's own input diff, so preview shows each property.
    expect(result.changes).toBeUndefined();
    expect(result.deleteBeforeReplace).toBeUndefined();
  });

  it.each([
    ["nothing", () => {}],
    ["amount", (n: any) => (n.accessSchedule.scheduleItems[0].amount = 2_000_000)],
    ["dates", (n: any) => (n.accessSchedule.scheduleItems[0].endingBefore = "2028-06-01T00:00:00Z")],
    ["an added invoice item", (n: any) => n.invoiceSchedule.scheduleItems.push({ amount: 5, timestamp: "2027-06-01T00:00:00Z" })],
    ["name", (n: any) => (n.name = "Renamed")],
    ["priority", (n: any) => (n.priority = 1)],
    ["productId", (n: any) => (n.productId = "99999999-9999-4999-8999-999999999999")],
    ["invoiceContractId", (n: any) => (n.invoiceContractId = CONTRACT.replace("3", "4"))],
    ["custom fields", (n: any) => (n.customFields = { region: "eu" })],
    ["applicableProductIds", (n: any) => (n.applicableProductIds = [PRODUCT])],
    ["onDelete", (n: any) => (n.onDelete = "forget")],
    ["an unknown amount (preview)", (n: any) => (n.accessSchedule.scheduleItems[0].amount = UNKNOWN)],
  ])("a change of %s is no replacement", async (_label, mutate) => {
    const n: any = news(prepaidCanonical());
    mutate(n);
    const result = await provider.diff("commit-id", olds(), n);
    expect(result).toEqual({ replaces: [] });
  });

  it("makes no call to Metronome", async () => {
    await provider.diff("commit-id", olds(), news({ ...prepaidCanonical(), customerId: CUSTOMER }));
    expect(await h.emu.calls()).toEqual([]);
  });
});
