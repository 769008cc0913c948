// Makes a captured `pulumi preview --json` document stable across runs,
// without touching its shape: ids Metronome and the engine mint (random
// UUIDs) become readable names by where they first appear (customer-1,
// commit-2, credit-1, item-3, ...), uniqueness-key hashes become counters, timestamps
// of when things ran become fixed, and steps (and their diffReasons and
// replaceReasons) and diagnostics are sorted: the engine runs independent
// resources in parallel, so its order varies.
// Machine-specific source positions are dropped. Credit-type ids and
// Pulumi's unknown sentinel are kept: the review reads them.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const KEY_HASH = /#[0-9a-f]{16}\b/g;
const LOCAL_URL = /http:\/\/127\.0\.0\.1:\d+/g;
const FIXED_TIME = "2026-11-20T12:00:00Z";
const DROP = new Set(["stackTrace", "sourcePosition"]);

const NAME_BY_KEY: Record<string, string> = {
  customerId: "customer",
  productId: "product",
  invoiceContractId: "contract",
  existingCommitId: "commit",
  existingCreditId: "credit",
};

/** What the `id` of a resource state names: a credit for a CustomerCredit, else a commit. */
const idPrefixOf = (state: Record<string, unknown>, outer: string): string =>
  typeof state.type === "string" ? (state.type.endsWith(":CustomerCredit") ? "credit" : "commit") : outer;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

export function normalizeCapture(doc: Json, keep: readonly string[]): Json {
  const kept = new Set(keep.map((k) => k.toLowerCase()));
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  const name = (uuid: string, prefix: string) => {
    const id = uuid.toLowerCase();
    if (kept.has(id) || names.has(id)) return;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    names.set(id, `${prefix}-${n}`);
  };

  // 1. Name ids by the property they first appear under; number key hashes.
  const hashes = new Map<string, string>();
  const collect = (v: Json, key: string | undefined, inItems: boolean, idPrefix: string): void => {
    if (typeof v === "string") {
      for (const h of v.match(KEY_HASH) ?? []) if (!hashes.has(h)) hashes.set(h, `#${String(hashes.size + 1).padStart(16, "0")}`);
      const prefix = key === undefined ? undefined : key === "id" ? (inItems ? "item" : idPrefix) : NAME_BY_KEY[key];
      if (prefix !== undefined) for (const m of v.match(UUID) ?? []) name(m, prefix);
    } else if (Array.isArray(v)) v.forEach((x) => collect(x, key, inItems || key === "scheduleItems", idPrefix));
    else if (isObject(v)) {
      const own = idPrefixOf(v, idPrefix);
      for (const [k, x] of Object.entries(v)) collect(x, k, inItems, own);
    }
  };
  const byText = (...keys: string[]) => (a: Json, b: Json) => {
    const ta = isObject(a) ? keys.map((k) => String(a[k])).join("\u0000") : "";
    const tb = isObject(b) ? keys.map((k) => String(b[k])).join("\u0000") : "";
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  };
  if (isObject(doc)) {
    doc = {
      ...doc,
      ...(Array.isArray(doc.steps) ? { steps: [...doc.steps].sort(byText("urn")) } : {}),
    };
  }
  collect(doc, undefined, false, "commit");

  // 2. Rewrite every string; ids not named yet (engine ids) become uuid-N.
  const rewrite = (s: string): string =>
    s
      .replace(UUID, (m) => {
        if (kept.has(m.toLowerCase())) return m;
        name(m, "uuid");
        return names.get(m.toLowerCase()) as string;
      })
      .replace(KEY_HASH, (h) => hashes.get(h) ?? h)
      .replace(LOCAL_URL, "http://127.0.0.1:8080");
  const walk = (v: Json, key?: string): Json => {
    if (typeof v === "string") {
      if (key === "created" || key === "modified") return FIXED_TIME;
      if (key === "createdAt") return "2026-11-20T12:00:00.000Z";
      return rewrite(v);
    }
    if (typeof v === "number" && key === "duration") return 0;
    if (Array.isArray(v)) {
      const items = v.map((x) => walk(x, key));
      // Sets the engine fills in no particular order.
      return key === "diffReasons" || key === "replaceReasons" ? items.sort() : items;
    }
    if (isObject(v)) {
      const out: Record<string, Json> = {};
      for (const [k, x] of Object.entries(v)) if (!DROP.has(k)) out[k] = walk(x, k);
      return out;
    }
    return v;
  };
  const out = walk(doc);
  // Diagnostics are sorted by their rewritten text (raw ids differ per run).
  if (isObject(out) && Array.isArray(out.diagnostics)) out.diagnostics.sort(byText("urn", "message"));
  return out;
}
