import { AuthenticationError, MetronomeApiError } from "../client";
import { InputValidationError } from "../core/validation-error";
import { MissingCredentialsError } from "./credentials";
import {
  AdoptionError,
  AmbiguousWriteError,
  CommitGoneError,
  CommitHeldError,
  CreatedButUnreadError,
  DeleteRefusedError,
  UnsupportedChangeError,
  UpdateIncompleteError,
} from "./errors";

// Errors leave the provider for `pulumi up`'s output. The plugin shows only
// `message` (and, for create and update, turns an error carrying `id`,
// `properties` and `reasons` into "created/updated, failed to initialize").
// This is the one place that makes every such error say what was being done
// and keeps the engine's bookkeeping intact.

/** The provider's own errors already say what happened and what to do. */
const OWN_ERRORS = [
  InputValidationError,
  MissingCredentialsError,
  AdoptionError,
  AmbiguousWriteError,
  CommitGoneError,
  CommitHeldError,
  CreatedButUnreadError,
  DeleteRefusedError,
  UnsupportedChangeError,
  UpdateIncompleteError,
];

interface InitFailure {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

function isInitFailure(error: unknown): error is Error & InitFailure {
  return error instanceof CreatedButUnreadError || error instanceof UpdateIncompleteError;
}

/**
 * Runs one provider method. Errors come out readable: the client's errors
 * (and anything unexpected) are prefixed with what the provider was doing, a
 * rejected token says where the token comes from. An error that records a
 * commit in Pulumi's state gets the engine's `__provider` back into its
 * properties (the plugin adds it to results, not to errors, and a state
 * without it cannot be refreshed or destroyed).
 */
export async function explained<T>(operation: string, request: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isInitFailure(error)) {
      const properties = JSON.parse(JSON.stringify(error.properties)) as Record<string, unknown>;
      if (typeof request.__provider === "string") properties.__provider = request.__provider;
      (error as { properties: Record<string, unknown> }).properties = properties;
      throw error;
    }
    if (OWN_ERRORS.some((kind) => error instanceof kind)) throw error;
    if (error instanceof Error) {
      // The same instance (its class and fields stay for callers that branch
      // on them), with a message that reads on its own in `pulumi up`.
      error.message = `Could not ${operation}: ${error.message}${hint(error)}`;
      throw error;
    }
    throw new Error(`Could not ${operation}: ${String(error)}`);
  }
}

function hint(error: Error): string {
  if (error instanceof AuthenticationError) {
    return (
      ". Metronome did not accept the bearer token: check `metronome:bearerToken` in the stack config " +
      "(or METRONOME_BEARER_TOKEN) and `metronome:baseUrl` (or METRONOME_BASE_URL); a token only works in its own Metronome environment"
    );
  }
  if (error instanceof MetronomeApiError && error.mayHaveApplied) {
    return ". It may have been applied; run `pulumi refresh` to see what Metronome holds";
  }
  return "";
}
