// A dynamic provider built the common way, for comparison only (never used
// by a resource): the provider object lives in the Pulumi program's own code
// and calls runtime code imported at the top of this module. This file is
// outside node_modules, so Pulumi's serializer copies that runtime into
// `__provider` by value, with everything it reaches: core validation, the
// client, the error types. Same logic as our shim, captured instead of
// required at run time.

import type * as pulumi from "@pulumi/pulumi";
import { customerCommitProvider as runtime } from "../provider/runtime/provider";

export const naiveProvider: pulumi.dynamic.ResourceProvider = {
  configure: (req) => runtime.configure(req),
  check: (olds, news) => runtime.check(olds, news),
  diff: (id, olds, news) => runtime.diff(id, olds, news),
  create: (inputs) => runtime.create(inputs),
  read: (id, props) => runtime.read(id, props),
  update: (id, olds, news) => runtime.update(id, olds, news),
  delete: (id, props) => runtime.delete(id, props),
};
