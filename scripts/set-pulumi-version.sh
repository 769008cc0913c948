#!/usr/bin/env bash
# Moves the pinned Pulumi version: `bash scripts/set-pulumi-version.sh 3.277.0`.
#
# The version is named in one place, the `@pulumi/pulumi` devDependency in
# package.json. Two files must follow it and this script rewrites both:
#   - package-lock.json (npm install),
#   - tools/pulumi-cli/go.mod and go.sum, the Go module the CLI is built from
#     (pkg/v3 and sdk/v3 at the same tag, then `go mod tidy`).
# scripts/ensure-pulumi.sh refuses to build when go.mod and package.json
# disagree, and test/scripts/pulumi-version.test.ts fails on the same.
# The next `npm test` builds the new CLI (a few minutes, once).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

version="${1:-}"
if ! [[ "$version" =~ ^3\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: scripts/set-pulumi-version.sh 3.MINOR.PATCH (the @pulumi/pulumi version; the CLI follows it)" >&2
  exit 2
fi

echo "[pulumi-version] @pulumi/pulumi devDependency -> $version" >&2
npm install --save-dev --save-exact --no-audit --no-fund --loglevel=error "@pulumi/pulumi@$version" >&2

echo "[pulumi-version] tools/pulumi-cli/go.mod -> v$version" >&2
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi
(
  cd tools/pulumi-cli
  export GOMODCACHE="$PULUMI_METRONOME_CACHE/go-mod" GOCACHE="$PULUMI_METRONOME_CACHE/go-build" GOFLAGS="-modcacherw"
  go mod edit \
    -require="github.com/pulumi/pulumi/pkg/v3@v$version" \
    -require="github.com/pulumi/pulumi/sdk/v3@v$version"
  go mod tidy >&2
)

echo "[pulumi-version] done: package.json, package-lock.json, tools/pulumi-cli/go.mod and go.sum name $version" >&2
