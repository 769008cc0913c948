// What a route handler sees and returns. Handlers are synchronous: the whole
// of one request's effect on the state happens in one turn of the event
// loop, so concurrent requests can never interleave half-applied changes.

import type { Body } from "../rules/fields";
import type { Store } from "../store";

export interface RouteContext {
  body: Body;
  query: URLSearchParams;
  params: Record<string, string>;
  store: Store;
  /** Current instant in ms (one value per request). */
  now: number;
  /**
   * The `ignoreUnsourced` mode: what no source says Metronome does with a
   * field, the emulator does not do (the hardest reading for a client).
   */
  ignoreUnsourced: boolean;
}

export interface RouteResult {
  status?: number;
  body: unknown;
}

export type Handler = (ctx: RouteContext) => RouteResult;

export interface Route {
  method: "GET" | "POST";
  /** Exact path, or segments with `:name` placeholders. */
  path: string;
  handler: Handler;
}
