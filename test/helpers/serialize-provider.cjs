// Serializes a dynamic provider object exactly as `pulumi.dynamic.Resource`
// does (@pulumi/pulumi dynamic/index.js: serializeFunction(() => provider,
// { allowSecrets: true })), for tests that send a real `__provider` to the
// plugin over gRPC.
//
// Plain CommonJS, loaded with Node's own require: the serializer reads the
// source text and closure scopes of the `() => provider` thunk below, and a
// thunk written in a vitest-transformed file would capture vitest's import
// bindings instead of a plain `provider` variable.
"use strict";

/**
 * @param {object} provider a dynamic ResourceProvider (from a plain CommonJS module)
 * @returns {Promise<{ text: string; containsSecrets: boolean }>}
 */
async function serializeProvider(provider) {
  const { serializeFunction } = require("@pulumi/pulumi/runtime");
  const sf = await serializeFunction(() => provider, { allowSecrets: true });
  return { text: sf.text, containsSecrets: sf.containsSecrets };
}

module.exports = { serializeProvider };
