// The preview warning on a replacement names the commit's committed value,
// summed exactly (the core's money module), never in floating point.
import { describe, expect, it } from "vitest";
import { replacementWarning } from "../../../provider/runtime/replacement-warning";

const YEAR = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };
const olds = (amounts: unknown[]) => ({
  name: "Acme",
  onDelete: "archive",
  accessSchedule: { scheduleItems: amounts.map((amount) => ({ amount, ...YEAR })) },
});

describe("replacementWarning", () => {
  it.each<[string, unknown[], string]>([
    ["whole cents", [1_000_000, 200_000], "$12,000.00"],
    ["fractions a float sum would blur (10.1 + 20.2 cents)", [10.1, 20.2], "$0.303"],
    ["a value that is not a number", [1_000, "x"], "an unknown amount"],
  ])("%s", (_name, amounts, shown) => {
    expect(replacementWarning("commit", "commit-1", olds(amounts), ["customerId"])).toContain(shown);
  });
});
