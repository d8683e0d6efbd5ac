package exports

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// Workbook is one or more tables and an "About" sheet: what the workbook
// holds, with which filters, how fresh the data is and what every measure
// means. A table's Chart goes on a sheet of its own.
type Workbook struct {
	Sheets []Table
	About  *About
}

// About is what a manager needs to read the workbook alone.
type About struct {
	Title       string
	Lang        string            // "en" or "fr": sheet name and labels
	Filters     map[string]string // as given on the page or command line
	Refreshed   time.Time         // when the data was last refreshed
	Created     time.Time
	Definitions [][2]string // measure → definition
}

// Chart is a native Excel line chart of a table's columns over its first
// column (e.g. CSAT by month), drawn when the table has two rows or more.
type Chart struct {
	Title   string // also the name of the chart's sheet
	Columns []int  // value columns, by index
}

var aboutLabels = map[string][5]string{
	"en": {"About", "Report", "Created (UTC)", "Data refreshed (UTC)", "Definitions"},
	"fr": {"À propos", "Rapport", "Créé le (UTC)", "Données actualisées le (UTC)", "Définitions"},
}

// WriteXLSX writes every sheet, the charts, then the About sheet.
func (wb Workbook) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, t := range wb.Sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", t.Sheet)
		} else {
			_, err = f.NewSheet(t.Sheet)
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", t.Sheet, err)
		}
		if err := writeSheet(f, st, t, fmt.Sprintf("Data%d", i+1)); err != nil {
			return fmt.Errorf("sheet %q: %w", t.Sheet, err)
		}
	}
	for _, t := range wb.Sheets {
		if t.Chart != nil && len(t.Rows) > 1 {
			if err := addChart(f, t); err != nil {
				return err
			}
		}
	}
	if wb.About != nil {
		if err := wb.About.write(f, st); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func (a About) write(f *excelize.File, st styles) error {
	l, ok := aboutLabels[a.Lang]
	if !ok {
		l = aboutLabels["en"]
	}
	if _, err := f.NewSheet(l[0]); err != nil {
		return err
	}
	rows := [][]any{{l[1], safeText(a.Title)}, {l[2], a.Created.UTC()}, {l[3], a.Refreshed.UTC()}}
	keys := make([]string, 0, len(a.Filters))
	for k := range a.Filters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		rows = append(rows, []any{safeText(k), safeText(a.Filters[k])})
	}
	rows = append(rows, []any{}, []any{l[4]})
	for _, d := range a.Definitions {
		rows = append(rows, []any{safeText(d[0]), safeText(d[1])})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(l[0], cell, &r); err != nil {
			return err
		}
		if len(r) > 1 {
			if t, ok := r[1].(time.Time); ok && !t.IsZero() {
				c2, _ := excelize.CoordinatesToCellName(2, i+1)
				if err := f.SetCellStyle(l[0], c2, c2, st.dateTime); err != nil {
					return err
				}
			}
		}
	}
	if err := f.SetColWidth(l[0], "A", "A", 28); err != nil {
		return err
	}
	return f.SetColWidth(l[0], "B", "B", 100)
}

func addChart(f *excelize.File, t Table) error {
	c := t.Chart
	if _, err := f.NewSheet(c.Title); err != nil {
		return err
	}
	var series []excelize.ChartSeries
	for _, col := range c.Columns {
		name, _ := excelize.ColumnNumberToName(col + 1)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$1", t.Sheet, name),
			Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", t.Sheet, len(t.Rows)+1),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$%d", t.Sheet, name, name, len(t.Rows)+1),
		})
	}
	return f.AddChart(c.Title, "A1", &excelize.Chart{Type: excelize.Line, Series: series, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Dimension: excelize.ChartDimension{Width: 900, Height: 420}})
}
