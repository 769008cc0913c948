// Requests no client library would send, as someone probing a running
// emulator sends them: each gets a 4xx with Metronome's error shape, never a
// 500, and the emulator keeps serving.

import * as net from "node:net";
import { describe, expect, it } from "vitest";
import { TOKEN, control, rawPost, useEmulator } from "./fixtures";

const h = useEmulator();

/** Writes one raw HTTP/1.1 request and returns the status line's code and the body. */
function rawRequest(url: string, head: string, body = ""): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
    const length = Buffer.byteLength(body);
    socket.end(`${head}\r\nHost: ${hostname}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${body}`);
  });
}

const nested = (levels: number): string => `${'{"a":['.repeat(levels)}1${"]}".repeat(levels)}`;

describe("malformed request targets", () => {
  it.each([
    ["an unparsable absolute target", "GET http://[ HTTP/1.1"],
    ["an unparsable absolute target on a POST", "POST http://[::1 HTTP/1.1"],
    ["a broken percent-escape in a Metronome path", "POST /v1/customers/%E0%A4%A HTTP/1.1"],
    ["a lone percent sign", "POST /v1/contracts/customerCommits/list% HTTP/1.1"],
    ["a broken percent-escape on the control surface", "GET /_emulator/%zz HTTP/1.1"],
  ])("answers %s with 400", async (_name, head) => {
    const res = await rawRequest(h.url, head, "{}");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ message: expect.stringMatching(/malformed/) });
  });
});

describe("bodies that are not JSON objects", () => {
  it.each([
    ["null", "null"],
    ["a number", "42"],
    ["a string", '"customer"'],
    ["true", "true"],
    ["a list", "[{}]"],
  ])("answers %s with 400 on a Metronome path and on the control surface", async (_name, raw) => {
    const api = await rawPost(h.url, "/v1/contracts/customerCommits/list", raw);
    expect(api.status).toBe(400);
    expect(api.body.message).toMatch(/JSON object/);
    const res = await fetch(`${h.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: raw });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/JSON object/);
  });
});

describe("deeply nested JSON", () => {
  it.each([
    ["10,000 levels", nested(10_000), {}],
    ["10,000 levels with an Idempotency-Key", nested(10_000), { "idempotency-key": "deep-1" }],
    ["65 levels", nested(65), {}],
  ])("answers %s with 400", async (_name, raw, headers) => {
    const res = await rawPost(h.url, "/v1/contracts/customerCommits/create", raw, headers);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nests deeper than 64 levels/);
  });

  it("still serves a body of ordinary depth", async () => {
    const res = await rawPost(h.url, "/v1/customers", { name: "after the probes", custom_fields: {} });
    expect(res.status).toBe(200);
  });
});

describe("after every probe", () => {
  it("logs no 500 and keeps serving", async () => {
    const log = await control(h.url, "GET", "/_emulator/requests");
    expect(log.body.data.filter((r: { status: number }) => r.status >= 500)).toEqual([]);
    expect(await control(h.url, "GET", "/_emulator/health")).toEqual({ status: 200, body: { status: "ok" } });
  });
});
