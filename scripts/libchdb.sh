#!/usr/bin/env bash
# Fetches libchdb.so, the in-process ClickHouse engine behind Uptake's embedded
# store, from the npm package @chdb/lib-linux-x64-gnu at a pinned version,
# verifies the package's integrity hash, and caches the library in the user's
# cache folder, where `uptake` finds it. Prints the library's path.
#
# CHDB_LIB_PATH, when set to an existing file, is used as is.
set -euo pipefail

version=26.5.3
integrity='sha512-fPrLmRt5Moor9yGz4mazbrNje4t7X9KB2mTGkXFWRxRBs2iKy8yh6jx11xsa0Qr3iDFMU/yHqd+bVdYJXu3QaQ=='
package="@chdb/lib-linux-x64-gnu@${version}"

if [ -n "${CHDB_LIB_PATH:-}" ]; then
	if [ -f "$CHDB_LIB_PATH" ]; then
		echo "$CHDB_LIB_PATH"
		exit 0
	fi
	echo "CHDB_LIB_PATH is set to $CHDB_LIB_PATH, but there is no file there" >&2
	exit 1
fi

cache="${XDG_CACHE_HOME:-$HOME/.cache}/uptake/chdb-${version}"
lib="$cache/libchdb.so"
if [ -f "$lib" ]; then
	echo "$lib"
	exit 0
fi

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
	echo "the embedded store ships for Linux x86-64 only; on $(uname -s)-$(uname -m) use --store clickhouse://… with a ClickHouse server" >&2
	exit 1
fi
if ! command -v npm >/dev/null; then
	echo "npm is needed to fetch the chDB library: installing Debian's npm package" >&2
	if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
	else sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2; fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "downloading $package (about 170 MB, once) ..." >&2
(cd "$work" && npm pack --silent "$package" >/dev/null 2>"$work/npm.log") || {
	cat "$work/npm.log" >&2
	echo "could not download $package from the npm registry" >&2
	exit 1
}
tarball=$(ls "$work"/*.tgz)
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
	echo "integrity check failed for $package: expected $integrity, got $actual; not installing it" >&2
	exit 1
fi
tar -xzf "$tarball" -C "$work" package/libchdb.so
mkdir -p "$cache"
mv "$work/package/libchdb.so" "$lib.partial"
mv "$lib.partial" "$lib"
echo "chDB $version installed in $lib" >&2
echo "$lib"
