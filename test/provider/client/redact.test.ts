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

describe("makeRedactor: runs and encodings of the token", () => {
  const redact = makeRedactor(TOKEN);
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  it.each([
    ["the first 8 characters", `x ${TOKEN.slice(0, 8)} y`, "x [redacted] y"],
    ["8 characters from the middle", `x${TOKEN.slice(5, 13)}y`, "x[redacted]y"],
    ["the token twice, glued", `${TOKEN}${TOKEN}`, "[redacted]"],
    ["two separate runs", `${TOKEN.slice(0, 10)} and ${TOKEN.slice(-10)}`, "[redacted] and [redacted]"],
    ["its base64", `Basic ${b64(TOKEN)}`, /^Basic \[redacted\].{0,4}$/],
    ["its base64 one byte in", `Basic ${b64(`:${TOKEN}`)}`, /^Basic .{0,4}\[redacted\].{0,4}$/],
    ["its base64 two bytes in", `Basic ${b64(`u:${TOKEN}`)}`, /^Basic .{0,4}\[redacted\].{0,4}$/],
  ])("redacts %s", (_name, text, expected) => {
    if (typeof expected === "string") expect(redact(text)).toBe(expected);
    else expect(redact(text)).toMatch(expected);
  });

  it.each([
    ["7 characters of it", `x ${TOKEN.slice(0, 7)} y`],
    ["ordinary words", "the commit was refused by Metronome"],
  ])("leaves %s alone", (_name, text) => {
    expect(redact(text)).toBe(text);
  });
});
