// Light checks of success answers: enough that a caller never gets
// `undefined` where the types promise an id or a page. A success answer we
// cannot read is, for a write, as ambiguous as no answer, and the error names
// the endpoint that was called.

import type { IdResponse } from "../api/wire";
import type { Endpoint } from "./endpoints";
import { MetronomeApiError } from "./errors";
import type { CursorPage } from "./pagination";

/** The record a write touched. */
export interface EntityRef {
  id: string;
}

export function malformed(endpoint: Endpoint): MetronomeApiError {
  return new MetronomeApiError("success response has an unexpected shape", {
    method: endpoint.method,
    path: endpoint.path,
    mayHaveApplied: endpoint.kind === "write",
  });
}

/** `{ data: { id } }`, the answer of every commit and credit write and of the set-up creates. */
export function idOf(response: unknown, endpoint: Endpoint): EntityRef {
  const id = (response as Partial<IdResponse> | undefined)?.data?.id;
  if (typeof id !== "string") throw malformed(endpoint);
  return { id };
}

/** `{ data: [...], next_page }`; an empty cursor means the last page. */
export function asPage<T>(response: unknown, endpoint: Endpoint): CursorPage<T> {
  const page = response as { data?: unknown; next_page?: unknown } | undefined;
  if (page === undefined || !Array.isArray(page.data)) throw malformed(endpoint);
  const next = page.next_page;
  return { data: page.data as T[], next_page: typeof next === "string" && next !== "" ? next : null };
}
