# Sourced by scripts/run.sh and .ci/run: puts a supported Node (>= 22) first on
# PATH. The machines ship Node 20 (end-of-life); when the node on PATH is older
# than 22 we install Node 24 from the npm registry (the `node@24` package
# carries the real binary) into a cache outside the repository and use it.

PM_CACHE="${PULUMI_METRONOME_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-metronome}"
export PULUMI_METRONOME_CACHE="$PM_CACHE"
mkdir -p "$PM_CACHE"

pm_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(pm_node_major)" -lt 22 ]; then
  pm_node_dir="$PM_CACHE/node24"
  pm_node_bin="$pm_node_dir/node_modules/node/bin/node"
  if ! "$pm_node_bin" --version >/dev/null 2>&1; then
    echo "[env] node $(node --version 2>/dev/null || echo missing) is older than 22; installing Node 24 from the npm registry into $pm_node_dir" >&2
    rm -rf "$pm_node_dir"
    npm install --prefix "$pm_node_dir" --no-save --no-package-lock --loglevel=error node@24 >&2 || {
      echo "[env] could not install node@24 from the npm registry; install Node 22 or 24 and retry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$(dirname "$pm_node_bin"):$PATH"
fi
