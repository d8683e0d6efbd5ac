// Package loadtest holds the dashboard's load test (make loadtest): 50
// signed-in users of every role browse the dashboard for 60 seconds on
// loopback while an ingest of new tickets and usage runs, on both engines.
// It fails on any 5xx answer, transport error, request slower than the
// server's request timeout, unexpected answer, or row lost by the ingest.
//
// The test skips unless UPTAKE_LOADTEST=1 or -loadtest is given, so
// `go test ./...` stays fast. Settings (environment):
//
//	UPTAKE_LOADTEST_USERS     concurrent users (default 50)
//	UPTAKE_LOADTEST_DURATION  how long they browse, e.g. 60s or 2m (default 60s)
//	UPTAKE_LOADTEST_SCALE     sample data scale of both data sets (default small)
//	UPTAKE_TEST_CLICKHOUSE    the test server, for the server engine (set by scripts/with-test-server.sh)
//	UPTAKE_ARTIFACTS          folder the report goes to, as loadtest-<engine>.txt
//
// It is its own package because chDB serves one data folder per process.
package loadtest
