/**
 * The credit provider behind the real dynamic-provider plugin, over gRPC
 * (test/helpers/plugin-host.ts), with the package's own one-line
 * `__provider` text, as the engine calls it: Configure with the stack
 * config, then Check, Create, Read (a refresh after a dashboard edit), Diff,
 * Update and Delete of one credit. Every value crosses the gRPC Struct
 * boundary, and what Metronome holds is checked through the official SDK
 * after each step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { type PluginHost, resourceUrn, startPluginHost } from "../helpers/plugin-host";
import { CREDIT_TYPE, creditWithKey, listedAs, registerCreditFieldKey } from "./credit.shared";

type Pkg = typeof import("../../provider");
const { CUSTOMER_CREDIT_PROVIDER_TEXT: PROVIDER } = loadBuiltPackage<Pkg>();

const PROJECT = "credit-plugin";
const TIMEOUT = 60_000;
const KEY = `${PROJECT}/stack/welcome#00c0ffee00c0ffee`;
/** Any well-formed id: diff makes no request. */
const OTHER_CUSTOMER = "0b9e7c52-3f1a-4d8e-9c6b-1a2b3c4d5e6f";

describe("CustomerCredit over gRPC through the dynamic-provider plugin", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  const urn = resourceUrn(CREDIT_TYPE, "welcome", { project: PROJECT });

  beforeAll(async () => {
    world = await startMetronomeWorld();
    await registerCreditFieldKey(world);
  }, TIMEOUT);

  afterAll(async () => {
    await world?.close();
  });

  /** One `pulumi` command: the engine starts a plugin process of its own and configures it with the stack config. */
  async function command<T>(run: (host: PluginHost) => Promise<T>): Promise<T> {
    const host = await startPluginHost({ project: PROJECT });
    try {
      const { config, secretConfig } = world.stackConfig();
      await host.configure({ ...config, ...secretConfig });
      return await run(host);
    } finally {
      await host.close();
    }
  }

  it("creates one credit, refreshes it, updates it in place and archives it on delete", async () => {
    const declared = {
      __provider: PROVIDER,
      __resourceName: "welcome",
      __defaultUniquenessKey: KEY,
      customerId: world.customerId,
      productId: world.productId,
      priority: 40,
      name: "Welcome credit",
      accessSchedule: { scheduleItems: [{ amount: 25_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" }] },
      customFields: { campaign: "welcome" },
    };

    // up: check (the derived candidate becomes the key; the hidden inputs never come back), then create.
    const { checked, created } = await command(async (host) => {
      const checked = await host.check(urn, {}, declared);
      expect(checked.failures).toEqual([]);
      expect(checked.inputs).toMatchObject({ __provider: PROVIDER, uniquenessKey: KEY });
      // Stored without the defaults check fills in; the outputs carry them.
      expect(checked.inputs).not.toHaveProperty("onDelete");
      expect(checked.inputs).not.toHaveProperty("rateType");
      expect(Object.keys(checked.inputs).filter((k) => k.startsWith("__"))).toEqual(["__provider"]);
      return { checked, created: await host.create(urn, checked.inputs) };
    });
    const held = await creditWithKey(world, world.customerId, KEY);
    expect(held.map((c) => c.id)).toEqual([created.id]);
    expect(created.properties).toMatchObject({ __provider: PROVIDER, uniquenessKey: KEY, name: "Welcome credit", revision: 0, onDelete: "archive", rateType: "LIST_RATE" });
    const itemId = (created.properties.accessSchedule as { scheduleItems: Array<{ id: string }> }).scheduleItems[0]!.id;
    expect(itemId).toBe(held[0]!.access_schedule!.schedule_items[0]!.id);

    // refresh after a dashboard edit: outputs and inputs show it.
    await world.sdk.v2.contracts.editCredit({ customer_id: world.customerId, credit_id: created.id, name: "Renamed in the dashboard" });
    const read = await command((host) => host.read(urn, created.id, created.properties, checked.inputs));
    expect(read.id).toBe(created.id);
    expect(read.properties).toMatchObject({ __provider: PROVIDER, name: "Renamed in the dashboard" });
    expect(read.inputs).toMatchObject({ __provider: PROVIDER, name: "Renamed in the dashboard", uniquenessKey: KEY });

    // up: check against the state, diff (an edit replaces nothing; a new customer would replace the
    // credit, with a warning naming its money), then the update of the same credit in place.
    const renamed = { ...declared, name: "Welcome credit (2027)", priority: 30 };
    const updated = await command(async (host) => {
      const news = await host.check(urn, read.properties, renamed);
      expect(news.failures).toEqual([]);
      expect(news.inputs.uniquenessKey).toBe(KEY);
      expect((await host.diff(urn, created.id, read.properties, news.inputs)).replaces).toEqual([]);
      const moved = await host.diff(urn, created.id, read.properties, { ...news.inputs, customerId: OTHER_CUSTOMER });
      expect(moved.replaces).toEqual(["customerId"]);
      expect(host.output()).toMatch(new RegExp(`credit ${created.id} "Renamed in the dashboard" \\(\\$250\\.00 of access`));
      return host.update(urn, created.id, read.properties, news.inputs);
    });
    expect(updated.properties).toMatchObject({ __provider: PROVIDER, name: "Welcome credit (2027)", priority: 30, revision: 1 });
    const [live] = await creditWithKey(world, world.customerId, KEY);
    expect(live).toMatchObject({ id: created.id, name: "Welcome credit (2027)", priority: 30, custom_fields: { campaign: "welcome" } });
    expect(live!.access_schedule!.schedule_items.map((i) => i.id)).toEqual([itemId]);

    // destroy: archived (listed only with include_archived); a refresh then reports it gone.
    await command((host) => host.delete(urn, created.id, updated.properties));
    expect(await listedAs(world, world.customerId, created.id)).toBe("archived");
    expect((await command((host) => host.read(urn, created.id, updated.properties))).id).toBe("");
    expect(await creditWithKey(world, world.customerId, KEY)).toHaveLength(1);
  });
});
