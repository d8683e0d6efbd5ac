package dashboard

import (
	"embed"
	"fmt"

	"github.com/uptake/uptake/store"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// dashboardQueries are the dashboard's own named SQL: users and secrets.
// Every figure on a page comes from the analytics package instead.
type dashboardQueries struct {
	UserByName   store.Query `sql:"user_by_name"`
	UsersList    store.Query `sql:"users_list"`
	SaveUser     store.Query `sql:"save_user"`
	SecretByName store.Query `sql:"secret_by_name"`
	SaveSecret   store.Query `sql:"save_secret"`
}

func loadQueries() (dashboardQueries, error) {
	var q dashboardQueries
	if err := store.LoadQueries(queryFiles, "queries", &q); err != nil {
		return q, fmt.Errorf("loading dashboard queries: %w", err)
	}
	return q, nil
}
