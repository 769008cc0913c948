// Plans that are rarer but change what a reviewer must be told: a protected
// commit, an adoption, a commit Metronome already archived, an edit Metronome
// cannot make, and unknown shapes in places the schema says are objects.
import { describe, expect, it } from "vitest";
import { warningsOf } from "../../../cli/review/consequences";
import { plainText } from "../../../cli/review/text";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { reviewPreview } from "../../../cli/review/review";
import type { PreviewDigest, PreviewStep } from "../../../cli/review/preview-types";
import { UNKNOWN } from "../../../provider/core/unknown";
import { AS_OF, TABLE, changeNamed, loadFixture, visible } from "./helpers";

const review = (digest: PreviewDigest) => reviewPreview(digest, { asOf: AS_OF });
const stepOf = (digest: PreviewDigest, name: string): PreviewStep => {
  const step = digest.steps?.find((s) => s.urn.endsWith(`::${name}`));
  if (step === undefined) throw new Error(`no step ${name}`);
  return step;
};

describe("edge cases", () => {
  it("a protected commit: Pulumi will refuse the removal", () => {
    const digest = loadFixture("delete");
    const step = stepOf(digest, "acme-2026");
    step.oldState = { ...step.oldState, protect: true };
    const c = changeNamed(review(digest), "acme-2026");
    expect(c.protect).toBe(true);
    expect(warningsOf(c, TABLE).map(plainText)).toContain("The resource is protected: Pulumi refuses this until `protect` is removed.");
  });

  it("an adoption adds no committed value", () => {
    const digest = loadFixture("create");
    const step = stepOf(digest, "acme-2027");
    step.newState = { ...step.newState, inputs: { ...step.newState?.inputs, existingCommitId: "cmt-existing" } };
    const r = review(digest);
    const c = changeNamed(r, "acme-2027");
    expect(c.action).toBe("adopt");
    expect(c.deltas[0]?.amount).toBe(0);
    const md = renderMarkdown(r, TABLE);
    expect(visible(md)).toContain("adopts existing commit `cmt-existing`; nothing is created in Metronome.");
    expect(visible(md)).toContain("$120,000.00 (existing)");
  });

  it("a commit Metronome already archived: removing it changes nothing", () => {
    const digest = loadFixture("delete");
    const step = stepOf(digest, "acme-2026");
    step.oldState = { ...step.oldState, outputs: { ...step.oldState?.outputs, archivedAt: "2027-02-01T00:00:00Z" } };
    const c = changeNamed(review(digest), "acme-2026");
    expect(c.deltas[0]?.amount).toBe(0);
    expect(c.notes[0]).toMatch(/already archived this commit \(2027-02-01T00:00:00Z\)/);
    expect(warningsOf(c, TABLE).map(plainText)[0]).toBe("Drops commit `cmt-acme-2026`, which Metronome had already archived.");
  });

  it("an edit Metronome cannot make is flagged before `pulumi up` fails", () => {
    const digest = loadFixture("edit");
    const step = stepOf(digest, "acme-2027");
    const { name: _name, ...inputs } = step.newState?.inputs ?? {};
    step.newState = { ...step.newState, inputs };
    const c = changeNamed(review(digest), "acme-2027");
    expect(c.fields).toContainEqual({ path: "name", before: "Acme 2027", after: undefined });
    expect(c.notes.map(plainText)).toContain("`pulumi up` will refuse this edit: `name`: Metronome cannot clear a commit's name; give a new name instead.");
  });

  it("a whole schedule unknown until apply", () => {
    const digest = loadFixture("edit");
    const step = stepOf(digest, "acme-2027");
    step.newState = { ...step.newState, inputs: { ...step.newState?.inputs, accessSchedule: UNKNOWN, invoiceSchedule: "output<string>" } };
    const r = review(digest);
    const c = changeNamed(r, "acme-2027");
    expect(c.fields).toContainEqual({ path: "accessSchedule", before: expect.any(Object), after: { opaque: "unknown" } });
    expect(c.after?.invoicing).toEqual({ kind: "opaque", value: { opaque: "unknown" } });
    expect(r.totals.overall[0]?.pending).toEqual(["unknown"]);
    expect(renderMarkdown(r, TABLE)).not.toContain(UNKNOWN);
  });

  it("an endAccess removal Metronome will refuse changes no money and says why", () => {
    const digest = loadFixture("delete");
    const r = reviewPreview(digest, { asOf: new Date("2026-11-20T12:00:00Z") });
    const c = changeNamed(r, "hooli-2027");
    expect(c.deltas[0]?.amount).toBe(0);
    expect(warningsOf(c, TABLE).map(plainText)).toContain(
      'Metronome will refuse to end access to commit `cmt-hooli-2027`: Metronome cannot end access before it starts (2027-01-01T00:00:00Z); the delete fails and the commit stays live. Set `onDelete: "archive"` or `"forget"` (and `pulumi up`) first.',
    );
  });

  it("resources of other types, and commits only read or refreshed, are left out", () => {
    const r = review({
      steps: [
        { op: "create", urn: "urn:pulumi:prod::billing::aws:s3/bucket:Bucket::logs", newState: { type: "aws:s3/bucket:Bucket", inputs: {} } },
        { op: "refresh", urn: "urn:pulumi:prod::billing::pulumi-nodejs:dynamic/metronome:CustomerCommit::acme" },
      ],
    });
    expect(r.changes).toEqual([]);
    expect(r.other).toEqual([{ op: "refresh", name: "acme" }]);
    expect(visible(renderMarkdown(r, TABLE))).toContain("Not summarized: refresh `acme`.");
  });
});
