// `pulumi-metronome review` end to end, in-process: arguments, input from a
// file or stdin, output formats, and exit codes (0, 1, 2, 3).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { USAGE } from "../../../cli/review/usage";
import { AS_OF_ARG, creditTypesArg, fixturePath, runReview, visible } from "./helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "review-cmd-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("pulumi-metronome review", () => {
  it("renders Markdown from a file and exits 0", async () => {
    const r = await runReview([fixturePath("edit"), AS_OF_ARG]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^## Metronome commit changes\n/);
    expect(visible(r.stdout)).toContain("$180,000.00");
  });

  it("reads stdin when no file (or -) is given", async () => {
    const text = fs.readFileSync(fixturePath("create"), "utf8");
    expect(visible((await runReview([], text)).stdout)).toContain("`acme-2027`");
    expect((await runReview(["-"], text)).code).toBe(0);
  });

  it("writes JSON with --format json", async () => {
    const r = await runReview([fixturePath("mixed"), "--format", "json", AS_OF_ARG]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ create: 1, edit: 1, replace: 1, archive: 1, unchanged: 1 });
  });

  it("exits 3 with a clear line per reason when the gate requires approval", async () => {
    const r = await runReview([fixturePath("mixed"), "--fail-on", "replace,delete", "--max-change", "100000", AS_OF_ARG, creditTypesArg()]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split("\n")).toEqual([
      "review gate: approval required: the plan replaces commit `globex-2027` (--fail-on replace)",
      "review gate: approval required: the plan archives commit `globex-cloud-credits` (--fail-on delete)",
      "review gate: approval required: customer `cus-acme`: net change +$120,000.00 exceeds --max-change $100,000.00",
      "review gate: approval required: customer `cus-globex`: net change +€120,000.00 exceeds --max-change €100,000.00",
      "review gate: approval required: customer `cus-globex`: net change -500,000 Cloud credits exceeds --max-change 100,000 Cloud credits",
    ]);
    expect(r.stdout).toContain("**Approval required.**");
  });

  it("exits 0 when the gate passes", async () => {
    const r = await runReview([fixturePath("edit"), "--fail-on", "replace,delete", "--max-change", "60000"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Review gate: passed.");
  });

  it("exits 1 for unreadable input", async () => {
    const missing = await runReview([path.join(tmp, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read preview .*nope\.json: no such file/);
    const garbage = await runReview([], "Previewing update (dev):\nerror: no stack selected");
    expect(garbage).toMatchObject({ code: 1, stdout: "" });
    expect(garbage.stderr).toMatch(/not JSON/);
  });

  it("exits 2 for usage errors, with the usage text", async () => {
    const r = await runReview(["--fail-on", "everything"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown action "everything"');
    expect(r.stderr).toContain("usage: pulumi-metronome review");
  });

  it("prints the usage with --help", async () => {
    expect(await runReview(["--help"])).toEqual({ code: 0, stdout: USAGE, stderr: "" });
  });

  it("names credit types from --credit-types", async () => {
    const file = path.join(tmp, "credit-types.json");
    fs.writeFileSync(file, JSON.stringify({ "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21": { name: "GPU hours" } }));
    const r = await runReview([fixturePath("replace"), "--credit-types", file]);
    expect(visible(r.stdout)).toContain("2,000,000 GPU hours");
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, "{");
    expect((await runReview([fixturePath("replace"), "--credit-types", bad])).code).toBe(1);
  });
});
