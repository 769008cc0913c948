/**
 * Captures real `pulumi preview --json` output for the review's end-to-end
 * scenarios (capture/scenarios.ts): the real engine (test/helpers/engine.ts)
 * runs each scenario's "before" program against the Metronome emulator, then
 * previews its "after" program. The document is normalized (capture/normalize.ts)
 * and the review is checked on it (captured-expectations.ts).
 *
 * Regenerate the committed fixtures in fixtures/captured/ with
 *
 *   UPDATE_PREVIEW_FIXTURES=1 npx vitest run test/cli/review/capture-preview-fixtures.test.ts
 *
 * (then `npx vitest run test/cli/review -u` if the rendered snapshots moved).
 * Without it, a fresh capture must render exactly like the committed one, so a
 * change in what the engine or provider prints is noticed here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { reviewPreview } from "../../../cli/review/review";
import type { PreviewDigest } from "../../../cli/review/preview-types";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../../provider/api/wire";
import { UNKNOWN } from "../../../provider/core/unknown";
import { startEmulator, type Emulator } from "../../../emulator/index";
import { TEST_EMULATOR_OPTIONS } from "../../helpers/emulator-options";
import { createEngine, type Engine } from "../../helpers/engine";
import { CLOUD_CREDITS, EUR, SCENARIOS, type Customer, type World } from "./capture/scenarios";
import { normalizeCapture } from "./capture/normalize";
import { EXPECTATIONS } from "./captured-expectations";
import { AS_OF, CAPTURED, TABLE } from "./helpers";

const TIMEOUT = 180_000;
const TOKEN = "review-capture-token";
const UPDATE = process.env.UPDATE_PREVIEW_FIXTURES === "1";

describe("real `pulumi preview --json` for the review scenarios", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let emulator: Emulator;
  let world: World;

  const post = async (route: string, body: unknown): Promise<{ id: string }> => {
    const res = await fetch(`${emulator.url}${route}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { data: { id: string } }).data;
  };
  const customer = async (name: string): Promise<Customer> => {
    const { id } = await post("/v1/customers", { name });
    const contract = await post("/v1/contracts/create", { customer_id: id, starting_at: "2026-01-01T00:00:00Z" });
    return { id, contractId: contract.id };
  };

  beforeAll(async () => {
    [engine, emulator] = await Promise.all([createEngine(), startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: TOKEN })]);
    world = {
      acme: await customer("Acme Corp"),
      globex: await customer("Globex"),
      globexUs: await customer("Globex US"),
      initech: await customer("Initech"),
      hooli: await customer("Hooli"),
      piedPiper: await customer("Pied Piper"),
      prepaidProduct: (await post("/v1/contract-pricing/products/create", { name: "Prepaid commit", type: "FIXED" })).id,
      postpaidProduct: (await post("/v1/contract-pricing/products/create", { name: "Postpaid commit", type: "FIXED" })).id,
    };
    if (UPDATE) fs.mkdirSync(CAPTURED, { recursive: true });
  }, TIMEOUT);

  afterAll(async () => {
    await emulator?.close();
    await engine?.cleanup();
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", async (name, scenario) => {
    const stack = await engine.newStack(async () => scenario.before?.(world), {
      stackName: name,
      projectName: "billing",
      config: { "metronome:baseUrl": emulator.url },
      secretConfig: { "metronome:bearerToken": TOKEN },
    });
    if (scenario.before) await stack.up();
    stack.setProgram(async () => scenario.after(world));
    const { exitCode, stderr, ...digest } = await stack.previewJson();
    const errors = (digest.diagnostics ?? []).filter((d) => d.severity === "error").map((d) => d.message);
    expect(exitCode, `${stderr}\n${errors.join("\n")}`).toBe(0);
    const captured = normalizeCapture(digest, [USD_CENTS_CREDIT_TYPE_ID, EUR, CLOUD_CREDITS, UNKNOWN]) as PreviewDigest;

    const file = path.join(CAPTURED, `${name}.json`);
    if (UPDATE) fs.writeFileSync(file, `${JSON.stringify(captured, null, 2)}\n`);

    const review = reviewPreview(captured, { asOf: AS_OF });
    EXPECTATIONS[name]?.(review);
    if (UPDATE) return;
    expect(fs.existsSync(file), `${file} is missing: regenerate with UPDATE_PREVIEW_FIXTURES=1`).toBe(true);
    const committed = JSON.parse(fs.readFileSync(file, "utf8")) as PreviewDigest;
    expect(
      renderMarkdown(review, TABLE),
      `the engine's output for "${name}" no longer reviews like fixtures/captured/${name}.json: regenerate with UPDATE_PREVIEW_FIXTURES=1`,
    ).toBe(renderMarkdown(reviewPreview(committed, { asOf: AS_OF }), TABLE));
  });
});
