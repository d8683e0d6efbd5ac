# Uptake. `make demo` to try it, `make test` to check it. Every target installs what it needs.
SHELL := /bin/bash
GO ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
DEMO_DIR ?= ./demo-data

.PHONY: build binary libchdb assets test lint bench loadtest fuzz demo clean help

help:
	@echo "make demo   build, generate sample data, load it into the embedded store, serve http://localhost:8080"
	@echo "make test   lint and run every test on both engines (installs libchdb and a test ClickHouse server)"
	@echo "make build  build bin/uptake (and fetch libchdb for the embedded store)"
	@echo "make bench  insert, ingest, themes, analytics and dashboard-pages-on-large-data benchmarks (5 runs each)"
	@echo "make fuzz   longer fuzzing of the parsers"
	@echo "make loadtest  50 signed-in users browse the dashboard for 60 s while an ingest runs, on both engines (not part of make test)"

build: libchdb binary

# bin/uptake with its embedded assets, without fetching libchdb (the Dockerfile builds with this).
binary: assets
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/uptake ./cmd/uptake

libchdb:
	@scripts/libchdb.sh >/dev/null

# ECharts from the npm registry at the version pinned in dashboard/web/package-lock.json,
# copied where the binary embeds it (dashboard/static/vendor/, not committed).
assets: dashboard/static/vendor/echarts.min.js

dashboard/static/vendor/echarts.min.js: dashboard/web/package-lock.json scripts/assets.sh
	@scripts/assets.sh

lint: assets
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; gofmt -d $$unformatted; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

test: libchdb assets lint
	$(MAKE) --no-print-directory fuzz FUZZTIME=10000x
	scripts/chromium.sh
	scripts/libreoffice.sh
	scripts/test.sh

# Fuzz every parser; `make test` runs each briefly, `make fuzz` longer.
FUZZTIME ?= 60s
FUZZ_TARGETS := store:FuzzQuoteString store:FuzzBind store:FuzzParseURL ingest:FuzzGenericCSV ingest:FuzzGenericJSONL ingest:FuzzParseTime ingest:FuzzM365Detail ingest:FuzzHelpDeskSources \
	analytics/themes:FuzzClean analytics/themes:FuzzTokenise analytics/courses:FuzzParse analytics/stats:FuzzWilson analytics/stats:FuzzStudentTQuantile \
	dashboard:FuzzPortfolioFilter dashboard:FuzzQueryParams dashboard:FuzzSessionDecode dashboard:FuzzSafeNext dashboard:FuzzParseRoleMap cmd/uptake:FuzzConfigFile

bench: libchdb
	set -o pipefail; UPTAKE_TEST_NO_CLUSTER=1 scripts/with-test-server.sh $(GO) test -run '^$$' -bench . -benchtime 1x -count 5 -timeout 60m ./store/ ./ingest/ | scripts/bench-medians.sh
	set -o pipefail; $(GO) test -run '^$$' -bench . -benchtime 1x -count 5 -timeout 30m ./analytics/themes/ | scripts/bench-medians.sh
	set -o pipefail; $(GO) test -run '^$$' -bench . -benchtime 1x -count 5 -timeout 30m ./exports/benchxlsx/ | scripts/bench-medians.sh
	set -o pipefail; large=$$(scripts/bench-large.sh) && UPTAKE_BENCH_LARGE=$$large $(GO) test -run '^$$' -bench . -benchtime 20x -count 5 -timeout 30m ./analytics/benchlarge/ | scripts/bench-medians.sh
	set -o pipefail; large=$$(scripts/bench-large.sh) && UPTAKE_BENCH_LARGE=$$large $(GO) test -run '^$$' -bench . -benchtime 1x -count 5 -v -timeout 30m ./dashboard/benchpages/ | scripts/bench-medians.sh

# 50 signed-in users of every role browse the dashboard for 60 s on loopback while new tickets and usage are
# ingested, on both engines; fails on a 5xx, a transport error, a request past the timeout or a lost row.
# UPTAKE_LOADTEST_USERS, UPTAKE_LOADTEST_DURATION (e.g. 2m) and UPTAKE_LOADTEST_SCALE change the run;
# the report per route also goes to $(UPTAKE_ARTIFACTS)/loadtest-<engine>.txt (default ./artifacts).
loadtest: libchdb assets
	UPTAKE_LOADTEST=1 UPTAKE_TEST_REQUIRE_ENGINES=$${UPTAKE_TEST_REQUIRE_ENGINES:-1} UPTAKE_ARTIFACTS=$${UPTAKE_ARTIFACTS:-$(CURDIR)/artifacts} \
		CHDB_LIB_PATH=$$(scripts/libchdb.sh) UPTAKE_TEST_NO_CLUSTER=1 scripts/with-test-server.sh $(GO) test -run '^TestLoad$$' -count 1 -timeout 20m -v ./dashboard/loadtest/

# A duration-based -fuzztime can end with a spurious "context deadline exceeded"
# and no failing input (a race in Go 1.26's fuzz coordinator, golang/go#75804):
# that outcome counts as a pass; a written failing input or any other error fails.
fuzz:
	@for target in $(FUZZ_TARGETS); do \
		pkg=$${target%%:*}; name=$${target##*:}; \
		echo "fuzzing $$name ($(FUZZTIME))"; \
		if ! $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) ./$$pkg/ >/tmp/uptake-fuzz.log 2>&1; then \
			if grep -q 'context deadline exceeded' /tmp/uptake-fuzz.log && ! grep -qE 'Failing input written|panic:' /tmp/uptake-fuzz.log; then \
				echo "  $$name: fuzz time ended during an input (Go fuzz coordinator race, golang/go#75804); no failing input"; \
			else cat /tmp/uptake-fuzz.log; exit 1; fi; \
		fi; \
	done

# The demo users' password is for sample data on your own machine only.
DEMO_PASSWORD ?= uptake-demo-password
demo: build
	bin/uptake generate --scale small --out $(DEMO_DIR)/sample
	bin/uptake ingest --store embedded:$(DEMO_DIR)/store --pseudonym-key demo-sample-only $(DEMO_DIR)/sample/*.csv
	bin/uptake themes --store embedded:$(DEMO_DIR)/store >/dev/null
	echo '$(DEMO_PASSWORD)' | bin/uptake users add demo --role admin --display-name "Demo admin" --password-stdin --store embedded:$(DEMO_DIR)/store
	echo '$(DEMO_PASSWORD)' | bin/uptake users add olivia --role manager --manager olivia.reed@partner.example --display-name "Olivia Reed" --password-stdin --store embedded:$(DEMO_DIR)/store
	echo '$(DEMO_PASSWORD)' | bin/uptake users add trainer --role trainer --display-name "Demo trainer" --password-stdin --store embedded:$(DEMO_DIR)/store
	echo '$(DEMO_PASSWORD)' | bin/uptake users add exec --role executive --display-name "Demo executive" --password-stdin --store embedded:$(DEMO_DIR)/store
	bin/uptake report --store embedded:$(DEMO_DIR)/store
	@echo
	@echo "Open http://localhost:8080 and sign in as demo (admin), olivia (account manager), trainer or exec; password: $(DEMO_PASSWORD)"
	bin/uptake serve --store embedded:$(DEMO_DIR)/store --addr :8080 --pseudonym-key demo-sample-only

clean:
	rm -rf bin $(DEMO_DIR)
