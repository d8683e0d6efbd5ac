package courses

import (
	"cmp"
	"slices"
	"strings"
)

// generalDiscount ranks a general course below a workload course that
// answers a need equally well: the workload course speaks the customer's
// context.
const generalDiscount = 0.9

// levelFit is how well each level suits people who barely use a workload.
var levelFit = map[string]float64{"beginner": 1, "intermediate": 0.6, "advanced": 0.3}

// markerBonus is added to levelFit for "getting started"/champions courses;
// the sum is divided by levelFit's best plus the bonus so scores stay in 0–1.
const markerBonus = 0.5

// Recommend picks the best course for each need and ranks the results.
//
// A course fits a need when its workload is the need's (or the course is
// general, or the need names no workload). Among fitting courses in the
// need's language, the best score wins; only when none reaches
// Options.MinScore are courses in Options.FallbackLanguage considered, and
// the Reason says so. For how-to themes, the score is the share of the
// theme's words (label and terms, normalised) that the course's topics
// contain; for low adoption it favours beginner and "getting started" or
// champions courses. Ties go to more fully matched topics, then the easier
// level, then the course id.
//
// Needs without a fitting course are left out (see Unmatched). The result is
// grouped by account, accounts by their total Benefit (highest first, then
// account id), and within an account by Benefit, then need and course.
func Recommend(catalogue []Course, needs []Need, opts Options) []Recommendation {
	opts = opts.withDefaults()
	ix := index(catalogue)
	// Many accounts share a need (the same theme, workload and language):
	// the course is chosen once per kind of need.
	chosen := map[string]choice{}
	recs := make([]Recommendation, 0, len(needs))
	for _, n := range needs {
		key := strings.Join([]string{n.Kind, n.Workload, n.Language, n.ThemeID, n.ThemeLabel, strings.Join(n.ThemeTerms, "\x1e")}, "\x1f")
		ch, seen := chosen[key]
		if !seen {
			ch = choose(ix, n, opts)
			chosen[key] = ch
		}
		if r, ok := ch.recommend(n, opts); ok {
			recs = append(recs, r)
		}
	}
	rankRecommendations(recs)
	return recs
}

// Unmatched returns the needs for which Recommend finds no course, in input
// order: the gaps in the catalogue trainers may want to fill.
func Unmatched(catalogue []Course, needs []Need, opts Options) []Need {
	opts = opts.withDefaults()
	ix := index(catalogue)
	var out []Need
	for _, n := range needs {
		if _, ok := best(ix, n, opts); !ok {
			out = append(out, n)
		}
	}
	return out
}

// candidate is one course scored against one need.
type candidate struct {
	ix      *indexed
	score   float64
	full    int      // topics matched completely
	matched []string // topics that contributed, fully matched first
}

// choice is the course picked for a kind of need, before the figures of
// one account are filled in.
type choice struct {
	c              candidate
	workload, lang string
	fallback, ok   bool
}

// choose finds the need's course, in its language or else the fallback.
func choose(ix []indexed, n Need, opts Options) choice {
	w, ok := CanonicalWorkload(n.Workload)
	if !ok {
		return choice{}
	}
	lang := languageCode(n.Language)
	if lang == "" {
		lang = opts.FallbackLanguage
	}
	terms := needStems(n, w)
	c, ok := bestIn(ix, n, w, lang, terms, opts)
	fallback := false
	if !ok && lang != opts.FallbackLanguage {
		c, ok = bestIn(ix, n, w, opts.FallbackLanguage, terms, opts)
		fallback = true
	}
	return choice{c: c, workload: w, lang: lang, fallback: fallback, ok: ok}
}

// recommend is the chosen course for one need, with its sessions and benefit.
func (ch choice) recommend(n Need, opts Options) (Recommendation, bool) {
	if !ch.ok {
		return Recommendation{}, false
	}
	maxAtt := ch.c.ix.course.effectiveMax(opts.DefaultMaxAttendees)
	return Recommendation{
		Need:     n,
		Course:   ch.c.ix.course,
		Score:    ch.c.score,
		Reason:   reason(n, ch.workload, ch.lang, ch.c, ch.fallback),
		Sessions: ceilDiv(max(n.Audience, 1), maxAtt),
		Benefit:  opts.value(n) * ch.c.score,
		Fallback: ch.fallback,
	}, true
}

// best finds the need's course, in its language or else the fallback.
func best(ix []indexed, n Need, opts Options) (Recommendation, bool) {
	return choose(ix, n, opts).recommend(n, opts)
}

// needStems are the words of a how-to theme that a course must cover.
func needStems(n Need, workload string) map[string]bool {
	text := n.ThemeLabel + " " + strings.Join(n.ThemeTerms, " ")
	drop := stemSet(workloadWords[workload])
	out := map[string]bool{}
	for _, s := range Normalize(text) {
		if !drop[s] {
			out[s] = true
		}
	}
	return out
}

