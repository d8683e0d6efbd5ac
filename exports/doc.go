// Package exports writes the analytics as finished spreadsheets (excelize)
// and CSV files. It takes analytics results and knows nothing of HTTP.
package exports
