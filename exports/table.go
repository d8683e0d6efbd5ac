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
}

// WriteCSV writes the table as CSV; times become YYYY-MM-DD (or YYYY-MM-DD hh:mm:ss).
func (t Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	rec := make([]string, len(t.Header))
	for _, row := range t.Rows {
		for i, v := range row {
			rec[i] = csvText(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
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

// WriteXLSX writes the table as a one-sheet workbook: styled header, frozen
// header row, autofilter, column widths, date and number formats.
func (t Table) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
		return err
	}
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(t.Sheet, "A1", &t.Header); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(t.Header))
	for r, row := range t.Rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if err := setCell(f, t.Sheet, cell, v, styles); err != nil {
				return err
			}
		}
	}
	steps := []error{
		f.SetCellStyle(t.Sheet, "A1", last+"1", styles.header),
		f.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}),
		f.AutoFilter(t.Sheet, fmt.Sprintf("A1:%s%d", last, len(t.Rows)+1), nil),
	}
	for i, width := range t.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		steps = append(steps, f.SetColWidth(t.Sheet, col, col, width))
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
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

func setCell(f *excelize.File, sheet, cell string, v any, s styles) error {
	if v == nil {
		return nil
	}
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		return err
	}
	switch x := v.(type) {
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return f.SetCellStyle(sheet, cell, cell, s.date)
		}
		return f.SetCellStyle(sheet, cell, cell, s.dateTime)
	case uint64, int64, int:
		return f.SetCellStyle(sheet, cell, cell, s.integer)
	}
	return nil
}
