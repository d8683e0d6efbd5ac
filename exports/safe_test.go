package exports_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/uptake/uptake/exports"
)

// Ticket text that looks like a formula stays text, and characters XML
// forbids are dropped instead of corrupting the workbook.
func TestFormulaInjectionAndControlCharacters(t *testing.T) {
	inputs := []string{`=HYPERLINK("http://evil.example","Click")`, "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", "bad\x00\x07text\x1b", "plain text", "a\xffb"}
	want := []string{`'=HYPERLINK("http://evil.example","Click")`, "'+1+2", "'-2+3", "'@SUM(A1:A9)", "'\t=1", "'\r=1", "badtext", "plain text", "a\uFFFDb"}
	table := exports.Table{Sheet: "Tickets", Header: []string{"Subject", "Count"}}
	for i, s := range inputs {
		table.Rows = append(table.Rows, []any{s, i})
	}
	var xlsx bytes.Buffer
	if err := table.WriteXLSX(&xlsx); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xlsx)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	for i, w := range want {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		got, err := f.GetCellValue("Tickets", cell)
		if err != nil {
			t.Fatal(err)
		}
		formula, _ := f.GetCellFormula("Tickets", cell)
		typ, _ := f.GetCellType("Tickets", cell)
		if got != w || formula != "" || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
			t.Errorf("%s: %q (formula %q, type %v), want the text %q", cell, got, formula, typ, w)
		}
	}
	var csv bytes.Buffer
	if err := table.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if out := csv.String(); !strings.Contains(out, `"'=HYPERLINK(""http://evil.example"",""Click"")"`) || strings.Contains(out, "\x00") || !strings.Contains(out, "'@SUM(A1:A9)") {
		t.Errorf("CSV not escaped:\n%q", out)
	}
}
