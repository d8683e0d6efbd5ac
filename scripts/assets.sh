#!/usr/bin/env bash
# Installs the dashboard's front-end libraries from the npm registry at the
# versions pinned in dashboard/web/package-lock.json (integrity-checked by
# npm ci) and copies the files the binary embeds into dashboard/static/vendor/.
# Nothing third-party is committed; the build runs this first.
set -euo pipefail
cd "$(dirname "$0")/../dashboard/web"
if ! command -v npm >/dev/null; then
	echo "npm is needed for the dashboard's chart library: installing Debian's npm package" >&2
	if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
	else sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2; fi
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
mkdir -p ../static/vendor
cp node_modules/echarts/dist/echarts.min.js ../static/vendor/echarts.min.js
echo "dashboard assets: echarts $(node -p 'require("./node_modules/echarts/package.json").version') in dashboard/static/vendor/" >&2
