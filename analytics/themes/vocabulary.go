package themes

import (
	"math"
	"slices"
	"strings"
)

// tokenised is one sampled ticket's tokens, kept for learning.
type tokenised struct {
	tokens   []string
	nSubject int
}

// analyseSample tokenises the sampled tickets in parallel, reading the
// given real words as written. It also returns the typo corrections made.
func analyseSample(tickets []Ticket, sample []int, real map[string]bool, workers int) ([]tokenised, map[string]*typoUse) {
	out := make([]tokenised, len(sample))
	as := make([]*analyser, workers)
	forChunks(len(sample), workers, 256, func(w, lo, hi int) {
		if as[w] == nil {
			as[w] = newAnalyser(real)
			as[w].typoUses = map[string]*typoUse{}
		}
		for j := lo; j < hi; j++ {
			t := &tickets[sample[j]]
			r := as[w].analyse(t.Subject, t.Body, t.Language)
			out[j] = tokenised{tokens: slices.Clone(r.tokens), nSubject: r.nSubject}
		}
	})
	return out, mergeTypoUses(as)
}

// mergeTypoUses adds up the workers' typo counts.
func mergeTypoUses(as []*analyser) map[string]*typoUse {
	uses := map[string]*typoUse{}
	for _, a := range as {
		if a == nil {
			continue
		}
		for key, u := range a.typoUses {
			if all := uses[key]; all != nil {
				all.count += u.count
			} else {
				uses[key] = &typoUse{count: u.count, tokens: u.tokens}
			}
		}
	}
	return uses
}

// learnVocabulary chooses the model's terms and features from the sample:
// unigrams and bigrams found in at least minDocShare (and two) of the
// documents and at most maxDocShare, weighted by smoothed idf.
func learnVocabulary(docs []tokenised) *Model {
	n := len(docs)
	df := map[string]int{}
	seen := map[string]bool{}
	for _, d := range docs {
		clear(seen)
		forFeatureNames(d.tokens, func(name string) {
			if !seen[name] {
				seen[name] = true
				df[name]++
			}
		})
	}
	lo := max(minDocCount, int(math.Ceil(minDocShare*float64(n))))
	hi := int(maxDocShare * float64(n))
	m := &Model{Version: modelVersion, Documents: n}
	for name, c := range df {
		if c < lo {
			continue
		}
		if !strings.Contains(name, " ") {
			m.Terms = append(m.Terms, name)
		}
		if c <= hi {
			m.Features = append(m.Features, name)
		}
	}
	slices.Sort(m.Terms)
	slices.Sort(m.Features)
	m.IDF = make([]float32, len(m.Features))
	for f, name := range m.Features {
		m.IDF[f] = float32(math.Log(float64(n+1)/float64(df[name]+1)) + 1)
		if isContext(name) {
			m.IDF[f] *= contextWeight
		}
	}
	return m
}

// forFeatureNames calls fn with each unigram and adjacent-pair name in a
// token stream (with repeats); pairs are named in sorted order.
func forFeatureNames(tokens []string, fn func(string)) {
	prev := ""
	for _, t := range tokens {
		if t == "" {
			prev = ""
			continue
		}
		fn(t)
		if prev != "" && prev != t {
			a, b := prev, t
			if b < a {
				a, b = b, a
			}
			fn(a + " " + b)
		}
		prev = t
	}
}

// isContext reports a feature made only of context: product names and
// generic objects, alone or paired with each other.
func isContext(feature string) bool {
	a, b, pair := strings.Cut(feature, " ")
	return contextToken(a) && (!pair || contextToken(b))
}

func contextToken(t string) bool {
	_, product := lex.names[t]
	return product || contextConcepts[t]
}
