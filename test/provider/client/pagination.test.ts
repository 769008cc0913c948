import { describe, expect, it } from "vitest";
import { paginateBodyCursor, type CursorPage } from "../../../provider/client";

type Body = { customer_id: string; limit?: number; next_page?: string };

function pages(...all: Array<CursorPage<number>>) {
  const bodies: Body[] = [];
  const fetchPage = async (body: Body) => {
    bodies.push(body);
    const page = all.shift();
    if (page === undefined) throw new Error("fetched past the last page");
    return page;
  };
  return { fetchPage, bodies };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("paginateBodyCursor", () => {
  it("follows next_page in the body, keeping the other fields, until it is null", async () => {
    const p = pages({ data: [1, 2], next_page: "c1" }, { data: [3], next_page: "c2" }, { data: [], next_page: null });
    expect(await collect(paginateBodyCursor(p.fetchPage, { customer_id: "cu", limit: 2 }))).toEqual([1, 2, 3]);
    expect(p.bodies).toEqual([
      { customer_id: "cu", limit: 2 },
      { customer_id: "cu", limit: 2, next_page: "c1" },
      { customer_id: "cu", limit: 2, next_page: "c2" },
    ]);
  });

  it("stops on an empty cursor", async () => {
    const p = pages({ data: [1], next_page: "" });
    expect(await collect(paginateBodyCursor(p.fetchPage, { customer_id: "cu" }))).toEqual([1]);
    expect(p.bodies).toHaveLength(1);
  });

  it("refuses to loop on a repeated cursor", async () => {
    const p = pages({ data: [1], next_page: "same" }, { data: [2], next_page: "same" });
    await expect(collect(paginateBodyCursor(p.fetchPage, { customer_id: "cu" }))).rejects.toThrow(/cursor repeated/);
  });

  it("is lazy: breaking early fetches no further page", async () => {
    const p = pages({ data: [1, 2], next_page: "c1" }, { data: [3], next_page: null });
    for await (const n of paginateBodyCursor(p.fetchPage, { customer_id: "cu" })) {
      expect(n).toBe(1);
      break;
    }
    expect(p.bodies).toHaveLength(1);
  });
});
