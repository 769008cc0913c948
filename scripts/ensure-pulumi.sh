#!/usr/bin/env bash
# Yields a working Pulumi CLI and prints the directory that holds it (and the
# dynamic-provider plugin `pulumi-resource-pulumi-nodejs` beside it) on stdout.
# Everything else goes to stderr. In order:
#   1. a `pulumi` already on PATH whose version fits;
#   2. a cached build of the pinned version outside the repository;
#   3. a fresh build from Go modules (tools/pulumi-cli), version-stamped;
#   4. otherwise a message that says how to get Pulumi.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

want="$(node -p 'require("@pulumi/pulumi/package.json").version')"
plugin_src="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
log() { echo "[pulumi] $*" >&2; }

# The CLI's go.mod must pin the same version as the Node SDK; a mismatch is a
# bug in this repository, so say so instead of building something else.
gomod_version="$(sed -n 's|^\s*github.com/pulumi/pulumi/pkg/v3 v\([0-9.]*\)$|\1|p' tools/pulumi-cli/go.mod)"
if [ "$gomod_version" != "$want" ]; then
  log "tools/pulumi-cli/go.mod pins pkg/v3 $gomod_version but @pulumi/pulumi is $want; align them"
  exit 1
fi

place_plugin() {  # $1: directory that holds (or links to) pulumi
  cp -f "$plugin_src" "$1/pulumi-resource-pulumi-nodejs"
  chmod +x "$1/pulumi-resource-pulumi-nodejs"
}

# Inline refresh/destroy need >= 3.181 and read() returning inputs needs 3.216.
version_fits() {  # $1: output of `pulumi version`, e.g. v3.259.0
  node -e '
    const [maj, min] = process.argv[1].replace(/^v/, "").split(".").map(Number);
    process.exit(maj === 3 && min >= 216 ? 0 : 1);' "$1"
}

# 1. A pulumi on PATH (a user's normal install).
if command -v pulumi >/dev/null 2>&1 && [ "${PULUMI_METRONOME_BUILD_CLI:-}" != "1" ]; then
  found="$(command -v pulumi)"
  case "$found" in "$PULUMI_METRONOME_CACHE"/*) found="";; esac
  if [ -n "$found" ] && v="$(pulumi version 2>/dev/null)" && version_fits "$v"; then
    dir="$PULUMI_METRONOME_CACHE/path-cli"
    mkdir -p "$dir"
    ln -sf "$found" "$dir/pulumi"
    place_plugin "$dir"
    log "using $found ($v)"
    echo "$dir"
    exit 0
  fi
fi

# 2. The cached build.
dir="$PULUMI_METRONOME_CACHE/pulumi-v$want/bin"
if [ -x "$dir/pulumi" ] && [ "$("$dir/pulumi" version 2>/dev/null)" = "v$want" ]; then
  place_plugin "$dir"
  log "using cached build $dir/pulumi (v$want)"
  echo "$dir"
  exit 0
fi

# 3. A fresh build from Go modules.
if ! command -v go >/dev/null 2>&1; then
  log "no Pulumi CLI found and no Go toolchain to build one."
  log "Install Pulumi (https://www.pulumi.com/docs/install/) or Go >= 1.25, then retry."
  exit 1
fi
log "building the Pulumi CLI v$want from Go modules (first time only; several minutes)"
start=$(date +%s)
mkdir -p "$dir"
(
  cd tools/pulumi-cli
  export GOMODCACHE="$PULUMI_METRONOME_CACHE/go-mod" GOCACHE="$PULUMI_METRONOME_CACHE/go-build"
  export GOFLAGS=-mod=readonly CGO_ENABLED=0
  go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$want" \
    -o "$dir/pulumi.partial" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
)
mv "$dir/pulumi.partial" "$dir/pulumi"
place_plugin "$dir"
log "built $dir/pulumi ($("$dir/pulumi" version)) in $(( $(date +%s) - start ))s"
echo "$dir"
