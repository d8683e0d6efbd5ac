package themes

import (
	"cmp"
	"slices"
	"strings"
)

// How much of a theme the descriptions look at.
const (
	labelMembers = 300 // tickets nearest the centroid whose subjects may give the label
	termMembers  = 200 // tickets whose words give the terms' spelling
	maxTerms     = 8
)

// describe gives every theme its label, terms and examples.
func describe(m *Model, tickets []Ticket, ps []placement, opts Options) {
	members := membersByScore(len(m.Themes), tickets, ps)
	an := newAnalyser(m.ix.real)
	for c := range m.Themes {
		t := &m.Themes[c].Theme
		t.Examples = examples(tickets, members[c], opts.Examples)
		t.Terms = themeTerms(an, m, c, tickets, members[c])
	}
	// Bigger themes choose their labels first; a smaller one with the same
	// best phrase takes its next best.
	lb := newLabeller(m, an)
	for _, c := range bySize(members) {
		m.Themes[c].Label = lb.label(c, tickets, ps, members[c])
	}
}

func bySize(members [][]int) []int {
	order := make([]int, len(members))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(members[b]), len(members[a])) })
	return order
}

// membersByScore lists each theme's tickets, nearest the centroid first
// (ties by ticket id).
func membersByScore(k int, tickets []Ticket, ps []placement) [][]int {
	out := make([][]int, k)
	for i, p := range ps {
		if p.theme >= 0 {
			out[p.theme] = append(out[p.theme], i)
		}
	}
	for _, ms := range out {
		slices.SortStableFunc(ms, func(a, b int) int {
			return cmp.Or(cmp.Compare(ps[b].score, ps[a].score), cmp.Compare(tickets[a].ID, tickets[b].ID))
		})
	}
	return out
}

// examples picks the nearest tickets with different subjects, then the
// nearest others if there are not enough.
func examples(tickets []Ticket, members []int, n int) []Example {
	var out []Example
	seen := map[string]bool{}
	for pass := 0; pass < 2 && len(out) < n; pass++ {
		for _, i := range members {
			if len(out) == n {
				break
			}
			subject := cleanSubject(tickets[i].Subject)
			key := fold(subject)
			if pass == 0 && seen[key] || pass == 1 && seen["#"+tickets[i].ID] {
				continue
			}
			seen[key], seen["#"+tickets[i].ID] = true, true
			out = append(out, Example{TicketID: tickets[i].ID, Subject: subject})
		}
	}
	return out
}

// themeTerms lists the centroid's strongest features in words: each token
// as its members most often write it, English spellings preferred.
func themeTerms(an *analyser, m *Model, c int, tickets []Ticket, members []int) []string {
	an.surfaces, an.pairs = map[string]map[string]int{}, map[string]int{}
	defer func() { an.surfaces, an.pairs = nil, nil }()
	for _, i := range members[:min(termMembers, len(members))] {
		an.analyse(tickets[i].Subject, tickets[i].Body, tickets[i].Language)
	}
	cen := m.Themes[c].Centroid
	order := make([]int, len(cen.Features))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(cen.Weights[b], cen.Weights[a]) })
	var out []string
	seen := map[string]bool{}
	for _, j := range order {
		if len(out) == maxTerms {
			break
		}
		words := termWords(an, m.Features[cen.Features[j]])
		if seen[words] {
			continue
		}
		seen[words] = true
		out = append(out, words)
	}
	return out
}

// termWords spells a feature (one token or two) for people, a pair in
// the order its words are usually written.
func termWords(an *analyser, feature string) string {
	parts := strings.Split(feature, " ")
	if len(parts) == 2 && an.pairs[parts[1]+" "+parts[0]] > an.pairs[parts[0]+" "+parts[1]] {
		parts[0], parts[1] = parts[1], parts[0]
	}
	for i, p := range parts {
		parts[i] = spell(an, p)
	}
	return strings.Join(parts, " ")
}

// spell is a token's product name, or its most frequent recorded surface.
func spell(an *analyser, tok string) string {
	if name, ok := an.lx.names[tok]; ok {
		return name
	}
	best, n := "", 0
	for s, c := range an.surfaces[tok] {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	if best == "" {
		return strings.ToLower(tok)
	}
	return strings.ToLower(best)
}
