#!/usr/bin/env bash
# check_install.sh BUILD_DIR STAGING_DIR
# Installs the build twice, as the .deb does (DESTDIR staging, prefix /usr) and as a user does
# (--prefix ~/.local style), checks the layout and that the files agree with each other, then runs
# the installed proclab so it must find its worker through the installed layout, not the build tree.
set -uo pipefail

build=$1
staging=$2
app_id=io.github.proclab.ProcLab
sizes=(16 22 24 32 48 64 128 256)
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
need_file() { if [ -f "$1" ]; then pass "${1#"$staging"/}"; else fail "missing ${1#"$staging"/}"; fi; }

check_layout() # check_layout ROOT (the installed prefix)
{
    local root=$1 worker=""
    echo "== layout under ${root#"$staging"/}"
    if [ -x "$root/bin/proclab" ]; then pass "bin/proclab"; else fail "bin/proclab missing or not executable"; fi
    # Where core/workerprogram.cpp looks: beside proclab, then ../libexec/proclab/.
    for candidate in "$root/libexec/proclab/proclab-worker" "$root/bin/proclab-worker"; do
        [ -x "$candidate" ] && { worker=$candidate; break; }
    done
    if [ -n "$worker" ]; then pass "worker at ${worker#"$root"/}"; else fail "proclab-worker in neither bin/ nor libexec/proclab/"; fi

    local share=$root/share desktop=$root/share/applications/$app_id.desktop
    local metainfo=$root/share/metainfo/$app_id.metainfo.xml man=$root/share/man/man1/proclab.1.gz
    # Where core/pythonhook.cpp looks: ../share/proclab/python beside proclab.
    need_file "$share/proclab/python/sitecustomize.py"
    need_file "$share/proclab/python/proclab_hook.py"
    need_file "$desktop"
    need_file "$metainfo"
    need_file "$man"
    need_file "$share/doc/proclab/copyright"
    need_file "$share/doc/proclab/changelog.gz"
    need_file "$share/icons/hicolor/scalable/apps/$app_id.svg"
    local size
    for size in "${sizes[@]}"; do
        local png=$share/icons/hicolor/${size}x${size}/apps/$app_id.png
        need_file "$png"
        # The PNG header holds width and height as big-endian 32-bit numbers at bytes 16 and 20.
        if [ -f "$png" ]; then
            local dimensions
            dimensions=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
            [ "$dimensions" = "${size}x${size}" ] || fail "$size px icon is $dimensions"
        fi
    done

    # The files must name each other consistently.
    if [ -f "$desktop" ]; then
        local exec icon
        exec=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
        icon=$(sed -n 's/^Icon=//p' "$desktop")
        [ -x "$root/bin/$exec" ] && pass "Exec=$exec is installed" || fail "Exec=$exec is not in bin/"
        [ "$icon" = "$app_id" ] && pass "Icon=$icon" || fail "Icon=$icon, expected $app_id"
    fi
    if [ -f "$metainfo" ]; then
        grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo <id> is not $app_id"
        grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
            || fail "metainfo <launchable> does not name $app_id.desktop"
        grep -q "<binary>proclab</binary>" "$metainfo" || fail "metainfo does not provide the proclab binary"
    fi
    if [ -f "$man" ]; then
        gzip -t "$man" || fail "man page is not valid gzip"
        zcat "$man" | grep '^\.TH PROCLAB 1' >/dev/null || fail "man page has no .TH PROCLAB 1"
    fi
    # Installed icons must be the ones compiled into the program, i.e. the resource made it in.
    if [ -x "$root/bin/proclab" ] && command -v nm >/dev/null; then
        # grep reads to the end (no -q): an early exit would kill nm with SIGPIPE under pipefail.
        nm -C "$root/bin/proclab" | grep 'qInitResources_icons' >/dev/null \
            && pass "icon resources linked into proclab" || fail "proclab has no icon resources (qInitResources_icons)"
    fi

    # Run the installed program: it must find the installed worker by itself.
    if [ -x "$root/bin/proclab" ]; then
        local output status
        output=$(cd / && env -u PROCLAB_WORKER QT_QPA_PLATFORM=offscreen timeout 60 \
                     "$root/bin/proclab" --headless --lang en --spawn 2 2>&1)
        status=$?
        if [ $status -eq 0 ] && grep -q 'says: main program' <<<"$output" \
            && grep -q 'says: sub program 0' <<<"$output" && grep -q 'says: sub program 1' <<<"$output"; then
            pass "installed proclab --headless --spawn 2 ran its workers"
        else
            fail "installed proclab --headless --spawn 2 (exit status $status):"
            sed 's/^/      /' <<<"$output"
        fi
        # A Python program must get the installed hook on its PYTHONPATH, and be line-buffered.
        if command -v python3 >/dev/null; then
            local hook expected
            hook=$(cd / && env -u PROCLAB_WORKER -u PROCLAB_PYTHON_HOOK -u PYTHONPATH -u PYTHONUNBUFFERED \
                       QT_QPA_PLATFORM=offscreen \
                       timeout 60 "$root/bin/proclab" --headless --lang en \
                       --run "python3 -c 'import os, sys; print(os.environ[\"PYTHONPATH\"], sys.stdout.line_buffering)'" 2>/dev/null)
            expected="$(cd "$share/proclab/python" 2>/dev/null && pwd -P)"
            if [[ -n $expected && $hook == "$expected True" ]]; then
                pass "installed proclab gives Python its installed hook"
            else
                fail "installed proclab gave Python PYTHONPATH and line buffering \"$hook\", not \"$expected True\""
            fi
        fi
        local version
        version=$(env -u PROCLAB_WORKER "$root/bin/proclab" --version 2>&1)
        [[ $version == "proclab "* ]] && pass "proclab --version: $version" || fail "proclab --version printed: $version"
    fi
}

rm -rf "$staging"
mkdir -p "$staging"

# cmake --install rewrites BUILD_DIR/install_manifest.txt, which a user's own install may still need
# (docs/install.md uninstalls with it): keep it as it was.
manifest=$build/install_manifest.txt
if [ -f "$manifest" ]; then
    cp -p "$manifest" "$staging/install_manifest.saved"
    trap 'cp -p "$staging/install_manifest.saved" "$manifest"' EXIT
else
    trap 'rm -f "$manifest"' EXIT
fi

echo "== DESTDIR=$staging/deb cmake --install --prefix /usr"
if DESTDIR="$staging/deb" cmake --install "$build" --prefix /usr >"$staging/install-deb.log" 2>&1; then
    check_layout "$staging/deb/usr"
else
    fail "cmake --install (DESTDIR, /usr) failed:"; sed 's/^/      /' "$staging/install-deb.log"
fi

echo "== cmake --install --prefix $staging/local"
if cmake --install "$build" --prefix "$staging/local" >"$staging/install-local.log" 2>&1; then
    check_layout "$staging/local"
else
    fail "cmake --install (--prefix) failed:"; sed 's/^/      /' "$staging/install-local.log"
fi

# Nothing may be installed outside the prefix (an absolute DESTINATION would land in the real /usr).
stray=$(grep -v -e "$staging/deb/usr/" -e "$staging/local/" "$staging"/install-*.log | grep -e 'Installing:' -e 'Up-to-date:' || true)
[ -z "$stray" ] && pass "everything installed inside the prefix" || { fail "installed outside the prefix:"; echo "$stray"; }

if [ $failures -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all install checks passed"
