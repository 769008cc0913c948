// Custom-field wire shapes: values on a commit or a credit, and the allow-list
// of keys per entity type.

/** The entity types whose custom-field values the client writes. */
export type CustomFieldValueEntity = "commit" | "contract_credit";

export interface SetCustomFieldValuesBody {
  entity: CustomFieldValueEntity;
  entity_id: string;
  custom_fields: Record<string, string>;
}

export interface DeleteCustomFieldValuesBody {
  entity: CustomFieldValueEntity;
  entity_id: string;
  keys: string[];
}

/** Entities a custom-field key can be registered for (`/v1/customFields/addKey`). */
export type CustomFieldEntity =
  | "alert"
  | "billable_metric"
  | "charge"
  | "commit"
  | "contract_credit"
  | "contract_product"
  | "contract"
  | "credit_grant"
  | "customer_plan"
  | "customer"
  | "discount"
  | "invoice"
  | "plan"
  | "professional_service"
  | "product"
  | "rate_card"
  | "scheduled_charge"
  | "subscription"
  | "package_commit"
  | "package_credit"
  | "package_subscription"
  | "package_scheduled_charge";

/** Custom-field keys must be on the allow-list before a commit or credit may carry them. */
export interface AddCustomFieldKeyBody {
  entity: CustomFieldEntity;
  key: string;
  enforce_uniqueness: boolean;
}
