import type * as pulumi from "@pulumi/pulumi";

// The provider object that `CustomerCommit` hands to Pulumi. Pulumi serializes
// it into every resource's state (`__provider`) and the dynamic-provider plugin
// runs that text later, in refresh and destroy too. So each method only
// requires the installed runtime by package name, inside its body, at call
// time:
//   - the serialized text stays about 2 KB and never changes between releases
//     (no `~__provider` churn, no versioned store paths in state);
//   - it captures nothing, so no credential can end up in state;
//   - refresh and destroy run the runtime that is installed now, so a fixed
//     release reaches resources created by an older one.
// Do not import the runtime at the top of this file or reference anything
// outside the method bodies: the serializer would copy it by value. Rest
// parameters keep the text short (the serializer spells out named ones).
/* eslint-disable @typescript-eslint/no-require-imports */
export const customerCommitShim: pulumi.dynamic.ResourceProvider = {
  configure(...a) { return require("pulumi-metronome").customerCommitProvider.configure(...a); },
  check(...a) { return require("pulumi-metronome").customerCommitProvider.check(...a); },
  diff(...a) { return require("pulumi-metronome").customerCommitProvider.diff(...a); },
  create(...a) { return require("pulumi-metronome").customerCommitProvider.create(...a); },
  read(...a) { return require("pulumi-metronome").customerCommitProvider.read(...a); },
  update(...a) { return require("pulumi-metronome").customerCommitProvider.update(...a); },
  delete(...a) { return require("pulumi-metronome").customerCommitProvider.delete(...a); },
};
