#!/bin/sh
# Installs the Debian packages of scripts/debian-packages.txt for the given groups (default:
# runtime and test, what `make run` and `make test` need). Run it as root, or as a user who may
# use sudo. Installs only what is missing.
#
#   scripts/install-system-packages.sh                     # runtime and test
#   scripts/install-system-packages.sh runtime test postgres
set -eu
list="$(dirname "$0")/debian-packages.txt"
groups="${*:-runtime test}"

missing=""
for group in $groups; do
    packages=$(sed -e 's/#.*//' "$list" | awk -v g="$group" '$1 == g { print $2 }')
    if [ -z "$packages" ]; then
        echo "Không có nhóm gói '$group' trong $list." >&2
        exit 2
    fi
    for package in $packages; do
        dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
    done
done
if [ -z "$missing" ]; then
    echo "Đã có đủ gói hệ thống ($groups)."
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "Cần quyền root (hoặc sudo) để cài:$missing" >&2
    exit 1
fi
echo "Cài gói hệ thống:$missing"
$as_root apt-get update -qq
# shellcheck disable=SC2086 # one word per package
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
