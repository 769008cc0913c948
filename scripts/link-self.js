// Makes `require("pulumi-metronome")` resolve to this checkout from the repo
// root, the way it resolves from a user's node_modules. The serialized
// provider shim requires the package by name at run time, and the
// dynamic-provider plugin resolves that name from the program directory.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-metronome");
let current;
try { current = fs.readlinkSync(link); } catch { current = undefined; }
if (current !== "..") {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync("..", link, "dir");
}
