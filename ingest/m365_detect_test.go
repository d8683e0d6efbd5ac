package ingest

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// m365Fixtures maps each fixture to the format that must recognise it.
func m365Fixtures() map[string]string {
	return map[string]string{
		"contoso_Office365ActiveUserDetail.csv":              "m365-active-user-detail",
		"contoso_Office365ActiveUserDetail_2026-05-20.csv":   "m365-active-user-detail",
		"contoso_Office365ActiveUserDetail_2026-05-21.csv":   "m365-active-user-detail",
		"northwind_Office365ActiveUserDetail_bom.csv":        "m365-active-user-detail",
		"contoso_Office365ActiveUserCounts.csv":              "m365-active-user-counts",
		"contoso_Office365ServicesUserCounts.csv":            "m365-services-user-counts",
		"contoso_TeamsUserActivityUserDetail.csv":            "m365-teams-user-detail",
		"contoso_TeamsUserActivityUserDetail_baddates.csv":   "m365-teams-user-detail",
		"fabrikam_TeamsUserActivityUserDetail_reordered.csv": "m365-teams-user-detail",
		"contoso_TeamsUserActivityUserCounts.csv":            "m365-teams-user-counts",
		"contoso_EmailActivityUserDetail.csv":                "m365-email-user-detail",
		"contoso_EmailActivityUserDetail_cp1252.csv":         "m365-email-user-detail",
		"contoso_EmailActivityUserDetail_truncated.csv":      "m365-email-user-detail",
		"contoso_M365AppUserDetail.csv":                      "m365-apps-user-detail",
	}
}

// fixtureHead returns a fixture's text as detect sees it: BOM dropped, decoded.
func fixtureHead(t *testing.T, name string) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "m365", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br, _, err := textReader(f, "")
	if err != nil {
		t.Fatal(err)
	}
	head, _ := br.Peek(sniffSize)
	return head
}

// m365Matches lists the Microsoft 365 formats whose detect accepts head.
func m365Matches(head []byte) []string {
	var got []string
	for _, f := range microsoft365Formats() {
		if f.detect(head) {
			got = append(got, f.name)
		}
	}
	return got
}

func TestM365EachReportIsRecognisedByExactlyOneFormat(t *testing.T) {
	for name, want := range m365Fixtures() {
		head := fixtureHead(t, name)
		if got := m365Matches(head); !slices.Equal(got, []string{want}) {
			t.Errorf("%s: matched by %v, want only %s", name, got, want)
		}
	}
}

// Tools export the reports with their columns in other orders.
func TestM365DetectionIgnoresColumnOrderAndCase(t *testing.T) {
	for name, want := range m365Fixtures() {
		header, _, _ := strings.Cut(string(fixtureHead(t, name)), "\n")
		cols := strings.Split(strings.TrimRight(header, "\r"), ",")
		slices.Reverse(cols)
		for i := range cols {
			if i%2 == 0 {
				cols[i] = " " + strings.ToUpper(cols[i]) + " "
			}
		}
		head := []byte(strings.Join(cols, ";") + "\n")
		if got := m365Matches(head); !slices.Equal(got, []string{want}) {
			t.Errorf("%s reversed, upper-cased, ;-separated: matched by %v, want only %s", name, got, want)
		}
	}
}

func TestM365FormatsLeaveOtherFilesAlone(t *testing.T) {
	for _, head := range []string{
		"day,account_id,user_id,workload,activity_count\n2026-05-01,A,u1,Teams,3\n",
		"account_id,ticket_id,created_at,subject\nA,1,2026-05-01,Hello\n",
		"User Principal Name,Display Name\nadele@contoso.example,Adele\n",
		"",
	} {
		if got := m365Matches([]byte(head)); len(got) != 0 {
			t.Errorf("%q matched by %v", head, got)
		}
	}
}

func TestM365FormatsComeBeforeGenericCSV(t *testing.T) {
	for name, want := range m365Fixtures() {
		f, err := chooseFormatFromHead(fixtureHead(t, name))
		if err != nil || f != want {
			t.Errorf("%s: chooseFormat picked %q (%v), want %s", name, f, err, want)
		}
	}
}

func chooseFormatFromHead(head []byte) (string, error) {
	f, err := chooseFormat(bufio.NewReader(bytes.NewReader(head)), "")
	return f.name, err
}
