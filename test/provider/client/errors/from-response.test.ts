import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  MetronomeApiError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnprocessableError,
  errorFromResponse,
  parseErrorBody,
} from "../../../../provider/client";

const where = { method: "POST", path: "/v1/contracts/customerCommits/create" };

describe("errorFromResponse", () => {
  // [status, message, name, mayHaveApplied on a write, class]
  const table: Array<[number, string | undefined, string, boolean, abstract new (...a: never[]) => MetronomeApiError]> = [
    [400, "customer_id is required", "BadRequestError", false, BadRequestError],
    [401, "Unauthorized", "AuthenticationError", false, AuthenticationError],
    [403, "Forbidden", "AuthenticationError", false, AuthenticationError],
    [404, "Customer not found", "NotFoundError", false, NotFoundError],
    [409, "This uniqueness key has already been used.", "ConflictError", false, ConflictError],
    [422, "Uniqueness key already exists: k1", "ConflictError", false, ConflictError],
    [422, "Cannot edit a finalized invoice item", "UnprocessableError", false, UnprocessableError],
    [429, "slow down", "RateLimitedError", false, RateLimitedError],
    [500, "boom", "ServerError", true, ServerError],
    [502, undefined, "ServerError", true, ServerError],
    [503, undefined, "ServerError", true, ServerError],
    [504, "Gateway Timeout", "ServerError", true, ServerError],
    [405, "Method Not Allowed", "MetronomeApiError", false, MetronomeApiError],
  ];

  it.each(table)("%i %s → %s (ambiguous on a write: %s)", (status, apiMessage, name, writeAmbiguous, cls) => {
    const onWrite = errorFromResponse({ ...where, status, isWrite: true, ...(apiMessage ? { apiMessage } : {}) });
    expect(onWrite).toBeInstanceOf(cls);
    expect(onWrite).toBeInstanceOf(MetronomeApiError);
    expect(onWrite).toBeInstanceOf(Error);
    expect(onWrite.name).toBe(name);
    expect(onWrite.status).toBe(status);
    expect(onWrite.method).toBe("POST");
    expect(onWrite.path).toBe(where.path);
    expect(onWrite.apiMessage).toBe(apiMessage);
    expect(onWrite.mayHaveApplied).toBe(writeAmbiguous);
    expect(onWrite.message).toContain(String(status));
    if (apiMessage) expect(onWrite.message).toContain(apiMessage);
    // A read cannot have applied anything.
    expect(errorFromResponse({ ...where, status, isWrite: false }).mayHaveApplied).toBe(false);
  });

  it("only the subclass's own constructor matches (no accidental overlap)", () => {
    const e = errorFromResponse({ ...where, status: 404, isWrite: false });
    expect(e).not.toBeInstanceOf(BadRequestError);
    expect(e).not.toBeInstanceOf(ServerError);
  });

  it("keeps Metronome's code and the retry hint", () => {
    const e = errorFromResponse({ ...where, status: 429, isWrite: true, code: "RateLimited", retryAfterMs: 3_000 });
    expect(e.code).toBe("RateLimited");
    expect(e.retryAfterMs).toBe(3_000);
  });

  it("tells a uniqueness-key conflict from other conflicts", () => {
    const taken = errorFromResponse({ ...where, status: 409, isWrite: true, apiMessage: "This uniqueness key has already been used." });
    const idem = errorFromResponse({ ...where, status: 409, isWrite: true, apiMessage: "Idempotency-Key reused with different parameters" });
    const bare = errorFromResponse({ ...where, status: 409, isWrite: true });
    const on422 = errorFromResponse({ ...where, status: 422, isWrite: true, apiMessage: "uniqueness_key already exists" });
    expect((taken as ConflictError).isUniquenessKeyConflict).toBe(true);
    expect((idem as ConflictError).isUniquenessKeyConflict).toBe(false);
    expect((bare as ConflictError).isUniquenessKeyConflict).toBe(false);
    expect((on422 as ConflictError).isUniquenessKeyConflict).toBe(true);
    expect(on422.status).toBe(422);
  });
});

describe("parseErrorBody", () => {
  it.each<[string, string, ReturnType<typeof parseErrorBody>]>([
    ["message and code", '{"message":"nope","code":"CustomerNotFound"}', { apiMessage: "nope", code: "CustomerNotFound", body: { message: "nope", code: "CustomerNotFound" } }],
    ["message only", '{"message":"nope"}', { apiMessage: "nope", body: { message: "nope" } }],
    ["non-string message", '{"message":{"a":1}}', { apiMessage: '{"a":1}', body: { message: { a: 1 } } }],
    ["extra fields kept in body", '{"message":"dup","conflicting_id":"c1"}', { apiMessage: "dup", body: { message: "dup", conflicting_id: "c1" } }],
    ["empty", "", {}],
    ["not JSON", "<html>Bad Gateway</html>", { body: "<html>Bad Gateway</html>" }],
    ["JSON array", "[1]", { body: [1] }],
  ])("%s", (_label, text, expected) => {
    expect(parseErrorBody(text)).toEqual(expected);
  });

  it("truncates a long text body", () => {
    const parsed = parseErrorBody("x".repeat(10_000));
    expect(typeof parsed.body).toBe("string");
    expect((parsed.body as string).length).toBeLessThanOrEqual(501);
  });
});
