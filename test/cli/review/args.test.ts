import { describe, expect, it } from "vitest";
import { UsageError, parseArgs } from "../../../cli/review/args";

describe("parseArgs", () => {
  it("has defaults", () => {
    expect(parseArgs([])).toEqual({ help: false, format: "markdown", failOn: [] });
  });

  it("reads every option, in both spellings", () => {
    expect(
      parseArgs(["plan.json", "--format", "json", "--fail-on=replace,DELETE", "--fail-on", "end-access", "--max-change", "10,000.50", "--credit-types=ct.json", "--as-of", "2027-03-01T00:00:00Z"]),
    ).toEqual({
      help: false,
      file: "plan.json",
      format: "json",
      failOn: ["replace", "delete", "endAccess"],
      maxChange: 10_000.5,
      creditTypesFile: "ct.json",
      asOf: new Date("2027-03-01T00:00:00Z"),
    });
    expect(parseArgs(["-"]).file).toBe("-");
    expect(parseArgs(["-h"]).help).toBe(true);
  });

  it.each([
    [["--format", "html"], /--format/],
    [["--fail-on", "explode"], /unknown action "explode"/],
    [["--max-change", "ten"], /not an amount/],
    [["--max-change", "-5"], /not an amount/],
    [["--max-change"], /needs a value/],
    [["--as-of", "tomorrow"], /RFC 3339/],
    [["--verbose"], /unknown option --verbose/],
    [["a.json", "b.json"], /only one input file/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
