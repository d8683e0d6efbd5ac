package themes

import (
	"errors"
	"fmt"
	"slices"
)

// ErrNoTickets is returned when Discover is given nothing to analyse.
var ErrNoTickets = errors.New("no tickets to analyse: load help-desk tickets (uptake ingest) or widen the selection, then run theme discovery again")

// Discover finds the recurring themes in tickets and assigns every ticket.
// With a previous model, themes that continue keep their ids and themes
// that did not exist before are marked New.
func Discover(tickets []Ticket, prev *Model, opts Options) (*Model, []Assignment, error) {
	if len(tickets) == 0 {
		return nil, nil, ErrNoTickets
	}
	opts = opts.withDefaults(len(tickets))
	m, err := learn(tickets, opts)
	if err != nil {
		return nil, nil, err
	}
	ps := make([]placement, len(tickets))
	as := newAssigner(m, m.ix)
	as.place(tickets, nil, ps, opts.Workers)
	if opts.TargetThemes == 0 {
		as.pruneThemes(tickets, ps, opts.MinThemeSize, opts.Workers)
	}
	as.keepActive(ps)
	describe(m, tickets, ps, opts)
	stats := summarise(m, tickets, ps, opts)
	for c := range m.Themes {
		m.Themes[c].Theme = mergeStats(m.Themes[c].Theme, stats[c])
	}
	assignIDs(m, prev)
	order := themeOrder(m)
	m.Themes = reorder(m.Themes, order, ps)
	return m, assignmentsOf(m, tickets, ps, false), nil
}

// learn builds the vocabulary and the theme centroids from a sample.
func learn(tickets []Ticket, opts Options) (*Model, error) {
	sample := sampleTickets(tickets)
	toks, uses := analyseSample(tickets, sample, nil, opts.Workers)
	// Common words read as slips are real words: read the sample again
	// without correcting them.
	real := realWords(uses, toks)
	if len(real) > 0 {
		toks, _ = analyseSample(tickets, sample, real, opts.Workers)
	}
	m := learnVocabulary(toks)
	for w := range real {
		m.RealWords = append(m.RealWords, w)
	}
	slices.Sort(m.RealWords)
	ix, err := buildIndex(m)
	if err != nil {
		return nil, fmt.Errorf("building the theme vocabulary: %w", err)
	}
	m.ix, m.MinScore = ix, minScore
	d := vectoriseSample(m, toks, opts.Workers)
	minSize := max(3, opts.MinThemeSize*len(sample)/len(tickets))
	for _, row := range clusterSample(d, len(m.Features), minSize, opts.TargetThemes, opts.Workers) {
		m.Themes = append(m.Themes, ModelTheme{Centroid: sparseRow(row)})
	}
	return m, nil
}

func sparseRow(row []float32) Centroid {
	var c Centroid
	for f, x := range row {
		if x != 0 {
			c.Features = append(c.Features, int32(f))
			c.Weights = append(c.Weights, x)
		}
	}
	return c
}

// themeOrder lists themes by ticket count, then id.
func themeOrder(m *Model) []int {
	order := make([]int, len(m.Themes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ta, tb := m.Themes[a], m.Themes[b]
		if ta.Tickets != tb.Tickets {
			return tb.Tickets - ta.Tickets
		}
		if ta.ID < tb.ID {
			return -1
		}
		if ta.ID > tb.ID {
			return 1
		}
		return 0
	})
	return order
}

// reorder puts themes in order and renumbers the placements.
func reorder(themes []ModelTheme, order []int, ps []placement) []ModelTheme {
	out := make([]ModelTheme, len(themes))
	pos := make([]int32, len(themes))
	for i, c := range order {
		out[i] = themes[c]
		pos[c] = int32(i)
	}
	for i := range ps {
		if ps[i].theme >= 0 {
			ps[i].theme = pos[ps[i].theme]
		}
	}
	return out
}
