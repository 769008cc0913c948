// The records commits refer to, so users and tests set things up through the
// API exactly as against Metronome: customers, contract products, contracts,
// and the (pre-seeded, read-only) credit types.

import { randomUUID } from "node:crypto";
import { badRequest, conflict, notFound } from "../errors";
import { requireTimestamp } from "../time";
import {
  optionalString,
  optionalStringArray,
  optionalStringMap,
  requireEnum,
  requireString,
  requireUuid,
} from "../rules/fields";
import { requireCustomer } from "../rules/references";
import { PRODUCT_TYPES, type CustomerRecord } from "../model";
import { decodeCursor, encodeCursor } from "./cursor";
import type { Route } from "./types";

/** Creation time answered for customers saved before it was recorded. */
const UNRECORDED = new Date(0).toISOString();

/** The create answer: the SDK's `Customer`. */
function customerView(c: CustomerRecord): Record<string, unknown> {
  const { id, name, external_id, ingest_aliases, custom_fields } = c;
  return { id, name, external_id, ingest_aliases, custom_fields };
}

/** The retrieve answer: the SDK's `CustomerDetail` (customers are never edited here, so updated = created). */
function customerDetail(c: CustomerRecord): Record<string, unknown> {
  const createdAt = c.created_at ?? UNRECORDED;
  return {
    ...customerView(c),
    created_at: createdAt,
    updated_at: createdAt,
    customer_config: { salesforce_account_id: null },
    archived_at: null,
  };
}

const createCustomer: Route = {
  method: "POST",
  path: "/v1/customers",
  handler: ({ body, store, now }) => {
    const id = randomUUID();
    const customer: CustomerRecord = {
      id,
      name: requireString(body.name, "name", { min: 1 }),
      // Without an external id Metronome identifies the customer by its id.
      external_id: optionalString(body.external_id, "external_id", { min: 1 }) ?? id,
      ingest_aliases: optionalStringArray(body.ingest_aliases, "ingest_aliases") ?? [],
      custom_fields: optionalStringMap(body.custom_fields, "custom_fields") ?? {},
      created_at: new Date(now).toISOString(),
    };
    store.state.customers[id] = customer;
    return { body: { data: customerView(customer) } };
  },
};

const getCustomer: Route = {
  method: "GET",
  path: "/v1/customers/:customer_id",
  handler: ({ params, store }) => {
    const customer = store.state.customers[params.customer_id ?? ""];
    if (!customer) throw notFound("customer not found", "CustomerNotFound");
    return { body: { data: customerDetail(customer) } };
  },
};

const createProduct: Route = {
  method: "POST",
  path: "/v1/contract-pricing/products/create",
  handler: ({ body, store }) => {
    const id = randomUUID();
    store.state.products[id] = {
      id,
      name: requireString(body.name, "name", { min: 1 }),
      type: requireEnum(body.type, "type", PRODUCT_TYPES),
      tags: optionalStringArray(body.tags, "tags") ?? [],
    };
    return { body: { data: { id } } };
  },
};

const createContract: Route = {
  method: "POST",
  path: "/v1/contracts/create",
  handler: ({ body, store }) => {
    const customer_id = requireUuid(body.customer_id, "customer_id");
    // Contract dates need not sit on an hour (only commit schedules do).
    const starting_at = requireTimestamp(body.starting_at, "starting_at", false);
    const ending_before =
      body.ending_before == null ? undefined : requireTimestamp(body.ending_before, "ending_before", false);
    if (ending_before && Date.parse(ending_before) <= Date.parse(starting_at)) {
      throw badRequest("ending_before must be after starting_at");
    }
    const name = optionalString(body.name, "name");
    const uniqueness_key = optionalString(body.uniqueness_key, "uniqueness_key", { min: 1, max: 128 });
    requireCustomer(store.state, customer_id);
    if (uniqueness_key && Object.values(store.state.contracts).some((c) => c.uniqueness_key === uniqueness_key)) {
      throw conflict("This uniqueness key has already been used.");
    }
    const id = randomUUID();
    store.state.contracts[id] = { id, customer_id, starting_at, ending_before, name, uniqueness_key };
    return { body: { data: { id } } };
  },
};

const listCreditTypes: Route = {
  method: "GET",
  path: "/v1/credit-types/list",
  handler: ({ query, store }) => {
    const limitText = query.get("limit");
    const limit = limitText === null ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest("limit must be an integer between 1 and 100");
    const offset = decodeCursor(query.get("next_page"));
    const all = store.state.creditTypes;
    const page = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? encodeCursor(offset + limit) : null;
    return { body: { data: page, next_page: next } };
  },
};

export const setupRoutes: Route[] = [createCustomer, getCustomer, createProduct, createContract, listCreditTypes];
