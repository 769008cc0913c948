// `client.customers`: what commits and credits belong to.

import type { CreateCustomerBody, CreateCustomerResponse, Customer } from "../../api/wire";
import { ENDPOINTS, type Endpoint } from "../endpoints";
import { malformed } from "../responses";
import type { ResourceContext, WriteOptions } from "./context";

function customerOf(response: unknown, endpoint: Endpoint): Customer {
  const customer = (response as Partial<CreateCustomerResponse> | undefined)?.data;
  if (customer === undefined || typeof customer.id !== "string") throw malformed(endpoint);
  return customer;
}

export class Customers {
  readonly #context: ResourceContext;

  constructor(context: ResourceContext) {
    this.#context = context;
  }

  async create(body: CreateCustomerBody, opts?: WriteOptions): Promise<Customer> {
    const endpoint = ENDPOINTS.customers.create;
    return customerOf(await this.#context.call(endpoint, { body, ...opts }), endpoint);
  }

  /** The customer, or a NotFoundError when Metronome has none with this id. */
  async get(customerId: string): Promise<Customer> {
    const template = ENDPOINTS.customers.get;
    const endpoint = { ...template, path: template.path.replace("{customer_id}", encodeURIComponent(customerId)) };
    return customerOf(await this.#context.call(endpoint, {}), endpoint);
  }
}
