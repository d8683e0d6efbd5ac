package generate

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// spring is the end day of most test data sets: March to May, no summer.
var spring = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// testScale is large enough for the statistical checks and still quick.
var testScale = Scale{Name: "test", Accounts: 120, Days: 182, MedianUsers: 20, MaxUsers: 400}

func writeSet(t *testing.T, s Scale, seed uint64, end time.Time) (string, Summary) {
	t.Helper()
	dir := t.TempDir()
	sum, err := Write(dir, s, seed, end)
	if err != nil {
		t.Fatal(err)
	}
	return dir, sum
}

// readCSV reads a file with a header into one map per row.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	header, err := r.Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
}

func header(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h, err := csv.NewReader(f).Read()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// usageRow is one line of usage.csv.
type usageRow struct {
	day, account, user, workload string
	count                        int
}

// readUsage parses usage.csv without the csv package: its fields are never quoted.
func readUsage(t *testing.T, dir string) []usageRow {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "usage.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	var out []usageRow
	for sc.Scan() {
		p := strings.Split(sc.Text(), ",")
		if len(p) != 5 {
			t.Fatalf("usage line %q", sc.Text())
		}
		n, err := strconv.Atoi(p[4])
		if err != nil || n < 1 {
			t.Fatalf("usage line %q: bad count", sc.Text())
		}
		out = append(out, usageRow{p[0], p[1], p[2], p[3], n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// hashTree returns the SHA-256 of every file under dir, by relative path.
func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// truthFlags maps account id → flag → workloads ("" for all).
func truthFlags(t *testing.T, dir string) (map[string]map[string][]map[string]string, []map[string]string) {
	t.Helper()
	rows := readCSV(t, filepath.Join(dir, truthDir, TruthAccounts))
	out := map[string]map[string][]map[string]string{}
	for _, r := range rows {
		if out[r["account_id"]] == nil {
			out[r["account_id"]] = map[string][]map[string]string{}
		}
		out[r["account_id"]][r["flag"]] = append(out[r["account_id"]][r["flag"]], r)
	}
	return out, rows
}

// detailFigures parses a "key=value; key=value" truth detail.
func detailFigures(t *testing.T, detail string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, part := range strings.Split(detail, "; ") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			t.Fatalf("detail %q: %q is not key=value", detail, part)
		}
		out[k] = v
	}
	return out
}

// figure is one number of a truth detail.
func figure(t *testing.T, fig map[string]string, key string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(fig[key], 64)
	if err != nil {
		t.Fatalf("detail figure %s=%q: %v", key, fig[key], err)
	}
	return v
}

// rating is one satisfaction score with the day its ticket was created.
type rating struct {
	day   string
	score int
}

// ratings lists the scored tickets per account.
func ratings(t *testing.T, dir string) map[string][]rating {
	t.Helper()
	out := map[string][]rating{}
	for _, tk := range readCSV(t, filepath.Join(dir, "tickets.csv")) {
		if tk["satisfaction"] == "" {
			continue
		}
		s, err := strconv.Atoi(tk["satisfaction"])
		if err != nil {
			t.Fatalf("ticket %s: satisfaction %q", tk["ticket_id"], tk["satisfaction"])
		}
		out[tk["account_id"]] = append(out[tk["account_id"]], rating{tk["created_at"][:10], s})
	}
	return out
}

// goodShare is the share of ratings of 4 or 5 among those created on days
// [from, to), and their number.
func goodShare(rs []rating, from, to string) (float64, int) {
	good, n := 0, 0
	for _, r := range rs {
		if r.day >= from && r.day < to {
			n++
			if r.score >= 4 {
				good++
			}
		}
	}
	return float64(good) / float64(max(1, n)), n
}

// twoShareZ is the z statistic of the difference of two shares.
func twoShareZ(p1 float64, n1 int, p2 float64, n2 int) float64 {
	p := (p1*float64(n1) + p2*float64(n2)) / float64(n1+n2)
	se := math.Sqrt(p * (1 - p) * (1/float64(n1) + 1/float64(n2)))
	if se == 0 {
		return 0
	}
	return (p2 - p1) / se
}
