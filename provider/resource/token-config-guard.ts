// `isConfigSecret` is exported by the SDK's runtime but left out of its type
// declarations; it tells whether a stack config key was set with --secret.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as {
  getConfig(key: string): string | undefined;
  isConfigSecret(key: string): boolean;
};

const TOKEN_KEY = "metronome:bearerToken";

/**
 * Refuses a bearer token stored in plain stack config: Pulumi would keep it
 * in Pulumi.<stack>.yaml in clear text. Checked in the program, where Pulumi
 * still knows which config values are secret.
 */
export function assertTokenConfigIsSecret(): void {
  // Older SDKs may lack the (internal) helper: then there is nothing to check against.
  if (typeof runtimeConfig.isConfigSecret !== "function") return;
  if (runtimeConfig.getConfig(TOKEN_KEY) !== undefined && !runtimeConfig.isConfigSecret(TOKEN_KEY)) {
    throw new Error(
      `The stack config value ${TOKEN_KEY} is not a secret, so it is stored in clear text. ` +
        `Set it again with \`pulumi config set --secret ${TOKEN_KEY} <token>\`, ` +
        "or use the METRONOME_BEARER_TOKEN environment variable instead.",
    );
  }
}
