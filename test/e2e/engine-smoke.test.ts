/**
 * Proves test/helpers/engine.ts against the real engine: an inline program
 * with one dynamic resource from a throwaway provider
 * (test/fixtures/echo-provider.cjs) goes through up, a no-op up, preview
 * --diff (text, events and `pulumi preview --json`), refresh and destroy.
 * The tests run in order and share one stack.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, EngineOpError, type TestStack, createEngine, diagnostics, steps } from "../helpers/engine";

const nodeRequire = createRequire(import.meta.url);
const { echoResource, ECHO_TYPE } = nodeRequire("../fixtures/echo-provider.cjs");

// Engine runs take seconds each; the first also starts the CLI and the plugin.
const TIMEOUT = 120_000;

describe("inline program on the real engine", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let s: TestStack;
  let store: string;

  const program = (value: string, kind?: string) => async () => {
    const r = echoResource("greeter", { value, kind });
    return { id: r.id, greeting: r.greeting, value: r.value };
  };
  const worldFiles = () => fs.readdirSync(store).filter((f) => f.endsWith(".json"));
  const world = (id: string) => JSON.parse(fs.readFileSync(path.join(store, `${id}.json`), "utf8"));

  beforeAll(async () => {
    engine = await createEngine();
    store = path.join(engine.dir, "world");
    fs.mkdirSync(store);
    // Plain config reaches configure() namespaced; a secret one proves the passphrase provider works.
    s = await engine.newStack(program("one"), {
      config: { storeDir: store, greeting: "hi" },
      secretConfig: { token: "sk_test_not_a_real_token" },
    });
  }, TIMEOUT);

  afterAll(async () => {
    await engine?.cleanup();
  });

  it("up creates the resource through the plugin and records it in state", async () => {
    const { result, events } = await s.up();
    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toMatchObject({ create: 2 }); // the stack and the echo resource
    expect(result.outputs.greeting?.value).toBe("hi");
    expect(result.outputs.value?.value).toBe("one");

    const id = result.outputs.id?.value as string;
    expect(id).toMatch(/^echo-/);
    expect(world(id)).toMatchObject({ value: "one", kind: "plain", runtimePackage: "pulumi-metronome" });

    const [res] = await s.resources(ECHO_TYPE);
    expect(res?.id).toBe(id);
    expect(res?.inputs).toMatchObject({ value: "one", kind: "plain" });
    expect(res?.outputs).toMatchObject({ value: "one", greeting: "hi", runtimePackage: "pulumi-metronome", writes: 1 });
    expect(typeof res?.outputs?.__provider).toBe("string");
    expect(steps(events, ECHO_TYPE).map((m) => m.op)).toEqual(["create"]);
    expect(diagnostics(events, "error")).toEqual([]);
    expect(diagnostics(events, "warning")).toEqual([]); // e.g. no "plugin from $PATH" warning

    // The secret config is encrypted at rest, in the stack file and in the checkpoint.
    const stackFile = fs.readFileSync(path.join(s.workDir, `Pulumi.${s.name}.yaml`), "utf8");
    expect(stackFile).not.toContain("sk_test_not_a_real_token");
    expect(stackFile).toContain("secure:");
    const checkpoint = fs.readFileSync(
      path.join(engine.dir, "state", ".pulumi", "stacks", s.projectName, `${s.name}.json`),
      "utf8",
    );
    expect(checkpoint).not.toContain("sk_test_not_a_real_token");
  });

  it("a second up with the same program changes nothing", async () => {
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 2 });
    expect(worldFiles()).toHaveLength(1);
  });

  it("preview --diff shows the property change, in text, events and preview --json", async () => {
    s.setProgram(program("two"));

    const { result, stdout, events } = await s.preview({ diff: true });
    expect(result.changeSummary).toMatchObject({ update: 1, same: 1 });
    expect(stdout).toContain(`~ ${ECHO_TYPE}: (update)`);
    expect(stdout).toMatch(/~ value\s*: "one" => "two"/);
    const [step] = steps(events, ECHO_TYPE);
    expect(step).toMatchObject({ op: "update", diffs: ["value"], detailedDiff: { value: { diffKind: "update", inputDiff: true } } });

    const digest = await s.previewJson();
    expect(digest.exitCode).toBe(0);
    expect(digest.changeSummary).toMatchObject({ update: 1, same: 1 });
    const jsonStep = digest.steps?.find((st) => st.urn.includes(ECHO_TYPE));
    expect(jsonStep).toMatchObject({
      op: "update",
      diffReasons: ["value"],
      detailedDiff: { value: { kind: "update", inputDiff: true } },
      oldState: { inputs: { value: "one" } },
      newState: { inputs: { value: "two" } },
    });

    // A preview never calls create/update: the world is untouched.
    const [id] = worldFiles().map((f) => f.replace(/\.json$/, ""));
    expect(world(id!)).toMatchObject({ value: "one", writes: 1 });
  });

  it("preview --json reports a replacement the provider asks for", async () => {
    s.setProgram(program("one", "loud"));
    const digest = await s.previewJson();
    const ops = digest.steps?.filter((st) => st.urn.includes(ECHO_TYPE)).map((st) => st.op);
    expect(ops).toEqual(["replace"]);
    const replace = digest.steps?.find((st) => st.op === "replace");
    expect(replace?.replaceReasons).toEqual(["kind"]);
    s.setProgram(program("one"));
  });

  it("refresh reads the world back into state", async () => {
    const [file] = worldFiles();
    const id = file!.replace(/\.json$/, "");
    fs.writeFileSync(path.join(store, file!), JSON.stringify({ ...world(id), value: "drifted" }));

    const { result } = await s.refresh();
    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toMatchObject({ update: 1 });
    const [res] = await s.resources(ECHO_TYPE);
    expect(res?.outputs?.value).toBe("drifted");
    expect(res?.inputs?.value).toBe("drifted"); // read returned inputs (3.216+)

    // The program still says "one": the next preview wants to put it back.
    const { result: preview } = await s.preview();
    expect(preview.changeSummary).toMatchObject({ update: 1 });
  });

  it("a check failure fails up with the provider's reason, and what ran before it is kept", async () => {
    s.setProgram(program(5 as unknown as string));
    const err = await s.up().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineOpError);
    const opErr = err as EngineOpError;
    expect(opErr.errors.join("\n")).toMatch(/property value value \{5\} has a problem: value must be a string/);
    expect(opErr.stdout).toContain("1 errored");
    s.setProgram(program("one"));
    expect(await s.resources(ECHO_TYPE)).toHaveLength(1);
  });

  it("destroy deletes through the provider and empties the state", async () => {
    const { result, events } = await s.destroy();
    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toMatchObject({ delete: 2 });
    expect(steps(events, ECHO_TYPE).map((m) => m.op)).toEqual(["delete"]);
    expect(worldFiles()).toEqual([]);
    expect(await s.resources()).toEqual([]);
  });
});
