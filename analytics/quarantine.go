package analytics

import (
	"context"
	"time"

	"github.com/uptake/uptake/store"
)

// QuarantinedRow is a row an ingest could not use.
type QuarantinedRow struct {
	File   string    `ch:"file_name"`
	Line   uint64    `ch:"line"`
	Column string    `ch:"column_name"`
	Reason string    `ch:"reason"`
	Raw    string    `ch:"raw"`
	Entity string    `ch:"entity"`
	At     time.Time `ch:"quarantined_at"`
}

// Quarantine lists quarantined rows, of one file or all (file ""), newest
// first (query quarantined_rows).
func (s *Service) Quarantine(ctx context.Context, file string, limit int) ([]QuarantinedRow, error) {
	res, err := s.st.Query(ctx, s.q.QuarantinedRows, store.Args{"file": file, "limit": limit})
	if err != nil {
		return nil, err
	}
	return store.Scan[QuarantinedRow](res)
}
