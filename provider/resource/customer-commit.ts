import * as pulumi from "@pulumi/pulumi";
import { customerCommitKind } from "../core/kinds/commit";
import type { CustomerCommitOutputs, RuntimeOutputs } from "../core/outputs";
import type { CustomerCommitArgs } from "./args";
import { asDynamicResource } from "./dynamic-resource";
import { registeredInputs } from "./kind-inputs";
import type { OutputProperties } from "./output-properties";
import { CUSTOMER_COMMIT_PROVIDER_TEXT } from "./provider-module";

/**
 * A Metronome customer commit, managed through its whole life: created with a
 * uniqueness key (never twice), edited in place where Metronome allows,
 * replaced where it does not, refreshed from Metronome, and archived (or
 * ended, or forgotten, per `onDelete`) on removal. Its `id` is the commit id;
 * its outputs are its canonical inputs (schedule items with Metronome's
 * item `id`), `createdAt`, `archivedAt`, `hierarchyConfiguration` and
 * `revision`.
 *
 * Type token: `pulumi-nodejs:dynamic/metronome:CustomerCommit`. A
 * `pulumi.dynamic.Resource` whose `__provider` is the one-line module of
 * provider-module.ts (see dynamic-resource.ts).
 */
export class CustomerCommit extends pulumi.CustomResource {
  constructor(name: string, args: CustomerCommitArgs, opts?: pulumi.CustomResourceOptions) {
    super(customerCommitKind.typeToken, name, registeredInputs(customerCommitKind, name, args, CUSTOMER_COMMIT_PROVIDER_TEXT), opts);
  }
}
export interface CustomerCommit extends OutputProperties<CustomerCommitOutputs & RuntimeOutputs> {}
asDynamicResource(CustomerCommit);
