package exports

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// Table is one tabular sheet: a header and rows of string, integer, float
// or time.Time values (nil for empty). Times at midnight are dates.
type Table struct {
	Sheet  string
	Header []string
	Widths []float64 // column widths, in characters
	Rows   [][]any
	// Stream, when set, yields the rows instead of Rows, one at a time, for
	// exports too large to hold in memory.
	Stream func(yield func(row []any) error) error
	// Formats give columns a number format (FormatPercent, …); by index.
	Formats map[int]string
	// RAG colours columns red, amber or green by the dashboard's rules.
	RAG []RAG
	// Chart, when set, draws the table's trend in a workbook.
	Chart *Chart
}

// Number formats of a column.
const (
	FormatPercent  = "percent"  // a share 0–1 shown as 0 %
	FormatPct100   = "pct100"   // a percentage 0–100 shown as 0 %
	FormatDecimal1 = "decimal1" // 0.0
	FormatMoney    = "money"    // #,##0 (the currency is in its own column)
)

var numFmts = map[string]string{FormatPercent: "0%", FormatPct100: `0" %"`, FormatDecimal1: "0.0", FormatMoney: "#,##0"}

// RAG colours a column with Excel conditional formatting: red at or below
// Red, amber at or below Amber, green above (the low-adoption rules).
type RAG struct {
	Column     int
	Red, Amber float64
}

// WriteCSV writes the table as CSV; times become YYYY-MM-DD (or YYYY-MM-DD hh:mm:ss).
func (t Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	rec := make([]string, len(t.Header))
	err := t.each(func(row []any) error {
		for i, v := range row {
			rec[i] = csvText(v)
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func csvText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return safeText(x)
	case time.Time:
		if x.IsZero() {
			return ""
		}
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04:05")
	case uint64:
		return strconv.FormatUint(x, 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// WriteXLSX writes the table as a one-sheet workbook (see writeSheet).
func (t Table) WriteXLSX(w io.Writer) error {
	return Workbook{Sheets: []Table{t}}.WriteXLSX(w)
}

// writeSheet writes the table to its own sheet with excelize's
// StreamWriter (rows go to a temporary file as they come, so a million rows
// stay within a few hundred megabytes): styled header, frozen header row, a
// filter on every column, column widths, number formats, conditional
// colours, and safe text (safeText).
func writeSheet(f *excelize.File, st styles, t Table, tableName string) error {
	if err := t.conditionalFormats(f); err != nil { // must precede the stream writer
		return err
	}
	sw, err := f.NewStreamWriter(t.Sheet)
	if err != nil {
		return err
	}
	for i, width := range t.Widths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(t.Header))
	for i, h := range t.Header {
		header[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	colStyle := make([]int, len(t.Header))
	for i, format := range t.Formats {
		if i < len(colStyle) {
			if colStyle[i], err = st.format(f, format); err != nil {
				return err
			}
		}
	}
	n := 1
	cells := make([]any, len(t.Header))
	err = t.each(func(row []any) error {
		n++
		for i := range cells {
			cells[i] = nil
			if i < len(row) {
				cells[i] = st.cell(row[i], colStyle[i])
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, cells)
	})
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(t.Header))
	if err := sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A1:%s%d", last, max(n, 2)), Name: tableName, ShowRowStripes: ptr(false)}); err != nil {
		return err
	}
	return sw.Flush()
}

// conditionalFormats sets the red/amber/green rules of the RAG columns
// over a large range (the rows are not counted yet when this runs).
func (t Table) conditionalFormats(f *excelize.File) error {
	for _, r := range t.RAG {
		col, err := excelize.ColumnNumberToName(r.Column + 1)
		if err != nil {
			return err
		}
		fills := map[string]string{"red": "FBE3E3", "amber": "FFF1D6", "green": "E1F3E3"}
		ids := map[string]int{}
		for name, color := range fills {
			id, err := f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}})
			if err != nil {
				return err
			}
			ids[name] = id
		}
		red, amber, green := ids["red"], ids["amber"], ids["green"]
		rng := fmt.Sprintf("%s2:%s1048576", col, col)
		err = f.SetConditionalFormat(t.Sheet, rng, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<=", Format: &red, Value: strconv.FormatFloat(r.Red, 'f', -1, 64), StopIfTrue: true},
			{Type: "cell", Criteria: "<=", Format: &amber, Value: strconv.FormatFloat(r.Amber, 'f', -1, 64), StopIfTrue: true},
			{Type: "cell", Criteria: ">", Format: &green, Value: strconv.FormatFloat(r.Amber, 'f', -1, 64)},
		})
		if err != nil {
			return fmt.Errorf("colouring column %s: %w", col, err)
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// each calls fn for every row: from Stream when set, else from Rows.
func (t Table) each(fn func(row []any) error) error {
	if t.Stream != nil {
		return t.Stream(fn)
	}
	for _, row := range t.Rows {
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

type styles struct{ header, date, dateTime, integer int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}}); err != nil {
		return s, err
	}
	if s.date, err = f.NewStyle(&excelize.Style{NumFmt: 14}); err != nil {
		return s, err
	}
	if s.dateTime, err = f.NewStyle(&excelize.Style{NumFmt: 22}); err != nil {
		return s, err
	}
	s.integer, err = f.NewStyle(&excelize.Style{NumFmt: 3})
	return s, err
}

// format is the style of a column's number format.
func (s styles) format(f *excelize.File, format string) (int, error) {
	code, ok := numFmts[format]
	if !ok {
		return 0, fmt.Errorf("unknown column format %q", format)
	}
	return f.NewStyle(&excelize.Style{CustomNumFmt: &code})
}

// cell is one value as the stream writer takes it, styled by its column's
// format (colStyle, 0 for none) or its type.
func (s styles) cell(v any, colStyle int) any {
	if colStyle != 0 {
		switch v.(type) {
		case float64, int64, uint64, int:
			return excelize.Cell{StyleID: colStyle, Value: v}
		}
	}
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return safeText(x)
	case time.Time:
		if x.IsZero() {
			return nil
		}
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return excelize.Cell{StyleID: s.date, Value: x}
		}
		return excelize.Cell{StyleID: s.dateTime, Value: x}
	case uint64, int64, int:
		return excelize.Cell{StyleID: s.integer, Value: x}
	}
	return v
}
