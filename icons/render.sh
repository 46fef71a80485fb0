#!/usr/bin/env bash
# Renders every icon the window and the installers use from the one master, mqtt-workbench.svg.
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert and png2icns (icnsutils).
# The results are committed, so a build never needs these tools.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" mqtt-workbench.svg -o "mqtt-workbench-$size.png"
done
# Windows: one .ico holding the sizes Explorer, the taskbar and the Start menu pick from.
convert mqtt-workbench-16.png mqtt-workbench-24.png mqtt-workbench-32.png mqtt-workbench-48.png \
        mqtt-workbench-64.png mqtt-workbench-128.png mqtt-workbench-256.png mqtt-workbench.ico
# macOS: .icns with the sizes Finder and the Dock use (png2icns takes 16, 32, 48, 128, 256, 512).
png2icns mqtt-workbench.icns mqtt-workbench-16.png mqtt-workbench-32.png mqtt-workbench-48.png \
        mqtt-workbench-128.png mqtt-workbench-256.png mqtt-workbench-512.png >/dev/null
