// Every captured real-engine fixture (fixtures/captured/, written by
// capture-preview-fixtures.test.ts) renders: a readable snapshot per
// scenario, the scenario's targeted expectations, and invariants that hold
// for any plan.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { warningsOf } from "../../../cli/review/consequences";
import { renderJson } from "../../../cli/review/render-json";
import { mdCode } from "../../../cli/review/markdown";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { reviewPreview } from "../../../cli/review/review";
import type { PreviewDigest } from "../../../cli/review/preview-types";
import { EXPECTATIONS } from "./captured-expectations";
import { AS_OF, CAPTURED, TABLE } from "./helpers";

const files = fs.existsSync(CAPTURED) ? fs.readdirSync(CAPTURED).filter((f) => f.endsWith(".json")).sort() : [];
const scenario = (file: string) => file.replace(/\.json$/, "");

describe("captured `pulumi preview --json` fixtures", () => {
  it("cover every end-to-end scenario", () => {
    expect(files.map(scenario).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  describe.each(files.map((f) => [scenario(f), f] as const))("%s", (name, file) => {
    const digest = JSON.parse(fs.readFileSync(path.join(CAPTURED, file), "utf8")) as PreviewDigest;
    const review = reviewPreview(digest, { asOf: AS_OF });
    const markdown = renderMarkdown(review, TABLE);

    it("renders as the snapshot", async () => {
      await expect(markdown).toMatchFileSnapshot(`__snapshots__/captured-${name}.md`);
    });

    it("says what the scenario does", () => {
      EXPECTATIONS[name]?.(review);
    });

    it("holds the invariants of any review", () => {
      expect(digest.steps?.length).toBeGreaterThan(0);
      expect(review.errors).toEqual([]);
      // Every change is a row; every replacement and removal carries its money consequence.
      for (const c of review.changes) {
        expect(markdown).toContain(mdCode(c.name));
        if (c.action !== "create" && c.action !== "edit" && c.action !== "adopt") expect(warningsOf(c, TABLE).length).toBeGreaterThan(0);
      }
      // Engine internals and raw unknown sentinels never reach the reader.
      for (const text of [markdown, renderJson(review, TABLE)]) {
        expect(text).not.toContain("__provider");
        expect(text).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
      }
    });
  });
});
