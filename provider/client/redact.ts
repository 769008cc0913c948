// The bearer token must never leave the client inside an error: not in a
// message, a stack, a `cause` or a body. Everything the client puts into an
// error goes through the redactor built here, before anything is cut short
// (a cut made first could split the token into a part that no longer
// matches). Headers are never copied into errors at all, so this is the
// second line of defence, for servers or libraries that echo the token back.
//
// What counts as the token: the whole token, and any run of at least
// MIN_RUN consecutive characters of it (an echo cut short by a proxy, or a
// token glued to other text). Its base64 and base64url forms count the same
// way, at every byte alignment, because the one echo seen in practice besides
// the plain one is an `Authorization: Basic …` header reflected back.

export type Redactor = (text: string) => string;

const REPLACEMENT = "[redacted]";
// Shorter "tokens" would mangle ordinary words; real tokens are far longer.
const MIN_SECRET_LENGTH = 6;
/** A run of this many characters of the token is treated as the token. */
export const MIN_RUN = 8;

/**
 * The base64 text of `secret` when it sits at each byte offset inside a
 * larger encoded value: the characters that do not depend on its neighbours.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const whole = Math.floor(padded.length / 3) * 3;
    for (const encoding of ["base64", "base64url"] as const) {
      // Groups holding a filler byte (the first, when offset > 0) or a
      // neighbour's byte (a partial last group) change with the neighbours.
      const text = padded.subarray(0, whole).toString(encoding);
      out.push(text.slice(offset === 0 ? 0 : 4));
    }
  }
  return out;
}

export function makeRedactor(secret: string): Redactor {
  if (secret.length < MIN_SECRET_LENGTH) return (text) => text;
  if (secret.length < MIN_RUN) return (text) => (text.includes(secret) ? text.split(secret).join(REPLACEMENT) : text);
  const windows = new Set<string>();
  for (const form of [secret, ...base64Forms(secret)]) {
    for (let i = 0; i + MIN_RUN <= form.length; i++) windows.add(form.slice(i, i + MIN_RUN));
  }
  return (text) => {
    // Mark every character covered by a window, then replace each marked run once.
    let out = "";
    let copiedTo = 0;
    let runEnd = -1;
    let runStart = -1;
    for (let i = 0; i + MIN_RUN <= text.length; i++) {
      if (!windows.has(text.slice(i, i + MIN_RUN))) continue;
      if (i > runEnd) {
        if (runStart >= 0) {
          out += text.slice(copiedTo, runStart) + REPLACEMENT;
          copiedTo = runEnd;
        }
        runStart = i;
      }
      runEnd = i + MIN_RUN;
    }
    if (runStart < 0) return text;
    return out + text.slice(copiedTo, runStart) + REPLACEMENT + text.slice(runEnd);
  };
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
