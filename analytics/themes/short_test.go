package themes

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// loadShort reads testdata/short_questions.txt: topic|language|question.
func loadShort(t testing.TB) ([]Ticket, []string) {
	t.Helper()
	f, err := os.Open("testdata/short_questions.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tickets []Ticket
	var topics []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("bad line %q", line)
		}
		tickets = append(tickets, Ticket{ID: fmt.Sprintf("Q%03d", len(tickets)+1), Language: parts[1], Subject: parts[2]})
		topics = append(topics, parts[0])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return tickets, topics
}

// Short questions without bodies, dates or accounts, with default options:
// a small labelled set of the kind real evaluations use.
func TestThemeQualityOnShortQuestions(t *testing.T) {
	tickets, topics := loadShort(t)
	m, as, err := Discover(tickets, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pred := predicted(as)
	score := nmi(topics, pred)
	unthemed := 0
	for _, p := range pred {
		if p == "(unthemed)" {
			unthemed++
		}
	}
	t.Logf("%d questions, 12 topics → %d themes, %d unthemed; NMI %.3f", len(tickets), len(m.Themes), unthemed, score)
	for _, th := range m.Themes {
		t.Logf("%s %-45q %3d %v", th.ID, th.Label, th.Tickets, th.Terms)
	}
	if score < 0.85 {
		t.Errorf("NMI %.3f on short questions, want ≥ 0.85", score)
	}
}
