// A 2xx answer without the id a write promises: the error names the endpoint
// that was called (so a failed edit is not reported as a failed create), and
// says the write may have applied, since Metronome did answer success.
import { afterEach, beforeEach, expect, it } from "vitest";
import { MetronomeApiError, MetronomeClient } from "../../../provider/client";
import { json, startStub, type StubServer } from "./support/stub-server";

const TOKEN = "mtr_test_malformed_7a6b5c4d3e2f1a0b9c8d";
const SCHEDULE = { schedule_items: [{ amount: 1, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] };

const WRITES: Array<[string, string, (c: MetronomeClient) => Promise<unknown>]> = [
  ["commits.create", "/v1/contracts/customerCommits/create", (c) => c.commits.create({ customer_id: "cu", type: "PREPAID", product_id: "p", priority: 1, access_schedule: SCHEDULE })],
  ["commits.updateEndDate", "/v1/contracts/customerCommits/updateEndDate", (c) => c.commits.updateEndDate({ customer_id: "cu", commit_id: "c1", access_ending_before: "2027-06-01T00:00:00Z" })],
  ["commits.edit", "/v2/contracts/commits/edit", (c) => c.commits.edit({ customer_id: "cu", commit_id: "c1", name: "x" })],
  ["commits.archive", "/v2/contracts/commits/archive", (c) => c.commits.archive({ customer_id: "cu", commit_id: "c1" })],
  ["credits.create", "/v1/contracts/customerCredits/create", (c) => c.credits.create({ customer_id: "cu", product_id: "p", priority: 1, access_schedule: SCHEDULE })],
  ["credits.updateEndDate", "/v1/contracts/customerCredits/updateEndDate", (c) => c.credits.updateEndDate({ customer_id: "cu", credit_id: "k1", access_ending_before: "2027-06-01T00:00:00Z" })],
  ["credits.edit", "/v2/contracts/credits/edit", (c) => c.credits.edit({ customer_id: "cu", credit_id: "k1", name: "x" })],
  ["credits.archive", "/v2/contracts/credits/archive", (c) => c.credits.archive({ customer_id: "cu", credit_id: "k1" })],
  ["customers.create", "/v1/customers", (c) => c.customers.create({ name: "n" })],
  ["products.create", "/v1/contract-pricing/products/create", (c) => c.products.create({ name: "n", type: "FIXED" })],
  ["contracts.create", "/v1/contracts/create", (c) => c.contracts.create({ customer_id: "cu", starting_at: "2027-01-01T00:00:00Z" })],
];

const ANSWERS: Array<[string, unknown]> = [
  ["no data", {}],
  ["data without an id", { data: {} }],
  ["an id that is not a string", { data: { id: 7 } }],
];

let stub: StubServer;
let client: MetronomeClient;

beforeEach(async () => {
  stub = await startStub();
  client = new MetronomeClient({ baseUrl: stub.url, bearerToken: TOKEN, maxRetries: 0 });
});
afterEach(async () => {
  await client.close();
  await stub.close();
});

it.each(WRITES.flatMap(([name, path, call]) => ANSWERS.map(([answer, body]) => ({ name, path, call, answer, body }))))(
  "$name answered with $answer: a may-have-applied error naming $path",
  async ({ path, call, body }) => {
    stub.setHandler((_req, res) => json(res, 200, body));
    const error = await call(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MetronomeApiError);
    expect(error).toMatchObject({ method: "POST", path, mayHaveApplied: true });
    expect(stub.requests.map((r) => r.url)).toEqual([path]);
  },
);
