package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Ingests and exports from the command line land in the audit log under
// the account that ran them.
func TestCommandLineIngestAndExportAreAudited(t *testing.T) {
	requireChDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "accounts.csv")
	if err := os.WriteFile(file, []byte("account_id,name,segment,country,account_manager\nA1,Alpha,SMB,FR,Ann\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	storeURL := "embedded:" + filepath.Join(dir, "store")
	if code, out := uptake(t, dir, nil, "ingest", "--store", storeURL, file); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	out := filepath.Join(dir, "portfolio.csv")
	if code, msg := uptake(t, dir, nil, "export", "--store", storeURL, "--report", "portfolio", "--segment", "SMB", "--out", out); code != 0 {
		t.Fatalf("export: %s", msg)
	}
	code, log := uptake(t, dir, nil, "audit", "--store", storeURL)
	if code != 0 {
		t.Fatalf("audit: %s", log)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`cli:\S+\s+command line\s+export\s+ok\s+portfolio to .*portfolio\.csv; filters segment=SMB`),
		regexp.MustCompile(`cli:\S+\s+command line\s+ingest\s+ok\s+.*accounts\.csv: read 1, loaded 1, quarantined 0`),
	} {
		if !want.MatchString(log) {
			t.Errorf("the audit log lacks %s:\n%s", want, log)
		}
	}
	if code, msg := uptake(t, dir, nil, "audit", "--store", storeURL, "--action", "delete"); code == 0 || !strings.Contains(msg, "choose one of sign-in") {
		t.Errorf("unknown action: exit %d: %s", code, msg)
	}
}
