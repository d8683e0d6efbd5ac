package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Every export workbook of the sample data opens in excelize with its
// sheets and About sheet, and LibreOffice (a real consumer, installed by
// scripts/libreoffice.sh) turns each into a PDF with pages.
func TestExportsOpenInExcelizeAndLibreOffice(t *testing.T) {
	t.Run("embedded", func(t *testing.T) {
		requireChDB(t)
		exportsOfSample(t, nil)
	})
	t.Run("server", func(t *testing.T) {
		url := os.Getenv("UPTAKE_TEST_CLICKHOUSE")
		if url == "" {
			if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
				t.Fatal("UPTAKE_TEST_CLICKHOUSE is required")
			}
			t.Skip("set UPTAKE_TEST_CLICKHOUSE (make test does) to run the server-engine tests")
		}
		// A database of its own on the test server.
		db := fmt.Sprintf("uptake_exports_%d", time.Now().UnixNano())
		exportsOfSample(t, []string{"UPTAKE_STORE=" + strings.Replace(url, "/default", "/"+db, 1)})
	})
}

// exportsOfSample loads the small sample into the store env names (the
// embedded default when env is nil) and checks every export.
func exportsOfSample(t *testing.T, env []string) {
	dir := t.TempDir()
	steps := [][]string{
		{"generate", "--scale", "small", "--out", "sample"},
		{"ingest", "--pseudonym-key", "k", "--log-level", "error", "sample/accounts.csv", "sample/courses.csv", "sample/subscriptions.csv",
			"sample/usage.csv", "sample/tickets.csv", "sample/trainings.csv"},
		{"themes", "--log-level", "error"},
	}
	for _, args := range steps {
		if code, out := uptake(t, dir, env, args...); code != 0 {
			t.Fatalf("uptake %s: %d\n%s", strings.Join(args, " "), code, out)
		}
	}
	reports := map[string][]string{
		"dashboard":    {"Portfolio", "Low adoption", "Upsell", "Themes", "Course plan", "Weekly KPIs", "Satisfaction", "SLA", "Training impact", "Data status", "About"},
		"executive":    {"Weekly KPIs", "Satisfaction", "SLA", "Training impact", "About"},
		"themes":       {"Themes", "Ticket themes", "About"},
		"satisfaction": {"Satisfaction", "CSAT chart", "About"},
		"low-adoption": {"Low adoption", "About"},
		"portfolio":    {"Portfolio", "About"},
		"course-plan":  {"Course plan", "About"},
	}
	var files []string
	for report, sheets := range reports {
		out := report + ".xlsx"
		if code, msg := uptake(t, dir, env, "export", "--report", report, "--out", out, "--log-level", "error"); code != 0 {
			t.Fatalf("export %s: %d\n%s", report, code, msg)
		}
		f, err := excelize.OpenFile(filepath.Join(dir, out))
		if err != nil {
			t.Fatalf("%s does not open: %v", out, err)
		}
		if got := strings.Join(f.GetSheetList(), "|"); got != strings.Join(sheets, "|") {
			t.Errorf("%s sheets: %s, want %s", out, got, strings.Join(sheets, "|"))
		}
		rows, _ := f.GetRows(sheets[0])
		if len(rows) < 2 || len(rows[0]) == 0 || rows[0][0] == "" {
			t.Errorf("%s: sheet %s has no header or data rows", out, sheets[0])
		}
		for r, row := range rows[:min(len(rows), 50)] {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheets[0], cell); formula != "" {
					t.Errorf("%s %s!%s holds a formula %q", out, sheets[0], cell, formula)
				}
			}
		}
		about, _ := f.GetRows("About")
		if len(about) < 3 || about[0][0] != "Report" || about[0][1] != "Uptake · "+report || about[2][0] != "Data refreshed (UTC)" || len(about[2]) < 2 {
			t.Errorf("%s About sheet: %v", out, about[:min(len(about), 4)])
		}
		f.Close()
		files = append(files, filepath.Join(dir, out))
	}
	code, msg := uptake(t, dir, env, "export", "--report", "portfolio", "--segment", "SMB", "--out", "smb.csv", "--log-level", "error")
	smb, _ := os.ReadFile(filepath.Join(dir, "smb.csv"))
	if lines := strings.Split(strings.TrimSpace(string(smb)), "\n"); code != 0 || len(lines) < 2 || strings.Contains(string(smb), ",Enterprise,") {
		t.Errorf("portfolio --segment SMB: %d %s\n%s", code, msg, smb)
	}
	if code, msg := uptake(t, dir, env, "export", "--report", "dashboard", "--out", "all.csv"); code == 0 || !strings.Contains(msg, "write it as .xlsx") {
		t.Errorf("a many-sheet report as CSV: %d %s", code, msg)
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
			t.Fatal("LibreOffice is missing: run scripts/libreoffice.sh (make test does)")
		}
		t.Skip("LibreOffice is missing: run scripts/libreoffice.sh")
	}
	pdfDir := t.TempDir()
	args := append([]string{"--headless", "-env:UserInstallation=file://" + t.TempDir(), "--convert-to", "pdf", "--outdir", pdfDir}, files...)
	cmd := exec.Command(soffice, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for _, f := range files {
		pdf := filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(f), ".xlsx")+".pdf")
		raw, err := os.ReadFile(pdf)
		if err != nil || !strings.HasPrefix(string(raw), "%PDF") || !strings.Contains(string(raw), "/Type /Page") && !strings.Contains(string(raw), "/Type/Page") {
			t.Errorf("%s: no PDF with pages (%v, %d bytes)", pdf, err, len(raw))
		}
	}
}