// bestIn scores the fitting courses in one language and keeps the best.
func bestIn(ix []indexed, n Need, workload, lang string, terms map[string]bool, opts Options) (candidate, bool) {
	var top candidate
	found := false
	for i := range ix {
		c := &ix[i]
		if c.language != lang || (c.workload != "" && workload != "" && c.workload != workload) {
			continue
		}
		cand := score(c, n, terms)
		if c.workload == "" && workload != "" {
			cand.score *= generalDiscount
		}
		if cand.score < opts.MinScore || cand.score <= 0 {
			continue
		}
		if !found || better(cand, top) {
			top, found = cand, true
		}
	}
	return top, found
}

// better orders candidates: score, fully matched topics, easier level, id.
func better(a, b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.full != b.full {
		return a.full > b.full
	}
	la, lb := slices.Index(levels, a.ix.course.Level), slices.Index(levels, b.ix.course.Level)
	if la != lb {
		return la < lb
	}
	return a.ix.course.ID < b.ix.course.ID
}

func score(c *indexed, n Need, terms map[string]bool) candidate {
	if n.Kind == KindLowAdoption {
		return adoptionScore(c)
	}
	return themeScore(c, terms)
}

// themeScore is the share of the theme's words the course's topics contain.
func themeScore(c *indexed, terms map[string]bool) candidate {
	cand := candidate{ix: c}
	if len(terms) == 0 {
		return cand
	}
	covered := 0
	for t := range terms {
		if c.all[t] {
			covered++
		}
	}
	cand.score = float64(covered) / float64(len(terms))
	var partial []string
	for _, p := range c.phrases {
		hits := 0
		for _, s := range p.stems {
			if terms[s] {
				hits++
			}
		}
		switch {
		case hits == len(p.stems):
			cand.full++
			cand.matched = append(cand.matched, p.text)
		case hits > 0:
			partial = append(partial, p.text)
		}
	}
	cand.matched = append(cand.matched, partial...)
	return cand
}

// adoptionScore favours beginner and "getting started" courses.
func adoptionScore(c *indexed) candidate {
	s := levelFit[c.course.Level]
	cand := candidate{ix: c}
	if c.marker != "" {
		s += markerBonus
		cand.full = 1
		cand.matched = []string{c.marker}
	}
	cand.score = s / (1 + markerBonus)
	return cand
}

// rankRecommendations orders by account total, then within each account.
func rankRecommendations(recs []Recommendation) {
	// Sorting pointers moves 8 bytes per swap instead of a whole
	// recommendation; the order is the same.
	ptrs := make([]*Recommendation, len(recs))
	for i := range recs {
		ptrs[i] = &recs[i]
	}
	// Sum in a fixed order so float rounding cannot depend on input order.
	slices.SortStableFunc(ptrs, compareRecs)
	total := map[string]float64{}
	for _, r := range ptrs {
		total[r.Need.AccountID] += r.Benefit
	}
	slices.SortStableFunc(ptrs, func(a, b *Recommendation) int {
		return cmp.Or(
			-cmp.Compare(total[a.Need.AccountID], total[b.Need.AccountID]),
			compareRecs(a, b),
		)
	})
	sorted := make([]Recommendation, len(recs))
	for i, p := range ptrs {
		sorted[i] = *p
	}
	copy(recs, sorted)
}

// compareRecs orders recommendations of any accounts completely: by
// account, benefit (highest first), then every need field, so that equal
// needs given in another order come out the same.
func compareRecs(a, b *Recommendation) int {
	x, y := a.Need, b.Need
	return cmp.Or(
		cmp.Compare(x.AccountID, y.AccountID),
		-cmp.Compare(a.Benefit, b.Benefit),
		cmp.Compare(x.Kind, y.Kind),
		cmp.Compare(x.Workload, y.Workload),
		cmp.Compare(x.ThemeID, y.ThemeID),
		cmp.Compare(a.Course.ID, b.Course.ID),
		cmp.Compare(x.Language, y.Language),
		cmp.Compare(x.ThemeLabel, y.ThemeLabel),
		slices.Compare(x.ThemeTerms, y.ThemeTerms),
		cmp.Compare(x.Audience, y.Audience),
		cmp.Compare(x.AvoidableTickets, y.AvoidableTickets),
		cmp.Compare(x.ActivatableSeats, y.ActivatableSeats),
		cmp.Compare(x.AccountName, y.AccountName),
		cmp.Compare(x.Evidence, y.Evidence),
	)
}

func ceilDiv(a, b int) int {
	if b <= 0 {
		return a
	}
	return (a + b - 1) / b
}
