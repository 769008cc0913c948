import type * as pulumi from "@pulumi/pulumi";
import { warn } from "./engine-log";

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

/**
 * Called by Pulumi once per plugin process with the whole stack config,
 * before the first `check`, so in `preview` too. A missing token would only
 * fail at the first call to Metronome, in `up`; the warning says so while
 * the plan is still being read.
 */
export async function configureCredentials(req: pulumi.dynamic.ConfigureRequest, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  fromConfig = {
    bearerToken: nonEmpty(req.config.get("metronome:bearerToken")),
    baseUrl: nonEmpty(req.config.get("metronome:baseUrl")),
  };
  if (fromConfig.bearerToken === undefined && nonEmpty(env.METRONOME_BEARER_TOKEN) === undefined) {
    await warn(MISSING_TOKEN_WARNING);
  }
}

/** Both ways to give the provider a token, as every message about a missing one says them. */
const HOW_TO_SET_TOKEN =
  "Set it in the stack config with `pulumi config set --secret metronome:bearerToken <token>`, " +
  "or export METRONOME_BEARER_TOKEN in the environment that runs Pulumi.";

export const MISSING_TOKEN_WARNING =
  `No Metronome bearer token is configured, so creating, updating, refreshing or removing a commit will fail. ${HOW_TO_SET_TOKEN}`;

/** Forgets configured values (tests drive several configurations in one process). */
export function resetConfiguredCredentials(): void {
  fromConfig = {};
}

export class MissingCredentialsError extends Error {
  override readonly name = "MissingCredentialsError";
  constructor() {
    super(`No Metronome bearer token. ${HOW_TO_SET_TOKEN}`);
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
