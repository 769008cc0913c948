// The Markdown a pull request gets: one readable snapshot per fixture
// (__snapshots__/<fixture>.md) plus targeted assertions on what matters.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { reviewPreview } from "../../../cli/review/review";
import { mdAlert, mdCode, mdLiteral, mdSentence } from "../../../cli/review/markdown";
import { quoted } from "../../../cli/review/text";
import { AS_OF, AS_OF_ARG, FIXTURE_NAMES, HERE, TABLE, creditTypesArg, fixturePath, loadFixture, reviewOf, runReview, visible } from "./helpers";

const markdownOf = (name: string) => renderMarkdown(reviewOf(name), TABLE);

describe("snapshots", () => {
  it.each(FIXTURE_NAMES)("%s", async (name) => {
    await expect(markdownOf(name)).toMatchFileSnapshot(`__snapshots__/${name}.md`);
  });

  it("with the gate", async () => {
    const md = renderMarkdown(reviewOf("mixed", { gate: { failOn: ["replace", "delete"], maxChange: 100_000 } }), TABLE);
    await expect(md).toMatchFileSnapshot("__snapshots__/mixed-gated.md");
  });
});

describe("what a reviewer reads", () => {
  it("one table row per commit change, with money in currency units", () => {
    const md = visible(markdownOf("create"));
    expect(md).toContain(
      "| create | `acme-2027`<br>Acme 2027 | `cus-acme` | `prod-prepaid-commit` | PREPAID | $120,000.00 | 2027-01-01 → 2028-01-01 | 2027-01-01: $60,000.00; 2027-07-01: $60,000.00 |",
    );
  });

  it("edits: each changed field and schedule item, matched by id", () => {
    const md = visible(markdownOf("edit"));
    expect(md).toContain("$180,000.00<br>(was $120,000.00)");
    expect(md).toContain("- `name`: `Acme 2027` → `Acme 2027 (expanded)`");
    expect(md).toContain("- access item `acc-acme-h2` (2027-07-01 → 2028-01-01): amount $60,000.00 → $90,000.00");
    expect(md).toContain("- access item added: $30,000.00, 2028-01-01 → 2028-04-01");
    expect(md).toContain("- invoice `inv-acme-2` (2027-07-01): amount $60,000.00 → $90,000.00");
  });

  it("replacements: a warning with the money consequence", () => {
    const md = visible(markdownOf("replace"));
    expect(md).toContain(
      "**replace `globex-2027`**: Creates a new $50,000.00 commit for customer `cus-globex-us` and archives commit `cmt-globex-2027` ($50,000.00, access 2027-01-01 → 2028-01-01). Replaced because the customer changes: `cus-globex-eu` → `cus-globex-us`",
    );
    expect(md).toContain("Creates a new 2,000,000 Cloud credits commit and stops managing commit `cmt-initech-credits` ($20,000.00, access 2027-01-01 → 2028-01-01); Metronome keeps billing it.");
    expect(md).toContain("The customer will hold two live commits");
  });

  it("deletions: one warning per policy", () => {
    const md = visible(markdownOf("delete"));
    expect(md).toContain("**archive `acme-2026`**: Archives commit `cmt-acme-2026` ($80,000.00, access 2026-01-01 → 2027-01-01).");
    expect(md).toContain(
      "**end access `hooli-2027`**: Ends access to commit `cmt-hooli-2027` ($100,000.00, access 2027-01-01 → 2028-01-01 in 4 items) at the next whole hour (2027-06-15 11:00 UTC if applied at 2027-06-15T10:30:00Z): $50,000.00 of access starting then or later is removed and 2 scheduled invoices ($50,000.00) will not be issued; the commit stays.",
    );
    expect(md).toContain("**forget `pied-piper-2027`**: Stops managing commit `cmt-pied-piper-2027` ($30,000.00, access 2027-01-01 → 2028-01-01); Metronome keeps billing it.");
    expect(md).toContain("(`retainOnDelete` is set)");
  });

  it("totals per customer and overall, per currency", () => {
    const md = visible(markdownOf("mixed"));
    expect(md).toContain("| `cus-acme` | USD | +$120,000.00 |");
    expect(md).toContain("| `cus-globex` | EUR | +€120,000.00 |");
    expect(md).toContain("| `cus-globex` | Cloud credits | -500,000 Cloud credits |");
    expect(md).toContain("| **All customers** | USD | **+$120,000.00** |");
  });

  it("unknowns and secrets are shown as such, and totals say what they depend on", () => {
    const unknowns = visible(markdownOf("unknowns"));
    expect(unknowns).toContain("| create | `initech-2027`<br>Initech 2027 | _unknown until apply_ |");
    expect(unknowns).toContain("_unknown until apply_<br>(was $120,000.00)");
    expect(unknowns).toContain("**replace? `globex-2027`**: May replace the commit: decided at apply");
    expect(unknowns).toContain("| **All customers** | USD | **+$85,000.00 + an amount unknown until apply** |");
    const secrets = visible(markdownOf("secrets"));
    expect(secrets).toContain("- `name`: `[secret]` → `[secret]`");
    expect(secrets).toContain("| `cus-acme` | USD | A secret amount |");
    expect(secrets).not.toMatch(/04da6b54/);
  });

  it("the gate's verdict comes first", () => {
    const md = visible(renderMarkdown(reviewOf("replace", { gate: { failOn: ["replace"] } }), TABLE));
    const caution = md.indexOf("> [!CAUTION]");
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(md.indexOf("| Action |"));
    expect(md).toContain("> - the plan replaces commit `globex-2027` (--fail-on replace)");
    expect(renderMarkdown(reviewOf("edit", { gate: { failOn: ["replace"] } }), TABLE)).toContain("Review gate: passed.");
  });

  it("preview errors are shown: the plan is incomplete", () => {
    const digest = loadFixture("create");
    digest.diagnostics = [{ message: "unable to replace resource: marked for protection", severity: "error" }];
    expect(renderMarkdown(reviewPreview(digest, { asOf: AS_OF }), TABLE)).toContain("**The preview reported errors; the plan below is incomplete.**");
  });

  it("an empty plan says so", () => {
    const md = renderMarkdown(reviewPreview({ steps: [] }, { asOf: AS_OF }), TABLE);
    expect(md).toMatch(/^## Metronome commit and credit changes\n\nNo commit or credit changes\.\n/);
    expect(md).not.toContain("| Action |");
  });

  it("dollar signs cannot start GitHub math", () => {
    expect(markdownOf("mixed")).not.toMatch(/(^|[^\\])\$/m);
  });
});

describe("markdown helpers", () => {
  it("escape every ASCII punctuation character, and show code as an element around escaped text", () => {
    expect(mdLiteral("a *b* $1 <x> [y] a|b")).toBe("a \\*b\\* \\$1 \\<x\\> \\[y\\] a\\|b");
    expect(mdLiteral("line\nbreak")).toBe("line⟨U\\+000A⟩break");
    expect(mdCode("a`b")).toBe("<code>a\\`b</code>");
    expect(mdSentence(`pay $5 for ${quoted("x*y")}, not \`this\``)).toBe("pay \\$5 for <code>x\\*y</code>\\, not \\`this\\`");
    expect(mdAlert("NOTE", ["one", "- a", "- b", "two"])).toBe("> [!NOTE]\n> one\n>\n> - a\n> - b\n>\n> two");
  });
});

describe("the example in examples/github-actions/README.md", () => {
  it("is what the command renders today", async () => {
    const readme = fs.readFileSync(path.join(HERE, "..", "..", "..", "examples", "github-actions", "README.md"), "utf8");
    const shown = /<!-- review:begin -->\n([\s\S]*?)\n<!-- review:end -->/.exec(readme)?.[1];
    const r = await runReview([fixturePath("mixed"), "--fail-on", "replace,delete", "--max-change", "100000", AS_OF_ARG, creditTypesArg()]);
    expect(r.code).toBe(3);
    expect(shown).toBe(r.stdout.trimEnd());
  });
});
