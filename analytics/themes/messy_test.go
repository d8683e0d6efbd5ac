package themes

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

// loadMessy reads testdata/messy_tickets.txt: blocks headed
// "=== id topic language account date", then a subject line and a body.
func loadMessy(t testing.TB) ([]Ticket, []string) {
	t.Helper()
	f, err := os.Open("testdata/messy_tickets.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tickets []Ticket
	var topics []string
	var body []string
	flush := func() {
		if len(tickets) > 0 {
			tickets[len(tickets)-1].Body = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = body[:0]
	}
	sc := bufio.NewScanner(f)
	subjectNext := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") && len(tickets) == 0:
		case strings.HasPrefix(line, "=== "):
			flush()
			h := strings.Fields(line[4:])
			if len(h) != 5 {
				t.Fatalf("bad header %q", line)
			}
			created, err := time.Parse("2006-01-02", h[4])
			if err != nil {
				t.Fatalf("header %q: %v", line, err)
			}
			tickets = append(tickets, Ticket{ID: h[0], Language: h[2], AccountID: h[3], Created: created.Add(9 * time.Hour)})
			topics = append(topics, h[1])
			subjectNext = true
		case subjectNext:
			tickets[len(tickets)-1].Subject = line
			subjectNext = false
		default:
			body = append(body, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return tickets, topics
}

// The generator's wording is not the only wording: hand-written tickets on
// other topics, with typos, greetings, quotes and mixed languages, must
// form their themes too.
func TestThemeQualityOnHandWrittenTickets(t *testing.T) {
	tickets, topics := loadMessy(t)
	m, as, err := Discover(tickets, nil, Options{MinThemeSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	pred := predicted(as)
	score := nmi(topics, pred)
	t.Logf("%d tickets, %d topics → %d themes; NMI %.3f", len(tickets), 10, len(m.Themes), score)
	for _, th := range m.Themes {
		t.Logf("%s %-45q %3d tickets %v", th.ID, th.Label, th.Tickets, th.Terms)
	}
	matches := bestMatches(topics, pred)
	for topic, b := range matches {
		t.Logf("%-10s F1 %.3f P %.3f R %.3f", topic, b.f1, b.precision, b.recall)
	}
	if score < 0.85 {
		t.Errorf("NMI %.3f on hand-written tickets, want ≥ 0.85", score)
	}
}
