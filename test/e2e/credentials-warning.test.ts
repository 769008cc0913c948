/**
 * A stack with no Metronome token learns it from `pulumi preview`, not from
 * the `up` that fails: the provider's configure warns through the engine's
 * log, naming both ways to set a token. With a token, nothing is said.
 * One stack, two previews (preview makes no call to Metronome).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, type TestStack, createEngine, diagnostics } from "../helpers/engine";

type Pkg = typeof import("../../provider");
const pkg = loadBuiltPackage<Pkg>();

const TIMEOUT = 180_000;
const TOKEN = "credentials-warning-token";

describe("a stack with no Metronome token", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let stack: TestStack;

  beforeAll(async () => {
    // An empty variable counts as unset, whatever the test runner's environment holds.
    engine = await createEngine({ env: { METRONOME_BEARER_TOKEN: "" } });
    stack = await engine.newStack(
      async () => {
        new pkg.CustomerCommit("commit", {
          customerId: "3f6b2c1e-8a4d-4e7f-9b1a-2c3d4e5f6a7b",
          type: "PREPAID",
          productId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
          priority: 100,
          accessSchedule: { scheduleItems: [{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
        });
      },
      { projectName: "no-token" },
    );
  });

  afterAll(async () => {
    await engine?.cleanup();
  });

  it("is warned in preview, with both ways to set one", async () => {
    const { events } = await stack.preview();
    const warnings = diagnostics(events, "warning").join("\n");
    expect(warnings).toContain("No Metronome bearer token is configured");
    expect(warnings).toContain("pulumi config set --secret metronome:bearerToken");
    expect(warnings).toContain("METRONOME_BEARER_TOKEN");
    expect(diagnostics(events, "error")).toEqual([]);
  });

  it("is not warned once the token is in the stack config", async () => {
    await stack.stack.setConfig("metronome:bearerToken", { value: TOKEN, secret: true });
    const { events } = await stack.preview();
    expect(diagnostics(events, "warning").join("\n")).not.toContain("bearer token");
  });
});
