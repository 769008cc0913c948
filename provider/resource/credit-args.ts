import type * as pulumi from "@pulumi/pulumi";
import type { AccessScheduleArgs, SpecifierArgs } from "./args";

// The inputs of `CustomerCredit`, camelCase mirrors of Metronome's
// create-credit fields: a commit's, less the type and everything about
// invoicing (a credit is granted, not invoiced). The credit kind's schema
// (provider/core/kinds/credit) is the source of truth;
// test/provider/resource/credit-args.test.ts proves at compile time that this
// interface and the schema accept the same shapes.

export interface CustomerCreditArgs {
  /** The Metronome customer the credit belongs to. Changing it replaces the credit. */
  customerId: pulumi.Input<string>;
  /** The FIXED product the credit is shown under. Edits in place. */
  productId: pulumi.Input<string>;
  /** Draw-down order among commits and credits; lower is consumed first. Edits in place. */
  priority: pulumi.Input<number>;
  /** When and how much the customer may draw down. Items edit in place; the credit type replaces the credit. */
  accessSchedule: pulumi.Input<AccessScheduleArgs>;
  /** Limit the credit to these contracts (all of the customer's when omitted). Edits in place. */
  applicableContractIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Limit draw-down to these products. Edits in place. Not with `specifiers`. */
  applicableProductIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Limit draw-down to products with these tags. Edits in place. Not with `specifiers`. */
  applicableProductTags?: pulumi.Input<pulumi.Input<string>[]>;
  /** Finer draw-down rules. Edits in place. Not with `applicableProductIds`/`applicableProductTags`. */
  specifiers?: pulumi.Input<pulumi.Input<SpecifierArgs>[]>;
  /** Shown on invoices. Edits in place. */
  name?: pulumi.Input<string>;
  /** Internal description, not shown to the customer. Edits in place. */
  description?: pulumi.Input<string>;
  /** Credit custom fields (keys must be registered in Metronome for entity `contract_credit`). Edits in place. */
  customFields?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** NetSuite sales order id. Changing it replaces the credit. */
  netsuiteSalesOrderId?: pulumi.Input<string>;
  /** Salesforce opportunity id. Changing it replaces the credit. */
  salesforceOpportunityId?: pulumi.Input<string>;
  /** `COMMIT_RATE` or `LIST_RATE` (Metronome's default, filled in when omitted). Edits in place. */
  rateType?: pulumi.Input<string>;
  /**
   * Metronome's guard against duplicates (1 to 128 characters), shared with commits. Defaults to a
   * key derived from project, stack, resource name, the kind and the replace-only fields. Metronome
   * never releases a key. Changing it replaces the credit.
   */
  uniquenessKey?: pulumi.Input<string>;
  /**
   * What removing this resource does to the credit: `"archive"` (default), `"endAccess"` (end its
   * access at the next whole hour, keep the credit) or `"forget"` (leave it untouched in Metronome).
   */
  onDelete?: pulumi.Input<"archive" | "endAccess" | "forget">;
  /**
   * Take over this existing Metronome credit instead of creating one. The declaration must match
   * the credit; nothing is created or edited on adoption.
   */
  existingCreditId?: pulumi.Input<string>;
}
