package themes

import "slices"

// placement is where one ticket went, with what its statistics need.
type placement struct {
	theme    int32 // index into Model.Themes, -1 for unthemed
	score    float32
	lang     uint8
	workload uint8 // index into workloads, guessed from the text
}

// assigner scores tickets against a model's themes.
type assigner struct {
	m      *Model
	ix     *modelIndex
	k      int
	centT  []float32 // features × themes
	active []bool    // themes tickets may join
}

func newAssigner(m *Model, ix *modelIndex) *assigner {
	k := len(m.Themes)
	as := &assigner{m: m, ix: ix, k: k, centT: make([]float32, len(m.Features)*k), active: make([]bool, k)}
	for c, t := range m.Themes {
		as.active[c] = true
		for j, f := range t.Centroid.Features {
			as.centT[int(f)*k+c] = t.Centroid.Weights[j]
		}
	}
	return as
}

// worker holds one goroutine's buffers.
type assignWorker struct {
	an     *analyser
	vec    *vectoriser
	ids    []int32
	scores []float32
}

func (as *assigner) newWorker() *assignWorker {
	return &assignWorker{an: newAnalyser(as.ix.real), vec: newVectoriser(as.ix, as.m.IDF), scores: make([]float32, as.k)}
}

// place analyses and scores the tickets at positions which (all if nil).
func (as *assigner) place(tickets []Ticket, which []int, out []placement, workers int) {
	n := len(tickets)
	if which != nil {
		n = len(which)
	}
	ws := make([]*assignWorker, workers)
	forChunks(n, workers, 256, func(w, lo, hi int) {
		if ws[w] == nil {
			ws[w] = as.newWorker()
		}
		for j := lo; j < hi; j++ {
			i := j
			if which != nil {
				i = which[j]
			}
			out[i] = as.placeOne(ws[w], &tickets[i])
		}
	})
}

func (as *assigner) placeOne(w *assignWorker, t *Ticket) placement {
	r := w.an.analyse(t.Subject, t.Body, t.Language)
	p := placement{theme: -1, lang: uint8(r.lang), workload: guessWorkload(r.tokens)}
	w.ids = as.ix.termIDs(r.tokens, w.ids)
	v := w.vec.vector(w.ids, r.nSubject)
	if len(v.idx) == 0 || as.k == 0 {
		return p
	}
	clear(w.scores)
	for j, f := range v.idx {
		row := as.centT[int(f)*as.k : int(f)*as.k+as.k]
		for c, x := range row {
			w.scores[c] += v.val[j] * x
		}
	}
	best := -1
	for c, s := range w.scores {
		if as.active[c] && (best < 0 || s > w.scores[best]) {
			best = c
		}
	}
	if best >= 0 && float64(w.scores[best]) >= as.m.MinScore {
		p.theme, p.score = int32(best), w.scores[best]
	}
	return p
}

// Assign puts tickets into the model's existing themes, keeping their ids;
// a ticket that fits none gets ThemeID "". The result is in input order.
func (m *Model) Assign(tickets []Ticket, opts Options) []Assignment {
	opts = opts.withDefaults(len(tickets))
	ix, err := m.index()
	if err != nil || len(m.Themes) == 0 {
		// A damaged model themes nothing; Load reports the damage.
		return assignmentsOf(m, tickets, make([]placement, len(tickets)), true)
	}
	ps := make([]placement, len(tickets))
	newAssigner(m, ix).place(tickets, nil, ps, opts.Workers)
	return assignmentsOf(m, tickets, ps, false)
}

func assignmentsOf(m *Model, tickets []Ticket, ps []placement, none bool) []Assignment {
	out := make([]Assignment, len(tickets))
	for i, t := range tickets {
		out[i] = Assignment{TicketID: t.ID}
		if !none && ps[i].theme >= 0 {
			out[i].ThemeID = m.Themes[ps[i].theme].ID
			out[i].Score = float64(ps[i].score)
		}
	}
	return out
}

// pruneThemes drops themes with fewer than minSize tickets and moves their
// tickets to the nearest remaining theme, until all are big enough.
func (as *assigner) pruneThemes(tickets []Ticket, ps []placement, minSize, workers int) {
	for range maxPrune {
		counts := make([]int, as.k)
		for _, p := range ps {
			if p.theme >= 0 {
				counts[p.theme]++
			}
		}
		changed := false
		for c, n := range counts {
			if as.active[c] && n < minSize {
				as.active[c], changed = false, true
			}
		}
		if !changed {
			return
		}
		var moved []int
		for i, p := range ps {
			if p.theme >= 0 && !as.active[p.theme] {
				moved = append(moved, i)
			}
		}
		as.place(tickets, moved, ps, workers)
	}
}

// keepActive removes inactive themes from the model and renumbers the
// placements.
func (as *assigner) keepActive(ps []placement) {
	renum := make([]int32, as.k)
	var kept []ModelTheme
	for c, t := range as.m.Themes {
		renum[c] = -1
		if as.active[c] {
			renum[c] = int32(len(kept))
			kept = append(kept, t)
		}
	}
	for i := range ps {
		if ps[i].theme >= 0 {
			ps[i].theme = renum[ps[i].theme]
		}
	}
	as.m.Themes = slices.Clip(kept)
}
