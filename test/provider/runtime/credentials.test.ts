// Credentials: stack config through `configure` first, then the environment
// (METRONOME_BEARER_TOKEN / METRONOME_BASE_URL), read at call time. Without a
// token every method that talks to Metronome fails saying both ways to set
// one; check and diff still work (they never call Metronome). The token never
// shows in anything the provider returns or throws.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError } from "../../../provider/client";
import { MissingCredentialsError, resetConfiguredCredentials } from "../../../provider/runtime/credentials";
import {
  TOKEN,
  checked,
  created,
  expectNoToken,
  freeArgs,
  metronomeCommit,
  newWorld,
  prepaidArgs,
  provider,
  rejection,
  stackConfig,
  useRuntime,
} from "./harness";

const h = useRuntime();

const ENV_KEYS = ["METRONOME_BEARER_TOKEN", "METRONOME_BASE_URL"] as const;
let savedEnv: Record<string, string | undefined> = {};
beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe("credentials", () => {
  it("without a token, every method that calls Metronome names both ways to set one; check and diff still work", async () => {
    const w = await newWorld(h.api);
    const { id, inputs, outs } = await created(freeArgs(w));
    resetConfiguredCredentials();
    await provider.configure(stackConfig({}));
    await h.emu.clearLog();

    const attempts: Array<[string, Promise<unknown>]> = [
      ["create", provider.create(inputs)],
      ["read", provider.read(id, outs)],
      ["update", provider.update(id, outs, { ...inputs, name: "x" })],
      ["delete", provider.delete(id, outs)],
    ];
    for (const [method, attempt] of attempts) {
      const error = await rejection(attempt);
      expect(error, method).toBeInstanceOf(MissingCredentialsError);
      expect(error.message).toContain("pulumi config set --secret metronome:bearerToken");
      expect(error.message).toContain("METRONOME_BEARER_TOKEN");
    }
    expect((await provider.check({}, inputs)).failures).toEqual([]);
    expect((await provider.diff(id, outs, inputs)).replaces).toEqual([]);
    expect(await h.emu.calls()).toEqual([]);
  });

  it("falls back to METRONOME_BEARER_TOKEN and METRONOME_BASE_URL, read at call time", async () => {
    resetConfiguredCredentials();
    await provider.configure(stackConfig({}));
    process.env.METRONOME_BEARER_TOKEN = TOKEN;
    process.env.METRONOME_BASE_URL = `${h.url}/`;
    const w = await newWorld(h.api);
    const { id } = await created(freeArgs(w));
    expect((await metronomeCommit(h.api, w.customerId, id)).id).toBe(id);
  });

  it("prefers the stack config over the environment", async () => {
    process.env.METRONOME_BEARER_TOKEN = "sk_env_token_that_is_wrong";
    process.env.METRONOME_BASE_URL = "http://127.0.0.1:9"; // nothing listens there
    const w = await newWorld(h.api);
    const { id } = await created(freeArgs(w));
    expect((await metronomeCommit(h.api, w.customerId, id)).id).toBe(id);
  });

  it("a rejected token says where tokens come from, and shows no token", async () => {
    const wrong = "sk_live_wrong_4d5e6f7a8b9c";
    resetConfiguredCredentials();
    await provider.configure(stackConfig({ "metronome:bearerToken": wrong, "metronome:baseUrl": h.url }));
    const w = await newWorld(h.api);
    const error = await rejection(provider.create(await checked(freeArgs(w))));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/^Could not create the commit: 401 /);
    expect(error.message).toContain("metronome:bearerToken");
    expect(error.message).toContain("METRONOME_BEARER_TOKEN");
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error), String(error.cause)]) {
      expect(text).not.toContain(wrong);
    }
  });

  it("never returns or throws the token, over a whole lifecycle and its failures", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const seen: unknown[] = [];
    const inputs = await checked(args);
    seen.push(await provider.check({}, args));
    const createResult = await provider.create(inputs);
    seen.push(createResult);
    const outs = createResult.outs as Record<string, unknown>;
    seen.push(await provider.diff(createResult.id, outs, inputs));
    seen.push(await provider.read(createResult.id, outs));
    const updated = await provider.update(createResult.id, outs, { ...inputs, name: "Renamed" });
    seen.push(updated);
    // Failures: a refused update, a create naming a missing product, a refused delete.
    seen.push(await rejection(provider.update(createResult.id, updated.outs as Record<string, unknown>, { ...inputs, customFields: { nope: "x" } })));
    seen.push(await rejection(provider.create({ ...inputs, productId: "00000000-0000-4000-8000-000000000000", uniquenessKey: "k2" })));
    await fetch(`${h.url}/_emulator/finalize-invoices`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ commit_id: createResult.id }) });
    seen.push(await rejection(provider.delete(createResult.id, updated.outs as Record<string, unknown>)));
    for (const value of seen) expectNoToken(value);
  });
});
