#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser tests (chromedp
# drives /usr/bin/chromium headless). No test tool downloads a browser of
# its own.
set -euo pipefail
command -v chromium >/dev/null && exit 0
echo "chromium is missing: installing Debian's package for the browser tests" >&2
if [ "$(id -u)" = 0 ]; then
	apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
else
	sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
