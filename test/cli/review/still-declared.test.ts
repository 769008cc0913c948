// A plan that archives (or ends) a commit another resource of the same plan
// still declares gets a warning naming both resources: the scenario of a
// generated declaration deleted while index.ts still declares the commit.

import { describe, expect, it } from "vitest";
import { warningsOf } from "../../../cli/review/consequences";
import { renderJson } from "../../../cli/review/render-json";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { plainText } from "../../../cli/review/text";
import { reviewPreview } from "../../../cli/review/review";
import type { PreviewStep } from "../../../cli/review/preview-types";
import { AS_OF, TABLE, changeNamed, loadFixture, reviewOf, visible } from "./helpers";

const review = reviewOf("still-declared");
const warningAbout = (name: string) => warningsOf(changeNamed(review, name), TABLE).map(plainText).find((w) => w.includes("still declare"));

describe("removing a commit another resource still declares", () => {
  it.each([
    ["a deleted adoption of a commit a kept resource holds", "imported-acme-2027", "`imported-acme-2027` archives commit `cmt-acme-2027`, which `acme-2027` in this plan still declares"],
    ["a removal (endAccess) of a commit a new resource adopts", "globex-2027", "`globex-2027` ends access to commit `cmt-globex-2027`, which `globex-adopted` in this plan still declares"],
    ["a replacement archiving a commit an updated resource holds", "initech-copy", "`initech-copy` archives commit `cmt-initech`, which `initech-main` in this plan still declares"],
  ])("warns on %s, naming both resources", (_name, resource, text) => {
    expect(warningAbout(resource)).toContain(text);
    expect(changeNamed(review, resource).stillDeclaredBy?.length).toBe(1);
  });

  it.each([
    ["an archive no other resource declares", "hooli-2026"],
    ["a forget, which leaves the commit as it is", "acme-forgotten"],
  ])("says nothing of the kind on %s", (_name, resource) => {
    expect(warningAbout(resource)).toBeUndefined();
    expect(changeNamed(review, resource).stillDeclaredBy).toBeUndefined();
  });

  it("shows the warning in the Markdown and the JSON", () => {
    expect(visible(renderMarkdown(review, TABLE))).toContain("**archive `imported-acme-2027`**: Archives commit `cmt-acme-2027`");
    expect(visible(renderMarkdown(review, TABLE))).toContain("which `acme-2027` in this plan still declares");
    const json = JSON.parse(renderJson(review, TABLE)) as { changes: Array<{ name: string; stillDeclaredBy: string[]; warnings: string[] }> };
    const imported = json.changes.find((c) => c.name === "imported-acme-2027");
    expect(imported?.stillDeclaredBy).toEqual(["acme-2027"]);
    expect(imported?.warnings.join(" ")).toContain("still declares");
  });
});

describe("removing a credit another resource still declares", () => {
  const credits = reviewOf("credits");

  it("warns on an archive of a credit a new resource adopts (existingCreditId)", () => {
    const legacy = changeNamed(credits, "acme-legacy");
    expect(legacy.stillDeclaredBy).toEqual(["acme-legacy-adopted"]);
    expect(warningsOf(legacy, TABLE).map(plainText)[1]).toBe(
      "`acme-legacy` archives credit `crd-legacy`, which `acme-legacy-adopted` in this plan still declares: after `pulumi up` that resource points at a credit that is no longer live. " +
        'Keep one declaration of each credit: give the one you remove `onDelete: "forget"` (and `pulumi up`) first, or drop it with `pulumi state delete`.',
    );
  });

  const CREDIT = "pulumi-nodejs:dynamic/metronome:CustomerCredit";
  const COMMIT = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
  /** Who still declares `crd-trial` once `step` is added to the credits plan. */
  const withStep = (step: PreviewStep) => {
    const digest = loadFixture("credits");
    digest.steps = [...(digest.steps ?? []), step];
    return changeNamed(reviewPreview(digest, { asOf: AS_OF }), "acme-trial").stillDeclaredBy;
  };
  const urn = (type: string, name: string) => `urn:pulumi:prod::billing::${type}::${name}`;

  it.each([
    ["a kept credit with its id", { op: "same", urn: urn(CREDIT, "trial-copy"), newState: { type: CREDIT, id: "crd-trial" } }, ["trial-copy"]],
    ["a credit adopting it", { op: "create", urn: urn(CREDIT, "trial-adopted"), newState: { type: CREDIT, inputs: { existingCreditId: "crd-trial" } } }, ["trial-adopted"]],
    ["a commit with the same id (another kind's id space)", { op: "same", urn: urn(COMMIT, "odd"), newState: { type: COMMIT, id: "crd-trial" } }, undefined],
    ["a credit naming it by the commits' input", { op: "create", urn: urn(CREDIT, "odd"), newState: { type: CREDIT, inputs: { existingCommitId: "crd-trial" } } }, undefined],
  ])("ending access to a credit: %s", (_what, step, expected) => {
    expect(withStep(step as PreviewStep)).toEqual(expected);
  });
});
