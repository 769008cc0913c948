// Routing, JSON parsing, bearer auth and shutdown.

import * as http from "node:http";
import { describe, expect, it } from "vitest";
import Metronome from "@metronome/sdk";
import { DEFAULT_EMULATOR_TOKEN, TOKEN, clientFor, control, expectApiError, rawPost, useEmulator } from "./fixtures";
import { startEmulator } from "../../emulator/index";

const h = useEmulator();

describe("bearer auth", () => {
  it.each([
    ["a wrong token", (url: string) => clientFor(url, "wrong-token")],
  ])("refuses %s with 401 and Metronome's error shape", async (_name, make) => {
    const err = await make(h.url).v1.customers.create({ name: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Metronome.AuthenticationError);
    const body = (err as any).error;
    expect(body).toEqual({ message: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain("wrong-token");
  });

  it.each([
    ["no Authorization header", {}],
    ["a non-Bearer scheme", { authorization: `Basic ${TOKEN}` }],
    ["an empty bearer", { authorization: "Bearer " }],
  ])("refuses %s", async (_name, headers) => {
    const res = await fetch(`${h.url}/v1/customers`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ message: expect.any(String) });
    expect(text).not.toContain(TOKEN);
  });

  it("never applies an unauthorised request", async () => {
    await clientFor(h.url, "wrong-token").v1.contracts.products.create({ name: "sneaky", type: "FIXED" }).catch(() => undefined);
    const log = await control(h.url, "GET", "/_emulator/requests");
    expect(log.body.data).toEqual([{ method: "POST", path: "/v1/contract-pricing/products/create", status: 401 }]);
  });

  it("accepts the configured token", async () => {
    expect((await h.client.v1.customers.create({ name: "ok" })).data.name).toBe("ok");
  });

  it("uses DEFAULT_EMULATOR_TOKEN when none is configured", async () => {
    const emulator = await startEmulator();
    try {
      expect((await clientFor(emulator.url, DEFAULT_EMULATOR_TOKEN).v1.customers.create({ name: "d" })).data.name).toBe("d");
      await expectApiError(clientFor(emulator.url, TOKEN).v1.customers.create({ name: "d" }), 401);
    } finally {
      await emulator.close();
    }
  });

  it("lets the control surface through without a token", async () => {
    expect(await control(h.url, "GET", "/_emulator/health")).toEqual({ status: 200, body: { status: "ok" } });
  });
});

describe("requests", () => {
  it("answers an unknown path with 404 JSON", async () => {
    const res = await rawPost(h.url, "/v1/nothing/here", {});
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/no such endpoint/);
  });

  it("answers an unknown control path with 404", async () => {
    expect((await control(h.url, "GET", "/_emulator/nope")).status).toBe(404);
  });

  it.each([
    ["invalid JSON", "{not json"],
    ["a JSON array", "[]"],
  ])("refuses %s with 400", async (_name, raw) => {
    const res = await rawPost(h.url, "/v1/customers", raw);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/JSON object/);
  });

  it("binds to 127.0.0.1", () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("close()", () => {
  it("ends keep-alive connections so it resolves at once", async () => {
    const emulator = await startEmulator({ bearerToken: TOKEN });
    const agent = new http.Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${emulator.url}/_emulator/health`, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(200);
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
    await expect(fetch(`${emulator.url}/_emulator/health`)).rejects.toThrow();
  });

  it("ends a request held by a latency fault", async () => {
    const emulator = await startEmulator({ bearerToken: TOKEN });
    await control(emulator.url, "POST", "/_emulator/faults", { path: "/v1/customers", kind: "latency", latencyMs: 60_000 });
    const pending = clientFor(emulator.url).v1.customers.create({ name: "slow" }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Metronome.APIConnectionError);
  });
});
