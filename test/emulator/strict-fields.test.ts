// Strict mode (`strictFields`): a body field outside the spec's list for the
// endpoint (emulator/spec/request-fields.json) is refused with a 400 naming
// it; free-form maps take any key; endpoints without a list are unchecked.
// Off by default, as Metronome ignores unknown fields.

import { beforeAll, describe, expect, it } from "vitest";
import facts from "../../emulator/spec/request-fields.json";
import { everyEndpoint } from "../../provider/client/endpoints";
import { matchRoute } from "../../emulator/routes/index";
import { makeWorld, prepaid, rawPost, readCommit, useEmulator, type World } from "./fixtures";

const strict = useEmulator({ strictFields: true });
const lenient = useEmulator();
let w: World;
let lw: World;
beforeAll(async () => {
  w = await makeWorld(strict.client);
  lw = await makeWorld(lenient.client);
});

const CREATE = "/v1/contracts/customerCommits/create";
const EDIT = "/v2/contracts/commits/edit";

describe("strict mode refuses a field the spec does not define, naming it", () => {
  it.each([
    ["a misspelled top-level field", CREATE, (x: World) => ({ ...prepaid(x), unqiueness_key: "k" }), "unqiueness_key"],
    ["an invented nested field", CREATE, (x: World) => {
      const body = prepaid(x);
      body.access_schedule.schedule_items[0].amount_cents = 1;
      return body;
    }, "access_schedule.schedule_items[].amount_cents"],
    ["a field of another endpoint", CREATE, (x: World) => ({ ...prepaid(x), hierarchy_configuration: { child_access: { type: "ALL" } } }), "hierarchy_configuration"],
    ["an invented edit field", EDIT, (x: World) => ({ customer_id: x.customerId, commit_id: x.contractId, end_date: "2028-01-01T00:00:00Z" }), "end_date"],
  ])("%s", async (_name, path, make, field) => {
    const res = await rawPost(strict.url, path, make(w));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect(res.body.message).toContain(path);
  });
});

describe("strict mode accepts what the spec defines", () => {
  it("takes any key inside a map (custom fields, group values)", async () => {
    await strict.client.v1.customFields.addKey({ entity: "commit", key: "any_key", enforce_uniqueness: false });
    const body = prepaid(w, { custom_fields: { any_key: "v" }, specifiers: [{ product_tags: ["api"], pricing_group_values: { region: "eu" } }] });
    const res = await rawPost(strict.url, CREATE, body);
    expect(res.status).toBe(200);
  });

  it("takes applicable_contract_ids on edit (the SDK's, newer than the spec copy)", async () => {
    const id = (await rawPost(strict.url, CREATE, prepaid(w))).body.data.id;
    const res = await rawPost(strict.url, EDIT, { customer_id: w.customerId, commit_id: id, applicable_contract_ids: [w.contractId] });
    expect(res.status).toBe(200);
    expect((await readCommit(strict.client, w.customerId, id)).applicable_contract_ids).toEqual([w.contractId]);
  });

  it("leaves endpoints without a list unchecked", async () => {
    const res = await rawPost(strict.url, "/v1/customers", { name: "Extra", nickname: "x" });
    expect(res.status).toBe(200);
  });
});

describe("without strict mode", () => {
  it("ignores unknown fields, as Metronome does", async () => {
    const res = await rawPost(lenient.url, CREATE, { ...prepaid(lw), unqiueness_key: "k" });
    expect(res.status).toBe(200);
  });
});

describe("the field list", () => {
  it("covers every endpoint the provider's client calls with a body, except the set-up ones", () => {
    const setUp = ["customers.create", "products.create", "contracts.create"];
    const withBody = everyEndpoint()
      .filter(([name, e]) => e.method === "POST" && !setUp.includes(name))
      .map(([, e]) => `${e.method} ${e.path}`)
      .sort();
    expect(Object.keys(facts.endpoints).sort()).toEqual(withBody);
  });

  it("lists only endpoints the emulator serves, the customer-credit ones included", () => {
    const listed = Object.keys(facts.endpoints);
    expect(listed.filter((endpoint) => {
      const [method, path] = endpoint.split(" ") as [string, string];
      return matchRoute(method, path) === undefined;
    })).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining([
      "POST /v1/contracts/customerCredits/create",
      "POST /v1/contracts/customerCredits/list",
      "POST /v1/contracts/customerCredits/updateEndDate",
      "POST /v2/contracts/credits/edit",
      "POST /v2/contracts/credits/archive",
    ]));
  });

  it("names the spec it was derived from", () => {
    expect(facts.source).toEqual(expect.objectContaining({ repository: "steventhanna/autogen-metronome", commit: expect.stringMatching(/^[0-9a-f]{40}$/), infoVersion: "1.0.0" }));
  });
});
