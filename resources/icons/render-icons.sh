#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG sources. The PNGs are committed, so building
# ProcLab needs no SVG renderer; run this (it needs rsvg-convert, Debian package librsvg2-bin) after
# changing an icon, then look at the 16, 48 and 256 px results before committing them.
#
# 16, 22 and 24 px come from the pixel-grid redraws in source/: scaled down, the scalable icon's
# 6-unit lines land between pixels and blur. 22 px is the 24 px drawing with its 1 px margin cut off.
set -euo pipefail

cd "$(dirname "$0")"
id=io.github.proclab.ProcLab
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: needs rsvg-convert (apt install librsvg2-bin)" >&2; exit 1; }

render() # render SOURCE SIZE [extra rsvg-convert options...]
{
    local source=$1 size=$2
    shift 2
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert "$@" "$source" -o "hicolor/${size}x${size}/apps/$id.png"
}

render "source/$id-16.svg" 16 -w 16 -h 16
render "source/$id-24.svg" 22 -w 24 -h 24 --page-width=22 --page-height=22 --left=-1 --top=-1
render "source/$id-24.svg" 24 -w 24 -h 24
for size in 32 48 64 128 256; do
    render "hicolor/scalable/apps/$id.svg" "$size" -w "$size" -h "$size"
done
