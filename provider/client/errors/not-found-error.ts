import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";

/** 404: an id in the request (customer, product, contract, commit) does not exist. */
export class NotFoundError extends MetronomeApiError {
  override readonly name = "NotFoundError" as const;
  declare readonly status: 404;

  constructor(details: ApiErrorDetails) {
    super(statusSummary(details, "Not Found"), { ...details, status: 404, mayHaveApplied: false });
  }
}
