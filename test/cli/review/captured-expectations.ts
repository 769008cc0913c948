// What the review must say about each captured scenario: checked on a fresh
// capture (capture-preview-fixtures.test.ts) and on the committed one
// (captured.test.ts).
import { expect } from "vitest";
import type { Review } from "../../../cli/review/model";
import { SECRET_VALUE, UNKNOWN_VALUE } from "../../../cli/review/values";
import { changeNamed } from "./helpers";

/** Changes are sorted by resource name. */
const actions = (r: Review) => r.changes.map((c) => [c.action, c.name]);

export const EXPECTATIONS: Record<string, (review: Review) => void> = {
  create(r) {
    expect(actions(r)).toEqual([["create", "acme-2027"]]);
    expect(changeNamed(r, "acme-2027").after).toMatchObject({ customerId: "customer-1", value: 12_000_000, name: "Acme 2027" });
    expect(r.totals.overall).toEqual([expect.objectContaining({ net: 12_000_000, pending: [] })]);
  },
  edit(r) {
    expect(actions(r)).toEqual([["edit", "acme-2027"]]);
    const c = changeNamed(r, "acme-2027");
    expect(c.fields.map((f) => f.path)).toEqual(["name", "priority"]);
    expect(c.items.map((i) => [i.schedule, i.kind, i.id === undefined ? undefined : "id"])).toEqual([
      ["access", "update", "id"],
      ["access", "add", undefined],
      ["invoice", "update", "id"],
      ["invoice", "add", undefined],
    ]);
    expect(c.deltas.map((d) => d.amount)).toEqual([6_000_000]);
  },
  replace(r) {
    expect(actions(r)).toEqual([
      ["replace", "globex-2027"],
      ["replace", "initech-credits"],
    ]);
    const globex = changeNamed(r, "globex-2027");
    expect(globex.replaceReasons.map((x) => x.property)).toEqual(["customerId", "uniquenessKey"]);
    expect(globex.removal?.policy).toBe("archive");
    expect(globex.deltas.map((d) => d.amount)).toEqual([5_000_000, -5_000_000]);
    const initech = changeNamed(r, "initech-credits");
    expect(initech.replaceReasons.map((x) => x.property)).toEqual(["accessSchedule", "uniquenessKey"]);
    expect(initech.removal?.policy).toBe("forget");
  },
  delete(r) {
    expect(actions(r)).toEqual([
      ["archive", "acme-2027"],
      ["endAccess", "hooli-2027"],
      ["forget", "initech-2027"],
      ["forget", "pied-piper-2027"],
    ]);
    expect(changeNamed(r, "initech-2027").removal?.retained).toBe(true);
    expect(changeNamed(r, "hooli-2027").removal?.endAccess?.lostValue).toBe(5_000_000);
    expect(r.totals.overall).toEqual([expect.objectContaining({ net: -13_000_000, pending: [] })]);
  },
  mixed(r) {
    expect(actions(r)).toEqual([
      ["edit", "acme-2027"],
      ["create", "acme-2028"],
      ["replace", "globex-2027"],
      ["archive", "globex-cloud-credits"],
    ]);
    // `pulumi preview --json` lists unchanged resources only with --show-sames.
    expect(r.unchanged).toBe(0);
    expect(r.totals.byCustomer.map((t) => t.net)).toEqual([12_000_000, 12_000_000, -500_000]);
  },
  unknowns(r) {
    expect(actions(r)).toEqual([
      ["edit", "acme-2027"],
      ["replace", "globex-2027"],
      ["create", "hooli-2027"],
      ["create", "initech-2027"],
    ]);
    expect(changeNamed(r, "initech-2027").after?.customerId).toEqual(UNKNOWN_VALUE);
    expect(changeNamed(r, "acme-2027").after?.value).toEqual(UNKNOWN_VALUE);
    const globex = changeNamed(r, "globex-2027");
    expect(globex.replaceUncertain).toBe(true);
    expect(globex.after?.name).toEqual(SECRET_VALUE);
    expect(r.totals.overall[0]?.pending).toEqual(["unknown"]);
  },
  credits(r) {
    expect(r.changes.map((c) => [c.kind, c.action, c.name])).toEqual([
      ["commit", "create", "acme-2028"],
      ["credit", "replace", "acme-goodwill"],
      ["credit", "archive", "acme-legacy"],
      ["credit", "create", "acme-onboarding"],
      ["credit", "edit", "acme-promo"],
      ["credit", "endAccess", "acme-trial"],
    ]);
    const goodwill = changeNamed(r, "acme-goodwill");
    expect(goodwill.replaceReasons.map((x) => [x.property, x.what])).toEqual([
      ["accessSchedule", "the access credit type"],
      ["salesforceOpportunityId", "the Salesforce opportunity id"],
      ["uniquenessKey", "the uniqueness key"],
    ]);
    expect(goodwill.before?.id).toMatch(/^credit-\d+$/);
    const promo = changeNamed(r, "acme-promo");
    expect(promo.fields.map((f) => f.path)).toEqual(["name"]);
    expect(promo.items.map((i) => [i.schedule, i.kind])).toEqual([["access", "update"]]);
    expect(changeNamed(r, "acme-trial").removal?.endAccess).toMatchObject({ lostValue: 100_000, droppedInvoices: [] });
    expect(r.totals.overall).toEqual([expect.objectContaining({ net: 15_000_000, pending: [] })]);
    expect(r.creditTotals.overall.map((t) => t.net)).toEqual([-1_700_000, 1_000]);
  },
};
