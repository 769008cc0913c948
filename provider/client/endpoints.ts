// Every Metronome call the client makes, with the one property that decides
// how failures are handled: is it a read or a write? The list endpoints are
// POSTs but only read, so the HTTP method cannot be trusted for this.

import type { RequestKind } from "./retry";

export interface Endpoint {
  method: "GET" | "POST";
  path: string;
  kind: RequestKind;
}

export const ENDPOINTS = {
  createCommit: { method: "POST", path: "/v1/contracts/customerCommits/create", kind: "write" },
  listCommits: { method: "POST", path: "/v1/contracts/customerCommits/list", kind: "read" },
  updateCommitEndDate: { method: "POST", path: "/v1/contracts/customerCommits/updateEndDate", kind: "write" },
  editCommit: { method: "POST", path: "/v2/contracts/commits/edit", kind: "write" },
  archiveCommit: { method: "POST", path: "/v2/contracts/commits/archive", kind: "write" },
  setCustomFieldValues: { method: "POST", path: "/v1/customFields/setValues", kind: "write" },
  deleteCustomFieldValues: { method: "POST", path: "/v1/customFields/deleteValues", kind: "write" },
  addCustomFieldKey: { method: "POST", path: "/v1/customFields/addKey", kind: "write" },
  createCustomer: { method: "POST", path: "/v1/customers", kind: "write" },
  /** `{customer_id}` is filled in per call. */
  getCustomer: { method: "GET", path: "/v1/customers/{customer_id}", kind: "read" },
  createProduct: { method: "POST", path: "/v1/contract-pricing/products/create", kind: "write" },
  createContract: { method: "POST", path: "/v1/contracts/create", kind: "write" },
  listCreditTypes: { method: "GET", path: "/v1/credit-types/list", kind: "read" },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
