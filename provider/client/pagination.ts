// Metronome's commit list pages by a cursor that travels in the JSON body
// (`next_page`), not the query string. This walks every page lazily.

export interface CursorPage<T> {
  data: T[];
  next_page: string | null;
}

export async function* paginateBodyCursor<T, B extends { next_page?: string }>(
  fetchPage: (body: B) => Promise<CursorPage<T>>,
  firstBody: B,
): AsyncGenerator<T, void, undefined> {
  // A server that hands back a cursor it already gave would loop us forever.
  const seen = new Set<string>();
  let body = firstBody;
  for (;;) {
    const page = await fetchPage(body);
    yield* page.data;
    const cursor = page.next_page;
    if (cursor === null || cursor === undefined || cursor === "") return;
    if (seen.has(cursor)) throw new Error(`pagination cursor repeated: ${cursor}`);
    seen.add(cursor);
    body = { ...body, next_page: cursor };
  }
}
