#!/usr/bin/env bash
# validate.sh RESOURCES_DIR
# Checks the desktop entry, the AppStream metainfo and the man page with the tools distributions and
# software centres use. desktop-file-validate comes from desktop-file-utils, appstreamcli from
# appstream; both are test dependencies (tools/install-deps.sh).
set -uo pipefail

resources=$1
app_id=io.github.proclab.ProcLab
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || fail "$tool not found: apt install desktop-file-utils appstream"
done

if command -v desktop-file-validate >/dev/null; then
    # Hints (such as several main categories) are advice; errors and warnings fail.
    output=$(desktop-file-validate "$resources/$app_id.desktop" 2>&1)
    status=$?
    [ -n "$output" ] && echo "$output"
    if [ $status -ne 0 ] || grep -qE ': (error|warning):' <<<"$output"; then
        fail "desktop-file-validate $app_id.desktop"
    else
        echo "ok:   desktop-file-validate $app_id.desktop"
    fi
fi

if command -v appstreamcli >/dev/null; then
    # --strict fails on infos as well as warnings and errors; pedantic hints (the upper-case letters
    # of a reverse-DNS id such as ours) do not fail.
    if appstreamcli validate --no-net --strict --explain "$resources/$app_id.metainfo.xml"; then
        echo "ok:   appstreamcli validate $app_id.metainfo.xml"
    else
        fail "appstreamcli validate $app_id.metainfo.xml"
    fi
fi

# The man page: rendered the way lintian checks it, every groff warning counts.
man_page=$resources/proclab.1
if command -v man >/dev/null; then
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$man_page" 2>&1 >/dev/null)
elif command -v groff >/dev/null; then
    warnings=$(groff -man -ww -z -Tutf8 "$man_page" 2>&1)
else
    warnings="neither man nor groff found: apt install man-db"
fi
if [ -n "$warnings" ]; then
    echo "$warnings"
    fail "man page proclab.1"
else
    echo "ok:   man page proclab.1 renders without warnings"
fi
if command -v lexgrog >/dev/null; then
    lexgrog "$man_page" >/dev/null && echo "ok:   lexgrog finds the NAME section" || fail "lexgrog proclab.1"
fi

if [ $failures -ne 0 ]; then
    echo "$failures validation(s) failed"
    exit 1
fi
echo "all validations passed"
