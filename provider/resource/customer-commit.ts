import * as pulumi from "@pulumi/pulumi";
import { CANDIDATE_KEY_INPUT, RESOURCE_NAME_INPUT } from "../core/hidden-inputs";
import type {
  AccessScheduleInputs,
  CommitTypeName,
  InvoiceScheduleInputs,
  OnDelete,
  RateTypeName,
  SpecifierInputs,
} from "../core/inputs";
import type { CustomerCommitArgs } from "./args";
import { defaultUniquenessKeyFor } from "./default-key";
import { asDynamicResource, dynamicType } from "./dynamic-resource";
import { CUSTOMER_COMMIT_PROVIDER_TEXT } from "./provider-module";
import { assertTokenConfigIsSecret } from "./token-config-guard";

/** Output-only properties; seeding them tells Pulumi to create these outputs. */
const SERVER_OUTPUTS = { createdAt: undefined, archivedAt: undefined, hierarchyConfiguration: undefined, revision: undefined };

/** Every optional input, seeded so its output exists even when it is not set. */
const OPTIONAL_INPUTS = {
  invoiceSchedule: undefined,
  invoiceContractId: undefined,
  applicableContractIds: undefined,
  applicableProductIds: undefined,
  applicableProductTags: undefined,
  specifiers: undefined,
  name: undefined,
  description: undefined,
  customFields: undefined,
  netsuiteSalesOrderId: undefined,
  salesforceOpportunityId: undefined,
  rateType: undefined,
  onDelete: undefined,
  existingCommitId: undefined,
};

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
    assertTokenConfigIsSecret();
    // The key is sent only when declared. The derived one is a candidate that
    // `check` uses for a new resource only: an existing commit keeps the key
    // in its state, whatever its name, stack or project is now. Both hidden
    // inputs are consumed by `check` and never stored.
    const hidden = {
      [CANDIDATE_KEY_INPUT]: args.uniquenessKey === undefined ? defaultUniquenessKeyFor(name, args) : undefined,
      [RESOURCE_NAME_INPUT]: name,
    };
    super(
      dynamicType("metronome", "CustomerCommit"),
      name,
      { ...OPTIONAL_INPUTS, uniquenessKey: undefined, ...args, ...hidden, ...SERVER_OUTPUTS, __provider: CUSTOMER_COMMIT_PROVIDER_TEXT },
      opts,
    );
  }
}
asDynamicResource(CustomerCommit);
