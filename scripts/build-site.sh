#!/usr/bin/env bash
# Builds the browser assets into target/site/pkg:
#   the islands bundle (wasm + JS glue, size-optimised) and the stylesheet,
#   each with a content hash in its name, pre-compressed copies (.br, .gz),
#   and manifest.json, which the server reads at start.
# Skips the work when the inputs have not changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS_DIR="${FIELDSCHOOL_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fieldschool-tools}"
WASM_OPT="$TOOLS_DIR/binaryen/node_modules/.bin/wasm-opt"
NAME=fieldschool            # LEPTOS_OUTPUT_NAME in .cargo/config.toml
OUT=target/site/pkg
STAGE=target/site/stage

log() { printf '[site] %s\n' "$*" >&2; }

# Inputs: everything the bundle is built from. Same inputs, same stamp: nothing to do.
stamp=$(cat Cargo.lock Cargo.toml .cargo/config.toml frontend/Cargo.toml shared/Cargo.toml \
          $(find frontend/src frontend/style frontend/offline shared/src -type f -not -name '*.test.mjs' | sort) scripts/build-site.sh \
        | sha256sum | cut -c1-16)
if [ -f "$OUT/manifest.json" ] && [ "$(cat target/site/.stamp 2>/dev/null)" = "$stamp" ]; then
  log "up to date"
  exit 0
fi

log "building the islands bundle (wasm32, profile wasm-release)"
cargo build -p frontend --lib --target wasm32-unknown-unknown \
  --no-default-features --features hydrate --profile wasm-release

rm -rf "$STAGE" && mkdir -p "$STAGE"
wasm-bindgen --target web --no-typescript --out-dir "$STAGE" --out-name "$NAME" \
  "target/wasm32-unknown-unknown/wasm-release/frontend.wasm"
log "wasm-opt -Oz"
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  -o "$STAGE/$NAME.opt.wasm" "$STAGE/${NAME}_bg.wasm"

bundle_hash=$(cat "$STAGE/$NAME.js" "$STAGE/$NAME.opt.wasm" | sha256sum | cut -c1-16)
css_hash=$(sha256sum frontend/style/main.css | cut -c1-16)
bundle="$NAME.$bundle_hash"
stylesheet="$NAME.$css_hash.css"
offline_hash=$(sha256sum frontend/offline/offline.js | cut -c1-16)
offline="offline.$offline_hash.js"

rm -rf "$OUT" && mkdir -p "$OUT"
cp "$STAGE/$NAME.js" "$OUT/$bundle.js"
cp "$STAGE/$NAME.opt.wasm" "$OUT/$bundle.wasm"
cp frontend/style/main.css "$OUT/$stylesheet"
cp frontend/offline/offline.js "$OUT/$offline"
# The service worker keeps one address (/sw.js); the server sends it uncached.
cp frontend/offline/sw.js "$OUT/sw.js"
for f in "$OUT/$bundle.js" "$OUT/$bundle.wasm" "$OUT/$stylesheet" "$OUT/$offline"; do
  brotli -q 11 -k -f -o "$f.br" "$f"
  gzip -9 -k -n -f "$f"
done
printf '{ "bundle": "%s", "stylesheet": "%s", "offline": "%s" }\n' "$bundle" "$stylesheet" "$offline" \
  > "$OUT/manifest.json"
echo "$stamp" > target/site/.stamp
rm -rf "$STAGE"
log "$(ls -l "$OUT" | awk 'NR>1 {printf "%s %s\n", $5, $9}')"
