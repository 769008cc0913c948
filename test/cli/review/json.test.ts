import { describe, expect, it } from "vitest";
import { JSON_FORMAT, renderJson } from "../../../cli/review/render-json";
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

  it("is the same for the same plan", () => {
    expect(renderJson(reviewOf("mixed"), TABLE)).toBe(renderJson(reviewOf("mixed"), TABLE));
  });
});
