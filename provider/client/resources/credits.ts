// `client.credits`: customer-level credits, through the same calls as commits.

import type { ArchiveCreditBody, CreateCreditBody, Credit, EditCreditBody, ListCreditsBody, UpdateCreditEndDateBody } from "../../api/wire";
import { ENDPOINTS } from "../endpoints";
import type { ResourceContext } from "./context";
import { KindResource } from "./kind-resource";

export interface CreditWireTypes {
  record: Credit;
  create: CreateCreditBody;
  list: ListCreditsBody;
  updateEndDate: UpdateCreditEndDateBody;
  edit: EditCreditBody;
  archive: ArchiveCreditBody;
}

/** Credits: a listed credit carries no archive mark, so `get` with archived ones included cannot tell them apart. */
export class Credits extends KindResource<CreditWireTypes> {
  constructor(context: ResourceContext) {
    super(context, {
      entity: "credit",
      endpoints: ENDPOINTS.credits,
      byId: (customerId, creditId, includeArchived) => ({ customer_id: customerId, credit_id: creditId, include_archived: includeArchived }),
      target: (body) => body.credit_id,
    });
  }
}
