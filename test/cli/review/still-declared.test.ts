// A plan that archives (or ends) a commit another resource of the same plan
// still declares gets a warning naming both resources: the scenario of a
// generated declaration deleted while index.ts still declares the commit.

import { describe, expect, it } from "vitest";
import { warningsOf } from "../../../cli/review/consequences";
import { renderJson } from "../../../cli/review/render-json";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { plainText } from "../../../cli/review/text";
import { TABLE, changeNamed, reviewOf, visible } from "./helpers";

const review = reviewOf("still-declared");
const warningAbout = (name: string) => warningsOf(changeNamed(review, name), TABLE).map(plainText).find((w) => w.includes("still declare"));

describe("removing a commit another resource still declares", () => {
  it.each([
    ["a deleted adoption of a commit a kept resource holds", "imported-acme-2027", "`imported-acme-2027` archives commit `cmt-acme-2027`, which `acme-2027` in this plan still declares"],
    ["a removal (endAccess) of a commit a new resource adopts", "globex-2027", "`globex-2027` ends access to commit `cmt-globex-2027`, which `globex-adopted` in this plan still declares"],
    ["a replacement archiving a commit an updated resource holds", "initech-copy", "`initech-copy` archives commit `cmt-initech`, which `initech-main` in this plan still declares"],
  ])("warns on %s, naming both resources", (_name, resource, text) => {
    expect(warningAbout(resource)).toContain(text);
    expect(changeNamed(review, resource).stillDeclaredBy?.length).toBe(1);
  });

  it.each([
    ["an archive no other resource declares", "hooli-2026"],
    ["a forget, which leaves the commit as it is", "acme-forgotten"],
  ])("says nothing of the kind on %s", (_name, resource) => {
    expect(warningAbout(resource)).toBeUndefined();
    expect(changeNamed(review, resource).stillDeclaredBy).toBeUndefined();
  });

  it("shows the warning in the Markdown and the JSON", () => {
    expect(visible(renderMarkdown(review, TABLE))).toContain("**archive `imported-acme-2027`**: Archives commit `cmt-acme-2027`");
    expect(visible(renderMarkdown(review, TABLE))).toContain("which `acme-2027` in this plan still declares");
    const json = JSON.parse(renderJson(review, TABLE)) as { changes: Array<{ name: string; stillDeclaredBy: string[]; warnings: string[] }> };
    const imported = json.changes.find((c) => c.name === "imported-acme-2027");
    expect(imported?.stillDeclaredBy).toEqual(["acme-2027"]);
    expect(imported?.warnings.join(" ")).toContain("still declares");
  });
});
