#!/usr/bin/env bash
# Opt-in check of the HTML and SVG snapshots in a real browser (headless Chromium), on a
# machine with nothing but the DejaVu fonts: every tab at 120×40, dark and light.
#
# - In the HTML page, every visible character must sit on its cell: the script below measures
#   each with Range.getBoundingClientRect() and writes what it found into the page, which
#   `chromium --dump-dom` prints.
# - In screenshots of the HTML and the SVG, every box's vertical borders must be unbroken
#   and every bar solid from its base to its top: `cargo run --example pixels` checks the
#   pixels (it draws the same frame to know where they are).
#
# Installs chromium and fonts-dejavu-core with apt-get when they are missing (Debian and
# Ubuntu; as root or with sudo). Takes a few minutes; CI does not run it. Usage:
#   scripts/browser-check.sh [OUTPUT_DIR]     (default target/browser-check)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  echo "browser-check: installing ${missing[*]}"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release -q --bin shenzhen-dash --example pixels
bin=target/release/shenzhen-dash
pixels=target/release/examples/pixels
out=${1:-target/browser-check}
mkdir -p "$out"
out=$(cd "$out" && pwd)

size=120x40
width=1280 # window: the 120×40 grid (1200×800 px) and the page's margin fit
height=880

chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --force-color-profile=srgb --window-size="$width,$height" \
    --virtual-time-budget=5000 "$@" 2>/dev/null
}

# Appended to each HTML page: measures every visible character against the grid of its frame
# and writes one line about each frame into the page.
measure='<script>
document.fonts.ready.then(() => {
  const lines = [];
  for (const frame of document.querySelectorAll(".frame")) {
    const box = frame.getBoundingClientRect();
    const columns = +frame.dataset.columns, rows = +frame.dataset.rows;
    const cw = box.width / columns, rh = box.height / rows;
    const walker = document.createTreeWalker(frame.querySelector("pre"), NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let row = 0, column = 0, visible = 0;
    const off = [];
    const check = (node, start, end, cells, text) => {
      range.setStart(node, start);
      range.setEnd(node, end);
      const r = range.getBoundingClientRect();
      const x = box.left + column * cw, y = box.top + row * rh;
      visible++;
      const dx = r.left - x, dw = r.width - cells * cw, mid = (r.top + r.bottom) / 2 - y;
      if (Math.abs(dx) > 0.5 || Math.abs(dw) > 0.5 || mid < 0 || mid > rh) {
        off.push(`${text} at ${column},${row} (dx ${dx.toFixed(2)}, dw ${dw.toFixed(2)})`);
      }
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const span = node.parentElement;
      const drawn = span.classList.contains("drawn");
      if (span.classList.contains("cell") && !drawn) {
        const cells = span.style.width ? parseInt(span.style.width) : 1;
        check(node, 0, node.data.length, cells, node.data);
        column += cells;
        continue;
      }
      let i = 0;
      for (const c of node.data) {
        if (c === "\n") {
          row++;
          column = 0;
        } else {
          if (!drawn && c.trim() !== "") check(node, i, i + c.length, 1, c);
          column++;
        }
        i += c.length;
      }
    }
    lines.push(`grid ${box.left.toFixed(2)},${box.top.toFixed(2)} ${cw.toFixed(3)},${rh.toFixed(3)}: ` +
      `${visible} visible characters, ${off.length} off the grid` +
      (off.length ? ": " + off.slice(0, 5).join("; ") : ""));
  }
  const result = document.createElement("pre");
  result.id = "grid-check";
  result.textContent = lines.join("\n");
  document.body.append(result);
});
</script>'

failures=0
tabs=$("$bin" snapshot --tab all --size 20x8 | grep -c '^== ')
for tab in $(seq 1 "$tabs"); do
  for theme in dark light; do
    name="tab$tab-$theme"
    "$bin" snapshot --tab "$tab" --size "$size" --theme "$theme" --format svg >"$out/$name.svg"
    "$bin" snapshot --tab "$tab" --size "$size" --theme "$theme" --format html >"$out/$name.html"
    # The page with the measuring script, in the same folder.
    {
      sed '/^<\/body>$/,$d' "$out/$name.html"
      printf '%s\n</body>\n</html>\n' "$measure"
    } >"$out/$name.measure.html"
    dom=$(chrome --dump-dom "file://$out/$name.measure.html")
    grid=$(printf '%s\n' "$dom" | sed -n 's/.*<pre id="grid-check">\(grid [^<]*\)<\/pre>.*/\1/p')
    if [ -z "$grid" ]; then
      echo "$name html: the page did not report its grid"
      failures=$((failures + 1))
      continue
    fi
    chrome --screenshot="$out/$name.html.png" "file://$out/$name.html" >/dev/null
    chrome --screenshot="$out/$name.svg.png" "file://$out/$name.svg" >/dev/null
    origin=${grid#grid }
    origin=${origin%% *}
    cell=${grid#grid * }
    cell=${cell%%:*}
    case "$grid" in *", 0 off the grid"*) ;; *) failures=$((failures + 1)) ;; esac
    if ! html=$("$pixels" "$tab" "$theme" "$size" "$origin" "$cell" "$out/$name.html.png"); then
      failures=$((failures + 1))
    fi
    if ! svg=$("$pixels" "$tab" "$theme" "$size" 0,0 10,20 "$out/$name.svg.png"); then
      failures=$((failures + 1))
    fi
    echo "$name html: ${grid#*: }; $html"
    echo "$name svg:  $svg"
  done
done
echo "browser-check: $failures problems; screenshots in $out"
[ "$failures" -eq 0 ]
