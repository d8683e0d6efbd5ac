package analytics

import (
	"embed"
	"fmt"

	"github.com/uptake/uptake/store"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// queries are the named SQL statements of this package, one file each.
type queries struct {
	TableFreshness  store.Query `sql:"table_freshness"`
	RecentIngests   store.Query `sql:"recent_ingests"`
	QuarantinedRows store.Query `sql:"quarantined_rows"`
}

// Service answers the product's questions from one store.
type Service struct {
	st *store.Store
	q  queries
}

// New loads the named queries; a missing one fails here, at start-up.
func New(st *store.Store) (*Service, error) {
	s := &Service{st: st}
	if err := store.LoadQueries(queryFiles, "queries", &s.q); err != nil {
		return nil, fmt.Errorf("loading analytics queries: %w", err)
	}
	return s, nil
}
