import { describe, expect, it } from "vitest";
import { kindOfToken } from "../../../cli/review/kinds";
import { parseUrn, selectSteps } from "../../../cli/review/steps";
import type { PreviewStep } from "../../../cli/review/preview-types";

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const CREDIT = "pulumi-nodejs:dynamic/metronome:CustomerCredit";
const urn = (name: string, type = TYPE) => `urn:pulumi:prod::billing::${type}::${name}`;

describe("parseUrn", () => {
  it("reads type and name, also under a parent", () => {
    expect(parseUrn(urn("acme"))).toEqual({ type: TYPE, name: "acme" });
    expect(parseUrn(`urn:pulumi:prod::billing::my:component:Billing$${TYPE}::acme::2027`)).toEqual({ type: TYPE, name: "acme::2027" });
  });
});

describe("selectSteps", () => {
  it("keeps CustomerCommit and CustomerCredit changes, counts unchanged ones and ignores other resources", () => {
    const steps: PreviewStep[] = [
      { op: "same", urn: "urn:pulumi:prod::billing::pulumi:pulumi:Stack::billing-prod" },
      { op: "create", urn: urn("other", "pulumi-nodejs:dynamic/echo:Echo") },
      { op: "same", urn: urn("a") },
      { op: "same", urn: urn("a-credit", CREDIT) },
      { op: "create", urn: urn("b"), newState: { type: TYPE, inputs: { __provider: "code", customerId: "c" } } },
      { op: "delete", urn: urn("d", CREDIT), oldState: { type: CREDIT, id: "crd-1", outputs: { customerId: "c" } } },
      { op: "refresh", urn: urn("c") },
    ];
    const selected = selectSteps({ steps });
    expect(selected.unchanged).toBe(2);
    expect(selected.other).toEqual([{ op: "refresh", name: "c" }]);
    expect(selected.changes[0]).toEqual({
      kind: kindOfToken(TYPE),
      op: "create",
      urn: urn("b"),
      name: "b",
      new: { type: TYPE, inputs: { customerId: "c" } },
      replaceReasons: [],
      diffReasons: [],
    });
    expect(selected.changes[1]).toMatchObject({ op: "delete", name: "d", old: { id: "crd-1" } });
    expect(selected.changes.map((c) => c.kind.kind.noun)).toEqual(["commit", "credit"]);
  });

  it("folds --show-replacement-steps into one replacement", () => {
    const old = { type: TYPE, id: "cmt-1", inputs: { a: 1 }, outputs: { a: 1, __provider: "x" } };
    const next = { type: TYPE, inputs: { a: 2 } };
    const selected = selectSteps({
      steps: [
        { op: "create-replacement", urn: urn("r"), oldState: old, newState: next, replaceReasons: ["customerId"] },
        { op: "replace", urn: urn("r"), oldState: old, newState: next, replaceReasons: ["customerId"], diffReasons: ["customerId"] },
        { op: "delete-replaced", urn: urn("r"), oldState: old },
      ],
    });
    expect(selected.changes).toHaveLength(1);
    expect(selected.changes[0]).toMatchObject({
      op: "replace",
      old: { id: "cmt-1", outputs: { a: 1 } },
      new: { inputs: { a: 2 } },
      replaceReasons: ["customerId"],
      diffReasons: ["customerId"],
    });
  });

  it("makes a replacement from the two halves alone", () => {
    const selected = selectSteps({
      steps: [
        { op: "create-replacement", urn: urn("r"), newState: { type: TYPE, inputs: { a: 2 } }, replaceReasons: ["type"] },
        { op: "delete-replaced", urn: urn("r"), oldState: { type: TYPE, id: "cmt-1", outputs: { a: 1 } } },
      ],
    });
    expect(selected.changes).toEqual([
      expect.objectContaining({ op: "replace", old: expect.objectContaining({ id: "cmt-1" }), new: expect.objectContaining({ inputs: { a: 2 } }), replaceReasons: ["type"] }),
    ]);
  });
});
