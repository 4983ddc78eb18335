#!/usr/bin/env bash
# Writes src/assets/fonts/latinmodern-math.woff2: Latin Modern Math (GUST Font License; Debian's fonts-lmodern,
# latinmodern-math.otf, 734 KB) cut to the characters in scripts/fonts/math-unicodes.txt — what the book's formulas
# use, the italic, bold, script and double-struck letters MathML maps single letters to, and the common operators —
# with the MATH table (stretchy brackets, big operators, script sizes) kept. 145 KB instead of 392 KB for the
# whole font as WOFF2. tests/unit/math/font-coverage.test.ts fails when a formula needs a character outside the list.
# Needs fonttools and brotli (pip install fonttools brotli) and the .otf (apt-get download fonts-lmodern; dpkg-deb -x).
set -euo pipefail
otf=${1:-/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf}
here=$(cd "$(dirname "$0")" && pwd)
python3 -m fontTools.subset "$otf" --output-file="$here/../../src/assets/fonts/latinmodern-math.woff2" --flavor=woff2 \
  --layout-features='ssty,dtls,flac,kern,mark,mkmk' --no-hinting --desubroutinize --unicodes="$(tr -d '\n' < "$here/math-unicodes.txt")"
