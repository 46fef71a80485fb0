#!/usr/bin/env bash
# Checks a built .deb the way a user meets it: installs it with the system package manager, runs the
# installed program (version, a headless subcommand, the window's smoke test under a virtual display),
# removes it and checks that nothing is left behind. Run by .ci/run after `mvn -Pinstaller package`;
# needs root or sudo, apt-get, xvfb-run, and desktop-file-validate if the menu entry is to be checked.
set -euo pipefail

deb=$(realpath "${1:?usage: check-deb.sh PACKAGE.deb}")
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
prefix=/opt/mqtt-workbench
step() { echo "check-deb: $*"; }

if dpkg -s mqtt-workbench >/dev/null 2>&1; then
    step "removing an earlier install first"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq mqtt-workbench >/dev/null
fi

# jpackage lists the packages of the libraries the runtime links to; GTK 3 is among them only when the build
# machine had it installed. Without it the window cannot open ("Unable to load glass GTK library").
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in
    *libgtk-3-0*) step "declares GTK 3: $(grep -o 'libgtk-3-0[^,]*' <<<"$depends")" ;;
    *) echo "check-deb: the package does not depend on libgtk-3-0 (build it where GTK 3 is installed): $depends" >&2; exit 1 ;;
esac

# jpackage writes "Maintainer: <vendor> <<email>>" itself: --linux-deb-maintainer takes the address alone
maintainer=$(dpkg-deb -f "$deb" Maintainer)
if ! grep -Eq '^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$' <<<"$maintainer"; then
    echo "check-deb: the Maintainer field is not 'Name <address>': $maintainer" >&2
    exit 1
fi
step "maintainer: $maintainer"

step "installing $(basename "$deb") ($(du -h "$deb" | cut -f1))"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
step "installed size: $(du -sh "$prefix" | cut -f1) in $prefix"
if [ -f "$prefix/lib/app/app.aot" ]; then
    step "ahead-of-time class cache: $(du -sh "$prefix/lib/app/app.aot" | cut -f1) (the start time below uses it)"
else
    step "no ahead-of-time class cache in this package (built without a display or with a JDK before 25)"
fi

command -v mqtt-workbench >/dev/null || { echo "check-deb: mqtt-workbench is not on PATH" >&2; exit 1; }
desktop_entry=$(ls "$prefix"/lib/*.desktop)
if command -v desktop-file-validate >/dev/null; then
    # hints (such as two main categories, which we want) are advice, not errors
    problems=$(desktop-file-validate "$desktop_entry" | grep -v ': hint: ' || true)
    if [ -n "$problems" ]; then
        echo "check-deb: the menu entry is not valid: $problems" >&2
        exit 1
    fi
    step "menu entry valid: $desktop_entry"
fi

step "version: $(mqtt-workbench --version | head -1)"
decoded=$(printf '{"temperature":21.5}' | mqtt-workbench decode -f json)
echo "$decoded" | grep -q '"temperature": 21.5' || { echo "check-deb: decode printed: $decoded" >&2; exit 1; }
step "headless subcommand works (decode)"

step "smoke test (window, sandbox broker, publish and receive) under Xvfb"
xvfb-run -a -s "-screen 0 1280x800x24" mqtt-workbench --smoke-test

step "removing the package"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq mqtt-workbench >/dev/null
left=""
for path in "$prefix" /usr/bin/mqtt-workbench /usr/share/applications/mqtt-workbench-MQTT_Workbench.desktop; do
    if [ -e "$path" ] || [ -L "$path" ]; then
        left="$left $path"
    fi
done
if [ -n "$left" ]; then
    echo "check-deb: left behind after removal:$left" >&2
    exit 1
fi
step "removed cleanly: nothing left in $prefix"
