// The `ignoreUnsourced` mode on credits: the behaviours no source states,
// which credits share with commits, are done in the default mode and left
// undone in this one.

import { beforeAll, describe, expect, it } from "vitest";
import type Metronome from "@metronome/sdk";
import { credit, makeWorld, readCredit, useEmulator, type Harness, type World } from "./fixtures";

const normal = useEmulator();
const ignoring = useEmulator({ ignoreUnsourced: true });
const worlds = new Map<Harness, World>();
beforeAll(async () => {
  for (const h of [normal, ignoring]) worlds.set(h, await makeWorld(h.client));
});

interface Row {
  name: string;
  create: (w: World) => any;
  change: (client: Metronome, w: World, c: any) => Promise<unknown>;
  /** What the credit (and the change's answer) shows afterwards. */
  shows: (c: any, answer: unknown) => unknown;
  applied: (w: World) => unknown;
  ignored: (w: World) => unknown;
}

const status = (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status);

const rows: Row[] = [
  {
    name: 'description: "" on edit',
    create: (w) => credit(w, { description: "internal note" }),
    change: (client, w, c) => client.v2.contracts.editCredit({ customer_id: w.customerId, credit_id: c.id, description: "" }),
    shows: (c) => c.description,
    applied: () => "",
    ignored: () => "internal note",
  },
  {
    name: "an access end before the access starts",
    create: (w) => credit(w),
    change: (client, w, c) =>
      status(client.v1.customers.credits.updateEndDate({ customer_id: w.customerId, credit_id: c.id, access_ending_before: "2026-06-01T00:00:00Z" })),
    shows: (c, answer) => [answer, c.access_schedule.schedule_items.map((i: any) => i.ending_before)],
    applied: () => [400, ["2028-01-01T00:00:00.000Z"]],
    ignored: () => [200, ["2028-01-01T00:00:00.000Z"]],
  },
  {
    name: "applicable_product_ids on read-back",
    create: (w) => credit(w, { applicable_product_ids: [w.usageProductId] }),
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
    const id = (await h.client.v1.customers.credits.create(row.create(w))).data.id;
    const answer = await row.change(h.client, w, await readCredit(h.client, w.customerId, id));
    expect(row.shows(await readCredit(h.client, w.customerId, id), answer)).toEqual(row[outcome](w));
  });
});
