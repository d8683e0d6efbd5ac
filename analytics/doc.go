// Package analytics is Uptake's one Go API over the data: every number the
// dashboard, the exports and `uptake report` show comes from a function here,
// and each function runs named SQL from queries/*.sql on either engine.
// It knows nothing of HTTP.
package analytics
