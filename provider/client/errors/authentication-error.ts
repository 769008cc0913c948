import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";

/**
 * 401 (token invalid) or 403 (token not allowed here, e.g. a sandbox-only
 * token). One class: either way the fix is the credential, not a retry.
 */
export class AuthenticationError extends MetronomeApiError {
  override readonly name = "AuthenticationError" as const;
  declare readonly status: 401 | 403;

  constructor(details: ApiErrorDetails & { status: 401 | 403 }) {
    const fallback = details.status === 401 ? "Unauthorized" : "Forbidden";
    super(statusSummary(details, fallback), { ...details, mayHaveApplied: false });
  }
}
