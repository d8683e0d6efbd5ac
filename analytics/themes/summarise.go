package themes

// Summarise recomputes every theme's statistics and examples from tickets
// and their assignments (from Assign or Discover), for example after new
// tickets were assigned incrementally. Assignments are matched to tickets
// by ticket id; labels, terms and the New flag come from the model.
// Themes come back in the model's order.
func (m *Model) Summarise(tickets []Ticket, as []Assignment, opts Options) []Theme {
	opts = opts.withDefaults(len(tickets))
	ps := m.placementsOf(tickets, as)
	var real map[string]bool
	if ix, err := m.index(); err == nil {
		real = ix.real
	}
	fillTextFacts(tickets, ps, real, opts.Workers)
	stats := summarise(m, tickets, ps, opts)
	members := membersByScore(len(m.Themes), tickets, ps)
	out := make([]Theme, len(m.Themes))
	for c, t := range m.Themes {
		d := t.Theme
		d.Examples = examples(tickets, members[c], opts.Examples)
		out[c] = mergeStats(d, stats[c])
	}
	return out
}

// placementsOf turns assignments back into placements.
func (m *Model) placementsOf(tickets []Ticket, as []Assignment) []placement {
	themeIndex := make(map[string]int32, len(m.Themes))
	for c, t := range m.Themes {
		themeIndex[t.ID] = int32(c)
	}
	byTicket := make(map[string]Assignment, len(as))
	for _, a := range as {
		byTicket[a.TicketID] = a
	}
	ps := make([]placement, len(tickets))
	for i, t := range tickets {
		ps[i].theme = -1
		if a, ok := byTicket[t.ID]; ok {
			if c, ok := themeIndex[a.ThemeID]; ok {
				ps[i].theme, ps[i].score = c, float32(a.Score)
			}
		}
	}
	return ps
}

// fillTextFacts detects each ticket's language and the workload its text
// names, which the statistics report.
func fillTextFacts(tickets []Ticket, ps []placement, real map[string]bool, workers int) {
	as := make([]*analyser, workers)
	forChunks(len(tickets), workers, 256, func(w, lo, hi int) {
		if as[w] == nil {
			as[w] = newAnalyser(real)
		}
		for i := lo; i < hi; i++ {
			r := as[w].analyse(tickets[i].Subject, tickets[i].Body, tickets[i].Language)
			ps[i].lang, ps[i].workload = uint8(r.lang), guessWorkload(r.tokens)
		}
	})
}
