package exports_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/exports"
	"github.com/uptake/uptake/store"
)

func TestDataStatusWorkbookAndCSV(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		in, err := st.NewInserter(ctx, "accounts", "account_id", "name")
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"A", "B", "C"} {
			if err := in.Append(id, "Account "+id); err != nil {
				t.Fatal(err)
			}
		}
		if err := in.Close(); err != nil {
			t.Fatal(err)
		}
		svc, err := analytics.New(st, analytics.Defaults())
		if err != nil {
			t.Fatal(err)
		}
		// The counts are taken by the refresh every ingest ends with.
		if _, err := svc.Refresh(ctx, analytics.Changes{"accounts": nil}); err != nil {
			t.Fatal(err)
		}
		status, err := svc.DataStatus(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var xlsx bytes.Buffer
		if err := exports.DataStatusTable(status).WriteXLSX(&xlsx); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&xlsx)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("Data status")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 7 || strings.Join(rows[0], "|") != "Data|Rows|Accounts|From|To" || rows[1][0] != "accounts" || rows[1][1] != "3" || rows[1][2] != "3" {
			t.Fatalf("rows: %q", rows)
		}
		panes, err := f.GetPanes("Data status")
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("header row not frozen: %+v %v", panes, err)
		}
		style, _ := f.GetCellStyle("Data status", "A1")
		if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("header not bold: %+v %v", s, err)
		}
		var csv bytes.Buffer
		if err := exports.DataStatusTable(status).WriteCSV(&csv); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(csv.String()), "\n")
		if len(lines) != 7 || lines[0] != "Data,Rows,Accounts,From,To" || !strings.HasPrefix(lines[1], "accounts,3,3,") || lines[3] != "usage,0,0,," {
			t.Fatalf("csv:\n%s", csv.String())
		}
	})
}
