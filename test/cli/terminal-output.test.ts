// Both commands write nothing a terminal would interpret: no escape
// sequence and no control character but line feed and tab, on stdout and
// stderr, whatever the plan, the arguments or the environment hold.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../cli/io";
import { terminalText } from "../../cli/io";
import { requireBuilt } from "../helpers/built-package";
import { loadFixture } from "./review/helpers";

// The built command line, as the bin runs it (it loads each command on demand with require).
const { main } = requireBuilt<typeof import("../../cli/main")>("./dist/cli/main.js");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "terminal-output-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESC = "\u001b";
const HOSTILE = `${ESC}[2J${ESC}]0;owned\u0007${ESC}[31mred${ESC}[0m\u009b1m\r\u0008\u0085`;

async function run(argv: string[], stdin = "", env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CommandIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => stdin, env };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The create fixture with the commit's name, customer and a diagnostic carrying escape sequences. */
function hostilePlan(): string {
  const digest = loadFixture("create");
  const step = (digest.steps ?? []).find((s) => s.op === "create") as { newState: { inputs: Record<string, unknown> } };
  step.newState.inputs.name = `Acme ${HOSTILE}`;
  step.newState.inputs.customerId = `cus-${HOSTILE}`;
  digest.diagnostics = [{ severity: "error", message: `failed ${HOSTILE}` }];
  return JSON.stringify(digest);
}

describe("terminal output of both commands", () => {
  it.each([
    ["review as Markdown, gate failing", ["review", "-", "--max-change", "1"]],
    ["review as JSON", ["review", "-", "--format", "json"]],
    ["review with a hostile unknown option", ["review", "-", `--x${HOSTILE}`]],
    ["review of a missing file named with escapes", ["review", path.join(dir, `nope${HOSTILE}.json`)]],
    ["import with a hostile unknown option", ["import", `--customer${HOSTILE}`]],
    ["import to an existing file named with escapes", ["import", "--customer", "c", "--out", path.join(dir, `out${HOSTILE}.ts`)]],
    ["an unknown command named with escapes", [`rev${HOSTILE}iew`]],
  ])("%s: no escape sequence or control character on stdout or stderr", async (_name, argv) => {
    fs.writeFileSync(path.join(dir, `out${HOSTILE}.ts`), "");
    const r = await run(argv, hostilePlan(), { METRONOME_BEARER_TOKEN: "t".repeat(24) });
    expect(r.out + r.err).not.toBe("");
    expect(r.out).not.toMatch(CONTROL);
    expect(r.err).not.toMatch(CONTROL);
  });

  it("JSON output shows each control character of a value as ⟨U+…⟩, so nothing is lost", async () => {
    const r = await run(["review", "-", "--format", "json"], hostilePlan());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).changes[0].after.name).toBe("Acme ⟨U+001B⟩[2J⟨U+001B⟩]0;owned⟨U+0007⟩⟨U+001B⟩[31mred⟨U+001B⟩[0m⟨U+009B⟩1m⟨U+000D⟩⟨U+0008⟩⟨U+0085⟩");
  });
});

describe("terminalText", () => {
  it.each([
    ["a CSI sequence", `a${ESC}[1;31mb`, "ab"],
    ["an OSC title", `a${ESC}]0;title\u0007b`, "ab"],
    ["an OSC ended by ST", `a${ESC}]8;;https://x${ESC}\\b`, "ab"],
    ["a C1 CSI", "a\u009b2Jb", "ab"],
    ["carriage return, backspace, NUL and DEL", "a\r\u0008\u0000\u007fb", "ab"],
    ["line feeds and tabs kept", "a\n\tb", "a\n\tb"],
  ])("removes %s", (_name, input, expected) => {
    expect(terminalText(input)).toBe(expected);
  });
});
