// `client.customFields`: custom-field values on commits and credits, and the
// allow-list of keys. Value writes change the record they name, so observers
// hear of them; registering a key changes no record.

import type { AddCustomFieldKeyBody, DeleteCustomFieldValuesBody, SetCustomFieldValuesBody } from "../../api/wire";
import { ENDPOINTS } from "../endpoints";
import type { WriteEntity } from "../writes";
import type { ResourceContext, WriteOptions } from "./context";

/** The record kind a custom-field body's entity type names, if it is one observers hear about. */
function entityOf(entity: string): WriteEntity | undefined {
  if (entity === "commit") return "commit";
  if (entity === "contract_credit") return "credit";
  return undefined;
}

export class CustomFields {
  readonly #context: ResourceContext;

  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /** Sets the given custom-field values; other keys are kept. */
  async setValues(body: SetCustomFieldValuesBody, opts?: WriteOptions): Promise<void> {
    await this.#valueWrite(ENDPOINTS.customFields.setValues, body, opts);
  }

  async deleteValues(body: DeleteCustomFieldValuesBody, opts?: WriteOptions): Promise<void> {
    await this.#valueWrite(ENDPOINTS.customFields.deleteValues, body, opts);
  }

  /** Allows a custom-field key on an entity type (commits and credits may only carry allowed keys). */
  async addKey(body: AddCustomFieldKeyBody, opts?: WriteOptions): Promise<void> {
    await this.#context.call(ENDPOINTS.customFields.addKey, { body, ...opts });
  }

  async #valueWrite(
    endpoint: (typeof ENDPOINTS.customFields)["setValues" | "deleteValues"],
    body: SetCustomFieldValuesBody | DeleteCustomFieldValuesBody,
    opts: WriteOptions | undefined,
  ): Promise<void> {
    const write = { kind: "change", entity: entityOf(body.entity), customerId: undefined, entityId: () => body.entity_id } as const;
    await this.#context.observed(write, () => this.#context.call(endpoint, { body, ...opts }));
  }
}
