// The one-line `__provider` text of `CustomerCommit`, reloaded as the
// dynamic-provider plugin reloads it (require-from-string, resolved next to
// @pulumi/pulumi, `require` inside it resolving from the program directory),
// from the *built* package.

import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../../helpers/built-package";
import { REPO_ROOT } from "../../helpers/repo";
import { prepaidCanonical, prepaidRaw, prepaidStored } from "../core/fixtures";

type Pkg = typeof import("../../../provider/index");

const rootRequire = createRequire(path.join(REPO_ROOT, "package.json"));
const requireFromString = createRequire(rootRequire.resolve("@pulumi/pulumi"))("require-from-string") as (
  code: string,
  filename?: string,
) => { handler(): unknown };

const pkg = loadBuiltPackage<Pkg>();
const savedCwd = process.cwd();
afterAll(() => process.chdir(savedCwd));

describe("the __provider text", () => {
  it.each([
    ["customerCommitProvider", 'exports.handler = () => require("pulumi-metronome").customerCommitProvider;'],
    ["anyExport", 'exports.handler = () => require("pulumi-metronome").anyExport;'],
  ])("for %s is one line of at most 128 characters that requires the package by name", (name, text) => {
    expect(pkg.providerModuleText(name)).toBe(text);
    expect(text.length).toBeLessThanOrEqual(128);
    expect(text).not.toContain("\n");
  });

  it("is the commit provider's", () => {
    expect(pkg.CUSTOMER_COMMIT_PROVIDER_TEXT).toBe(pkg.providerModuleText("customerCommitProvider"));
  });

  it("reloads as the plugin does into the installed package's provider, which checks and diffs", async () => {
    process.chdir(REPO_ROOT);
    const provider = requireFromString(pkg.CUSTOMER_COMMIT_PROVIDER_TEXT, "").handler() as Pkg["customerCommitProvider"];
    // The same object the package exports: nothing of it is copied into state.
    expect(provider).toBe(rootRequire("pulumi-metronome").customerCommitProvider);
    const result = await provider.check({}, { __provider: pkg.CUSTOMER_COMMIT_PROVIDER_TEXT, ...prepaidRaw(), type: "prepaid" });
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(prepaidStored());
    const diff = await provider.diff("id", { ...prepaidCanonical() }, { ...prepaidCanonical(), type: "POSTPAID" });
    expect(diff.replaces).toEqual(["type"]);
  });
});
