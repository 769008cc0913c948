import type * as pulumi from "@pulumi/pulumi";

// A provider object that delegates each method to the installed package, for
// code that hands a provider object to `pulumi.dynamic.Resource` itself (a
// custom resource class, the tests that drive the plugin over gRPC). Pulumi
// serializes it into that resource's `__provider`: about 2.3 KB, the text
// `CustomerCommit` stored before it moved to the one-line module of
// provider-module.ts; unchanged, so such resources see no `~__provider`.
// Resources created with this text keep working: it requires the same
// package, so refresh, update and destroy reach the release installed now.
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
