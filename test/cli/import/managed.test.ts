// Which commits a stack already manages, read from `pulumi stack export`
// output, and the options that point `import` at that state.

import { describe, expect, it } from "vitest";
import { StateReadError, managedIds } from "../../../cli/import/managed";
import { customerCommitKind } from "../../../provider/core/kinds/commit";

const CUSTOMER_COMMIT_TYPE = customerCommitKind.typeToken;
import { parseOptions } from "../../../cli/import/options";

const resource = (type: string, id: string | undefined, inputs: Record<string, unknown> = {}) => ({ type, id, inputs, outputs: inputs });

describe("managedIds", () => {
  it.each<[string, unknown, string[]]>([
    ["an empty stack", { version: 3, deployment: { resources: [] } }, []],
    [
      "CustomerCommit ids, not other resources'",
      { deployment: { resources: [resource("pulumi:pulumi:Stack", undefined), resource(CUSTOMER_COMMIT_TYPE, "c-1"), resource("aws:s3/bucket:Bucket", "c-2")] } },
      ["c-1"],
    ],
    ["an adopted commit's existingCommitId", { deployment: { resources: [resource(CUSTOMER_COMMIT_TYPE, "c-1", { existingCommitId: "c-1" })] } }, ["c-1"]],
    [
      "a create still pending in the checkpoint",
      { deployment: { resources: [], pending_operations: [{ type: "creating", resource: resource(CUSTOMER_COMMIT_TYPE, "c-3") }] } },
      ["c-3"],
    ],
  ])("%s", (_label, exported, expected) => {
    expect([...managedIds(exported)].sort()).toEqual(expected);
  });

  it("refuses what is not `pulumi stack export` output", () => {
    expect(() => managedIds({ resources: [] })).toThrow(StateReadError);
  });
});

describe("import options for the target stack", () => {
  const parse = (argv: string[]) => parseOptions(argv, () => "");
  it.each<[string[], Record<string, unknown>]>([
    [["--customer", "a", "--stack", "prod"], { stack: "prod" }],
    [["--customer", "a", "--state", "state.json", "--import-file", "import.json"], { state: "state.json", importFile: "import.json" }],
    [["--customer", "a", "--import-file=import.json", "--project", "billing"], { importFile: "import.json", project: "billing" }],
  ])("%j", (argv, expected) => {
    const parsed = parse(argv);
    expect(parsed.kind === "options" && parsed.options).toMatchObject(expected);
  });

  it.each<[string[], RegExp]>([
    [["--customer", "a", "--stack", "prod", "--state", "s.json"], /--stack or --state, not both/],
    [["--customer", "a", "--import-file"], /--import-file needs a file path/],
    [["--customer", "a", "--stack"], /--stack needs a name/],
  ])("%j is refused", (argv, message) => {
    const parsed = parse(argv);
    expect(parsed.kind === "error" && parsed.message).toMatch(message);
  });
});
