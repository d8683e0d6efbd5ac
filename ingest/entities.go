package ingest

import (
	"fmt"
	"sort"
	"strings"
)

// Entity is one kind of record Uptake loads, with its generic CSV/JSON
// columns (documented in docs/formats.md). Column names are the table's.
type Entity struct {
	Name     string
	Table    string
	Required []string // must be in the header; together they identify a row
	Optional []string
}

// Entities are the generic formats, one per table.
var Entities = []Entity{
	{Name: "accounts", Table: "accounts", Required: []string{"account_id", "name"},
		Optional: []string{"segment", "industry", "country", "employees", "account_manager"}},
	{Name: "subscriptions", Table: "subscriptions", Required: []string{"account_id", "subscription_id", "snapshot_date", "seats_purchased"},
		Optional: []string{"product", "workload", "seats_assigned", "start_date", "end_date", "unit_price", "currency"}},
	{Name: "usage", Table: "usage", Required: []string{"day", "account_id", "user_id", "workload"},
		Optional: []string{"activity_count"}},
	{Name: "tickets", Table: "tickets", Required: []string{"account_id", "ticket_id", "created_at"},
		Optional: []string{"updated_at", "channel", "category", "priority", "status", "subject", "body", "language", "workload",
			"first_response_minutes", "resolution_minutes", "satisfaction", "nps", "escalated_to_vendor"}},
	{Name: "courses", Table: "courses", Required: []string{"course_id", "title"},
		Optional: []string{"workload", "level", "language", "duration_hours", "price", "currency", "description"}},
	{Name: "trainings", Table: "trainings", Required: []string{"account_id", "training_id", "course_id", "delivered_on"},
		Optional: []string{"attendees", "language", "trainer"}},
	// Totals of Microsoft 365's aggregate reports, one per workload, measure
	// and day; never read by per-user figures (see ingest/m365_counts.go).
	{Name: "m365_counts", Table: "m365_counts", Required: []string{"account_id", "report", "day", "workload", "measure", "value"},
		Optional: []string{"report_period"}},
}

// EntityByName finds an entity, for --entity.
func EntityByName(name string) (Entity, error) {
	var names []string
	for _, e := range Entities {
		if e.Name == name {
			return e, nil
		}
		names = append(names, e.Name)
	}
	return Entity{}, fmt.Errorf("unknown entity %q; use one of %s", name, strings.Join(names, ", "))
}

// detectEntity picks the entity whose required columns are all in header,
// preferring the one that explains most of the header.
func detectEntity(header []string) (Entity, error) {
	have := map[string]bool{}
	for _, h := range header {
		have[h] = true
	}
	best, bestScore := -1, 0
	for i, e := range Entities {
		score := 0
		complete := true
		for _, c := range e.Required {
			if !have[c] {
				complete = false
			}
		}
		if !complete {
			continue
		}
		for _, c := range append(append([]string{}, e.Required...), e.Optional...) {
			if have[c] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		var hints []string
		for _, e := range Entities {
			hints = append(hints, fmt.Sprintf("%s (%s)", e.Name, strings.Join(e.Required, ", ")))
		}
		sort.Strings(hints)
		return Entity{}, fmt.Errorf("the header matches no known format; a generic file needs the columns of one of: %s; map your own column names with --map or choose the format with --entity", strings.Join(hints, "; "))
	}
	return Entities[best], nil
}

func (e Entity) accepts(col string) bool {
	for _, c := range append(append([]string{}, e.Required...), e.Optional...) {
		if c == col {
			return true
		}
	}
	return false
}
