#!/usr/bin/env bash
# Installs PostgreSQL 17's client programs (pg_dump, pg_restore, psql) for the backup and restore test
# (task-service BackupRestoreTest; README "Operations", "Backup and restore") and prints their directory.
#
#   tools/postgres-client.sh            -> e.g. /root/.cache/ntm/postgresql-client-17/bin
#
# Why this script: pg_dump refuses a server of a newer major version, and the tests' PostgreSQL is 17 (the embedded
# binaries on Maven Central, io.zonky.test.postgres, which ship initdb, pg_ctl and postgres but no client program).
# Debian 12 packages PostgreSQL 15 only; Debian 13 packages 17. So the programs come from Debian 13's own packages,
# fetched with apt-get from the Debian archive this machine already uses, unpacked (never installed: the system is
# untouched) together with every library they load, Debian 13's C library and dynamic loader included, and run
# through that loader: they work on Debian 12 and 13 alike. Needs apt-get, x86_64; nothing else, and no root once the
# directory exists. NTM_PG_CLIENT_HOME moves the directory; a second run prints it at once.
set -euo pipefail

HOME_DIR="${NTM_PG_CLIENT_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/ntm/postgresql-client-17}"
SUITE=trixie
# the programs' packages and the shared libraries they load (checked below: nothing may come from the host)
PACKAGES=(postgresql-client-17 libpq5 libc6 libldap2 libssl3t64 libgssapi-krb5-2 libkrb5-3 libk5crypto3
  libkrb5support0 libcom-err2 libkeyutils1 libsasl2-2 zlib1g liblz4-1 libzstd1 libreadline8t64 libtinfo6
  libgnutls30t64 libidn2-0 libunistring5 libtasn1-6 libnettle8t64 libhogweed6t64 libgmp10 libp11-kit0 libffi8
  libxxhash0)
PROGRAMS=(pg_dump pg_restore psql)

if [[ -x "$HOME_DIR/bin/pg_dump" ]] && "$HOME_DIR/bin/pg_dump" --version >/dev/null 2>&1; then
  echo "$HOME_DIR/bin"
  exit 0
fi
if [[ "$(uname -m)" != x86_64 ]] || ! command -v apt-get >/dev/null; then
  echo "postgres-client.sh: needs apt-get on x86_64 Linux; otherwise install PostgreSQL 17's client programs and" \
    "set NTM_PG_BIN to their directory" >&2
  exit 3
fi

# The Debian archive this machine's apt already reads (its main suite), asked for Debian 13.
ARCHIVE=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Created-By: Packages' 2>/dev/null \
  | awk '$2 !~ /-/ {print $1; exit}')
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
if [[ -z "$ARCHIVE" || ! -r "$KEYRING" ]]; then
  echo "postgres-client.sh: no Debian archive in apt's sources (or no $KEYRING)" >&2
  exit 3
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/lists/partial" "$WORK/archives/partial" "$WORK/cache" "$WORK/root"
echo "deb [signed-by=$KEYRING] $ARCHIVE $SUITE main" > "$WORK/sources.list"
APT=(-o "Dir::Etc::SourceList=$WORK/sources.list" -o Dir::Etc::SourceParts=- -o "Dir::State::Lists=$WORK/lists"
  -o "Dir::Cache=$WORK/cache" -o "Dir::Cache::Archives=$WORK/archives" -o Debug::NoLocking=1
  -o APT::Sandbox::User=root -q)
echo "postgres-client.sh: fetching ${PACKAGES[*]} ($SUITE)" >&2
apt-get "${APT[@]}" update >&2
(cd "$WORK/archives" && apt-get "${APT[@]}" download "${PACKAGES[@]}" >&2)
for deb in "$WORK"/archives/*.deb; do
  dpkg-deb -x "$deb" "$WORK/root"
done

ROOT="$HOME_DIR.new"
rm -rf "$ROOT" && mkdir -p "$ROOT/bin"
mv "$WORK/root" "$ROOT/root"
LIBS="$ROOT/root/usr/lib/x86_64-linux-gnu:$ROOT/root/lib/x86_64-linux-gnu"
LOADER="$ROOT/root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
for program in "${PROGRAMS[@]}"; do
  binary="$ROOT/root/usr/lib/postgresql/17/bin/$program"
  # every library from the bundle: one taken from the host would break on a machine without it
  if outside=$(LD_TRACE_LOADED_OBJECTS=1 "$LOADER" --library-path "$LIBS" "$binary" | grep '=>' \
    | grep -v "=> $ROOT/root/"); then
    echo "postgres-client.sh: $program loads libraries from outside the bundle; add their packages:" >&2
    echo "$outside" >&2
    exit 1
  fi
  # the final directory, not the staging one, is baked into the wrapper
  printf '#!/bin/sh\nD=%s/root\nexec "$D/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "$D/usr/lib/x86_64-linux-gnu:$D/lib/x86_64-linux-gnu" "$D/usr/lib/postgresql/17/bin/%s" "$@"\n' \
    "$HOME_DIR" "$program" > "$ROOT/bin/$program"
  chmod +x "$ROOT/bin/$program"
done
rm -rf "$HOME_DIR" && mv "$ROOT" "$HOME_DIR"
"$HOME_DIR/bin/pg_dump" --version >&2
echo "$HOME_DIR/bin"
