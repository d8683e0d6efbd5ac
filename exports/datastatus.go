package exports

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/uptake/uptake/analytics"
)

// Reports are the names accepted by `uptake export --report`.
var Reports = []string{"data-status"}

var dataStatusHeader = []string{"Data", "Rows", "Accounts", "From", "To"}

func dataStatusRows(s analytics.DataStatus) [][]any {
	rows := make([][]any, 0, len(s.Tables))
	for _, t := range s.Tables {
		var from, to any
		if t.Rows > 0 {
			from, to = t.FirstDay, t.LastDay
		}
		rows = append(rows, []any{t.Table, t.Rows, t.Accounts, from, to})
	}
	return rows
}

// DataStatusCSV writes the data status as CSV (dates as YYYY-MM-DD).
func DataStatusCSV(w io.Writer, s analytics.DataStatus) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(dataStatusHeader); err != nil {
		return err
	}
	for _, t := range s.Tables {
		from, to := "", ""
		if t.Rows > 0 {
			from, to = t.FirstDay.Format("2006-01-02"), t.LastDay.Format("2006-01-02")
		}
		if err := cw.Write([]string{t.Table, strconv.FormatUint(t.Rows, 10), strconv.FormatUint(t.Accounts, 10), from, to}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// DataStatusXLSX writes the data status as a workbook: styled header, frozen
// header row, autofilter, date and number formats.
func DataStatusXLSX(w io.Writer, s analytics.DataStatus) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Data status"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}})
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	numStyle, err := f.NewStyle(&excelize.Style{NumFmt: 3})
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, "A1", &dataStatusHeader); err != nil {
		return err
	}
	rows := dataStatusRows(s)
	for i, r := range rows {
		cell := fmt.Sprintf("A%d", i+2)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	last := len(rows) + 1
	steps := []error{
		f.SetCellStyle(sheet, "A1", "E1", header),
		f.SetCellStyle(sheet, "B2", fmt.Sprintf("C%d", last), numStyle),
		f.SetCellStyle(sheet, "D2", fmt.Sprintf("E%d", last), dateStyle),
		f.SetColWidth(sheet, "A", "A", 18),
		f.SetColWidth(sheet, "B", "E", 14),
		f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}),
		f.AutoFilter(sheet, fmt.Sprintf("A1:E%d", last), nil),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}
