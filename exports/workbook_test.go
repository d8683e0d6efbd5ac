package exports_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/exports"
)

func TestWorkbookSheetsFormatsColoursChartAndAbout(t *testing.T) {
	months := []string{"2026-07", "2026-08", "2026-09"}
	data := exports.Table{Sheet: "Satisfaction", Header: []string{"Period", "Group", "Usage %", "CSAT"},
		Formats: map[int]string{3: exports.FormatPercent}, RAG: []exports.RAG{exports.LowAdoptionRAG(2, analytics.Defaults())},
		Chart: &exports.Chart{Title: "CSAT chart", Columns: []int{3}}}
	for i, m := range months {
		data.Rows = append(data.Rows, []any{m, "SMB", float64(50 + 20*i), 0.7 + 0.05*float64(i)})
	}
	refreshed := time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)
	wb := exports.Workbook{Sheets: []exports.Table{data},
		About: &exports.About{Title: "Uptake · satisfaction", Lang: "fr", Filters: map[string]string{"segment": "SMB"}, Refreshed: refreshed,
			Created: refreshed.Add(time.Hour), Definitions: exports.Definitions["satisfaction"]}}
	var buf bytes.Buffer
	if err := wb.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Satisfaction|CSAT chart|À propos" {
		t.Errorf("sheets: %s", got)
	}
	// Header style, frozen header, filter table, number format, colours.
	styleID, _ := f.GetCellStyle("Satisfaction", "A1")
	style, _ := f.GetStyle(styleID)
	if style == nil || style.Font == nil || !style.Font.Bold {
		t.Error("the header is not bold")
	}
	panes, _ := f.GetPanes("Satisfaction")
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes: %+v", panes)
	}
	tables, _ := f.GetTables("Satisfaction")
	if len(tables) != 1 || tables[0].Range != "A1:D4" {
		t.Errorf("filter table: %+v", tables)
	}
	if v, _ := f.GetCellValue("Satisfaction", "D2"); v != "70%" {
		t.Errorf("CSAT as percent: %q", v)
	}
	cfs, _ := f.GetConditionalFormats("Satisfaction")
	if rules := cfs["C2:C1048576"]; len(rules) != 3 || rules[0].Value != "60" || rules[1].Value != "80" {
		t.Errorf("red/amber/green rules on usage: %+v", cfs)
	}
	// About: title, filters, refresh time and definitions, in French.
	about, _ := f.GetRows("À propos")
	text := ""
	for _, r := range about {
		text += strings.Join(r, "\t") + "\n"
	}
	for _, want := range []string{"Rapport\tUptake · satisfaction", "segment\tSMB", "Données actualisées le (UTC)", "Définitions", "CSAT\tShare of good ratings"} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q:\n%s", want, text)
		}
	}
	// A native line chart on its own sheet.
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, zf := range zr.File {
		found = found || strings.HasPrefix(zf.Name, "xl/charts/chart")
	}
	if !found {
		t.Error("no chart in the workbook")
	}
}
