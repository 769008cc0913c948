import { describe, expect, it } from "vitest";
import { makeRedactor, redactDeep } from "../../../provider/client/redact";

const TOKEN = "tok_live_0123456789abcdef";

describe("makeRedactor", () => {
  it("replaces every occurrence of the secret", () => {
    const redact = makeRedactor(TOKEN);
    expect(redact(`Bearer ${TOKEN} is invalid; ${TOKEN}`)).toBe("Bearer [redacted] is invalid; [redacted]");
    expect(redact("nothing here")).toBe("nothing here");
  });

  it("leaves text alone for a secret too short to be a real token", () => {
    expect(makeRedactor("abc")("abc abc")).toBe("abc abc");
  });
});

describe("redactDeep", () => {
  it("redacts strings in nested objects, arrays and keys, keeping other values", () => {
    const redact = makeRedactor(TOKEN);
    const body = { message: `bad ${TOKEN}`, nested: [{ [TOKEN]: TOKEN, n: 1, b: true, z: null }] };
    expect(redactDeep(body, redact)).toEqual({
      message: "bad [redacted]",
      nested: [{ "[redacted]": "[redacted]", n: 1, b: true, z: null }],
    });
  });
});
