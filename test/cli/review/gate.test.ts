import { describe, expect, it } from "vitest";
import { reviewPreview } from "../../../cli/review/review";
import { AS_OF, loadFixture, gatedReviewOf, plainGate } from "./helpers";

describe("--fail-on", () => {
  it("fails on a replacement", () => {
    const gate = gatedReviewOf("replace", { gate: { failOn: ["replace"] } }).gate;
    expect(gate).toEqual({
      failed: true,
      reasons: ["the plan replaces commit `globex-2027` (--fail-on replace)", "the plan replaces commit `initech-credits` (--fail-on replace)"],
    });
  });

  it("`delete` covers archive, endAccess and forget", () => {
    const gate = gatedReviewOf("delete", { gate: { failOn: ["delete"] } }).gate;
    expect(gate?.reasons).toEqual([
      "the plan archives commit `acme-2026` (--fail-on delete)",
      "the plan ends access to commit `hooli-2027` (--fail-on delete)",
      "the plan stops managing commit `pied-piper-2027` (--fail-on delete)",
      "the plan stops managing commit `umbrella-2027` (--fail-on delete)",
    ]);
  });

  it("passes a plan without those actions", () => {
    expect(gatedReviewOf("edit", { gate: { failOn: ["replace", "delete"] } }).gate).toEqual({ failed: false, reasons: [] });
  });

  it("counts a replacement that may not happen", () => {
    expect(gatedReviewOf("unknowns", { gate: { failOn: ["replace"] } }).gate?.reasons).toEqual(["the plan may replace commit `globex-2027` (--fail-on replace)"]);
  });

  it("can single out one removal policy", () => {
    expect(gatedReviewOf("delete", { gate: { failOn: ["endAccess"] } }).gate?.reasons).toEqual([
      "the plan ends access to commit `hooli-2027` (--fail-on endAccess)",
    ]);
  });
});

describe("--max-change", () => {
  it("fails when a customer's net change exceeds the limit in currency units", () => {
    // edit: +$60,000.00
    expect(gatedReviewOf("edit", { gate: { failOn: [], maxChange: 59_999.99 } }).gate?.reasons).toEqual([
      "customer `cus-acme`: net change +$60,000.00 exceeds --max-change $59,999.99",
    ]);
    expect(gatedReviewOf("edit", { gate: { failOn: [], maxChange: 60_000 } }).gate?.failed).toBe(false);
  });

  it("checks every currency in its own units, and all customers together", () => {
    const reasons = gatedReviewOf("mixed", { gate: { failOn: [], maxChange: 100_000 } }).gate?.reasons;
    expect(reasons).toEqual([
      "customer `cus-acme`: net change +$120,000.00 exceeds --max-change $100,000.00",
      "customer `cus-globex`: net change +€120,000.00 exceeds --max-change €100,000.00",
      "customer `cus-globex`: net change -500,000 Cloud credits exceeds --max-change 100,000 Cloud credits",
    ]);
  });

  it("fails on moves that net out overall but not per customer", () => {
    const reasons = gatedReviewOf("replace", { gate: { failOn: [], maxChange: 10_000 } }).gate?.reasons ?? [];
    expect(reasons).toContain("customer `cus-globex-eu`: net change -$50,000.00 exceeds --max-change $10,000.00");
    expect(reasons).toContain("customer `cus-globex-us`: net change +$50,000.00 exceeds --max-change $10,000.00");
  });

  it("fails when a total includes amounts the preview cannot show", () => {
    const reasons = gatedReviewOf("unknowns", { gate: { failOn: [], maxChange: 1_000_000 } }).gate?.reasons;
    expect(reasons).toEqual([
      "customer `cus-acme`: the net change in USD includes an amount unknown until apply, so it cannot be checked against --max-change $1,000,000.00",
      "all customers: the net change in USD includes an amount unknown until apply, so it cannot be checked against --max-change $1,000,000.00",
    ]);
    expect(gatedReviewOf("secrets", { gate: { failOn: [], maxChange: 1_000_000 } }).gate?.reasons[0]).toMatch(/includes a secret amount/);
  });
});

describe("credits", () => {
  it("--fail-on counts credit removals and replacements as it counts commit ones", () => {
    expect(gatedReviewOf("credits", { gate: { failOn: ["replace", "delete", "adopt"] } }).gate?.reasons).toEqual([
      "the plan replaces credit `acme-goodwill` (--fail-on replace)",
      "the plan archives credit `acme-legacy` (--fail-on delete)",
      "the plan adopts a credit as credit `acme-legacy-adopted` (--fail-on adopt)",
      "the plan ends access to credit `acme-trial` (--fail-on delete)",
    ]);
  });

  const committed = (limit: string) => `customer \`cus-acme\`: net change +$120,000.00 exceeds --max-change ${limit}`;
  const credited = (amount: string, limit: string) => `customer \`cus-acme\`: net change in credited value ${amount} exceeds --max-change ${limit}`;
  // committed: +$120,000.00; credited: -$17,000.00 and +1,000 Cloud credits
  it.each([
    [10_000, [committed("$10,000.00"), credited("-$17,000.00", "$10,000.00")]],
    [16_999.99, [committed("$16,999.99"), credited("-$17,000.00", "$16,999.99")]],
    [17_000, [committed("$17,000.00")]],
    [999, [committed("$999.00"), credited("-$17,000.00", "$999.00"), credited("+1,000 Cloud credits", "999 Cloud credits")]],
    [120_000, []],
  ])("--max-change %d checks committed and credited value each on its own", (limit, reasons) => {
    expect(gatedReviewOf("credits", { gate: { failOn: [], maxChange: limit } }).gate?.reasons).toEqual(reasons);
  });

  it("a credited total the preview cannot show fails, naming the credited value", () => {
    const digest = loadFixture("credits");
    const step = digest.steps?.find((s) => s.urn.endsWith("::acme-onboarding"));
    const schedule = step?.newState?.inputs?.accessSchedule as { scheduleItems: Array<{ amount: unknown }> };
    (schedule.scheduleItems[0] as { amount: unknown }).amount = "[secret]";
    const reasons = plainGate(reviewPreview(digest, { asOf: AS_OF, gate: { failOn: [], maxChange: 1_000_000 } })).gate?.reasons;
    expect(reasons).toEqual([
      "customer `cus-acme`: the net change in credited value in USD includes a secret amount, so it cannot be checked against --max-change $1,000,000.00",
    ]);
  });
});

describe("an errored preview", () => {
  it("fails the gate: the plan is incomplete", () => {
    const digest = loadFixture("create");
    digest.diagnostics = [{ message: "check failed: accessSchedule.scheduleItems[0].amount must be positive\n", severity: "error" }];
    const review = plainGate(reviewPreview(digest, { asOf: AS_OF, gate: { failOn: ["replace"] } }));
    expect(review.errors).toEqual(["check failed: accessSchedule.scheduleItems[0].amount must be positive"]);
    expect(review.gate).toEqual({ failed: true, reasons: ["the preview reported 1 error, so the plan is incomplete"] });
  });
});
