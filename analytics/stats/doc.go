// Package stats holds the statistics behind Uptake's flags and scores:
// confidence intervals for shares, tests for changes in shares and counts,
// trends, peer ranks, false-discovery control across many accounts, and
// difference-in-differences with matched controls for training impact.
//
// ClickHouse 18.16 has no window functions, so modelling happens in Go here,
// on numbers the analytics layer has already aggregated. The package is pure
// standard-library Go with its own distribution functions, and every result
// carries its evidence (counts, intervals, p-values) and, where the data are
// too thin to conclude anything, a plain-language Reason saying so.
// All functions are deterministic and safe for concurrent use.
package stats
