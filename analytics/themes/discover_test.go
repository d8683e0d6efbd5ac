package themes

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestDiscoverRefusesNoTickets(t *testing.T) {
	_, _, err := Discover(nil, nil, Options{})
	if !errors.Is(err, ErrNoTickets) {
		t.Fatalf("error %v, want ErrNoTickets", err)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// byTicket maps ticket id to theme id.
func byTicket(as []Assignment) map[string]string {
	m := map[string]string{}
	for _, a := range as {
		m[a.TicketID] = a.ThemeID
	}
	return m
}

// Same tickets, other order, other worker count: same model and themes.
func TestDiscoverIsDeterministic(t *testing.T) {
	tickets, _ := loadMessy(t)
	m1, as1, err := Discover(tickets, nil, Options{MinThemeSize: 5, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(tickets)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	m2, as2, err := Discover(shuffled, nil, Options{MinThemeSize: 5, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustJSON(t, m1), mustJSON(t, m2)) {
		t.Error("models differ between runs")
	}
	b1, b2 := byTicket(as1), byTicket(as2)
	for id, th := range b1 {
		if b2[id] != th {
			t.Errorf("ticket %s: theme %q, then %q", id, th, b2[id])
		}
	}
}

func TestModelJSONRoundTrip(t *testing.T) {
	tickets, _ := loadMessy(t)
	m, as, err := Discover(tickets, nil, Options{MinThemeSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	data := mustJSON(t, m)
	loaded, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if again := mustJSON(t, loaded); !bytes.Equal(data, again) {
		t.Fatal("model changed in a JSON round trip")
	}
	// Assign on the restored model puts every ticket where discovery did.
	if got := loaded.Assign(tickets, Options{}); !slices.Equal(got, as) {
		t.Error("assignments of the restored model differ from discovery's")
	}
	// So does a model decoded without Load.
	var plain Model
	if err := json.Unmarshal(data, &plain); err != nil {
		t.Fatal(err)
	}
	if got := plain.Assign(tickets, Options{}); !slices.Equal(got, as) {
		t.Error("assignments of a plainly decoded model differ")
	}
}

func TestLoadRefusesDamagedModels(t *testing.T) {
	tickets, _ := loadMessy(t)
	m, _, err := Discover(tickets, nil, Options{MinThemeSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string]func(m *Model){
		"old version":       func(m *Model) { m.Version = 0 },
		"unknown term":      func(m *Model) { m.Features[0] = "NO SUCH" },
		"missing weights":   func(m *Model) { m.IDF = m.IDF[1:] },
		"centroid overflow": func(m *Model) { m.Themes[0].Centroid.Features[0] = int32(len(m.Features)) },
	}
	for name, f := range damage {
		var c Model
		if err := json.Unmarshal(mustJSON(t, m), &c); err != nil {
			t.Fatal(err)
		}
		f(&c)
		if _, err := Load(mustJSON(t, &c)); err == nil {
			t.Errorf("%s: Load accepted the model", name)
		}
	}
	if _, err := Load([]byte("{")); err == nil {
		t.Error("Load accepted broken JSON")
	}
}

// splitByTopic returns the tickets whose topic passes keep.
func splitByTopic(tickets []Ticket, topics []string, keep func(i int, topic string) bool) ([]Ticket, []string) {
	var ts []Ticket
	var tp []string
	for i := range tickets {
		if keep(i, topics[i]) {
			ts, tp = append(ts, tickets[i]), append(tp, topics[i])
		}
	}
	return ts, tp
}

// majorityTheme maps each topic to the theme most of its tickets are in.
func majorityTheme(topics []string, as []Assignment) map[string]string {
	counts := map[string]map[string]int{}
	for i, a := range as {
		if counts[topics[i]] == nil {
			counts[topics[i]] = map[string]int{}
		}
		counts[topics[i]][a.ThemeID]++
	}
	out := map[string]string{}
	for topic, c := range counts {
		best := ""
		for th, n := range c {
			if best == "" || n > c[best] || n == c[best] && th < best {
				best = th
			}
		}
		out[topic] = best
	}
	return out
}

// New tickets go to the themes their topics formed, under the same ids.
func TestAssignKeepsThemeIDs(t *testing.T) {
	tickets, topics := loadMessy(t)
	train, trainTopics := splitByTopic(tickets, topics, func(i int, _ string) bool { return i%5 != 0 })
	fresh, freshTopics := splitByTopic(tickets, topics, func(i int, _ string) bool { return i%5 == 0 })
	m, as, err := Discover(train, nil, Options{MinThemeSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	want := majorityTheme(trainTopics, as)
	got := m.Assign(fresh, Options{})
	right := 0
	for i, a := range got {
		if a.ThemeID == want[freshTopics[i]] && a.ThemeID != "" {
			right++
		}
	}
	if right < len(fresh)*9/10 {
		t.Errorf("%d of %d new tickets joined their topic's theme", right, len(fresh))
	}
}

// Re-discovery keeps the ids of continuing themes and marks a theme that
// was not there before as new.
func TestRediscoveryKeepsIDsAndMarksNewThemes(t *testing.T) {
	tickets, topics := loadMessy(t)
	before, beforeTopics := splitByTopic(tickets, topics, func(_ int, topic string) bool { return topic != "printer" })
	m1, as1, err := Discover(before, nil, Options{MinThemeSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range m1.Themes {
		if th.New {
			t.Errorf("first discovery marked %s %q new", th.ID, th.Label)
		}
	}
	m2, as2, err := Discover(tickets, m1, Options{MinThemeSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	old, now := majorityTheme(beforeTopics, as1), majorityTheme(topics, as2)
	kept := 0
	for topic, id := range old {
		if own(old, topic) && own(now, topic) {
			kept++
			if now[topic] != id {
				t.Errorf("topic %s was theme %s, now %s", topic, id, now[topic])
			}
		}
	}
	if kept < 7 {
		t.Errorf("only %d topics had a theme of their own in both runs", kept)
	}
	for _, th := range m2.Themes {
		if emerged := th.ID == now["printer"]; th.New != emerged {
			t.Errorf("theme %s %q: New = %v", th.ID, th.Label, th.New)
		}
	}
}

// own reports whether topic's theme holds no other topic's majority.
func own(themeOf map[string]string, topic string) bool {
	for other, id := range themeOf {
		if other != topic && id == themeOf[topic] {
			return false
		}
	}
	return true
}

func TestTargetThemesFixesTheCount(t *testing.T) {
	tickets, _ := loadMessy(t)
	for _, target := range []int{3, 6, 12} {
		m, _, err := Discover(tickets, nil, Options{MinThemeSize: 5, TargetThemes: target})
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Themes) != target {
			t.Errorf("TargetThemes %d gave %d themes", target, len(m.Themes))
		}
	}
}

// Summarise after Assign reproduces what discovery reported.
func TestSummariseMatchesDiscovery(t *testing.T) {
	tickets, _ := loadMessy(t)
	m, as, err := Discover(tickets, nil, Options{MinThemeSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	got := m.Summarise(tickets, m.Assign(tickets, Options{}), Options{})
	for c, th := range m.Themes {
		if !bytes.Equal(mustJSON(t, got[c]), mustJSON(t, th.Theme)) {
			t.Errorf("theme %s: Summarise %+v, Discover %+v", th.ID, got[c], th.Theme)
		}
	}
	if n := len(as); n != len(tickets) {
		t.Fatalf("%d assignments for %d tickets", n, len(tickets))
	}
}

func TestThemesDescribeThemselves(t *testing.T) {
	tickets, _ := loadMessy(t)
	m, _, err := Discover(tickets, nil, Options{MinThemeSize: 5, Examples: 2})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, th := range m.Themes {
		words := len(bytes.Fields([]byte(th.Label)))
		if words < 1 || words > 6 || seen[th.Label] {
			t.Errorf("theme %s label %q", th.ID, th.Label)
		}
		seen[th.Label] = true
		if len(th.Examples) != 2 || th.Examples[0].Subject == th.Examples[1].Subject || len(th.Terms) == 0 {
			t.Errorf("theme %s: examples %v, terms %v", th.ID, th.Examples, th.Terms)
		}
		if len(th.ID) != 7 || th.ID[0] != 'T' {
			t.Errorf("theme id %q", th.ID)
		}
	}
}

// Tickets with nothing to go on give a model without themes, not an error.
func TestDiscoverWithoutContent(t *testing.T) {
	tickets := []Ticket{{ID: "1", Subject: "Hello", Body: "Thanks!\nAnna"}, {ID: "2", Subject: "RE:", Body: "> quoted"}, {ID: "3"}}
	m, as, err := Discover(tickets, nil, Options{TargetThemes: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Themes) != 0 || len(as) != 3 || as[0].ThemeID != "" {
		t.Fatalf("themes %v, assignments %v", m.Themes, as)
	}
	if got := m.Assign(tickets, Options{}); len(got) != 3 || got[2].ThemeID != "" {
		t.Fatalf("assign %v", got)
	}
}
