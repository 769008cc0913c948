// Credits are reviewed like commits, from their own kind: fixtures/credits.json
// is a plan for one customer that creates a commit and creates, adopts,
// edits, replaces, archives and ends a credit.
import { describe, expect, it } from "vitest";
import { warningsOf } from "../../../cli/review/consequences";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { reviewPreview } from "../../../cli/review/review";
import { plainText } from "../../../cli/review/text";
import { CLOUD_CREDITS_CREDIT_TYPE_ID as CLOUD } from "../../../emulator/credit-types";
import { USD_CENTS_CREDIT_TYPE_ID as USD } from "../../../provider/api/wire";
import { AS_OF, TABLE, changeNamed, loadFixture, reviewOf, visible } from "./helpers";

const review = reviewOf("credits");
const warnings = (name: string) => warningsOf(changeNamed(review, name), TABLE).map(plainText);

describe("a plan with a commit and credits for one customer", () => {
  it.each([
    ["acme-2027", "commit", "create", [[USD, 12_000_000]]],
    ["acme-onboarding", "credit", "create", [[USD, 500_000]]],
    ["acme-legacy-adopted", "credit", "adopt", [[USD, 0]]],
    ["acme-promo", "credit", "edit", [[USD, 200_000]]],
    ["acme-goodwill", "credit", "replace", [[CLOUD, 1_000], [USD, -300_000]]],
    ["acme-legacy", "credit", "archive", [[USD, -2_000_000]]],
    ["acme-trial", "credit", "endAccess", [[USD, -100_000]]],
  ])("%s: a %s, %s, changes the value it grants by %j", (name, kind, action, deltas) => {
    const c = changeNamed(review, name);
    expect([c.kind, c.action]).toEqual([kind, action]);
    expect(c.deltas.map((d) => [d.creditTypeId, d.amount])).toEqual(deltas);
    expect(c.deltas.every((d) => d.customerId === "cus-acme")).toBe(true);
  });

  it("totals committed and credited value apart", () => {
    expect(review.totals).toEqual({
      byCustomer: [{ customerId: "cus-acme", creditTypeId: USD, net: 12_000_000, pending: [] }],
      overall: [{ creditTypeId: USD, net: 12_000_000, pending: [] }],
    });
    expect(review.creditTotals).toEqual({
      byCustomer: [
        { customerId: "cus-acme", creditTypeId: USD, net: 500_000 + 200_000 - 300_000 - 2_000_000 - 100_000, pending: [] },
        { customerId: "cus-acme", creditTypeId: CLOUD, net: 1_000, pending: [] },
      ],
      overall: [
        { creditTypeId: USD, net: -1_700_000, pending: [] },
        { creditTypeId: CLOUD, net: 1_000, pending: [] },
      ],
    });
  });

  it("reads a credit without a type or invoices", () => {
    for (const c of review.changes.filter((x) => x.kind === "credit")) {
      for (const side of [c.before, c.after]) {
        if (side === undefined) continue;
        expect(side).not.toHaveProperty("type");
        expect(side).not.toHaveProperty("invoicing");
      }
      expect(c.items.every((i) => i.schedule === "access")).toBe(true);
    }
    expect(changeNamed(review, "acme-2027").after).toMatchObject({ type: "PREPAID", invoicing: { kind: "items" } });
  });

  it("matches a credit's access items by id, and lists its other changed fields", () => {
    const promo = changeNamed(review, "acme-promo");
    expect(promo.fields).toEqual([{ path: "name", before: "Acme promo", after: "Acme spring promo" }]);
    expect(promo.items).toEqual([
      {
        schedule: "access",
        kind: "update",
        id: "acc-promo-1",
        before: { id: "acc-promo-1", amount: 400_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
        after: { id: "acc-promo-1", amount: 600_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
      },
    ]);
  });
});

describe("a credit's replacement", () => {
  const goodwill = changeNamed(review, "acme-goodwill");

  it("is explained in the credit table's words, in its order", () => {
    expect(goodwill.replaceReasons.map((r) => [r.property, r.what, r.before, r.after])).toEqual([
      ["accessSchedule", "the access credit type", USD, CLOUD],
      ["salesforceOpportunityId", "the Salesforce opportunity id", "006-OLD", "006-NEW"],
      ["uniquenessKey", "the uniqueness key", "billing/prod/acme-goodwill#2b3c4d5e6f708192", "billing/prod/acme-goodwill#3c4d5e6f708192a3"],
    ]);
    expect(goodwill.fields).toEqual([]);
  });

  it("names a credit, never a commit", () => {
    const [first, second] = warnings("acme-goodwill");
    expect(first).toMatch(/^Creates a new 1,000 Cloud credits credit and archives credit `crd-goodwill` \(\$3,000\.00, access 2027-01-01 → 2028-01-01\)\. Replaced because the access credit type changes: /);
    expect(second).toBe("If Metronome refuses the archive (finalized invoices still reference the old credit), both credits stay live.");
    expect(warnings("acme-goodwill").join(" ")).not.toMatch(/commit/);
  });
});

describe("removing a credit", () => {
  it.each([
    ["archive", "acme-legacy", "Archives credit `crd-legacy` ($20,000.00, access 2027-01-01 → 2028-01-01)."],
    [
      "endAccess, which Metronome does for any credit",
      "acme-trial",
      "Ends access to credit `crd-trial` ($2,000.00, access 2027-01-01 → 2028-01-01 in 2 items) at the next whole hour (2027-06-15 11:00 UTC if applied at 2027-06-15T10:30:00Z): $1,000.00 of access starting then or later is removed; the credit stays.",
    ],
  ])("%s: says what the credit loses", (_policy, name, text) => {
    expect(warnings(name)[0]).toBe(text);
  });

  it("estimates the end of access without invoices and without a refusal", () => {
    expect(changeNamed(review, "acme-trial").removal?.endAccess).toMatchObject({
      endsAt: "2027-06-15T11:00:00Z",
      lostValue: 100_000,
      droppedAccess: [{ id: "acc-trial-h2" }],
      droppedInvoices: [],
    });
    expect(changeNamed(review, "acme-trial").removal?.endAccess?.refusal).toBeUndefined();
  });

  it("forget (retainOnDelete) leaves the credit live, and its value", () => {
    const digest = loadFixture("credits");
    const step = digest.steps?.find((s) => s.urn.endsWith("::acme-legacy"));
    if (step?.oldState) step.oldState.retainOnDelete = true;
    const c = changeNamed(reviewPreview(digest, { asOf: AS_OF, creditTypes: TABLE }), "acme-legacy");
    expect([c.action, c.deltas[0]?.amount]).toEqual(["forget", 0]);
    expect(warningsOf(c, TABLE).map(plainText)[0]).toBe(
      "Stops managing credit `crd-legacy` ($20,000.00, access 2027-01-01 → 2028-01-01) (`retainOnDelete` is set); it stays live in Metronome.",
    );
  });
});

describe("the Markdown of a plan with credits", () => {
  const md = visible(renderMarkdown(review, TABLE));

  it.each([
    ["the title names both kinds", "## Metronome commit and credit changes\n"],
    ["the commits' table keeps its columns", "| Action | Resource | Customer | Product | Type | Amount | Access | Invoices |"],
    ["credits have their own table, without type and invoices", "| Action | Credit | Customer | Product | Amount | Access |"],
    ["a credit row", "| create | `acme-onboarding`<br>Acme onboarding credit | `cus-acme` | `prod-credit` | $5,000.00 | 2027-01-01 → 2027-04-01 |"],
    ["an adopted credit", "_Note:_ adopts existing credit `crd-legacy`; nothing is created in Metronome."],
    ["an edited credit", "**edit `acme-promo`** (credit `crd-promo`)"],
    ["the committed total", "### Net change in committed value\n\n| Customer | Currency | Net change |\n|---|---|---|\n| `cus-acme` | USD | +$120,000.00 |\n| **All customers** | USD | **+$120,000.00** |\n"],
    [
      "the credited total, apart",
      "### Net change in credited value\n\n| Customer | Currency | Net change |\n|---|---|---|\n| `cus-acme` | USD | -$17,000.00 |\n| `cus-acme` | Cloud credits | +1,000 Cloud credits |",
    ],
    ["what credited value is", "Credited value is the sum of a credit's access-schedule amounts. Credits are never invoiced."],
  ])("%s", (_what, text) => {
    expect(md).toContain(text);
  });

  it("has no invoice line for a credit", () => {
    const credits = md.slice(md.indexOf("| Action | Credit |"));
    expect(credits.slice(0, credits.indexOf("\n\n"))).not.toMatch(/invoice|free commit/i);
    expect(md).not.toMatch(/^- invoice/m);
  });
});
