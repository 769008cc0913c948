/**
 * The peer range `@pulumi/pulumi` claims, tested at both ends: the oldest
 * version it names (installed as the `@pulumi/pulumi-oldest` alias) and the
 * newest (the devDependency). For each, a consumer project gets the packed
 * package and that @pulumi/pulumi (test/helpers/packed-package.ts); its own
 * `pulumi-resource-pulumi-nodejs` host then runs, over gRPC, whatever
 * `__provider` the package produces there, through a commit's whole life
 * against the emulator: configure, check, create, read (which returns inputs:
 * the 3.216 feature the range starts at), diff, update and delete.
 * plugin-host-smoke and the bad-input corpus also run against both hosts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { type ConsumerProject, PULUMI_ENDS, createConsumerProject, pulumiVersion } from "../helpers/packed-package";
import { type PluginHost, resourceUrn, startPluginHost } from "../helpers/plugin-host";
import { REPO_ROOT } from "../helpers/repo";

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const PROJECT = "range";
const TIMEOUT = 120_000;
const YEAR = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };

describe("the peer range's ends", () => {
  it("are the range's floor and the pinned version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      peerDependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const floor = pkg.peerDependencies["@pulumi/pulumi"]!.replace(/^\^/, "");
    expect(pkg.devDependencies["@pulumi/pulumi-oldest"]).toBe(`npm:@pulumi/pulumi@${floor}`);
    expect(pulumiVersion("oldest")).toBe(floor);
    expect(pulumiVersion("newest")).toBe(pkg.devDependencies["@pulumi/pulumi"]);
  });
});

describe.each(PULUMI_ENDS)("a commit's life on the dynamic-provider host of the %s @pulumi/pulumi", { timeout: TIMEOUT }, (end) => {
  let consumer: ConsumerProject;
  let world: MetronomeWorld;
  let host: PluginHost;
  let provider: string;
  const urn = resourceUrn(TYPE, "commit", { project: PROJECT });

  beforeAll(async () => {
    consumer = createConsumerProject({ pulumi: end });
    world = await startMetronomeWorld();
    provider = consumer.providerText();
    host = await startPluginHost({ project: PROJECT, cwd: consumer.dir, pluginPath: consumer.pluginPath });
  }, TIMEOUT);

  afterAll(async () => {
    await host?.close();
    await world?.close();
    consumer?.remove();
  });

  it("runs the package's own __provider from the consumer's install", () => {
    expect(provider).toMatch(/^exports\.handler = /);
    expect(provider).toContain('require("pulumi-metronome")');
    const hostPackage = fs.realpathSync(path.join(consumer.dir, "node_modules", "@pulumi", "pulumi"));
    expect(JSON.parse(fs.readFileSync(path.join(hostPackage, "package.json"), "utf8")).version).toBe(pulumiVersion(end));
  });

  it("configures, checks, creates, reads (keeping the stored inputs), diffs, updates and deletes", async () => {
    const { config, secretConfig } = world.stackConfig();
    await host.configure({ ...config, ...secretConfig });

    const args = {
      __provider: provider,
      customerId: world.customerId,
      type: "prepaid",
      productId: world.productId,
      priority: 100,
      name: "Range commit",
      accessSchedule: { scheduleItems: [{ amount: 1_000_000, ...YEAR }] },
      invoiceContractId: world.contractId,
      invoiceSchedule: { scheduleItems: [{ timestamp: YEAR.startingAt, amount: 1_000_000 }] },
      uniquenessKey: `range/${end}/commit`,
    };
    const bad = await host.check(urn, {}, { ...args, priority: "high" });
    expect(bad.failures).toEqual([{ property: "priority", reason: 'expected a number, got "high"' }]);

    const checked = await host.check(urn, {}, args);
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toMatchObject({ __provider: provider, type: "PREPAID" });
    expect(checked.inputs).not.toHaveProperty("rateType");

    const created = await host.create(urn, checked.inputs);
    const [live] = await world.liveCommits();
    expect(live).toMatchObject({ id: created.id, name: "Range commit", uniqueness_key: `range/${end}/commit` });

    // Found as the state holds it: no inputs come back, so the engine keeps the stored ones.
    const read = await host.read(urn, created.id, created.properties, checked.inputs);
    expect(read.id).toBe(created.id);
    expect(read.properties).toEqual(created.properties);
    expect(read.inputs).toBeUndefined();

    const renamed = await host.check(urn, checked.inputs, { ...args, name: "Range commit (renamed)" });
    const diff = await host.diff(urn, created.id, read.properties, renamed.inputs, checked.inputs);
    expect(diff.replaces).toEqual([]);
    const updated = await host.update(urn, created.id, read.properties, renamed.inputs, checked.inputs);
    expect(updated.properties).toMatchObject({ name: "Range commit (renamed)", revision: 1 });
    expect((await world.liveCommits()).map((c) => [c.id, c.name])).toEqual([[created.id, "Range commit (renamed)"]]);

    expect(host.output()).not.toMatch(/Error/);
    // A removal is a deployment of its own (`pulumi destroy`): a new host
    // process, in which no resource declares the commit any more.
    await host.close();
    host = await startPluginHost({ project: PROJECT, cwd: consumer.dir, pluginPath: consumer.pluginPath });
    await host.configure({ ...config, ...secretConfig });
    await host.delete(urn, created.id, updated.properties, renamed.inputs);
    expect(await world.liveCommits()).toEqual([]);
    expect(host.output()).not.toMatch(/Error/);
  });
});
