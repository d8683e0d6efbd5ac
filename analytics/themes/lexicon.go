package themes

import (
	"slices"
	"strings"
)

// lexicon is the glossary, the products and the stop words turned into
// lookup tables. It is built once and only read afterwards.
type lexicon struct {
	stop       map[string]uint8              // folded word → language bits
	surface    [numLangs]map[string][]string // folded word → tokens, matched as written
	stems      [numLangs]map[string][]string // squeezed stem → tokens
	anySurface map[string][]string           // any language's glossary word → tokens
	phrases    [numLangs]map[string][]phrase // by the stem of the first word
	anyPhrases map[string][]phrase           // by the first folded word
	names      map[string]string             // product token → name as users write it
	typos      [numLangs]typoIndex           // glossary and product forms, for typing slips
}

// phrase is a several-word glossary form: its words (stems or folded
// words, as the map it is in says) and the tokens it stands for.
type phrase struct {
	words  []string
	tokens []string
}

// lex is the package's lexicon; read-only after initialisation.
var lex = buildLexicon()

func buildLexicon() *lexicon {
	lx := &lexicon{stop: buildStopMasks(), anySurface: map[string][]string{}, anyPhrases: map[string][]phrase{}, names: map[string]string{}}
	for l := range numLangs {
		lx.surface[l] = map[string][]string{}
		lx.stems[l] = map[string][]string{}
		lx.phrases[l] = map[string][]phrase{}
		lx.typos[l] = typoIndex{}
	}
	for _, p := range products {
		lx.names[p.token] = p.name
		for l := range numLangs {
			lx.addForms(l, []string{p.token}, p.forms, true)
		}
	}
	for _, c := range glossary {
		tokens := strings.Split(c.token, "+")
		for l, forms := range [numLangs]string{c.en, c.fr, c.de} {
			lx.addForms(l, tokens, forms, false)
		}
	}
	for l := range numLangs {
		sortPhrases(lx.phrases[l])
	}
	sortPhrases(lx.anyPhrases)
	return lx
}

// addForms registers the "|"-separated forms of one concept in language l.
// The first registration of a word or stem wins, so the table order
// settles the rare clash.
func (lx *lexicon) addForms(l int, tokens []string, forms string, asWritten bool) {
	if forms == "" {
		return
	}
	for _, f := range strings.Split(forms, "|") {
		exact := asWritten || strings.HasPrefix(f, "=")
		var words []string
		forSegments(strings.TrimPrefix(f, "="), nil, func(ws []word) {
			for _, w := range ws {
				words = append(words, w.text)
			}
		})
		switch {
		case len(words) == 0:
		case len(words) > 1:
			lx.addPhrase(l, tokens, words)
		case exact:
			lx.typos[l].add(words[0], tokens)
			addOnce(lx.surface[l], words[0], tokens)
			if asWritten { // product names squeezed too: "Ouutlook" is Outlook
				addOnce(lx.surface[l], squeeze(words[0]), tokens)
			}
			addOnce(lx.anySurface, words[0], tokens)
		default:
			lx.typos[l].add(words[0], tokens)
			addOnce(lx.stems[l], squeeze(stem(l, words[0])), tokens)
			addOnce(lx.anySurface, words[0], tokens)
		}
	}
}

func (lx *lexicon) addPhrase(l int, tokens, words []string) {
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = squeeze(stem(l, w))
	}
	lx.phrases[l][stems[0]] = append(lx.phrases[l][stems[0]], phrase{stems, tokens})
	lx.anyPhrases[words[0]] = append(lx.anyPhrases[words[0]], phrase{words, tokens})
}

func addOnce(m map[string][]string, key string, tokens []string) {
	if _, ok := m[key]; !ok && key != "" {
		m[key] = tokens
	}
}

// sortPhrases puts longer phrases first, so the longest match wins.
func sortPhrases(m map[string][]phrase) {
	for _, ps := range m {
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
}

// isStop reports whether w is a stop word in language l.
func (lx *lexicon) isStop(l int, w string) bool {
	return lx.stop[w]&(1<<l) != 0
}
