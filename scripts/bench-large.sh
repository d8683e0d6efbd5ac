#!/usr/bin/env bash
# Prepares the --scale large data set in an embedded store for the analytics
# benchmarks, once: generate (4.6 GB of CSV), ingest, find themes, then
# delete the CSV. Prints the store URL. Re-run after changing the schema or
# the generator: it rebuilds when scripts, migrations or the generator changed.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${UPTAKE_BENCH_DIR:-$HOME/.cache/uptake/bench-large}
stamp=$(cat scripts/bench-large.sh store/migrations/*.sql ingest/generate/*.go | sha256sum | cut -c1-16)
if [[ -f $dir/ready && $(cat "$dir/ready") == "$stamp" ]]; then
	echo "embedded:$dir/store"
	exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
go build -o "$dir/uptake" ./cmd/uptake
{
	"$dir/uptake" generate --scale large --out "$dir/data"
	/usr/bin/time -f "ingest: %e s, peak RSS %M KB" "$dir/uptake" ingest --store "embedded:$dir/store" --pseudonym-key bench-only "$dir"/data/*.csv
	/usr/bin/time -f "themes: %e s, peak RSS %M KB" "$dir/uptake" themes --store "embedded:$dir/store"
} >&2
rm -rf "$dir/data"
echo "$stamp" >"$dir/ready"
echo "embedded:$dir/store"
