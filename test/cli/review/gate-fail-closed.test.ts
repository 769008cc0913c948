// The gate fails closed: a net change it cannot compute exactly (a number
// past what an amount can be, a sum or product that overflows, a limit that
// cannot be compared) fails --max-change with a message, and the command
// exits non-zero. Plans are built from the create fixture with its amounts
// changed, as a hand-edited or hostile plan file would carry them.

import { describe, expect, it } from "vitest";
import type { PreviewDigest } from "../../../cli/review/preview-types";
import { reviewPreview } from "../../../cli/review/review";
import { AS_OF, AS_OF_ARG, loadFixture, runReview } from "./helpers";

type Obj = Record<string, any>;

/** The create fixture with the new commit's schedules changed by `change`. */
function planWith(change: (inputs: Obj) => void): PreviewDigest {
  const digest = loadFixture("create");
  const step = (digest.steps ?? []).find((s) => s.op === "create") as Obj;
  change(step.newState.inputs);
  return digest;
}

/** A plan file's text, with numbers JSON can write but a double cannot hold (1e400 parses as Infinity). */
const planText = (digest: PreviewDigest, raw: Record<string, string>): string =>
  Object.entries(raw).reduce((text, [marker, literal]) => text.replace(`"${marker}"`, literal), JSON.stringify(digest));

const CASES: Array<[string, PreviewDigest, Record<string, string>]> = [
  ["an access amount of 1e400 (Infinity once parsed)", planWith((i) => (i.accessSchedule.scheduleItems[0].amount = "HUGE")), { HUGE: "1e400" }],
  [
    "two access amounts of 1e308 (their sum overflows)",
    planWith((i) => {
      i.accessSchedule.scheduleItems = [
        { amount: 1e308, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
        { amount: 1e308, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
      ];
    }),
    {},
  ],
  ["an access amount of 10^16 cents", planWith((i) => (i.accessSchedule.scheduleItems[0].amount = 1e16)), {}],
  [
    "two access amounts whose sum no double holds (a tenth at 2^52)",
    planWith((i) => {
      i.accessSchedule.scheduleItems = [
        { amount: 2 ** 52, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
        { amount: 0.1, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
      ];
    }),
    {},
  ],
];

describe("--max-change fails closed", () => {
  it.each(CASES)("on %s", (_name, digest, raw) => {
    const parsed = JSON.parse(planText(digest, raw)) as PreviewDigest;
    const gate = reviewPreview(parsed, { asOf: AS_OF, gate: { failOn: [], maxChange: 1 } }).gate;
    expect(gate?.failed).toBe(true);
    expect(gate?.reasons.join("\n")).toMatch(/cannot be computed exactly, so it cannot be checked against --max-change/);
  });

  it.each(CASES)("and the command exits 3 on %s", async (_name, digest, raw) => {
    const r = await runReview(["-", "--max-change", "1", AS_OF_ARG], planText(digest, raw));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/review gate: approval required: .*cannot be computed exactly/);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it("still passes an exact net change within the limit", () => {
    const digest = planWith((i) => (i.accessSchedule.scheduleItems[0].amount = 10));
    expect(reviewPreview(digest, { asOf: AS_OF, gate: { failOn: [], maxChange: 1 } }).gate).toEqual({ failed: false, reasons: [] });
  });

  it("compares exactly at the limit: 0.1 + 0.2 of a cent against $0.003", () => {
    const digest = planWith((i) => {
      i.accessSchedule.scheduleItems = [
        { amount: 0.1, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
        { amount: 0.2, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
      ];
    });
    expect(reviewPreview(digest, { asOf: AS_OF, gate: { failOn: [], maxChange: 0.003 } }).gate?.failed).toBe(false);
    expect(reviewPreview(digest, { asOf: AS_OF, gate: { failOn: [], maxChange: 0.002 } }).gate?.failed).toBe(true);
  });
});

describe("--max-change limits that cannot be compared exactly are usage errors", () => {
  it.each([
    ["a limit of 400 digits", `1${"0".repeat(400)}`],
    ["a limit with 20 significant digits", "1234567890.1234567890"],
    ["a limit past 2^53", "9007199254740993"],
  ])("%s", async (_name, limit) => {
    const r = await runReview(["-", "--max-change", limit], JSON.stringify(loadFixture("create")));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-change: .* cannot be compared exactly/);
  });
});
