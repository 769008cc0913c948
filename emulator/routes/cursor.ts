// Opaque pagination cursors. They carry a position (an offset, or the
// creation sequence of the last commit returned) as base64url JSON; clients
// only ever echo them back. A cursor that does not decode is a 400.

import { badRequest } from "../errors";

export function encodeCursor(position: number): string {
  return Buffer.from(JSON.stringify({ p: position }), "utf8").toString("base64url");
}

/** Position in a cursor; 0 when there is none. */
export function decodeCursor(cursor: unknown): number {
  if (cursor === undefined || cursor === null || cursor === "") return 0;
  if (typeof cursor === "string") {
    try {
      const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { p?: unknown };
      if (typeof parsed.p === "number" && Number.isInteger(parsed.p) && parsed.p >= 0) return parsed.p;
    } catch {
      // fall through to the 400 below
    }
  }
  throw badRequest("next_page is not a valid cursor");
}
