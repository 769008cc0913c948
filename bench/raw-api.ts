// The baseline: the same HTTP calls the provider makes, sent directly with
// undici (one keep-alive Agent, as the client has), with no validation,
// mapping, retries or deadlines: what a hand-written script would do.

import { Agent, request } from "undici";
import type { Commit } from "../provider/api/wire";

export const CREATE_PATH = "/v1/contracts/customerCommits/create";
export const LIST_PATH = "/v1/contracts/customerCommits/list";

export class RawApi {
  readonly #agent = new Agent();
  readonly #headers: Record<string, string>;

  constructor(
    readonly url: string,
    token: string,
  ) {
    this.#headers = { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" };
  }

  /** POSTs a JSON text; resolves to the parsed answer, throws on a non-2xx. */
  async post(path: string, body: string): Promise<unknown> {
    const response = await request(this.url + path, { method: "POST", headers: this.#headers, body, dispatcher: this.#agent });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`${path}: ${response.statusCode} ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  }

  /**
   * Creates a commit from its request body (built beforehand, as a script
   * would have it); serializing it is part of the call, as for any JSON API.
   */
  async create(body: unknown): Promise<string> {
    return ((await this.post(CREATE_PATH, JSON.stringify(body))) as { data: { id: string } }).data.id;
  }

  /** The commit, by the one list call filtered by `commit_id` (Metronome has no get-by-id). */
  async read(customerId: string, commitId: string): Promise<Commit | undefined> {
    const body = JSON.stringify({ customer_id: customerId, commit_id: commitId, include_archived: true });
    const page = (await this.post(LIST_PATH, body)) as { data: Commit[] };
    return page.data.find((c) => c.id === commitId);
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}
