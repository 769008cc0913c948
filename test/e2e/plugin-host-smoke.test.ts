/**
 * Proves test/helpers/plugin-host.ts: the real `pulumi-resource-pulumi-nodejs`
 * plugin, driven over gRPC with a real serialized `__provider`, runs every
 * method of a throwaway provider (test/fixtures/echo-provider.cjs).
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsumerProject, PULUMI_ENDS, createConsumerProject } from "../helpers/packed-package";
import {
  type PluginCallError,
  type PluginHost,
  UNKNOWN,
  resourceUrn,
  serializeProvider,
  startPluginHost,
} from "../helpers/plugin-host";

const nodeRequire = createRequire(import.meta.url);
const { echoProvider, ECHO_TYPE } = nodeRequire("../fixtures/echo-provider.cjs");

const PROJECT = "smoke";
const TIMEOUT = 60_000;

// Both ends of the peer range: each host runs in a consumer project holding
// that @pulumi/pulumi and the packed package (test/e2e/peer-range.test.ts).
describe.each(PULUMI_ENDS)("dynamic-provider plugin of the %s @pulumi/pulumi over gRPC", { timeout: TIMEOUT }, (end) => {
  let host: PluginHost;
  let store: string;
  let provider: string;
  let consumer: ConsumerProject;
  const urn = resourceUrn(ECHO_TYPE, "one", { project: PROJECT });

  beforeAll(async () => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), "echo-store-"));
    provider = (await serializeProvider(echoProvider)).text;
    consumer = createConsumerProject({ pulumi: end });
    host = await startPluginHost({ project: PROJECT, cwd: consumer.dir, pluginPath: consumer.pluginPath });
  });

  afterAll(async () => {
    await host?.close();
    consumer?.remove();
    if (store) fs.rmSync(store, { recursive: true, force: true });
  });

  const record = (id: string) => JSON.parse(fs.readFileSync(path.join(store, `${id}.json`), "utf8"));

  it("serializes the provider from plain CommonJS, secret-free", async () => {
    const sf = await serializeProvider(echoProvider);
    expect(sf.containsSecrets).toBe(false);
    expect(sf.text).toMatch(/^exports\.handler = __f0;/);
    expect(sf.text).toContain('require("pulumi-metronome/package.json")');
    expect(sf.text).not.toMatch(/__vite|__vi_import/);
  });

  it("walks configure, check, create, read, diff, update, read-gone and delete", async () => {
    // configure: the whole stack config, namespaced; the shim declines secrets and preview.
    const configured = await host.configure({ [`${PROJECT}:storeDir`]: store, [`${PROJECT}:greeting`]: "hi" });
    expect(configured).toEqual({ acceptSecrets: false, supportsPreview: false });

    // check with the unknown sentinel (preview): accepted, sentinel passed through, __provider re-added.
    const previewCheck = await host.check(urn, {}, { __provider: provider, value: UNKNOWN, kind: UNKNOWN });
    expect(previewCheck.failures).toEqual([]);
    expect(previewCheck.inputs).toEqual({ __provider: provider, value: UNKNOWN, kind: UNKNOWN });

    // check with a bad input: the failure names the property.
    const bad = await host.check(urn, {}, { __provider: provider, value: 42 });
    expect(bad.failures).toEqual([{ property: "value", reason: "value must be a string" }]);

    // check canonicalises (default + lower case).
    const checked = await host.check(urn, {}, { __provider: provider, value: "a", kind: "LOUD" });
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toEqual({ __provider: provider, value: "a", kind: "loud" });

    // create: outs plus __provider become the state; configure's values and the runtime require worked.
    const created = await host.create(urn, checked.inputs);
    expect(created.id).toMatch(/^echo-/);
    expect(created.properties).toEqual({
      __provider: provider,
      value: "a",
      kind: "loud",
      greeting: "hi",
      runtimePackage: "pulumi-metronome",
      writes: 1,
    });
    expect(record(created.id)).toMatchObject({ value: "a", writes: 1 });

    // read: the world is the truth; inputs come back for the next diff.
    fs.writeFileSync(path.join(store, `${created.id}.json`), JSON.stringify({ ...record(created.id), value: "drifted" }));
    const read = await host.read(urn, created.id, created.properties, checked.inputs);
    expect(read.id).toBe(created.id);
    expect(read.properties).toMatchObject({ __provider: provider, value: "drifted" });
    expect(read.inputs).toEqual({ __provider: provider, value: "drifted", kind: "loud" });

    // diff: the dynamic shim only sends changes/replaces/deleteBeforeReplace.
    const sameKind = await host.diff(urn, created.id, created.properties, { ...checked.inputs, value: "b" });
    expect(sameKind).toMatchObject({ changes: "unknown", replaces: [], diffs: [], hasDetailedDiff: false });
    const newKind = await host.diff(urn, created.id, created.properties, { ...checked.inputs, kind: "quiet" });
    expect(newKind).toMatchObject({ changes: "unknown", replaces: ["kind"] });

    // update: the returned outs replace the outputs wholesale.
    const updated = await host.update(urn, created.id, read.properties, { ...checked.inputs, value: "b" });
    expect(updated.properties).toMatchObject({ __provider: provider, value: "b", writes: 2 });
    expect(record(created.id)).toMatchObject({ value: "b", writes: 2 });

    // delete removes it from the world; a read then reports it gone with an empty id.
    await host.delete(urn, created.id, updated.properties);
    expect(fs.existsSync(path.join(store, `${created.id}.json`))).toBe(false);
    const gone = await host.read(urn, created.id, updated.properties);
    expect(gone.id).toBe("");
  });

  it("surfaces the Struct boundary: undefined in a request is refused before it is sent, as the engine sees it", async () => {
    await expect(host.check(urn, {}, { __provider: provider, value: undefined })).rejects.toThrow(
      /Unexpected struct type/,
    );
  });

  it("reports a provider error as a gRPC error with the provider's message", async () => {
    // A provider text the plugin has never seen, whose configure is skipped: storeDir missing.
    const other = await serializeProvider({ ...echoProvider, configure: undefined });
    const err = (await host
      .create(urn, { __provider: other.text, value: "x", kind: "plain" })
      .catch((e: unknown) => e)) as PluginCallError;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toContain("no storeDir configured");
    expect(typeof err.code).toBe("number");
  });
});
