import type * as pulumi from "@pulumi/pulumi";

// Where the bearer token and base URL come from, in order:
//   1. Pulumi stack config `metronome:bearerToken` (set with --secret) and
//      `metronome:baseUrl`, delivered through the provider's `configure`;
//   2. the environment variables Metronome's own SDKs read,
//      METRONOME_BEARER_TOKEN and METRONOME_BASE_URL, read at call time.
// Never a resource input, so never in state. The token is held only here, in
// the plugin process, and is never put in an error message.

export const DEFAULT_BASE_URL = "https://api.metronome.com";

export interface Credentials {
  bearerToken: string;
  baseUrl: string;
}

let fromConfig: { bearerToken?: string; baseUrl?: string } = {};

/** Called by Pulumi once per plugin process with the whole stack config. */
export function configureCredentials(req: pulumi.dynamic.ConfigureRequest): void {
  fromConfig = {
    bearerToken: nonEmpty(req.config.get("metronome:bearerToken")),
    baseUrl: nonEmpty(req.config.get("metronome:baseUrl")),
  };
}

/** Forgets configured values (tests drive several configurations in one process). */
export function resetConfiguredCredentials(): void {
  fromConfig = {};
}

export class MissingCredentialsError extends Error {
  override readonly name = "MissingCredentialsError";
  constructor() {
    super(
      "No Metronome bearer token. Set it in the stack config with " +
        "`pulumi config set --secret metronome:bearerToken <token>`, " +
        "or export METRONOME_BEARER_TOKEN in the environment that runs Pulumi.",
    );
  }
}

export function resolveCredentials(env: NodeJS.ProcessEnv = process.env): Credentials {
  const bearerToken = fromConfig.bearerToken ?? nonEmpty(env.METRONOME_BEARER_TOKEN);
  if (bearerToken === undefined) throw new MissingCredentialsError();
  const baseUrl = fromConfig.baseUrl ?? nonEmpty(env.METRONOME_BASE_URL) ?? DEFAULT_BASE_URL;
  return { bearerToken, baseUrl: baseUrl.replace(/\/+$/, "") };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
