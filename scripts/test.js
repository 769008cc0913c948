// Runs the whole vitest suite and ends with one plain closing line,
// "tests: N passed, N failed", that CI reads. Exits with vitest's code.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const report = path.join(root, "test-results", "vitest.json");
fs.rmSync(report, { force: true });

const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const run = spawnSync(
  process.execPath,
  [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: process.env },
);

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const summary = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = summary.numPassedTests;
  // A file that fails without a failing test (it did not load, or a hook
  // threw) counts once; a file with failing tests is counted by its tests.
  const brokenFiles = (summary.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed"),
  ).length;
  failed = summary.numFailedTests + brokenFiles;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(run.status ?? 1);
