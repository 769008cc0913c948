// The `ignoreUnsourced` mode: what no source says Metronome does, the
// emulator leaves undone, so a client that relies on it is caught. Each row
// is one such behaviour, shown done in the default mode and undone here.

import { beforeAll, describe, expect, it } from "vitest";
import type Metronome from "@metronome/sdk";
import { makeWorld, prepaid, readCommit, useEmulator, type Harness, type World } from "./fixtures";

const normal = useEmulator();
const ignoring = useEmulator({ ignoreUnsourced: true });
const worlds = new Map<Harness, World>();
beforeAll(async () => {
  for (const h of [normal, ignoring]) worlds.set(h, await makeWorld(h.client));
});

const edit = (client: Metronome, body: Record<string, unknown>) => client.post("/v2/contracts/commits/edit", { body });

interface Row {
  name: string;
  create: (w: World) => any;
  change: (client: Metronome, w: World, commit: any) => Promise<unknown>;
  /** What the commit (and the change's answer) shows afterwards, when applied and when ignored. */
  shows: (commit: any, answer: unknown) => unknown;
  applied: (w: World) => unknown;
  ignored: (w: World) => unknown;
}

const rows: Row[] = [
  {
    name: 'description: "" on edit',
    create: (w) => prepaid(w, { description: "internal note" }),
    change: (client, w, c) => edit(client, { customer_id: w.customerId, commit_id: c.id, description: "" }),
    shows: (c) => c.description,
    applied: () => "",
    ignored: () => "internal note",
  },
  ...([
    ["amount", { amount: 900_000 }, 900_000],
    ["unit_price", { unit_price: 800_000 }, 800_000],
  ] as const).map(([field, money, amount]): Row => ({
    name: `an invoice item update with ${field} alone`,
    create: (w) => prepaid(w),
    change: (client, w, c) =>
      edit(client, { customer_id: w.customerId, commit_id: c.id, invoice_schedule: { update_schedule_items: [{ id: c.invoice_schedule.schedule_items[0].id, ...money }] } }),
    shows: (c) => c.invoice_schedule.schedule_items[0].amount,
    applied: () => amount,
    ignored: () => 1_000_000,
  })),
  {
    name: "an access end before the access starts",
    create: (w) => prepaid(w),
    change: (client, w, c) =>
      client.v1.customers.commits
        .updateEndDate({ customer_id: w.customerId, commit_id: c.id, access_ending_before: "2026-06-01T00:00:00Z" })
        .then(() => 200, (e: { status?: number }) => e.status),
    shows: (c, answer) => [answer, c.access_schedule.schedule_items.map((i: any) => i.ending_before)],
    // Refused by default; answered 200 and left alone when ignored.
    applied: () => [400, ["2028-01-01T00:00:00.000Z"]],
    ignored: () => [200, ["2028-01-01T00:00:00.000Z"]],
  },
  {
    name: "applicable_product_ids on read-back",
    create: (w) => prepaid(w, { applicable_product_ids: [w.usageProductId] }),
    change: async () => undefined,
    shows: (c) => [c.applicable_product_ids, c.specifiers],
    applied: (w) => [[w.usageProductId], undefined],
    ignored: (w) => [undefined, [{ product_id: w.usageProductId }]],
  },
];

describe.each([
  ["default mode", normal, "applied"],
  ["ignoreUnsourced mode", ignoring, "ignored"],
] as const)("%s", (_mode, h, outcome) => {
  it.each(rows)("$name", async (row) => {
    const w = worlds.get(h)!;
    const id = (await h.client.v1.customers.commits.create(row.create(w))).data.id;
    const answer = await row.change(h.client, w, await readCommit(h.client, w.customerId, id));
    const shown = row.shows(await readCommit(h.client, w.customerId, id), answer);
    expect(shown).toEqual(row[outcome](w));
  });
});

describe("ignoreUnsourced mode still applies what the sources define", () => {
  it("updates an invoice item given both unit_price and quantity", async () => {
    const w = worlds.get(ignoring)!;
    const id = (await ignoring.client.v1.customers.commits.create(prepaid(w))).data.id;
    const c = await readCommit(ignoring.client, w.customerId, id);
    await edit(ignoring.client, { customer_id: w.customerId, commit_id: id, invoice_schedule: { update_schedule_items: [{ id: c.invoice_schedule.schedule_items[0].id, unit_price: 300_000, quantity: 3 }] } });
    const item = (await readCommit(ignoring.client, w.customerId, id)).invoice_schedule.schedule_items[0];
    expect([item.amount, item.unit_price, item.quantity]).toEqual([900_000, 300_000, 3]);
  });
});
