// GET/DELETE /_emulator/requests: what went on the wire, oldest first.

import { describe, expect, it } from "vitest";
import { clientFor, control, makeWorld, prepaid, useEmulator } from "./fixtures";

const h = useEmulator();

describe("the request log", () => {
  it("records method, path and status of every Metronome request, oldest first", async () => {
    const w = await makeWorld(h.client);
    await h.client.v1.customers.commits.create(prepaid(w, { priority: "high" })).catch(() => undefined);
    await h.client.v1.customers.commits.list({ customer_id: w.customerId });
    for await (const _ of h.client.v1.pricingUnits.list()) void _;
    await clientFor(h.url, "bad").v1.customers.create({ name: "x" }).catch(() => undefined);
    const log = await control(h.url, "GET", "/_emulator/requests");
    expect(log.body).toEqual({
      data: [
        { method: "POST", path: "/v1/customers", status: 200 },
        { method: "POST", path: "/v1/contract-pricing/products/create", status: 200 },
        { method: "POST", path: "/v1/contract-pricing/products/create", status: 200 },
        { method: "POST", path: "/v1/contracts/create", status: 200 },
        { method: "POST", path: "/v1/contracts/customerCommits/create", status: 400 },
        { method: "POST", path: "/v1/contracts/customerCommits/list", status: 200 },
        { method: "GET", path: "/v1/credit-types/list", status: 200 },
        { method: "POST", path: "/v1/customers", status: 401 },
      ],
    });
  });

  it("does not log the control surface", async () => {
    await control(h.url, "GET", "/_emulator/health");
    await control(h.url, "GET", "/_emulator/requests");
    expect((await control(h.url, "GET", "/_emulator/requests")).body.data).toEqual([]);
  });

  it("clears with DELETE", async () => {
    await h.client.v1.customers.create({ name: "x" });
    expect((await control(h.url, "GET", "/_emulator/requests")).body.data).toHaveLength(1);
    await control(h.url, "DELETE", "/_emulator/requests");
    expect((await control(h.url, "GET", "/_emulator/requests")).body.data).toEqual([]);
  });

  it("logs the path without the query string", async () => {
    await h.client.v1.pricingUnits.list({ limit: 1 });
    expect((await control(h.url, "GET", "/_emulator/requests")).body.data).toEqual([{ method: "GET", path: "/v1/credit-types/list", status: 200 }]);
  });
});
