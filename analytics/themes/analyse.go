package themes

import "strings"

// cacheLimit bounds each analyser's word cache; the cache only saves
// work, so results do not depend on it.
const cacheLimit = 1 << 17

// analyser turns tickets into tokens: concept tokens for glossary words
// and product names, squeezed stems for the rest. Each goroutine has its
// own, since it keeps buffers and a cache of word results.
type analyser struct {
	lx       *lexicon
	cache    [numLangs]map[string]cached
	words    []word
	segs     []segment
	scratch  []word
	out      []string
	surfaces map[string]map[string]int // token → surface form → weight, when recording
	pairs    map[string]int            // "a b" → times token a came right before b, when recording
	segLang  int                       // language of the segment being read
	real     map[string]bool           // typoKey → a real word, not a slip (Model.RealWords)
	typoUses map[string]*typoUse       // typoKey → corrections made, when counting
}

// segment is a span of analyser.words with one language.
type segment struct {
	from, to int
	subject  bool
}

// analysis is one ticket's tokens. A "" token ends a segment; bigrams do
// not cross it. tokens[:nSubject] come from the subject.
type analysis struct {
	tokens   []string
	nSubject int
	lang     int
}

// cached is what reading a word gave: its tokens, whether they are a typo
// correction, and its squeezed stem (for phrase matching).
type cached struct {
	tokens    []string
	corrected bool
	stem      string
}

// newAnalyser reads with the given real words (see realWords); nil for
// none.
func newAnalyser(real map[string]bool) *analyser {
	a := &analyser{lx: lex, real: real}
	for l := range numLangs {
		a.cache[l] = map[string]cached{}
	}
	return a
}

// analyse tokenises one ticket. The result's tokens slice is reused by the
// next call.
func (a *analyser) analyse(subject, body, langHint string) analysis {
	subject, body = Clean(subject, body)
	a.words, a.segs = a.words[:0], a.segs[:0]
	a.addSegments(subject, true)
	a.addSegments(body, false)
	lang := a.ticketLanguage(langHint)
	a.out = a.out[:0]
	nSubject := 0
	for _, s := range a.segs {
		ws := a.words[s.from:s.to]
		a.segment(ws, a.segmentLanguage(ws, lang))
		if s.subject {
			nSubject = len(a.out)
		}
	}
	return analysis{tokens: a.out, nSubject: nSubject, lang: lang}
}

func (a *analyser) addSegments(text string, subject bool) {
	a.scratch = forSegments(text, a.scratch, func(ws []word) {
		from := len(a.words)
		a.words = append(a.words, ws...)
		a.segs = append(a.segs, segment{from: from, to: len(a.words), subject: subject})
	})
}

// segment appends the tokens of one segment, then a separator.
func (a *analyser) segment(ws []word, l int) {
	a.segLang = l
	for i := 0; i < len(ws); {
		if n, toks := a.matchPhrase(ws[i:], l); n > 0 {
			a.emit(toks, ws[i:i+n])
			i += n
			continue
		}
		a.emit(a.wordTokens(ws[i].text, l), ws[i:i+1])
		i++
	}
	if n := len(a.out); n > 0 && a.out[n-1] != "" {
		a.out = append(a.out, "")
	}
}

func (a *analyser) emit(toks []string, ws []word) {
	if a.surfaces != nil && len(toks) > 0 {
		a.record(toks, ws)
	}
	a.out = append(a.out, toks...)
}

// record counts the surface forms of tokens and the order of neighbours,
// so terms can be spelled as people write them, English first.
func (a *analyser) record(toks []string, ws []word) {
	weight := 1
	if a.segLang == langEN {
		weight = 3
	}
	if n := len(a.out); n > 0 && a.out[n-1] != "" {
		a.pairs[a.out[n-1]+" "+toks[0]] += weight
	}
	for i := 1; i < len(toks); i++ {
		a.pairs[toks[i-1]+" "+toks[i]] += weight
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.surface
	}
	surface := strings.Join(parts, " ")
	for _, t := range toks {
		m := a.surfaces[t]
		if m == nil {
			m = map[string]int{}
			a.surfaces[t] = m
		}
		m[surface] += weight
	}
}

// matchPhrase finds the longest glossary phrase at the start of ws: by
// stems in language l, then as written in any language.
func (a *analyser) matchPhrase(ws []word, l int) (int, []string) {
	if len(ws) < 2 {
		return 0, nil
	}
	if ps := a.lx.phrases[l][a.read(ws[0].text, l).stem]; ps != nil {
		for _, p := range ps {
			if phraseMatches(p, ws, func(w string) string { return a.read(w, l).stem }) {
				return len(p.words), p.tokens
			}
		}
	}
	for _, p := range a.lx.anyPhrases[ws[0].text] {
		if phraseMatches(p, ws, func(w string) string { return w }) {
			return len(p.words), p.tokens
		}
	}
	return 0, nil
}

func phraseMatches(p phrase, ws []word, key func(string) string) bool {
	if len(p.words) > len(ws) {
		return false
	}
	for i := 1; i < len(p.words); i++ {
		if key(ws[i].text) != p.words[i] {
			return false
		}
	}
	return true
}

// wordTokens is lookupWord, with typo correction of unknown words,
// through the cache.
func (a *analyser) wordTokens(w string, l int) []string {
	c := a.read(w, l)
	if c.corrected && a.typoUses != nil {
		a.countTypo(typoKey(l, w), c.tokens)
	}
	return c.tokens
}

// read is readWord through the cache.
func (a *analyser) read(w string, l int) cached {
	c, ok := a.cache[l][w]
	if !ok {
		c = a.readWord(w, l)
		if len(a.cache[l]) < cacheLimit {
			a.cache[l][strings.Clone(w)] = c
		}
	}
	return c
}

func (a *analyser) readWord(w string, l int) cached {
	toks, plain := a.lx.lookupWord(w, l)
	c := cached{tokens: toks, stem: squeeze(stem(l, w))}
	if plain && !a.real[typoKey(l, w)] {
		if fixed := a.lx.typos[l].correct(w); fixed != nil {
			c.tokens, c.corrected = fixed, true
		}
	}
	return c
}

func (a *analyser) countTypo(key string, tokens []string) {
	u := a.typoUses[key]
	if u == nil {
		u = &typoUse{tokens: tokens}
		a.typoUses[strings.Clone(key)] = u
	}
	u.count++
}

// lookupWord maps one folded word in language l to its tokens: product or
// exact glossary form, else (unless a stop word) glossary stem, another
// language's glossary form, a German compound's parts, or the plain stem.
// plain reports the last case.
func (lx *lexicon) lookupWord(w string, l int) (toks []string, plain bool) {
	if toks, ok := lx.surface[l][w]; ok {
		return toks, false
	}
	if toks, ok := lx.surface[l][squeeze(w)]; ok && len(w) > 4 {
		return toks, false
	}
	if len(w) < 2 || hasDigit(w) || lx.isStop(l, w) {
		return nil, false
	}
	key := squeeze(stem(l, w))
	if toks, ok := lx.stems[l][key]; ok {
		return toks, false
	}
	if lx.stop[w] != 0 {
		return nil, false // a stop word elsewhere, and no content word here
	}
	if toks, ok := lx.anySurface[w]; ok {
		return toks, false
	}
	if l == langDE {
		if toks := lx.splitCompound(w); toks != nil {
			return toks, false
		}
	}
	if len(key) < 2 {
		return nil, false
	}
	return []string{key}, true
}
