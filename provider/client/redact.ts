// The bearer token must never leave the client inside an error: not in a
// message, a stack, a `cause` or a body. Everything the client puts into an
// error goes through the redactor built here. Headers are never copied into
// errors at all, so this is the second line of defence, for servers or
// libraries that echo the token back in text.

export type Redactor = (text: string) => string;

const REPLACEMENT = "[redacted]";
// Shorter "tokens" would mangle ordinary words; real tokens are far longer.
const MIN_SECRET_LENGTH = 6;

export function makeRedactor(secret: string): Redactor {
  if (secret.length < MIN_SECRET_LENGTH) return (text) => text;
  return (text) => (text.includes(secret) ? text.split(secret).join(REPLACEMENT) : text);
}

/** Redacts every string inside a parsed JSON value. */
export function redactDeep(value: unknown, redact: Redactor): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redact(key)] = redactDeep(item, redact);
    return out;
  }
  return value;
}
