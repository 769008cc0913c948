// The serialized shim, exactly as `CustomerCommit` hands it to Pulumi
// (serializeFunction(() => provider, { allowSecrets: true })), taken from the
// *built* package through Node's own require: vitest's transform would change
// what the serializer captures. The text is what every resource's state
// stores as `__provider`, and what the dynamic-provider plugin runs later.

import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../../helpers/built-package";
import { REPO_ROOT } from "../../helpers/repo";
import { prepaidCanonical, prepaidRaw, prepaidStored } from "../core/fixtures";

type Pkg = typeof import("../../../provider/index");
type Provider = Required<import("@pulumi/pulumi").dynamic.ResourceProvider>;

const rootRequire = createRequire(path.join(REPO_ROOT, "package.json"));
const { serializeProvider } = rootRequire("./test/helpers/serialize-provider.cjs") as {
  serializeProvider(provider: object): Promise<{ text: string; containsSecrets: boolean }>;
};
// Resolved where the plugin resolves it: next to @pulumi/pulumi.
const requireFromString = createRequire(rootRequire.resolve("@pulumi/pulumi"))("require-from-string") as (
  code: string,
  filename?: string,
) => { handler(): Provider };

const TOKEN = "sk_live_shim_should_never_hold_this_91ab";
const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

let text = "";
let containsSecrets = true;
const savedToken = process.env.METRONOME_BEARER_TOKEN;
const savedCwd = process.cwd();

beforeAll(async () => {
  // A token in the environment (and the stack config) of the program must not
  // find its way into the text.
  process.env.METRONOME_BEARER_TOKEN = TOKEN;
  const pkg = loadBuiltPackage<Pkg>();
  ({ text, containsSecrets } = await serializeProvider(pkg.customerCommitShim));
});

afterAll(() => {
  if (savedToken === undefined) delete process.env.METRONOME_BEARER_TOKEN;
  else process.env.METRONOME_BEARER_TOKEN = savedToken;
  process.chdir(savedCwd);
});

describe("the serialized shim", () => {
  it("is small: at most 2,560 characters per resource", () => {
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(2_560);
  });

  it("captures no secret and no token", () => {
    expect(containsSecrets).toBe(false);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/sk_(live|test)_/);
    expect(text).not.toMatch(/bearer/i);
  });

  it('requires the installed package by name, once in each of the seven methods, and copies nothing else in', () => {
    expect(text.split('require("pulumi-metronome")').length - 1).toBe(7);
    for (const method of METHODS) expect(text).toContain(`/*${method}*/`);
    // Nothing from the package by value, no file paths, no other requires.
    expect(text.match(/require\(/g)).toHaveLength(7);
    expect(text).not.toContain(REPO_ROOT);
    expect(text).not.toContain("node_modules");
    expect(text).not.toMatch(/zod|undici|MetronomeClient|__awaiter/);
  });

  it("reloads as the plugin does and runs check through the installed package", async () => {
    // The plugin runs in the program directory; a `require` inside a method
    // resolves from there.
    process.chdir(REPO_ROOT);
    const provider = requireFromString(text, "").handler();
    expect(Object.keys(provider).sort()).toEqual([...METHODS].sort());
    const result = await provider.check({}, { __provider: text, ...prepaidRaw(), type: "prepaid" });
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(prepaidStored());
    const invalid = await provider.check({}, { ...prepaidRaw(), priority: "high" });
    expect(invalid.failures).toEqual([{ property: "priority", reason: 'expected a number, got "high"' }]);
    const diff = await provider.diff("id", { ...prepaidCanonical() }, { ...prepaidCanonical(), type: "POSTPAID" });
    expect(diff.replaces).toEqual(["type"]);
  });
});
