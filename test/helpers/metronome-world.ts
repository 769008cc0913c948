/**
 * A Metronome to test against: the package's emulator on loopback, the
 * official SDK pointed at it (what tests use to look at or change Metronome
 * behind Pulumi's back), and the records commits refer to, created through
 * the API as a user would: customers, a FIXED product, a contract per
 * customer, and a registered commit custom-field key.
 */
import Metronome from "@metronome/sdk";
import { startEmulator } from "../../emulator";
import { TEST_EMULATOR_OPTIONS } from "./emulator-options";

export const TEST_TOKEN = "test-bearer-token-9f8e7d6c5b4a";
export const CUSTOM_FIELD_KEY = "sales_region";

export interface MetronomeWorld {
  url: string;
  token: string;
  sdk: Metronome;
  /** The first customer, with `productId` and `contractId`. */
  customerId: string;
  productId: string;
  contractId: string;
  customers: Array<{ customerId: string; contractId: string }>;
  /** Stack config that points the provider at this emulator (token as a secret). */
  stackConfig(): { config: Record<string, string>; secretConfig: Record<string, string> };
  /** Every commit of a customer as Metronome holds it, archived ones included. */
  commits(customerId?: string): Promise<Metronome.Commit[]>;
  /** The live (not archived) commits of a customer. */
  liveCommits(customerId?: string): Promise<Metronome.Commit[]>;
  /** The live credits of a customer (a listed credit carries no archive mark: the live listing is the answer). */
  liveCredits(customerId?: string): Promise<Metronome.Credit[]>;
  /** `POST /_emulator/...` on the control surface. */
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function startMetronomeWorld(opts: { customers?: number; dataFile?: string } = {}): Promise<MetronomeWorld> {
  const emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: TEST_TOKEN, dataFile: opts.dataFile });
  const sdk = new Metronome({ bearerToken: TEST_TOKEN, baseURL: emulator.url, maxRetries: 0 });
  const product = await sdk.v1.contracts.products.create({ name: "Commit product", type: "FIXED" });
  await sdk.v1.customFields.addKey({ entity: "commit", key: CUSTOM_FIELD_KEY, enforce_uniqueness: false });
  const customers: MetronomeWorld["customers"] = [];
  for (let i = 0; i < (opts.customers ?? 1); i++) {
    const customer = await sdk.v1.customers.create({ name: `Customer ${i + 1}` });
    const contract = await sdk.v1.contracts.create({ customer_id: customer.data.id, starting_at: "2027-01-01T00:00:00Z" });
    customers.push({ customerId: customer.data.id, contractId: contract.data.id });
  }
  const first = customers[0]!;
  const commits = async (customerId = first.customerId) => {
    const all: Metronome.Commit[] = [];
    for await (const c of sdk.v1.customers.commits.list({ customer_id: customerId, include_archived: true })) all.push(c);
    return all;
  };
  return {
    url: emulator.url,
    token: TEST_TOKEN,
    sdk,
    customerId: first.customerId,
    productId: product.data.id,
    contractId: first.contractId,
    customers,
    stackConfig: () => ({
      config: { "metronome:baseUrl": emulator.url },
      secretConfig: { "metronome:bearerToken": TEST_TOKEN },
    }),
    commits,
    liveCommits: async (customerId) => (await commits(customerId)).filter((c) => c.archived_at === undefined),
    async liveCredits(customerId = first.customerId) {
      const all: Metronome.Credit[] = [];
      for await (const c of sdk.v1.customers.credits.list({ customer_id: customerId })) all.push(c);
      return all;
    },
    async control(path, body, method = "POST") {
      const response = await fetch(`${emulator.url}/_emulator/${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} /_emulator/${path}: ${response.status} ${text}`);
      return text === "" ? undefined : JSON.parse(text);
    },
    close: () => emulator.close(),
  };
}
