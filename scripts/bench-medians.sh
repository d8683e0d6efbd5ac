#!/usr/bin/env bash
# Reads `go test -bench` output on stdin, passes it through, then prints the
# median of every metric of every benchmark over its runs (-count N).
set -euo pipefail
awk '
{ print }
/^Benchmark/ {
	name = $1
	if (!(name in seen)) { seen[name] = 1; order[++n] = name }
	for (i = 3; i + 1 <= NF; i += 2) {
		key = name SUBSEP $(i + 1)
		if (!(key in units)) { units[key] = 1; unitorder[name] = unitorder[name] " " $(i + 1) }
		vals[key, ++count[key]] = $i
	}
}
END {
	if (n == 0) exit
	print ""
	print "Medians:"
	for (b = 1; b <= n; b++) {
		name = order[b]
		line = sprintf("%-45s", name)
		split(substr(unitorder[name], 2), us, " ")
		for (u = 1; u in us; u++) {
			key = name SUBSEP us[u]
			c = count[key]
			for (i = 1; i <= c; i++) a[i] = vals[key, i] + 0
			for (i = 2; i <= c; i++) { v = a[i]; j = i - 1; while (j > 0 && a[j] > v) { a[j + 1] = a[j]; j-- } a[j + 1] = v }
			m = (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
			line = line sprintf((m >= 1000 ? "  %.0f %s" : "  %.3f %s"), m, us[u])
		}
		print line " (" c " runs)"
	}
}'
