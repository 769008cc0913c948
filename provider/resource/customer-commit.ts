import * as pulumi from "@pulumi/pulumi";
import { customerCommitKind } from "../core/kinds/commit";
import type {
  AccessScheduleInputs,
  CommitTypeName,
  InvoiceScheduleInputs,
  OnDelete,
  RateTypeName,
  SpecifierInputs,
} from "../core/inputs";
import type { CustomerCommitArgs } from "./args";
import { asDynamicResource, dynamicType } from "./dynamic-resource";
import { CUSTOMER_COMMIT_PROVIDER_TEXT } from "./provider-module";
import { registeredInputs } from "./kind-inputs";

/**
 * A Metronome customer commit, managed through its whole life: created with a
 * uniqueness key (never twice), edited in place where Metronome allows,
 * replaced where it does not, refreshed from Metronome, and archived (or
 * ended, or forgotten, per `onDelete`) on removal. Its `id` is the commit id.
 *
 * Type token: `pulumi-nodejs:dynamic/metronome:CustomerCommit`. A
 * `pulumi.dynamic.Resource` whose `__provider` is the one-line module of
 * provider-module.ts (see dynamic-resource.ts).
 */
export class CustomerCommit extends pulumi.CustomResource {
  declare readonly customerId: pulumi.Output<string>;
  declare readonly type: pulumi.Output<CommitTypeName>;
  declare readonly productId: pulumi.Output<string>;
  declare readonly priority: pulumi.Output<number>;
  /** The access schedule; each item carries Metronome's schedule-item `id`. */
  declare readonly accessSchedule: pulumi.Output<AccessScheduleInputs>;
  /** The invoice schedule; each item carries Metronome's schedule-item `id`. */
  declare readonly invoiceSchedule: pulumi.Output<InvoiceScheduleInputs | undefined>;
  declare readonly invoiceContractId: pulumi.Output<string | undefined>;
  declare readonly applicableContractIds: pulumi.Output<string[] | undefined>;
  declare readonly applicableProductIds: pulumi.Output<string[] | undefined>;
  declare readonly applicableProductTags: pulumi.Output<string[] | undefined>;
  declare readonly specifiers: pulumi.Output<SpecifierInputs[] | undefined>;
  declare readonly name: pulumi.Output<string | undefined>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly customFields: pulumi.Output<Record<string, string> | undefined>;
  declare readonly netsuiteSalesOrderId: pulumi.Output<string | undefined>;
  declare readonly salesforceOpportunityId: pulumi.Output<string | undefined>;
  declare readonly rateType: pulumi.Output<RateTypeName>;
  /** The uniqueness key the commit was created with (declared or derived). */
  declare readonly uniquenessKey: pulumi.Output<string>;
  declare readonly onDelete: pulumi.Output<OnDelete>;
  declare readonly existingCommitId: pulumi.Output<string | undefined>;
  /** When Metronome created the commit (ISO 8601). */
  declare readonly createdAt: pulumi.Output<string>;
  /** When the commit was archived, if it was (a refresh then drops it from state). */
  declare readonly archivedAt: pulumi.Output<string | undefined>;
  /**
   * Which child contracts may draw the commit down, when one was set in
   * Metronome: no input sets it and no update changes it; refresh shows it.
   */
  declare readonly hierarchyConfiguration: pulumi.Output<{ childAccess: { contractIds?: string[]; type: string } } | undefined>;
  /** How many in-place updates have been applied; keeps edit idempotency keys distinct. */
  declare readonly revision: pulumi.Output<number>;

  constructor(name: string, args: CustomerCommitArgs, opts?: pulumi.CustomResourceOptions) {
    super(dynamicType("metronome", customerCommitKind.typeName), name, registeredInputs(customerCommitKind, name, args, CUSTOMER_COMMIT_PROVIDER_TEXT), opts);
  }
}
asDynamicResource(CustomerCommit);
