#!/usr/bin/env bash
# Yields a working Pulumi CLI and prints the directory that holds it (and the
# dynamic-provider plugin `pulumi-resource-pulumi-nodejs` beside it) on stdout.
# The directory is always named `bin`, so its parent is a root that the
# Automation API's `PulumiCommand.get({ root })` accepts. Everything else goes
# to stderr. In order:
#   1. a `pulumi` already on PATH whose version fits;
#   2. a cached build of the pinned version outside the repository;
#   3. a fresh build from Go modules (tools/pulumi-cli), version-stamped;
#   4. otherwise a message that says how to get Pulumi.
# PULUMI_METRONOME_BUILD_CLI=1 skips step 1 (always use our own build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

export PULUMI_SKIP_UPDATE_CHECK=true
want="$(node -p 'require("@pulumi/pulumi/package.json").version')"
plugin_src="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
log() { echo "[pulumi] $*" >&2; }

# The CLI's go.mod must pin the same version as the Node SDK; a mismatch is a
# bug in this repository, so say so instead of building something else.
# (Matches both `require github.com/... vX` and a line inside `require (...)`.)
gomod_version="$(sed -n 's|^\s*\(require\s\+\)\?github.com/pulumi/pulumi/pkg/v3 v\([0-9.]*\)\s*$|\2|p' tools/pulumi-cli/go.mod)"
if [ "$gomod_version" != "$want" ]; then
  log "tools/pulumi-cli/go.mod pins pkg/v3 '${gomod_version}' but @pulumi/pulumi is $want; run \`bash scripts/set-pulumi-version.sh <version>\` to move both"
  exit 1
fi

place_plugin() {  # $1: directory that holds (or links to) pulumi
  cp -f "$plugin_src" "$1/pulumi-resource-pulumi-nodejs.partial"
  chmod +x "$1/pulumi-resource-pulumi-nodejs.partial"
  mv -f "$1/pulumi-resource-pulumi-nodejs.partial" "$1/pulumi-resource-pulumi-nodejs"
}

# The oldest supported version is the lower bound of the peer range in
# package.json (inline refresh/destroy need >= 3.181, read() returning inputs
# needs 3.216).
version_fits() {  # $1: output of `pulumi version`, e.g. v3.276.0
  node -e '
    const floor = require("./package.json").peerDependencies["@pulumi/pulumi"].replace(/^\^/, "").split(".").map(Number);
    const got = process.argv[1].replace(/^v/, "").split(".").map(Number);
    const cmp = got[0] - floor[0] || got[1] - floor[1] || got[2] - floor[2];
    process.exit(got[0] === floor[0] && cmp >= 0 ? 0 : 1);' "$1"
}

# 1. A pulumi on PATH (a user's normal install).
if [ "${PULUMI_METRONOME_BUILD_CLI:-}" != "1" ] && command -v pulumi >/dev/null 2>&1; then
  found="$(command -v pulumi)"
  case "$found" in "$PULUMI_METRONOME_CACHE"/*) found="";; esac
  if [ -n "$found" ] && v="$(pulumi version 2>/dev/null)" && version_fits "$v"; then
    dir="$PULUMI_METRONOME_CACHE/path-cli/bin"
    mkdir -p "$dir"
    ln -sfn "$found" "$dir/pulumi"
    place_plugin "$dir"
    log "using $found ($v)"
    echo "$dir"
    exit 0
  fi
fi

dir="$PULUMI_METRONOME_CACHE/pulumi-v$want/bin"
cached_ok() { [ -x "$dir/pulumi" ] && [ "$("$dir/pulumi" version 2>/dev/null)" = "v$want" ]; }

# 2. The cached build.
if cached_ok; then
  place_plugin "$dir"
  log "using cached build $dir/pulumi (v$want)"
  echo "$dir"
  exit 0
fi

# 3. A fresh build from Go modules. The machines have Go in /usr/local/go
# even when it is not on PATH.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi
if ! command -v go >/dev/null 2>&1; then
  log "no Pulumi CLI found and no Go toolchain to build one."
  log "Install Pulumi >= $(node -p 'require("./package.json").peerDependencies["@pulumi/pulumi"].replace(/^\^/, "")') (https://www.pulumi.com/docs/install/) or Go >= 1.26, then retry."
  exit 1
fi

mkdir -p "$dir"
# One build at a time (parallel test workers, two checkouts): wait for the
# lock, then use what the other build produced.
exec 9>"$PULUMI_METRONOME_CACHE/pulumi-v$want.lock"
if ! flock -n 9 2>/dev/null; then
  log "another build of the Pulumi CLI is running; waiting for it"
  flock 9 2>/dev/null || true
fi
if cached_ok; then
  place_plugin "$dir"
  log "using cached build $dir/pulumi (v$want)"
  echo "$dir"
  exit 0
fi

log "building the Pulumi CLI v$want from Go modules with $(go version | cut -d' ' -f3) (first time only: about 5 minutes and 3 GB of Go caches cold)"
start=$(date +%s)
(
  cd tools/pulumi-cli
  # Caches outside the repository; -modcacherw keeps the module cache deletable.
  export GOMODCACHE="$PULUMI_METRONOME_CACHE/go-mod" GOCACHE="$PULUMI_METRONOME_CACHE/go-build"
  export GOFLAGS="-mod=readonly -modcacherw" CGO_ENABLED=0
  go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$want" \
    -o "$dir/pulumi.partial" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
)
mv -f "$dir/pulumi.partial" "$dir/pulumi"
got="$("$dir/pulumi" version)"
if [ "$got" != "v$want" ]; then
  log "the build reports version '$got', expected v$want"
  exit 1
fi
place_plugin "$dir"
log "built $dir/pulumi ($got) in $(( $(date +%s) - start ))s"
echo "$dir"
