// The `__provider` text every resource of this package stores, twice (its
// inputs and its outputs). Pulumi's dynamic-provider host runs it as
// `requireFromString(__provider).handler()` (@pulumi/pulumi
// cmd/dynamic-provider/index.js) and caches the provider by that text, so a
// one-line module that requires the installed package is all it needs:
//   - it is the same in every release: an upgrade changes no resource's
//     `__provider`, and refresh and destroy run the release installed now;
//   - it captures nothing, so no credential can end up in state;
//   - it costs 2 × 76 bytes per resource.
// The Pulumi import files the CLI writes carry the same text: this is its one home.

/** The one-line module whose `handler()` returns the package's export `providerExport`. */
export function providerModuleText(providerExport: string): string {
  return `exports.handler = () => require("pulumi-metronome").${providerExport};`;
}

/** `__provider` of every `CustomerCommit`. */
export const CUSTOMER_COMMIT_PROVIDER_TEXT = providerModuleText("customerCommitProvider");

/** `__provider` of every `CustomerCredit`. */
export const CUSTOMER_CREDIT_PROVIDER_TEXT = providerModuleText("customerCreditProvider");
