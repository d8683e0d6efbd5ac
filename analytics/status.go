package analytics

import (
	"context"
	"time"

	"github.com/uptake/uptake/store"
)

// TableStatus says how much of one kind of data is loaded and what it covers.
type TableStatus struct {
	Table    string    `ch:"table_name"`
	Rows     uint64    `ch:"row_count"`
	Accounts uint64    `ch:"account_count"`
	FirstDay time.Time `ch:"first_day"` // zero when Rows is 0
	LastDay  time.Time `ch:"last_day"`
	// CountedAt is when the counts were taken: the last rollup refresh,
	// which every ingest ends with (zero: never).
	CountedAt time.Time `ch:"refreshed_at"`
}

// dataTables are the tables the data status reports, in display order.
var dataTables = []string{"accounts", "subscriptions", "usage", "tickets", "courses", "trainings"}

// IngestRun is one file ingest from the ledger.
type IngestRun struct {
	File        string    `ch:"file_name"`
	Entity      string    `ch:"entity"`
	Format      string    `ch:"format"`
	Status      string    `ch:"status"`
	Read        uint64    `ch:"rows_read"`
	Loaded      uint64    `ch:"rows_loaded"`
	Quarantined uint64    `ch:"rows_quarantined"`
	Duplicates  uint64    `ch:"rows_duplicate"`
	Message     string    `ch:"message"`
	At          time.Time `ch:"updated_at"`
}

// DataStatus is what the admin checks first: what is loaded, how fresh, and
// how the last ingests went.
type DataStatus struct {
	Tables  []TableStatus
	Ingests []IngestRun
}

// CountedAt is when the table counts were taken (the last refresh; zero:
// never).
func (d DataStatus) CountedAt() time.Time {
	if len(d.Tables) == 0 {
		return time.Time{}
	}
	return d.Tables[0].CountedAt
}

// Empty reports whether no data has been loaded yet.
func (d DataStatus) Empty() bool {
	for _, t := range d.Tables {
		if t.Rows > 0 {
			return false
		}
	}
	return true
}

// DataStatus reads table freshness (query table_freshness, counted at the
// last refresh) and the latest ingests (query recent_ingests).
func (s *Service) DataStatus(ctx context.Context, lastIngests int) (DataStatus, error) {
	res, err := s.st.Query(ctx, s.q.TableFreshness, nil)
	if err != nil {
		return DataStatus{}, err
	}
	tables, err := store.Scan[TableStatus](res)
	if err != nil {
		return DataStatus{}, err
	}
	tables = withEveryTable(tables)
	res, err = s.st.Query(ctx, s.q.RecentIngests, store.Args{"limit": lastIngests})
	if err != nil {
		return DataStatus{}, err
	}
	ingests, err := store.Scan[IngestRun](res)
	if err != nil {
		return DataStatus{}, err
	}
	return DataStatus{Tables: tables, Ingests: ingests}, nil
}

// withEveryTable lists every data table in order, empty ones included.
func withEveryTable(counted []TableStatus) []TableStatus {
	out := make([]TableStatus, len(dataTables))
	for i, name := range dataTables {
		out[i].Table = name
		for _, t := range counted {
			if t.Table == name {
				out[i] = t
			}
		}
		if out[i].Rows == 0 {
			out[i].FirstDay, out[i].LastDay = time.Time{}, time.Time{}
		}
	}
	return out
}
