#!/usr/bin/env bash
# Installs what building and testing Fieldschool needs and a fresh machine lacks.
# Each step is skipped when its tool is already present at the right version.
#   scripts/bootstrap.sh          tools for building and running
#   scripts/bootstrap.sh --test   also the browser-test tools (chromium, chromedriver)
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS_DIR="${FIELDSCHOOL_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fieldschool-tools}"
BINARYEN_VERSION=132
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

log() { printf '[bootstrap] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; exit 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# 1. The wasm target of the pinned toolchain (rust-toolchain.toml selects it here).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI of exactly the version Cargo.lock pins.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (takes a few minutes once)"
  # Not --locked: the CLI's own lockfile pins a crate the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# Node.js: npm fetches binaryen; `node --test` runs the service worker's tests.
command -v npm >/dev/null || apt_install nodejs npm

# 3. wasm-opt from the npm binaryen package (Debian's older binaryen breaks hydration).
wasm_opt="$TOOLS_DIR/binaryen/node_modules/.bin/wasm-opt"
if ! "$wasm_opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  log "installing binaryen@$BINARYEN_VERSION from npm"
  mkdir -p "$TOOLS_DIR/binaryen"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/binaryen" "binaryen@$BINARYEN_VERSION"
fi

# 4. Debian packages: brotli for pre-compressed assets; for the tests, chromium, and nginx
#    and openssl for the deployment test (TLS proxy in front of two instances), and
#    systemd-analyze to check the documented unit (nothing is started with it).
missing=()
command -v brotli >/dev/null || missing+=(brotli)
if [ "$want_test" = 1 ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v systemd-analyze >/dev/null || missing+=(systemd)
fi
if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi

# 5. Schemathesis (PyPI, pinned) in a virtual environment of its own, for the API contract
#    test (tests/system/contract.rs).
SCHEMATHESIS_VERSION=4.32.5
if [ "$want_test" = 1 ]; then
  st="$TOOLS_DIR/schemathesis/bin/st"
  if [ "$("$st" --version 2>/dev/null | awk '{print $3}')" != "$SCHEMATHESIS_VERSION" ]; then
    command -v python3 >/dev/null || apt_install python3
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
    log "installing schemathesis $SCHEMATHESIS_VERSION"
    python3 -m venv "$TOOLS_DIR/schemathesis"
    "$TOOLS_DIR/schemathesis/bin/pip" install --quiet --disable-pip-version-check \
      "schemathesis==$SCHEMATHESIS_VERSION"
  fi
fi

# 6. axe-core (npm, pinned) for the accessibility crawl (tests/system/browser/accessibility),
#    which injects it into every page through WebDriver.
AXE_VERSION=4.14.1
if [ "$want_test" = 1 ]; then
  axe="$TOOLS_DIR/axe-core/node_modules/axe-core"
  if [ "$(node -p "require('$axe/package.json').version" 2>/dev/null)" != "$AXE_VERSION" ]; then
    log "installing axe-core $AXE_VERSION from npm"
    mkdir -p "$TOOLS_DIR/axe-core"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/axe-core" "axe-core@$AXE_VERSION"
  fi
fi

log "tools ready"
