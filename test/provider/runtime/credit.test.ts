// CustomerCredit through the runtime, against the emulator over loopback:
// created once under its uniqueness key (a lost answer is settled by finding
// the credit that carries the key), read back field by field, edited in place
// through the credit endpoints, removed per `onDelete`, adopted by
// `existingCreditId`, and refused before any request when its inputs are
// invalid. A listed credit carries no archive mark, so "archived" is checked
// throughout as "listed only with include_archived".

import { describe, expect, it } from "vitest";
import { validateInputs } from "../../../provider/core/check";
import { CreditValidationError } from "../../../provider/core/validation-error";
import { differences } from "../../../provider/core/differences";
import { customerCreditKind } from "../../../provider/core/kinds/credit";
import { nextWholeHour } from "../../../provider/runtime/delete";
import { AdoptionError, DeleteRefusedError, UnsupportedChangeError } from "../../../provider/runtime/errors";
import type { Fault } from "../client/support/emulator-control";
import {
  CREDIT_PATHS,
  checkedCredit,
  createdCredit,
  creditArgs,
  creditProvider,
  creditWritesIn,
  creditsWithKey,
  declaredCreditPart,
  listedAs,
  metronomeCredit,
  runningCreditArgs,
  canonicalCredit,
} from "./credit-harness";
import {
  EUR,
  UNKNOWN_ID,
  created,
  expectJsonSafe,
  freeArgs,
  newKey,
  newWorld,
  rejection,
  summarize,
  useRuntime,
  type Raw,
  type World,
} from "./harness";

const h = useRuntime();

const CREATE = `${CREDIT_PATHS.create} 200`;
const LIST = `${CREDIT_PATHS.list} 200`;
const EDIT = `${CREDIT_PATHS.edit} 200`;
const SET = `${CREDIT_PATHS.setFields} 200`;
const DEL = `${CREDIT_PATHS.deleteFields} 200`;

/** Credit custom-field keys, registered for the credit entity only: a write under the commit entity would be refused. */
async function registerCreditFields(): Promise<void> {
  for (const key of ["campaign", "channel"]) await h.api.customFields.addKey({ entity: "contract_credit", key, enforce_uniqueness: false });
}

/** Exactly one credit carries `key`, it is `id`, it is live, and `outs` are what Metronome holds now. */
async function expectOneCredit(w: World, key: string, id: string, outs: Raw): Promise<void> {
  expect((await creditsWithKey(h.api, w.customerId, key)).map((c) => c.id)).toEqual([id]);
  expect(await listedAs(h.api, w.customerId, id)).toBe("live");
  expectJsonSafe(outs);
  const now = await creditProvider.read(id, outs);
  expect(now.props).toEqual(outs);
}

