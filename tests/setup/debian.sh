#!/usr/bin/env bash
# Installs the Debian packages the test suite needs: Chromium (browser tests), a Java
# runtime (HermiT), Virtuoso Open Source (tests/servers.py starts its own copy), LibreOffice
# Calc (a workbook re-saved as LibreOffice saves it) and a font for printed pages.
#
# The stock Virtuoso service is never started: its ini binds 0.0.0.0 and the tests run
# their own server on 127.0.0.1 with a database in a temporary folder. A policy-rc.d that
# exits 101 keeps the package scripts from starting it, and the dba password it would ask
# for is preseeded with a random one nobody needs.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    exec sudo bash "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive

policy=/usr/sbin/policy-rc.d
own_policy=
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    own_policy=1
fi
cleanup() { if [ -n "$own_policy" ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
debconf-set-selections <<SELECTIONS
virtuoso-opensource-7 virtuoso-opensource-7/dba-password password $password
virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password $password
SELECTIONS

apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core default-jre-headless virtuoso-opensource-7 \
    libreoffice-calc-nogui
