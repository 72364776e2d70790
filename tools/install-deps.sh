#!/usr/bin/env bash
# Installs the Debian 12 packages ProcLab needs to build, test and run, and only those that are missing,
# so `make run` and `make test` work on a bare machine and cost nothing when everything is there.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev libproc2-dev libqt6svg6 qt6-svg-dev
    desktop-file-utils appstream
    python3 procps
    fonts-noto-cjk
)
if [ "${PROCLAB_WITH_X:-0}" = 1 ]; then
    packages+=(xvfb xauth imagemagick)
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "proclab: installing missing Debian packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "proclab: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
