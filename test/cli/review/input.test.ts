import { describe, expect, it } from "vitest";
import { InputError, parsePreviewText } from "../../../cli/review/input";

const step = { op: "create", urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/metronome:CustomerCommit::c", newState: { inputs: { customerId: "x" } } };

describe("parsePreviewText", () => {
  it("reads the PreviewDigest `pulumi preview --json` prints", () => {
    const digest = parsePreviewText(JSON.stringify({ config: {}, steps: [step], diagnostics: [], changeSummary: { create: 1 } }));
    expect(digest.steps).toHaveLength(1);
    expect(digest.changeSummary).toEqual({ create: 1 });
  });

  it("skips lines a wrapper printed before the JSON", () => {
    const digest = parsePreviewText(`Previewing update (prod)\n${JSON.stringify({ steps: [step] }, null, 2)}`);
    expect(digest.steps?.[0]?.op).toBe("create");
  });

  it("reads a failed preview: diagnostics and no steps", () => {
    const digest = parsePreviewText(JSON.stringify({ diagnostics: [{ message: "boom", severity: "error" }], changeSummary: {} }));
    expect(digest.steps).toEqual([]);
    expect(digest.diagnostics).toEqual([{ message: "boom", severity: "error" }]);
  });

  it("reads streaming engine events (one JSON object per line)", () => {
    const events = [
      { sequence: 0, timestamp: 1, preludeEvent: { config: {} } },
      {
        sequence: 1,
        timestamp: 1,
        resourcePreEvent: {
          metadata: {
            op: "replace",
            urn: step.urn,
            type: "pulumi-nodejs:dynamic/metronome:CustomerCommit",
            old: { type: "t", inputs: { a: 1 }, outputs: { a: 1 } },
            new: { type: "t", inputs: { a: 2 } },
            keys: ["customerId"],
            diffs: ["customerId"],
            detailedDiff: { customerId: { diffKind: "update", inputDiff: true } },
          },
        },
      },
      { sequence: 2, timestamp: 1, diagnosticEvent: { message: "careful", severity: "warning", color: "never" } },
    ];
    const digest = parsePreviewText(events.map((e) => JSON.stringify(e)).join("\n"));
    expect(digest.steps).toEqual([
      {
        op: "replace",
        urn: step.urn,
        oldState: { type: "t", inputs: { a: 1 }, outputs: { a: 1 } },
        newState: { type: "t", inputs: { a: 2 } },
        diffReasons: ["customerId"],
        replaceReasons: ["customerId"],
        detailedDiff: { customerId: { kind: "update", inputDiff: true } },
      },
    ]);
    expect(digest.diagnostics).toEqual([{ message: "careful", severity: "warning" }]);
  });

  it.each([
    ["", /empty/],
    ["not json", /not JSON/],
    ['{"resources": []}', /no `steps`/],
    ['{"steps": [{"op": "create"}]}', /steps\[0\]/],
  ])("refuses %j", (text, message) => {
    expect(() => parsePreviewText(text)).toThrow(InputError);
    expect(() => parsePreviewText(text)).toThrow(message);
  });
});
