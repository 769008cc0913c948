// How a replacement's reasons are worded and ordered: from the kind's
// replace-only table, whatever order the engine printed them in. A commit's
// words are the ones reviewers have always read.
import { describe, expect, it } from "vitest";
import type { PreviewDigest } from "../../../cli/review/preview-types";
import { reviewPreview } from "../../../cli/review/review";
import { changeNamed, loadFixture } from "./helpers";

/** The fixture's replacement of `name`, with the engine naming `reasons` (in that order). */
function reasonsOf(fixture: string, name: string, reasons: string[]) {
  const digest: PreviewDigest = loadFixture(fixture);
  const step = digest.steps?.find((s) => s.op === "replace" && s.urn.endsWith(`::${name}`));
  if (step === undefined) throw new Error(`no replacement of ${name} in ${fixture}`);
  step.replaceReasons = reasons;
  return changeNamed(reviewPreview(digest), name).replaceReasons;
}

const COMMIT_WORDS: Array<[string, string]> = [
  ["customerId", "the customer"],
  ["type", "the commit type"],
  ["accessSchedule", "the access credit type"],
  ["invoiceSchedule", "the invoice schedule's fixed part (credit type, doNotInvoice, recurring schedule, or whether there is one)"],
  ["applicableContractIds", "the applicable contracts of a POSTPAID commit"],
  ["netsuiteSalesOrderId", "the NetSuite sales order id"],
  ["salesforceOpportunityId", "the Salesforce opportunity id"],
  ["uniquenessKey", "the uniqueness key"],
];

const CREDIT_WORDS: Array<[string, string]> = [
  ["customerId", "the customer"],
  ["accessSchedule", "the access credit type"],
  ["netsuiteSalesOrderId", "the NetSuite sales order id"],
  ["salesforceOpportunityId", "the Salesforce opportunity id"],
  ["uniquenessKey", "the uniqueness key"],
];

describe.each([
  ["commit", "replace", "globex-2027", COMMIT_WORDS],
  ["credit", "credits", "acme-goodwill", CREDIT_WORDS],
])("a %s's replace reasons", (_kind, fixture, name, words) => {
  it.each(words)("%s reads as %j", (property, text) => {
    expect(reasonsOf(fixture, name, [property]).map((r) => [r.property, r.what])).toEqual([[property, text]]);
  });

  it("come in the kind's order, whatever the engine's", () => {
    const engineOrder = words.map(([p]) => p).reverse();
    expect(reasonsOf(fixture, name, engineOrder).map((r) => r.property)).toEqual(words.map(([p]) => p));
  });

  it("keep a property the kind does not know, after the known ones, by its name", () => {
    expect(reasonsOf(fixture, name, ["zeta", "uniquenessKey"]).map((r) => [r.property, r.what])).toEqual([
      ["uniquenessKey", "the uniqueness key"],
      ["zeta", "zeta"],
    ]);
  });
});
