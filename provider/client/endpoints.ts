// Every Metronome call the client makes, grouped by the resource it belongs
// to, with the one property that decides how failures are handled: is it a
// read or a write? The list endpoints are POSTs but only read, so the HTTP
// method cannot be trusted for this.

import type { RequestKind } from "./retry";

export interface Endpoint {
  method: "GET" | "POST";
  path: string;
  kind: RequestKind;
}

export const ENDPOINTS = {
  commits: {
    create: { method: "POST", path: "/v1/contracts/customerCommits/create", kind: "write" },
    list: { method: "POST", path: "/v1/contracts/customerCommits/list", kind: "read" },
    updateEndDate: { method: "POST", path: "/v1/contracts/customerCommits/updateEndDate", kind: "write" },
    edit: { method: "POST", path: "/v2/contracts/commits/edit", kind: "write" },
    archive: { method: "POST", path: "/v2/contracts/commits/archive", kind: "write" },
  },
  credits: {
    create: { method: "POST", path: "/v1/contracts/customerCredits/create", kind: "write" },
    list: { method: "POST", path: "/v1/contracts/customerCredits/list", kind: "read" },
    updateEndDate: { method: "POST", path: "/v1/contracts/customerCredits/updateEndDate", kind: "write" },
    edit: { method: "POST", path: "/v2/contracts/credits/edit", kind: "write" },
    archive: { method: "POST", path: "/v2/contracts/credits/archive", kind: "write" },
  },
  customFields: {
    setValues: { method: "POST", path: "/v1/customFields/setValues", kind: "write" },
    deleteValues: { method: "POST", path: "/v1/customFields/deleteValues", kind: "write" },
    addKey: { method: "POST", path: "/v1/customFields/addKey", kind: "write" },
  },
  customers: {
    create: { method: "POST", path: "/v1/customers", kind: "write" },
    /** `{customer_id}` is filled in per call. */
    get: { method: "GET", path: "/v1/customers/{customer_id}", kind: "read" },
  },
  products: {
    create: { method: "POST", path: "/v1/contract-pricing/products/create", kind: "write" },
  },
  contracts: {
    create: { method: "POST", path: "/v1/contracts/create", kind: "write" },
  },
  creditTypes: {
    list: { method: "GET", path: "/v1/credit-types/list", kind: "read" },
  },
} as const satisfies Record<string, Record<string, Endpoint>>;

export type ResourceName = keyof typeof ENDPOINTS;

/** An endpoint's name: its resource and its call, e.g. `"commits.edit"`. */
export type EndpointName = {
  [R in ResourceName]: `${R}.${keyof (typeof ENDPOINTS)[R] & string}`;
}[ResourceName];

/** Every endpoint with its name, in the order of the list above. */
export function everyEndpoint(): Array<[EndpointName, Endpoint]> {
  return Object.entries(ENDPOINTS).flatMap(([resource, calls]) =>
    Object.entries(calls as Record<string, Endpoint>).map(([call, endpoint]): [EndpointName, Endpoint] => [`${resource}.${call}` as EndpointName, endpoint]),
  );
}
