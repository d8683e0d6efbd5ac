# Uptake. `make demo` to try it, `make test` to check it. Every target installs what it needs.
SHELL := /bin/bash
GO ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
DEMO_DIR ?= ./demo-data

.PHONY: build libchdb assets test lint bench fuzz demo clean help

help:
	@echo "make demo   build, generate sample data, load it into the embedded store, serve http://localhost:8080"
	@echo "make test   lint and run every test on both engines (installs libchdb and a test ClickHouse server)"
	@echo "make build  build bin/uptake (and fetch libchdb for the embedded store)"
	@echo "make bench  insert, ingest, themes and analytics-on-large-data benchmarks (5 runs each)"
	@echo "make fuzz   longer fuzzing of the parsers"

build: libchdb assets
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
	$(MAKE) --no-print-directory fuzz FUZZTIME=4s
	scripts/test.sh

# Fuzz every parser; `make test` runs each briefly, `make fuzz` longer.
FUZZTIME ?= 60s
FUZZ_TARGETS := store:FuzzQuoteString ingest:FuzzGenericCSV ingest:FuzzGenericJSONL ingest:FuzzParseTime ingest:FuzzM365Detail ingest:FuzzHelpDeskSources \
	analytics/themes:FuzzClean analytics/themes:FuzzTokenise analytics/courses:FuzzParse analytics/stats:FuzzWilson

bench: libchdb
	set -o pipefail; scripts/with-test-server.sh $(GO) test -run '^$$' -bench . -benchtime 1x -count 5 -timeout 60m ./store/ ./ingest/ | scripts/bench-medians.sh
	set -o pipefail; $(GO) test -run '^$$' -bench . -benchtime 1x -count 5 -timeout 30m ./analytics/themes/ | scripts/bench-medians.sh
	set -o pipefail; large=$$(scripts/bench-large.sh) && UPTAKE_BENCH_LARGE=$$large $(GO) test -run '^$$' -bench . -benchtime 20x -count 5 -timeout 30m ./analytics/benchlarge/ | scripts/bench-medians.sh

fuzz:
	@for target in $(FUZZ_TARGETS); do \
		pkg=$${target%%:*}; name=$${target##*:}; \
		echo "fuzzing $$name ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) ./$$pkg/ >/tmp/uptake-fuzz.log 2>&1 || { cat /tmp/uptake-fuzz.log; exit 1; }; \
	done

demo: build
	bin/uptake generate --scale small --out $(DEMO_DIR)/sample
	bin/uptake ingest --store embedded:$(DEMO_DIR)/store --pseudonym-key demo-sample-only $(DEMO_DIR)/sample/*.csv
	bin/uptake report --store embedded:$(DEMO_DIR)/store
	bin/uptake serve --store embedded:$(DEMO_DIR)/store --addr :8080

clean:
	rm -rf bin $(DEMO_DIR)
