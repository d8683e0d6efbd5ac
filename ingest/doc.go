// Package ingest loads the partner's export files into the store: every row
// is either loaded or quarantined with its file, line, column and a reason,
// and a file whose content was already loaded is recognised by checksum and
// skipped. The identity read = loaded + quarantined + duplicates always holds.
package ingest
