// Package store owns Uptake's ClickHouse storage: one SQL dialect on two real
// engines, the embedded chDB library (in-process ClickHouse 26.x) and a
// ClickHouse server reached with clickhouse-go over the native protocol.
//
// It provides the schema (versioned migrations embedded in the binary), named
// SQL loaded from .sql files at start-up, safe client-side binding of named
// parameters, and fast bulk inserts. Callers never build SQL from values.
package store
