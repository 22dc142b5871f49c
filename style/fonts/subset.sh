#!/usr/bin/env bash
# How the bundled print font was made (not run by the build; the outputs are
# committed). Tinos is metric-compatible with Times New Roman, OFL-1.1 with no
# Reserved Font Name, from Debian's fonts-croscore. The subset keeps Latin-1,
# every Vietnamese letter (precomposed and combining marks), punctuation and ₫.
# Needs: apt-get install fonts-croscore; pip install fonttools brotli
set -euo pipefail
cd "$(dirname "$0")"
ranges="U+0000-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0"
ranges+=",U+0300-0301,U+0303,U+0309,U+0323,U+1EA0-1EF9,U+2000-206F,U+20AB,U+2070-2079,U+2116,U+2122,U+2212"
for face in Regular Bold Italic BoldItalic; do
  pyftsubset "/usr/share/fonts/truetype/croscore/Tinos-$face.ttf" --unicodes="$ranges" \
    --flavor=woff2 --layout-features='kern,liga,ccmp,mark,mkmk' --no-hinting --desubroutinize \
    --output-file="Tinos-$face.woff2"
done