describe("credit create", () => {
  const shapes: Array<{ shape: string; args: (w: World) => Raw; expectInMetronome: (c: any, w: World) => void }> = [
    {
      shape: "plain onboarding",
      args: (w) => creditArgs(w),
      expectInMetronome: (c) => {
        expect(c.type).toBe("CREDIT");
        expect(c.access_schedule.schedule_items.map((i: any) => i.amount)).toEqual([50_000]);
      },
    },
    {
      shape: "EUR, two periods, limits, ids and custom fields",
      args: (w) =>
        creditArgs(w, {
          accessSchedule: {
            creditTypeId: EUR,
            scheduleItems: [
              { amount: 30_000, startingAt: "2027-04-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
              { amount: 20_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" },
            ],
          },
          applicableContractIds: [w.contractId],
          applicableProductTags: ["api"],
          rateType: "commit_rate",
          description: "SLA breach, ticket 4411",
          customFields: { campaign: "launch" },
          netsuiteSalesOrderId: "SO-77",
          salesforceOpportunityId: "006Dn00000B2",
        }),
      expectInMetronome: (c, w) => {
        expect(c.access_schedule.credit_type.id).toBe(EUR);
        expect(c.access_schedule.schedule_items.map((i: any) => i.amount)).toEqual([20_000, 30_000]);
        expect(c).toMatchObject({
          applicable_contract_ids: [w.contractId],
          applicable_product_tags: ["api"],
          rate_type: "COMMIT_RATE",
          description: "SLA breach, ticket 4411",
          custom_fields: { campaign: "launch" },
          netsuite_sales_order_id: "SO-77",
          salesforce_opportunity_id: "006Dn00000B2",
        });
      },
    },
    {
      shape: "specifiers",
      args: (w) => creditArgs(w, { specifiers: [{ productTags: ["api"] }, { productId: w.usageProductId }] }),
      expectInMetronome: (c, w) =>
        expect(c.specifiers).toEqual(expect.arrayContaining([{ product_tags: ["api"] }, { product_id: w.usageProductId }])),
    },
  ];

  it.each(shapes)("creates a $shape credit once under its key, with outputs holding every input", async ({ args, expectInMetronome }) => {
    await registerCreditFields();
    const w = await newWorld(h.api);
    await h.emu.clearLog();
    const { inputs, id, outs } = await createdCredit(args(w));
    expect(summarize(await h.emu.calls())).toEqual([CREATE, LIST]);

    const holders = await creditsWithKey(h.api, w.customerId, inputs.uniquenessKey as string);
    expect(holders.map((c) => c.id)).toEqual([id]);
    const credit = await metronomeCredit(h.api, w.customerId, id);
    expectInMetronome(credit, w);

    expectJsonSafe(outs);
    expect(declaredCreditPart(outs)).toEqual(canonicalCredit(inputs));
    expect(outs.revision).toBe(0);
    // Metronome's Credit has neither, so the outputs never invent them.
    expect(outs).not.toHaveProperty("createdAt");
    expect(outs).not.toHaveProperty("archivedAt");
    const items = (outs.accessSchedule as { scheduleItems: Array<{ id: string }> }).scheduleItems;
    expect(items.map((i) => i.id)).toEqual(credit.access_schedule.schedule_items.map((i) => i.id));
  });

  const lostAnswers: Array<{ name: string; fault: Fault; creates: number[] }> = [
    { name: "the connection dropped after the credit was made", fault: { path: CREDIT_PATHS.create, kind: "drop-after-apply" }, creates: [0] },
    { name: "504 after the credit was made", fault: { path: CREDIT_PATHS.create, kind: "status-after-apply", status: 504 }, creates: [504] },
    { name: "500 before anything was applied", fault: { path: CREDIT_PATHS.create, kind: "status", status: 500 }, creates: [500, 200] },
  ];

  it.each(lostAnswers)("makes exactly one credit when $name", async ({ fault, creates }) => {
    const w = await newWorld(h.api);
    const inputs = await checkedCredit(creditArgs(w));
    await h.emu.arm(fault);
    await h.emu.clearLog();
    const result = await creditProvider.create({ __provider: "shim", ...inputs });
    expect((await h.emu.calls(CREDIT_PATHS.create)).map((c) => c.status)).toEqual(creates);
    await expectOneCredit(w, inputs.uniquenessKey as string, result.id, result.outs as Raw);
  });

  it("adopts the credit a lost create made when the re-run meets its key (409), and brings it to the declaration", async () => {
    const w = await newWorld(h.api);
    const args = creditArgs(w);
    const first = await createdCredit(args); // went through; Pulumi never heard back
    const next: any = structuredClone(args);
    next.accessSchedule.scheduleItems[0].amount = 60_000; // edited since, in place
    const inputs = await checkedCredit(next);
    await h.emu.clearLog();

    const rerun = await creditProvider.create({ __provider: "shim", ...inputs });

    expect(rerun.id).toBe(first.id);
    expect(creditWritesIn(await h.emu.calls())).toEqual([`${CREDIT_PATHS.create} 409`, EDIT]);
    await expectOneCredit(w, inputs.uniquenessKey as string, rerun.id, rerun.outs as Raw);
    expect((await metronomeCredit(h.api, w.customerId, rerun.id)).access_schedule.schedule_items[0]!.amount).toBe(60_000);
  });

  it("refuses a key an archived credit holds with an AdoptionError saying what to do, and creates nothing", async () => {
    const w = await newWorld(h.api);
    const args = creditArgs(w);
    const first = await createdCredit(args);
    await h.api.credits.archive({ customer_id: w.customerId, credit_id: first.id });
    await h.emu.clearLog();

    const error = await rejection(creditProvider.create({ __provider: "shim", ...(await checkedCredit(args)) }));

    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Credit ${first.id} of customer ${w.customerId} already carries uniqueness key "${String(args.uniquenessKey)}" but is archived`);
    expect(error.message).toContain("`existingCreditId`");
    expect(creditWritesIn(await h.emu.calls())).toEqual([`${CREDIT_PATHS.create} 409`]);
    expect((await creditsWithKey(h.api, w.customerId, args.uniquenessKey as string)).map((c) => c.id)).toEqual([first.id]);
    expect(await listedAs(h.api, w.customerId, first.id)).toBe("archived");
  });

  it("explains the 409 when a commit of the same customer holds the key (one key space), and creates nothing", async () => {
    const w = await newWorld(h.api);
    const key = newKey("shared");
    const commit = await created(freeArgs(w, { uniquenessKey: key }));
    await h.emu.clearLog();

    const error = await rejection(creditProvider.create({ __provider: "shim", ...(await checkedCredit(creditArgs(w, { uniquenessKey: key }))) }));

    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`uniqueness key "${key}" is already used, but no credit of customer ${w.customerId} carries it`);
    expect(error.message).toContain("a commit of this customer (commits and credits share one key space)");
    expect(creditWritesIn(await h.emu.calls())).toEqual([`${CREDIT_PATHS.create} 409`]);
    expect(await h.api.credits.listAll({ customer_id: w.customerId, include_archived: true })).toEqual([]);
    const commits = await h.api.commits.listAll({ customer_id: w.customerId, include_archived: true });
    expect(commits.map((c) => [c.id, c.archived_at])).toEqual([[commit.id, undefined]]);
  });
});

describe("credit read", () => {
  it("reads an untouched credit back as the state holds it, leaving the stored inputs as they are, with one list call", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await createdCredit(creditArgs(w));
    await h.emu.clearLog();
    const result = await creditProvider.read(id, { __provider: "shim", ...outs });
    expect(result).toEqual({ id, props: outs });
    expect(summarize(await h.emu.calls())).toEqual([LIST]);
  });

  it("shows a change made in Metronome field by field", async () => {
    await registerCreditFields();
    const w = await newWorld(h.api);
    const { inputs, id, outs } = await createdCredit(creditArgs(w));
    const item = (await metronomeCredit(h.api, w.customerId, id)).access_schedule.schedule_items[0]!;
    // Someone edits the credit in Metronome's dashboard.
    await h.api.credits.edit({
      customer_id: w.customerId,
      credit_id: id,
      name: "Renamed in the dashboard",
      priority: 5,
      access_schedule: { update_schedule_items: [{ id: item.id, amount: 65_000 }] },
    });
    await h.api.customFields.setValues({ entity: "contract_credit", entity_id: id, custom_fields: { campaign: "dashboard" } });

    const result = await creditProvider.read(id, outs);
    expect(result.id).toBe(id);
    expectJsonSafe(result);
    expect(differences(inputs, result.inputs as Raw)).toEqual([
      { path: "accessSchedule.scheduleItems[0].amount", declared: 50_000, actual: 65_000 },
      { path: "customFields", declared: undefined, actual: { campaign: "dashboard" } },
      { path: "name", declared: "Onboarding credit", actual: "Renamed in the dashboard" },
      { path: "priority", declared: 50, actual: 5 },
    ]);
    // The provider-level fields survive a refresh; the inputs leave out the defaults, as check does.
    expect(result.inputs).toMatchObject({ uniquenessKey: inputs.uniquenessKey, customerId: w.customerId });
    expect(result.inputs).not.toHaveProperty("onDelete");
    expect(result.props).toMatchObject({ onDelete: "archive" });
  });

  it.each([
    ["archived in Metronome", async (w: World, id: string) => void (await h.api.credits.archive({ customer_id: w.customerId, credit_id: id })), (id: string) => id],
    ["unknown to Metronome", async () => undefined, () => UNKNOWN_ID],
  ])("drops a credit %s ({} = gone)", async (_name, change, which) => {
    const w = await newWorld(h.api);
    const { id, outs } = await createdCredit(creditArgs(w));
    await change(w, id);
    expect(await creditProvider.read(which(id), outs)).toEqual({});
  });
});

describe("credit update", () => {
  interface Change {
    change: string;
    base?: (w: World) => Raw;
    edit: (args: any, w: World) => void;
    writes: string[];
    expectInMetronome: (credit: any, w: World, before: any) => void;
  }

  const changes: Change[] = [
    { change: "priority", edit: (a) => (a.priority = 10), writes: [EDIT], expectInMetronome: (c) => expect(c.priority).toBe(10) },
    { change: "name", edit: (a) => (a.name = "Welcome credit"), writes: [EDIT], expectInMetronome: (c) => expect(c.name).toBe("Welcome credit") },
    {
      change: "the access item's amount, by its id",
      edit: (a) => (a.accessSchedule.scheduleItems[0].amount = 75_000),
      writes: [EDIT],
      expectInMetronome: (c, _w, before) =>
        expect(c.access_schedule.schedule_items.map((i: any) => [i.id, i.amount])).toEqual([[before.access_schedule.schedule_items[0].id, 75_000]]),
    },
    {
      change: "applicableContractIds set",
      edit: (a, w) => (a.applicableContractIds = [w.contractId]),
      writes: [EDIT],
      expectInMetronome: (c, w) => expect(c.applicable_contract_ids).toEqual([w.contractId]),
    },
    {
      change: "applicableContractIds cleared",
      base: (w) => creditArgs(w, { applicableContractIds: [w.contractId] }),
      edit: (a) => delete a.applicableContractIds,
      writes: [EDIT],
      expectInMetronome: (c) => expect(c.applicable_contract_ids).toBeUndefined(),
    },
    {
      change: "custom fields added",
      edit: (a) => (a.customFields = { campaign: "spring", channel: "partner" }),
      writes: [SET],
      expectInMetronome: (c) => expect(c.custom_fields).toEqual({ campaign: "spring", channel: "partner" }),
    },
    {
      change: "custom fields changed and removed",
      base: (w) => creditArgs(w, { customFields: { campaign: "spring", channel: "partner" } }),
      edit: (a) => (a.customFields = { campaign: "fall" }),
      writes: [SET, DEL],
      expectInMetronome: (c) => expect(c.custom_fields).toEqual({ campaign: "fall" }),
    },
    {
      change: "onDelete only (nothing to send)",
      edit: (a) => (a.onDelete = "forget"),
      writes: [],
      expectInMetronome: (c, _w, before) => expect(c).toEqual(before),
    },
  ];

  it.each(changes)("applies $change in place with only the calls it needs", async ({ base, edit, writes, expectInMetronome }) => {
    await registerCreditFields();
    const w = await newWorld(h.api);
    const args = (base ?? creditArgs)(w);
    const { id, outs } = await createdCredit(args);
    const before = await metronomeCredit(h.api, w.customerId, id);
    const next: any = structuredClone(args);
    edit(next, w);
    const news = await checkedCredit(next, outs);
    await h.emu.clearLog();

    const result = await creditProvider.update(id, { __provider: "shim", ...outs }, { __provider: "shim", ...news });

    // The live read the change is planned against, the writes, the read-back (none when nothing was sent).
    expect(summarize(await h.emu.calls())).toEqual([LIST, ...writes, ...(writes.length > 0 ? [LIST] : [])]);
    const after = result.outs as Raw;
    expectJsonSafe(after);
    expect(declaredCreditPart(after)).toEqual(canonicalCredit(news));
    expect(after.revision).toBe(writes.length > 0 ? 1 : 0);
    expectInMetronome(await metronomeCredit(h.api, w.customerId, id), w, before);
    // A refresh right after finds nothing to change: the next preview is empty.
    expect(await creditProvider.read(id, after)).toEqual({ id, props: after });
  });

  it("refuses to clear the name, naming the credit, before sending anything", async () => {
    const w = await newWorld(h.api);
    const args = creditArgs(w);
    const { id, outs } = await createdCredit(args);
    const { name: _dropped, ...withoutName } = args;
    const news = await checkedCredit(withoutName, outs);
    await h.emu.clearLog();
    const error = await rejection(creditProvider.update(id, outs, news));
    expect(error).toBeInstanceOf(UnsupportedChangeError);
    expect(error.message).toContain(`Credit ${id} cannot be changed in place as declared`);
    expect(error.message).toMatch(/name: Metronome cannot clear a credit's name/);
    expect(error.message).toContain("to replace the credit");
    expect(creditWritesIn(await h.emu.calls())).toEqual([]);
    expect((await metronomeCredit(h.api, w.customerId, id)).name).toBe("Onboarding credit");
  });
});

describe("credit delete", () => {
  it("archives by default, with one call: listed only with include_archived afterwards", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await createdCredit(creditArgs(w));
    await h.emu.clearLog();
    await creditProvider.delete(id, { __provider: "shim", ...outs });
    expect(summarize(await h.emu.calls())).toEqual([`${CREDIT_PATHS.archive} 200`]);
    expect(await listedAs(h.api, w.customerId, id)).toBe("archived");
  });

  it('ends access at the next whole hour with onDelete "endAccess", keeping the credit', async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await createdCredit(runningCreditArgs(w, { onDelete: "endAccess" }));
    await h.emu.clearLog();
    const earliest = nextWholeHour(new Date());
    await creditProvider.delete(id, outs);
    const latest = nextWholeHour(new Date());
    // The end is checked in a read-back: Metronome may ignore it and still answer 200.
    expect(summarize(await h.emu.calls())).toEqual([LIST, `${CREDIT_PATHS.endDate} 200`, LIST]);

    const credit = await metronomeCredit(h.api, w.customerId, id);
    const ends = credit.access_schedule.schedule_items.map((i) => Date.parse(i.ending_before));
    expect(ends).toHaveLength(1);
    expect([Date.parse(earliest), Date.parse(latest)]).toContain(ends[0]);

    // Deleting again (Pulumi retrying) finds nothing left to end and sends nothing.
    await h.emu.clearLog();
    await creditProvider.delete(id, outs);
    expect(summarize(await h.emu.calls())).toEqual([LIST]);
  });

  it('refuses to "end access" that has not started, naming the credit and the alternatives', async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await createdCredit(creditArgs(w, { onDelete: "endAccess" })); // starts in 2027
    const error = await rejection(creditProvider.delete(id, outs));
    expect(error).toBeInstanceOf(DeleteRefusedError);
    expect(error.message).toContain(`Metronome refused to end access to credit ${id} of customer ${w.customerId}`);
    expect(error.message).toContain('onDelete: "archive"');
    expect((await metronomeCredit(h.api, w.customerId, id)).access_schedule.schedule_items[0]!.ending_before).toBe("2027-04-01T00:00:00.000Z");
  });

  it('leaves the credit untouched with onDelete "forget", without a single request', async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await createdCredit(creditArgs(w, { onDelete: "forget" }));
    const before = await metronomeCredit(h.api, w.customerId, id);
    await h.emu.clearLog();
    await creditProvider.delete(id, outs);
    expect(await h.emu.calls()).toEqual([]);
    expect(await metronomeCredit(h.api, w.customerId, id)).toEqual(before);
  });

  it("treats a credit already archived in Metronome as deleted", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await createdCredit(creditArgs(w));
    await h.api.credits.archive({ customer_id: w.customerId, credit_id: id });
    await creditProvider.delete(id, outs);
    expect(await listedAs(h.api, w.customerId, id)).toBe("archived");
  });
});

describe("credit adoption with existingCreditId", () => {
  /** A credit made outside Pulumi, and its declaration (keeping the key Metronome holds). */
  async function existingCredit() {
    const w = await newWorld(h.api);
    const key = newKey("dashboard");
    const made = await createdCredit(creditArgs(w, { uniquenessKey: key }));
    return { w, id: made.id, declaration: creditArgs(w, { existingCreditId: made.id, uniquenessKey: key }) };
  }

  it("adopts a matching credit with zero writes; a refresh then sees exactly the declaration", async () => {
    const { id, declaration } = await existingCredit();
    const inputs = await checkedCredit(declaration);
    await h.emu.clearLog();
    const result = await creditProvider.create({ __provider: "shim", ...inputs });
    expect(result.id).toBe(id);
    expect(creditWritesIn(await h.emu.calls())).toEqual([]);
    const outs = result.outs as Raw;
    expectJsonSafe(outs);
    expect(outs).toMatchObject({ existingCreditId: id, uniquenessKey: inputs.uniquenessKey, revision: 0 });
    expect(await creditProvider.read(id, outs)).toEqual({ id, props: outs });
  });

  it("lists every difference, with what is declared and what Metronome holds, and changes nothing", async () => {
    const { w, id, declaration } = await existingCredit();
    const before = await metronomeCredit(h.api, w.customerId, id);
    const wrong: any = structuredClone(declaration);
    wrong.name = "Onboarding Credit";
    wrong.priority = 90;
    wrong.accessSchedule.scheduleItems[0].amount = 49_999;
    await h.emu.clearLog();
    const error = await rejection(creditProvider.create(await checkedCredit(wrong)));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Cannot adopt credit ${id}: the declaration differs`);
    expect(error.message).toContain("accessSchedule.scheduleItems[0].amount: declared 49999, Metronome has 50000");
    expect(error.message).toContain('name: declared "Onboarding Credit", Metronome has "Onboarding credit"');
    expect(error.message).toContain("priority: declared 90, Metronome has 50");
    expect(error.message.match(/declared /g)).toHaveLength(3);
    expect(creditWritesIn(await h.emu.calls())).toEqual([]);
    expect(await metronomeCredit(h.api, w.customerId, id)).toEqual(before);
  });

  it("refuses an archived credit and says why", async () => {
    const { w, id, declaration } = await existingCredit();
    await h.api.credits.archive({ customer_id: w.customerId, credit_id: id });
    await h.emu.clearLog();
    const error = await rejection(creditProvider.create(await checkedCredit(declaration)));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Cannot adopt credit ${id}: customer ${w.customerId} has no such live credit`);
    expect(error.message).toContain("it is archived");
    expect(creditWritesIn(await h.emu.calls())).toEqual([]);
    expect(await listedAs(h.api, w.customerId, id)).toBe("archived");
  });
});

describe("credit validation", () => {
  const invalid: Array<{ name: string; alter: (args: any, w: World) => Raw; paths: string[] }> = [
    { name: "commit-only fields", alter: (a, w) => ({ ...a, type: "PREPAID", invoiceContractId: w.contractId }), paths: ["invoiceContractId", "type"] },
    { name: "a commit's adoption field", alter: (a) => ({ ...a, existingCommitId: UNKNOWN_ID }), paths: ["existingCommitId"] },
    {
      name: "a priority in words and an access start off the hour",
      alter: (a) => {
        a.priority = "high";
        a.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T00:30:00Z";
        return a;
      },
      paths: ["accessSchedule.scheduleItems[0].startingAt", "priority"],
    },
    { name: "the product left out", alter: ({ productId: _p, ...rest }) => rest, paths: ["productId"] },
  ];

  it.each(invalid)("refuses $name with a CreditValidationError naming each field, before any request", async ({ alter, paths }) => {
    const w = await newWorld(h.api);
    const inputs = alter(structuredClone(creditArgs(w)), w);
    const expected = validateInputs(inputs, customerCreditKind);
    expect(expected.ok).toBe(false);
    await h.emu.clearLog();

    const error = await rejection(creditProvider.create({ __provider: "shim", ...inputs }));

    expect(error).toBeInstanceOf(CreditValidationError);
    expect((error as CreditValidationError).issues.map((i) => i.path).sort()).toEqual(paths);
    // The same words check gives, unwrapped: they already say what is wrong.
    expect(error.message).toBe(new CreditValidationError(expected.ok ? [] : expected.issues).message);
    expect(error.message).toMatch(/^\d+ problems? with CustomerCredit inputs:/);
    expect(await h.emu.calls()).toEqual([]);
  });

  it("validates an update in full too, before any request", async () => {
    const w = await newWorld(h.api);
    const { id, inputs, outs } = await createdCredit(creditArgs(w));
    await h.emu.clearLog();
    const error = await rejection(creditProvider.update(id, outs, { __provider: "shim", ...inputs, priority: "high" }));
    expect(error).toBeInstanceOf(CreditValidationError);
    expect(error.message).toContain("priority");
    expect(await h.emu.calls()).toEqual([]);
  });
});
