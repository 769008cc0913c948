// The Pulumi version is named once, by the @pulumi/pulumi devDependency;
// the Go module the CLI is built from (tools/pulumi-cli/go.mod) must pin the
// same tag for pkg/v3 and sdk/v3. scripts/set-pulumi-version.sh moves them
// together; this fails, naming the script, when they drift apart.

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/repo";

const pinned = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> })
  .devDependencies["@pulumi/pulumi"];
const goMod = fs.readFileSync(path.join(REPO_ROOT, "tools", "pulumi-cli", "go.mod"), "utf8");

describe("the pinned Pulumi version", () => {
  it("is an exact version", () => {
    expect(pinned).toMatch(/^3\.\d+\.\d+$/);
  });

  it.each(["github.com/pulumi/pulumi/pkg/v3", "github.com/pulumi/pulumi/sdk/v3"])("is what go.mod pins for %s", (module) => {
    const found = new RegExp(`^\\s*(?:require\\s+)?${module.replace(/\./g, "\\.")} v(\\S+)`, "m").exec(goMod)?.[1];
    expect(found, `run \`bash scripts/set-pulumi-version.sh ${pinned}\` to align tools/pulumi-cli/go.mod`).toBe(pinned);
  });
});
