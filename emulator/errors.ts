// Metronome answers every 4xx with a JSON body `{ message, code? }`. Routes
// throw ApiError and the server turns it into that body, so a handler can
// stop at the first problem it finds (Metronome reports one problem per
// request, not a list).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code?: string): ApiError => new ApiError(400, message, code);
export const notFound = (message: string, code = "NotFound"): ApiError => new ApiError(404, message, code);
export const conflict = (message: string, code?: string): ApiError => new ApiError(409, message, code);

export interface ErrorBody {
  message: string;
  code?: string;
}

export function errorBody(err: ApiError): ErrorBody {
  return err.code ? { message: err.message, code: err.code } : { message: err.message };
}
