// Status → error class, in one place (the SDK's `generate` habit). The client
// calls this for every non-2xx answer; tests drive it directly.

import { AuthenticationError } from "./authentication-error";
import { BadRequestError } from "./bad-request-error";
import { ConflictError, mentionsUniquenessKey } from "./conflict-error";
import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";
import { NotFoundError } from "./not-found-error";
import { RateLimitedError } from "./rate-limited-error";
import { ServerError } from "./server-error";
import { UnprocessableError } from "./unprocessable-error";
import { redactDeep } from "../redact";

export interface ResponseErrorInput extends Omit<ApiErrorDetails, "mayHaveApplied" | "cause"> {
  status: number;
  /** Whether the request was a write: decides `mayHaveApplied` on a 5xx. */
  isWrite: boolean;
}

export function errorFromResponse(input: ResponseErrorInput): MetronomeApiError {
  const { isWrite, ...details } = input;
  const { status } = details;
  if (status === 400) return new BadRequestError(details);
  if (status === 401 || status === 403) return new AuthenticationError({ ...details, status });
  if (status === 404) return new NotFoundError(details);
  if (status === 409) return new ConflictError({ ...details, status });
  if (status === 422) {
    return mentionsUniquenessKey(details.apiMessage)
      ? new ConflictError({ ...details, status })
      : new UnprocessableError(details);
  }
  if (status === 429) return new RateLimitedError(details);
  // A 5xx on a write is ambiguous: Metronome has been seen to apply a change
  // and still answer 504. A read has nothing to apply.
  if (status >= 500 && status <= 599) return new ServerError({ ...details, status, mayHaveApplied: isWrite });
  return new MetronomeApiError(statusSummary(details, "Unexpected response"), { ...details, mayHaveApplied: false });
}

// Bodies are small JSON objects; an HTML page from a proxy is cut short so it
// cannot flood a log line.
const MAX_TEXT_BODY = 500;

/**
 * Pulls Metronome's `{ message, code }` out of an error body, tolerating
 * anything. `redact` runs on the whole text before anything is parsed or cut
 * short (a cut first could split a secret into a part that no longer matches),
 * and again on every parsed string (JSON escapes can spell a secret out).
 */
export function parseErrorBody(
  raw: string,
  redact: (text: string) => string = (t) => t,
): Pick<ApiErrorDetails, "apiMessage" | "code" | "body"> {
  const text = redact(raw);
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = redactDeep(JSON.parse(text), redact);
  } catch {
    return { body: text.length > MAX_TEXT_BODY ? `${text.slice(0, MAX_TEXT_BODY)}…` : text };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { body: parsed };
  const record = parsed as Record<string, unknown>;
  const message = record["message"];
  const code = record["code"];
  return {
    body: parsed,
    ...(message === undefined ? {} : { apiMessage: typeof message === "string" ? message : JSON.stringify(message) }),
    ...(typeof code === "string" ? { code } : {}),
  };
}
