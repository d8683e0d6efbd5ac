#!/usr/bin/env bash
# Installs Debian's LibreOffice Calc (no GUI) for the export tests, which
# convert every workbook to PDF as a real consumer of the files.
set -euo pipefail
command -v soffice >/dev/null && exit 0
echo "LibreOffice is missing: installing Debian's libreoffice-calc-nogui for the export tests" >&2
if [ "$(id -u)" = 0 ]; then
	apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >&2
else
	sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >&2
fi
