#!/usr/bin/env bash
# Writes src/assets/fonts/latinmodern-math.woff2: Latin Modern Math (GUST Font License; Debian's fonts-lmodern,
# latinmodern-math.otf, 734 KB) cut to the characters in scripts/fonts/math-unicodes.txt, with the MATH table
# (stretchy brackets, big operators, script sizes) and the glyph variants it points to kept: 70 KB instead of 392 KB
# for the whole font as WOFF2 (145 KB while the list held whole alphabets and the whole operator block).
# The list is written by `node_modules/.bin/node scripts/fonts/math-characters.mts --write`: what the formulas of both
# editions draw, plus ASCII and the italic letters. tests/unit/math/tex.test.ts fails when a formula needs a character
# outside the list: run both steps again then.
# Needs fonttools and brotli (Debian: python3-fonttools python3-brotli) and the .otf (Debian: fonts-lmodern).
set -euo pipefail
otf=${1:-/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf}
here=$(cd "$(dirname "$0")" && pwd)
python3 -m fontTools.subset "$otf" --output-file="$here/../../src/assets/fonts/latinmodern-math.woff2" --flavor=woff2 \
  --layout-features='ssty,dtls,flac,kern,mark,mkmk' --no-hinting --desubroutinize --unicodes="$(tr -d '\n' < "$here/math-unicodes.txt")"
