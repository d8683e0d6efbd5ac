package themes

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Labels are phrases from the tickets' own subjects, in headline style
// (without articles and possessives): each subject near the centroid
// offers itself without lead-in and filler if that leaves at most six
// words, else its run of up to six words (starting and ending on a
// content word) most similar to the centroid; the phrase offered most
// often, weighted by its similarity, wins. When enough of the theme is
// English only English phrases compete, since trainers share one label.
const (
	maxLabelWords  = 6
	englishShare   = 0.15 // of the theme's tickets, to prefer English labels
	oneWordPenalty = 0.6
	capitalBonus   = 1.05
	boundaryBonus  = 1.1
)

type labeller struct {
	m     *Model
	an    *analyser
	vec   *vectoriser
	ids   []int32
	taken map[string]bool
}

func newLabeller(m *Model, an *analyser) *labeller {
	return &labeller{m: m, an: an, vec: newVectoriser(m.ix, m.IDF), taken: map[string]bool{}}
}

// candidate is one phrase and its support among a theme's subjects.
type candidate struct {
	text    string
	count   int
	sim     float64
	english bool
}

func (lb *labeller) label(c int, tickets []Ticket, ps []placement, members []int) string {
	dense := make([]float32, len(lb.m.Features))
	cen := lb.m.Themes[c].Centroid
	for j, f := range cen.Features {
		dense[f] = cen.Weights[j]
	}
	members = members[:min(labelMembers, len(members))]
	english := 0
	for _, i := range members {
		if ps[i].lang == langEN {
			english++
		}
	}
	preferEnglish := float64(english) >= englishShare*float64(len(members))
	best := lb.pick(lb.candidates(tickets, ps, members, dense), preferEnglish)
	if best == "" {
		best = strings.Join(lb.m.Themes[c].Terms[:min(3, len(lb.m.Themes[c].Terms))], ", ")
	}
	lb.taken[fold(best)] = true
	return capitalise(best)
}

// pick chooses the candidate with the best count × similarity that no
// bigger theme took; with preferEnglish, English candidates only, if any.
func (lb *labeller) pick(cands []candidate, preferEnglish bool) string {
	best, bestScore, bestEnglish := "", -1.0, false
	for _, cd := range cands {
		if lb.taken[fold(cd.text)] || preferEnglish && bestEnglish && !cd.english {
			continue
		}
		score := float64(cd.count) * cd.sim
		if score > bestScore || preferEnglish && cd.english && !bestEnglish {
			best, bestScore, bestEnglish = cd.text, score, cd.english
		}
	}
	return best
}

// subject is one distinct cleaned subject among a theme's tickets.
type subject struct {
	text    string
	lang    int
	count   int
	english bool // written by at least one English ticket
}

// distinctSubjects groups the members' subjects by their folded text, in
// sorted order; a capitalised spelling is kept over an all-lowercase one.
func distinctSubjects(tickets []Ticket, ps []placement, members []int) []*subject {
	byKey := map[string]*subject{}
	for _, i := range members {
		s := cleanSubject(tickets[i].Subject)
		if s == "" {
			continue
		}
		e := byKey[fold(s)]
		if e == nil {
			e = &subject{text: s, lang: int(ps[i].lang)}
			byKey[fold(s)] = e
		}
		e.count++
		e.english = e.english || ps[i].lang == langEN
		if e.text == strings.ToLower(e.text) && s != strings.ToLower(s) {
			e.text = s
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]*subject, len(keys))
	for i, k := range keys {
		out[i] = byKey[k]
	}
	return out
}

// candidates finds the best phrase of each distinct subject and adds up
// the phrases, in a deterministic order.
func (lb *labeller) candidates(tickets []Ticket, ps []placement, members []int, dense []float32) []candidate {
	byPhrase := map[string]*candidate{}
	var order []string
	for _, s := range distinctSubjects(tickets, ps, members) {
		phrase, sim, lang := lb.bestWindow(s.text, s.lang, dense)
		if phrase == "" {
			continue
		}
		if phrase != strings.ToLower(phrase) {
			sim *= capitalBonus // a carefully typed subject reads better
		}
		pk := fold(phrase)
		cd := byPhrase[pk]
		if cd == nil {
			cd = &candidate{text: phrase}
			byPhrase[pk] = cd
			order = append(order, pk)
		}
		cd.english = cd.english || s.english || lang == langEN
		cd.sim = (cd.sim*float64(cd.count) + sim*float64(s.count)) / float64(cd.count+s.count)
		cd.count += s.count
	}
	out := make([]candidate, len(order))
	for i, k := range order {
		out[i] = *byPhrase[k]
	}
	slices.SortStableFunc(out, func(a, b candidate) int { return cmp.Compare(fold(a.text), fold(b.text)) })
	return out
}

