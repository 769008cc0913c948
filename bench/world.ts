// What the benchmark's commits refer to (a FIXED product, customers with a
// contract each), created through the API as a user would, and the commits
// themselves: small invoiced PREPAID commits with explicit uniqueness keys,
// so that runs never collide with one another.

import type { CustomerCommitArgs } from "../provider";
import { MetronomeClient } from "../provider/client";
import { BENCH_TOKEN } from "./emulator-process";
import { pool } from "./stats";

export interface Customer {
  customerId: string;
  contractId: string;
}

export interface World {
  productId: string;
  customers: Customer[];
}

export async function seedWorld(url: string, customers: number): Promise<World> {
  const client = new MetronomeClient({ baseUrl: url, bearerToken: BENCH_TOKEN });
  try {
    const product = await client.products.create({ name: "Bench commit product", type: "FIXED" });
    const made = await pool(Array.from({ length: customers }, (_, i) => i), 8, async (i) => {
      const customer = await client.customers.create({ name: `Bench customer ${i}` });
      const contract = await client.contracts.create({ customer_id: customer.id, starting_at: "2027-01-01T00:00:00Z" });
      return { customerId: customer.id, contractId: contract.id };
    });
    return { productId: product.id, customers: made };
  } finally {
    await client.close();
  }
}

/** The `i`th commit of `customer`; `key` makes its uniqueness key unique to one run. */
export function commitArgs(world: World, customer: Customer, i: number, key: string): CustomerCommitArgs {
  const month = String((i % 12) + 1).padStart(2, "0");
  const amount = 10_000 + i;
  return {
    customerId: customer.customerId,
    type: "PREPAID",
    productId: world.productId,
    priority: 100 + (i % 500),
    name: `Bench commit ${i}`,
    accessSchedule: {
      scheduleItems: [{ amount, startingAt: `2027-${month}-01T00:00:00Z`, endingBefore: `2028-${month}-01T00:00:00Z` }],
    },
    invoiceContractId: customer.contractId,
    invoiceSchedule: { scheduleItems: [{ timestamp: `2027-${month}-01T00:00:00Z`, amount }] },
    uniquenessKey: `bench/${key}/${i}`,
  };
}

/**
 * `perCustomer` commits for each customer, listed customer by customer (as a
 * program that declares each customer's commits together registers them).
 */
export function commitsByCustomer(world: World, perCustomer: number, key: string): CustomerCommitArgs[] {
  const all: CustomerCommitArgs[] = [];
  let i = 0;
  for (const customer of world.customers) {
    for (let n = 0; n < perCustomer; n++) all.push(commitArgs(world, customer, i++, key));
  }
  return all;
}
