package generate

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Scale sizes a data set.
type Scale struct {
	Name        string
	Accounts    int
	Days        int
	MedianUsers int // licensed users of the median account; sizes are log-normal
	MaxUsers    int // cap on the largest account
}

// Scales are the named sizes for --scale.
var Scales = []Scale{
	{Name: "small", Accounts: 40, Days: 91, MedianUsers: 20, MaxUsers: 400},
	{Name: "medium", Accounts: 300, Days: 182, MedianUsers: 20, MaxUsers: 1500},
	{Name: "large", Accounts: 3000, Days: 364, MedianUsers: 22, MaxUsers: 3000},
}

// ScaleByName finds a scale for --scale.
func ScaleByName(name string) (Scale, error) {
	for _, s := range Scales {
		if s.Name == name {
			return s, nil
		}
	}
	return Scale{}, fmt.Errorf("unknown scale %q; use small, medium or large", name)
}

// Summary counts the rows written per file. Files holds the data set (the
// files to ingest); Truth the ground truth files, by path relative to the
// output folder.
type Summary struct {
	Files map[string]int
	Truth map[string]int
}

// Truth file names, under the truth/ subfolder.
const (
	TruthTickets        = "ground_truth_tickets.csv"
	TruthAccounts       = "ground_truth_accounts.csv"
	TruthThemes         = "ground_truth_themes.csv"
	TruthTrainingEffect = "ground_truth_training_effect.csv"
)

// Write generates the data set into dir, covering scale.Days days up to end
// (exclusive), and its ground truth into dir/truth.
func Write(dir string, scale Scale, seed uint64, end time.Time) (Summary, error) {
	if err := checkScale(scale); err != nil {
		return Summary{}, err
	}
	if err := os.MkdirAll(filepath.Join(dir, truthDir), 0o755); err != nil {
		return Summary{}, fmt.Errorf("creating %s: %w", dir, err)
	}
	end = time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	cal := newCalendar(end.AddDate(0, 0, -scale.Days), scale.Days)
	accounts := makeAccounts(seed, scale, cal)
	sessions := numberSessions(accounts, cal)
	sum := Summary{Files: map[string]int{}, Truth: map[string]int{}}
	csvFiles := []struct {
		name string
		fn   func(w *csv.Writer) (int, error)
	}{
		{"accounts.csv", func(w *csv.Writer) (int, error) { return writeAccounts(w, accounts) }},
		{"subscriptions.csv", func(w *csv.Writer) (int, error) { return writeSubscriptions(w, seed, accounts, cal) }},
		{"courses.csv", writeCourses},
		{"trainings.csv", func(w *csv.Writer) (int, error) { return writeTrainings(w, sessions) }},
	}
	for _, f := range csvFiles {
		n, err := writeFile(filepath.Join(dir, f.name), csvBody(f.fn))
		if err != nil {
			return sum, fmt.Errorf("writing %s: %w", f.name, err)
		}
		sum.Files[f.name] = n
	}
	n, err := writeFile(filepath.Join(dir, "usage.csv"), func(w *bufio.Writer) (int, error) { return writeUsage(w, seed, accounts, cal) })
	if err != nil {
		return sum, fmt.Errorf("writing usage.csv: %w", err)
	}
	sum.Files["usage.csv"] = n
	if err := writeTicketFiles(dir, seed, accounts, cal, end, &sum); err != nil {
		return sum, err
	}
	truth := []struct {
		name string
		fn   func(w *csv.Writer) (int, error)
	}{
		{TruthAccounts, func(w *csv.Writer) (int, error) { return writeTruthAccounts(w, accounts, cal) }},
		{TruthThemes, writeTruthThemes},
		{TruthTrainingEffect, func(w *csv.Writer) (int, error) { return writeTruthTrainingEffect(w, accounts, sessions, cal) }},
	}
	for _, f := range truth {
		n, err := writeFile(filepath.Join(dir, truthDir, f.name), csvBody(f.fn))
		if err != nil {
			return sum, fmt.Errorf("writing %s: %w", f.name, err)
		}
		sum.Truth[truthDir+"/"+f.name] = n
	}
	return sum, nil
}

// writeTicketFiles writes tickets.csv and, row for row, its ground truth.
func writeTicketFiles(dir string, seed uint64, accounts []*account, cal *calendar, end time.Time, sum *Summary) error {
	tickets, err := createCSV(filepath.Join(dir, "tickets.csv"))
	if err != nil {
		return fmt.Errorf("writing tickets.csv: %w", err)
	}
	truth, err := createCSV(filepath.Join(dir, truthDir, TruthTickets))
	if err != nil {
		tickets.close()
		return fmt.Errorf("writing %s: %w", TruthTickets, err)
	}
	n, err := writeTickets(tickets.w, truth.w, newTicketGen(seed, accounts, cal, end))
	if cerr := tickets.close(); err == nil {
		err = cerr
	}
	if cerr := truth.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing tickets.csv and %s: %w", TruthTickets, err)
	}
	sum.Files["tickets.csv"] = n
	sum.Truth[truthDir+"/"+TruthTickets] = n
	return nil
}

// csvFile is a CSV file being written through a buffer.
type csvFile struct {
	f *os.File
	b *bufio.Writer
	w *csv.Writer
}

func createCSV(path string) (*csvFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	b := bufio.NewWriterSize(f, 1<<20)
	return &csvFile{f: f, b: b, w: csv.NewWriter(b)}, nil
}

// close flushes and closes the file, returning the first error.
func (c *csvFile) close() error {
	c.w.Flush()
	err := c.w.Error()
	if ferr := c.b.Flush(); err == nil {
		err = ferr
	}
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	return err
}

func checkScale(s Scale) error {
	switch {
	case s.Accounts < 1 || s.Accounts > 99999:
		return fmt.Errorf("accounts must be between 1 and 99,999, not %d", s.Accounts)
	case s.Days < 7 || s.Days > 3660:
		return fmt.Errorf("days must be between 7 and 3,660, not %d", s.Days)
	case s.MedianUsers < 1 || s.MaxUsers < 3:
		return fmt.Errorf("scale %q needs MedianUsers ≥ 1 and MaxUsers ≥ 3", s.Name)
	}
	return nil
}

// writeFile creates path and fills it through a buffered writer.
func writeFile(path string, fill func(w *bufio.Writer) (int, error)) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	n, err := fill(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// csvBody adapts a CSV-writing function to writeFile.
func csvBody(fn func(w *csv.Writer) (int, error)) func(w *bufio.Writer) (int, error) {
	return func(bw *bufio.Writer) (int, error) {
		w := csv.NewWriter(bw)
		n, err := fn(w)
		w.Flush()
		if err == nil {
			err = w.Error()
		}
		return n, err
	}
}