// bestWindow returns the subject's phrase for a label, its similarity to
// the centroid and its language: the best phrase of any clause of the
// subject ("New phone - how to move my MFA" has two).
func (lb *labeller) bestWindow(subject string, hint int, dense []float32) (string, float64, int) {
	lang := lb.an.analyse(subject, "", langCodes[hint]).lang
	best, bestSim := "", 0.0
	for _, clause := range strings.FieldsFunc(subject, isClauseBreak) {
		if text, sim := lb.clausePhrase(strings.Fields(clause), lang, dense); sim > bestSim {
			best, bestSim = text, sim
		}
	}
	return best, bestSim, lang
}

// isClauseBreak splits subjects into clauses. Dashes split only when they
// stand alone ("phone - how"), so clausePhrase handles them as words.
func isClauseBreak(r rune) bool {
	switch r {
	case ':', '?', '!', ';', ',', '(', ')', '/', '|', '[', ']':
		return true
	}
	return false
}

// clausePhrase is the clause without its lead-in ("How do I …") and
// trailing filler when that leaves at most six words, else its run of
// words most similar to the centroid. Runs stop at a dash.
func (lb *labeller) clausePhrase(words []string, lang int, dense []float32) (string, float64) {
	words = slices.DeleteFunc(slices.Clone(words), func(w string) bool { return determiners[fold(w)] })
	var content []int
	for i, w := range words {
		if lb.isContent(w, lang) {
			content = append(content, i)
		}
	}
	if len(content) == 0 {
		return "", 0
	}
	first, last := content[0], content[len(content)-1]
	if last-first < maxLabelWords && !slices.ContainsFunc(words[first:last+1], isDash) {
		text := trimPunct(strings.Join(words[first:last+1], " "))
		return text, lb.windowScore(text, lang, dense, first == last)
	}
	best, bestSim := "", 0.0
	for a, i := range content {
		for _, j := range content[a:] {
			if j-i >= maxLabelWords || slices.ContainsFunc(words[i:j+1], isDash) {
				break
			}
			text := trimPunct(strings.Join(words[i:j+1], " "))
			sim := lb.windowScore(text, lang, dense, i == j)
			if i == first || j == last {
				sim *= boundaryBonus // a phrase that starts or ends where the clause does reads better
			}
			if sim > bestSim {
				best, bestSim = text, sim
			}
		}
	}
	return best, bestSim
}

// isContent reports whether a written word carries meaning: some part of
// it (apostrophes and hyphens split words) gives a token.
func (lb *labeller) isContent(w string, lang int) bool {
	found := false
	forSegments(w, nil, func(ws []word) {
		for _, x := range ws {
			toks, _ := lb.an.lx.lookupWord(x.text, lang)
			found = found || len(toks) > 0
		}
	})
	return found
}

// determiners are left out of labels, which read like headlines ("Share
// screen in Teams meeting").
var determiners = setOf(
	"a", "an", "the", "my", "our", "your", "their", "his", "her",
	"le", "la", "les", "un", "une", "des", "du", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "son", "sa", "ses",
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
	"mein", "meine", "meinen", "meinem", "meiner", "unser", "unsere", "unseren", "unserem", "unserer", "ihr", "ihre", "ihren",
)

func isDash(w string) bool { return w == "-" || w == "–" || w == "—" }

// windowScore is a phrase's similarity to the centroid; a single word
// makes a poor label.
func (lb *labeller) windowScore(text string, lang int, dense []float32, oneWord bool) float64 {
	sim := lb.similarity(text, lang, dense)
	if oneWord {
		sim *= oneWordPenalty
	}
	return sim
}

func (lb *labeller) similarity(text string, lang int, dense []float32) float64 {
	r := lb.an.analyse(text, "", langCodes[lang])
	lb.ids = lb.m.ix.termIDs(r.tokens, lb.ids)
	v := lb.vec.vector(lb.ids, len(lb.ids))
	return float64(dot(v.idx, v.val, dense))
}

func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
