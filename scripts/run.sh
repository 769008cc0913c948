#!/usr/bin/env bash
# The one entry point behind `npm test`, `npm run demo` and `npm run bench`.
# On a fresh clone it provisions everything: a supported Node, the npm
# dependencies, the TypeScript build and (for the jobs that drive the real
# engine) the Pulumi CLI. Each step is skipped when its result is current.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Each provisioning step reports how long it took (stderr), so a slow CI run
# says where the time went.
phase_t0=0
phase() { phase_name="$1"; phase_t0=$(date +%s%N); }
phase_done() { echo "[run] $phase_name: $(( ($(date +%s%N) - phase_t0) / 1000000 )) ms" >&2; }

phase "node"
# shellcheck source=scripts/env.sh
source scripts/env.sh
phase_done

job="${1:-}"; shift || true

phase "npm dependencies"
install_stamp="node_modules/.pulumi-metronome-install"
lock_hash="$(node -e 'const c=require("crypto");const f=require("fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync("package-lock.json")).update(process.version).digest("hex"))')"
if [ ! -f "$install_stamp" ] || [ "$(cat "$install_stamp")" != "$lock_hash" ]; then
  echo "[run] installing npm dependencies (node $(node --version))" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$lock_hash" > "$install_stamp"
fi
phase_done

phase "TypeScript build"
node node_modules/typescript/bin/tsc -p tsconfig.json
node scripts/link-self.js
phase_done

needs_cli() { case "$job" in test|demo|bench) return 0;; *) return 1;; esac; }
if needs_cli; then
  phase "Pulumi CLI"
  # Prints the directory that holds a working `pulumi` and the dynamic-provider plugin.
  cli_dir="$(bash scripts/ensure-pulumi.sh)"
  export PATH="$cli_dir:$PATH"
  export PULUMI_METRONOME_CLI="$cli_dir/pulumi"
  phase_done
fi

case "$job" in
  test)
    # vitest strips types without checking them: check the tests' types first.
    phase "TypeScript check of the tests"
    node node_modules/typescript/bin/tsc -p tsconfig.test.json
    phase_done
    exec node scripts/test.js "$@" ;;
  demo)     exec node dist/scripts/demo.js "$@" ;;
  bench)    exec node dist/bench/run.js "$@" ;;
  emulator) exec node dist/emulator/bin.js "$@" ;;
  *) echo "usage: scripts/run.sh test|demo|bench|emulator [args]" >&2; exit 2 ;;
esac
