import { describe, expect, it } from "vitest";
import { JSON_FORMAT, renderJson } from "../../../cli/review/render-json";
import { USD_CENTS_CREDIT_TYPE_ID as USD } from "../../../provider/api/wire";
import { TABLE, reviewOf } from "./helpers";

const jsonOf = (name: string, options = {}) => JSON.parse(renderJson(reviewOf(name, options), TABLE));

describe("--format json", () => {
  it("carries the model with display strings and warnings", () => {
    const doc = jsonOf("replace", { gate: { failOn: ["replace"] } });
    expect(doc.format).toBe(JSON_FORMAT);
    expect(doc.asOf).toBe("2027-06-15T10:30:00Z");
    expect(doc.summary).toEqual({ replace: 2, unchanged: 0 });
    expect(doc.gate.failed).toBe(true);
    const globex = doc.changes[0];
    expect(globex).toMatchObject({
      action: "replace",
      name: "globex-2027",
      commitId: "cmt-globex-2027",
      before: { customerId: "cus-globex-eu", committed: 5_000_000, display: { committed: "$50,000.00", currency: "USD" } },
      after: { customerId: "cus-globex-us", committed: 5_000_000 },
      removal: { policy: "archive", retained: false },
    });
    expect(globex.deltas.map((d: { display: string }) => d.display)).toEqual(["+$50,000.00", "-$50,000.00"]);
    expect(globex.warnings[0]).toMatch(/^Creates a new \$50,000\.00 commit for customer `cus-globex-us` and archives commit `cmt-globex-2027`/);
  });

  it("marks opaque values and incomplete totals", () => {
    const doc = jsonOf("unknowns");
    const initech = doc.changes.find((c: { name: string }) => c.name === "initech-2027");
    expect(initech.after.customerId).toEqual({ opaque: "unknown" });
    const overall = doc.totals.overall[0];
    expect(overall).toMatchObject({ net: 8_500_000, pending: ["unknown"], complete: false, currency: "USD", display: "+$85,000.00" });
  });

  it("names the kind of every change, and keeps a commit's keys", () => {
    const doc = jsonOf("replace");
    expect(doc.changes.map((c: { kind: string }) => c.kind)).toEqual(["commit", "commit"]);
    expect(Object.keys(doc.changes[0].before)).toEqual(["commitId", "customerId", "productId", "type", "name", "creditTypeId", "access", "committed", "invoicing", "onDelete", "display"]);
    expect(Object.keys(doc.changes[0].before.display)).toEqual(["committed", "currency", "access", "invoices"]);
    expect(doc.totals.credited).toEqual({ byCustomer: [], overall: [] });
  });

  it("is the same for the same plan", () => {
    expect(renderJson(reviewOf("mixed"), TABLE)).toBe(renderJson(reviewOf("mixed"), TABLE));
  });
});

describe("--format json of credits", () => {
  const doc = jsonOf("credits");
  const named = (name: string) => doc.changes.find((c: { name: string }) => c.name === name);

  it("names a credit's id and value as a credit's, without type or invoices", () => {
    const goodwill = named("acme-goodwill");
    expect(goodwill).toMatchObject({ kind: "credit", action: "replace", creditId: "crd-goodwill" });
    expect(goodwill).not.toHaveProperty("commitId");
    expect(Object.keys(goodwill.before)).toEqual(["creditId", "customerId", "productId", "name", "creditTypeId", "access", "credited", "onDelete", "display"]);
    expect(goodwill.before.display).toEqual({ credited: "$3,000.00", currency: "USD", access: "2027-01-01 → 2028-01-01" });
    expect(goodwill.after).toMatchObject({ credited: 1_000, display: { credited: "1,000 Cloud credits", currency: "Cloud credits" } });
    expect(goodwill.replaceReasons.map((r: { what: string }) => r.what)).toEqual(["the access credit type", "the Salesforce opportunity id", "the uniqueness key"]);
    expect(goodwill.warnings[0]).toMatch(/^Creates a new 1,000 Cloud credits credit and archives credit `crd-goodwill`/);
  });

  it("keeps the commit of the same plan a commit", () => {
    expect(named("acme-2027")).toMatchObject({ kind: "commit", after: { committed: 12_000_000, type: "PREPAID", display: { invoices: "2027-01-01: $120,000.00" } } });
  });

  it("totals committed value in `totals` and credited value in `totals.credited`", () => {
    expect(doc.totals.byCustomer).toEqual([
      { customerId: "cus-acme", creditTypeId: USD, net: 12_000_000, pending: [], currency: "USD", display: "+$120,000.00", complete: true },
    ]);
    expect(doc.totals.credited.byCustomer.map((r: { currency: string; display: string }) => [r.currency, r.display])).toEqual([
      ["USD", "-$17,000.00"],
      ["Cloud credits", "+1,000 Cloud credits"],
    ]);
    expect(doc.totals.credited.overall.map((r: { net: number }) => r.net)).toEqual([-1_700_000, 1_000]);
  });

  it("counts credit changes in the summary", () => {
    expect(doc.summary).toEqual({ create: 2, adopt: 1, edit: 1, replace: 1, archive: 1, endAccess: 1, unchanged: 0 });
  });
});
