// Package generate writes a realistic, deterministic sample data set in the
// generic CSV formats: accounts, subscriptions, daily usage, tickets in
// English, French and German, a course catalogue and trainings delivered.
// The same seed and scale always give the same files.
package generate

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Scale sizes a data set.
type Scale struct {
	Name     string
	Accounts int
	Days     int
	MaxUsers int // users of the largest account
}

// Scales are the named sizes for --scale.
var Scales = []Scale{
	{Name: "small", Accounts: 40, Days: 91, MaxUsers: 120},
	{Name: "medium", Accounts: 300, Days: 182, MaxUsers: 300},
	{Name: "large", Accounts: 3000, Days: 364, MaxUsers: 600},
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

// Summary counts the rows written per file.
type Summary struct {
	Files map[string]int
}

var workloads = []string{"Exchange", "Teams", "SharePoint", "OneDrive"}

// monthlyPrice is an illustrative price per seat and month for each workload.
var monthlyPrice = map[string]float64{"Exchange": 4.0, "Teams": 5.25, "SharePoint": 5.0, "OneDrive": 5.0}

type account struct {
	id, name, segment, industry, country, manager, lang string
	users                                               int
	propensity                                          map[string]float64 // share of users active on a typical weekday
	trend                                               float64            // change in propensity per 30 days
	trainedOn                                           int                // day index of a training, or -1
	trainedWorkload                                     string
}

// Write generates the data set into dir, ending at end (exclusive).
func Write(dir string, scale Scale, seed uint64, end time.Time) (Summary, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Summary{}, fmt.Errorf("creating %s: %w", dir, err)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := end.AddDate(0, 0, -scale.Days)
	accounts := makeAccounts(rng, scale)
	sum := Summary{Files: map[string]int{}}
	writers := []struct {
		name string
		fn   func(w *csv.Writer) (int, error)
	}{
		{"accounts.csv", func(w *csv.Writer) (int, error) { return writeAccounts(w, accounts) }},
		{"subscriptions.csv", func(w *csv.Writer) (int, error) { return writeSubscriptions(w, rng, accounts, start, end) }},
		{"usage.csv", func(w *csv.Writer) (int, error) { return writeUsage(w, rng, accounts, start, scale.Days) }},
		{"tickets.csv", func(w *csv.Writer) (int, error) { return writeTickets(w, rng, accounts, start, scale.Days) }},
		{"courses.csv", func(w *csv.Writer) (int, error) { return writeCourses(w) }},
		{"trainings.csv", func(w *csv.Writer) (int, error) { return writeTrainings(w, rng, accounts, start) }},
	}
	for _, fw := range writers {
		n, err := writeCSV(filepath.Join(dir, fw.name), fw.fn)
		if err != nil {
			return sum, fmt.Errorf("writing %s: %w", fw.name, err)
		}
		sum.Files[fw.name] = n
	}
	return sum, nil
}

func writeCSV(path string, fn func(w *csv.Writer) (int, error)) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := csv.NewWriter(f)
	n, err := fn(w)
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

var (
	namesA     = []string{"Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Adatum", "Proseware", "Wingtip", "Woodgrove", "Lamna", "Alpine", "Coho", "Fourth Coffee", "Margie's", "Trey", "Relecloud", "Humongous", "Wide World", "Blue Yonder", "Graphic Design"}
	namesB     = []string{"Dental", "Logistics", "Legal", "Engineering", "Foods", "Clinic", "Architects", "Retail", "Insurance", "Media", "Manufacturing", "Consulting"}
	industries = []string{"Healthcare", "Logistics", "Legal", "Manufacturing", "Retail", "Financial services", "Media", "Professional services", "Public sector", "Education"}
	countries  = []struct{ code, lang string }{{"FR", "fr"}, {"FR", "fr"}, {"DE", "de"}, {"DE", "de"}, {"CH", "de"}, {"BE", "fr"}, {"GB", "en"}, {"US", "en"}, {"US", "en"}, {"CA", "en"}}
	managers   = []string{"alice.martin@partner.example", "bruno.keller@partner.example", "chloe.dubois@partner.example", "dan.smith@partner.example"}
)

func makeAccounts(rng *rand.Rand, scale Scale) []account {
	out := make([]account, scale.Accounts)
	for i := range out {
		c := countries[rng.IntN(len(countries))]
		users := 5 + int(float64(scale.MaxUsers-5)*math.Pow(rng.Float64(), 2.5))
		seg := "SMB"
		switch {
		case users > scale.MaxUsers/2:
			seg = "Enterprise"
		case users > scale.MaxUsers/6:
			seg = "Mid-market"
		}
		a := account{
			id:       fmt.Sprintf("ACC-%04d", i+1),
			name:     fmt.Sprintf("%s %s", namesA[i%len(namesA)], namesB[(i/len(namesA)+i)%len(namesB)]),
			segment:  seg,
			industry: industries[rng.IntN(len(industries))],
			country:  c.code, lang: c.lang,
			manager:    managers[i%len(managers)],
			users:      users,
			propensity: map[string]float64{},
			trend:      (rng.Float64() - 0.6) * 0.12,
			trainedOn:  -1,
		}
		if i >= len(namesA)*len(namesB) {
			a.name = fmt.Sprintf("%s %d", a.name, i)
		}
		for _, w := range workloads {
			// Exchange is nearly always used; the collaboration workloads vary widely.
			base := 0.35 + 0.6*rng.Float64()
			if w == "Exchange" {
				base = 0.8 + 0.15*rng.Float64()
			}
			a.propensity[w] = base
		}
		if rng.Float64() < 0.3 {
			a.trainedOn = scale.Days/3 + rng.IntN(scale.Days/3)
			a.trainedWorkload = workloads[1+rng.IntN(len(workloads)-1)]
		}
		out[i] = a
	}
	return out
}

func writeAccounts(w *csv.Writer, accounts []account) (int, error) {
	if err := w.Write([]string{"account_id", "name", "segment", "industry", "country", "employees", "account_manager"}); err != nil {
		return 0, err
	}
	for _, a := range accounts {
		if err := w.Write([]string{a.id, a.name, a.segment, a.industry, a.country, strconv.Itoa(a.users * 11 / 10), a.manager}); err != nil {
			return 0, err
		}
	}
	return len(accounts), nil
}

func writeSubscriptions(w *csv.Writer, rng *rand.Rand, accounts []account, start, end time.Time) (int, error) {
	if err := w.Write([]string{"account_id", "subscription_id", "snapshot_date", "product", "workload", "seats_purchased", "seats_assigned", "start_date", "end_date", "unit_price", "currency"}); err != nil {
		return 0, err
	}
	n := 0
	for _, a := range accounts {
		for wi, wl := range workloads {
			purchased := a.users + a.users*rng.IntN(30)/100
			subStart := start.AddDate(-1, 0, -rng.IntN(200))
			for snap := start; snap.Before(end); snap = snap.AddDate(0, 1, 0) {
				rec := []string{a.id, fmt.Sprintf("%s-SUB-%d", a.id, wi+1), snap.Format("2006-01-02"), "Microsoft 365 " + wl, wl,
					strconv.Itoa(purchased), strconv.Itoa(a.users), subStart.Format("2006-01-02"), "", strconv.FormatFloat(monthlyPrice[wl], 'f', 2, 64), "EUR"}
				if err := w.Write(rec); err != nil {
					return n, err
				}
				n++
			}
		}
	}
	return n, nil
}

// activeShare is the share of an account's users active in a workload on a day.
func activeShare(a account, wl string, day int, weekday time.Weekday) float64 {
	p := a.propensity[wl] + a.trend*float64(day)/30
	if a.trainedOn >= 0 && wl == a.trainedWorkload && day >= a.trainedOn {
		p += 0.15 // trained users adopt more
	}
	if weekday == time.Saturday || weekday == time.Sunday {
		p *= 0.15
	}
	return math.Max(0.02, math.Min(0.98, p))
}

func writeUsage(w *csv.Writer, rng *rand.Rand, accounts []account, start time.Time, days int) (int, error) {
	if err := w.Write([]string{"day", "account_id", "user_id", "workload", "activity_count"}); err != nil {
		return 0, err
	}
	n := 0
	rec := make([]string, 5)
	for _, a := range accounts {
		for d := 0; d < days; d++ {
			day := start.AddDate(0, 0, d)
			rec[0], rec[1] = day.Format("2006-01-02"), a.id
			for _, wl := range workloads {
				share := activeShare(a, wl, d, day.Weekday())
				rec[3] = wl
				for u := 0; u < a.users; u++ {
					if rng.Float64() >= share {
						continue
					}
					rec[2] = fmt.Sprintf("user%04d@%s.example", u, a.id)
					rec[4] = strconv.Itoa(1 + rng.IntN(30))
					if err := w.Write(rec); err != nil {
						return n, err
					}
					n++
				}
			}
		}
	}
	return n, nil
}
