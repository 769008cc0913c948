import * as pulumi from "@pulumi/pulumi";
import { customerCreditKind } from "../core/kinds/credit";
import type { CustomerCreditOutputs, RuntimeOutputs } from "../core/outputs";
import type { CustomerCreditArgs } from "./args";
import { asDynamicResource } from "./dynamic-resource";
import { registeredInputs } from "./kind-inputs";
import type { OutputProperties } from "./output-properties";
import { CUSTOMER_CREDIT_PROVIDER_TEXT } from "./provider-module";

/**
 * A Metronome customer credit (an allowance granted, not invoiced: onboarding
 * credits, SLA credits, promotions), managed through its whole life like a
 * `CustomerCommit`: created with a uniqueness key (never twice), edited in
 * place where Metronome allows, replaced where it does not, refreshed, and
 * archived (or ended, or forgotten, per `onDelete`) on removal. Its `id` is
 * the credit id; its outputs are its canonical inputs (schedule items with
 * Metronome's item `id`), `hierarchyConfiguration` and `revision`.
 *
 * Type token: `pulumi-nodejs:dynamic/metronome:CustomerCredit`, a
 * `pulumi.dynamic.Resource` whose `__provider` is the one-line module of
 * provider-module.ts.
 */
export class CustomerCredit extends pulumi.CustomResource {
  constructor(name: string, args: CustomerCreditArgs, opts?: pulumi.CustomResourceOptions) {
    super(customerCreditKind.typeToken, name, registeredInputs(customerCreditKind, name, args, CUSTOMER_CREDIT_PROVIDER_TEXT), opts);
  }
}
export interface CustomerCredit extends OutputProperties<CustomerCreditOutputs & RuntimeOutputs> {}
asDynamicResource(CustomerCredit);
