#!/usr/bin/env bash
# Prints what a page costs to transfer, brotli-compressed as browsers ask for it:
# the HTML document, the stylesheet, and the islands bundle (JS + wasm) it links.
#   scripts/page-weight.sh [URL]      default http://127.0.0.1:3000/
set -euo pipefail
url=${1:-http://127.0.0.1:3000/}
origin=$(printf '%s' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')

size() { curl -s --compressed -o /dev/null -H 'Accept-Encoding: br' -w '%{size_download}' "$1"; }
html=$(curl -s --compressed -H 'Accept-Encoding: br' "$url")
html_bytes=$(size "$url")
css=$(printf '%s' "$html" | grep -oE 'href="/pkg/[^"]+\.css"' | head -1 | cut -d'"' -f2 || true)
js=$(printf '%s' "$html" | grep -oE 'href="/pkg/[^"]+\.js"' | head -1 | cut -d'"' -f2 || true)
css_bytes=0; js_bytes=0; wasm_bytes=0
[ -n "$css" ] && css_bytes=$(size "$origin$css")
if [ -n "$js" ]; then
  js_bytes=$(size "$origin$js")
  wasm_bytes=$(size "$origin${js%.js}.wasm")
fi
without=$((html_bytes + css_bytes))
with=$((without + js_bytes + wasm_bytes))
printf 'page                      %s\n' "$url"
printf 'html (br)                 %7d bytes\n' "$html_bytes"
printf 'css (br)                  %7d bytes\n' "$css_bytes"
printf 'islands js (br)           %7d bytes\n' "$js_bytes"
printf 'islands wasm (br)         %7d bytes\n' "$wasm_bytes"
printf 'total without scripts     %7d bytes\n' "$without"
printf 'total with islands        %7d bytes\n' "$with"
