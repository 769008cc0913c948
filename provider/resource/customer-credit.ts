import * as pulumi from "@pulumi/pulumi";
import { customerCreditKind } from "../core/kinds/credit";
import type { AccessScheduleInputs, OnDelete, RateTypeName, SpecifierInputs } from "../core/inputs";
import type { HierarchyConfigurationOutput } from "../core/outputs";
import type { CustomerCreditArgs } from "./credit-args";
import { asDynamicResource, dynamicType } from "./dynamic-resource";
import { registeredInputs } from "./kind-inputs";
import { CUSTOMER_CREDIT_PROVIDER_TEXT } from "./provider-module";

/**
 * A Metronome customer credit (an allowance granted, not invoiced: onboarding
 * credits, SLA credits, promotions), managed through its whole life like a
 * `CustomerCommit`: created with a uniqueness key (never twice), edited in
 * place where Metronome allows, replaced where it does not, refreshed, and
 * archived (or ended, or forgotten, per `onDelete`) on removal. Its `id` is
 * the credit id.
 *
 * Type token: `pulumi-nodejs:dynamic/metronome:CustomerCredit`, a
 * `pulumi.dynamic.Resource` whose `__provider` is the one-line module of
 * provider-module.ts.
 */
export class CustomerCredit extends pulumi.CustomResource {
  declare readonly customerId: pulumi.Output<string>;
  declare readonly productId: pulumi.Output<string>;
  declare readonly priority: pulumi.Output<number>;
  /** The access schedule; each item carries Metronome's schedule-item `id`. */
  declare readonly accessSchedule: pulumi.Output<AccessScheduleInputs>;
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
  /** The uniqueness key the credit was created with (declared or derived). */
  declare readonly uniquenessKey: pulumi.Output<string>;
  declare readonly onDelete: pulumi.Output<OnDelete>;
  declare readonly existingCreditId: pulumi.Output<string | undefined>;
  /** Which child contracts may draw the credit down, when one was set in Metronome; refresh shows it. */
  declare readonly hierarchyConfiguration: pulumi.Output<HierarchyConfigurationOutput | undefined>;
  /** How many in-place updates have been applied; keeps edit idempotency keys distinct. */
  declare readonly revision: pulumi.Output<number>;

  constructor(name: string, args: CustomerCreditArgs, opts?: pulumi.CustomResourceOptions) {
    super(dynamicType("metronome", customerCreditKind.typeName), name, registeredInputs(customerCreditKind, name, args, CUSTOMER_CREDIT_PROVIDER_TEXT), opts);
  }
}
asDynamicResource(CustomerCredit);
