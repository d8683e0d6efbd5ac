package themes

import "strings"

// German joins nouns into compounds ("Bildschirmfreigabe",
// "Kalenderstellvertretung"). splitCompound finds the longest glossary word
// that ends w and gives the tokens of both parts, so the compound meets the
// separate words of other tickets and languages.
const (
	minCompoundWord = 8
	minCompoundHead = 3
	minCompoundTail = 4
)

func (lx *lexicon) splitCompound(w string) []string {
	if len(w) < minCompoundWord {
		return nil
	}
	for i := minCompoundHead; i <= len(w)-minCompoundTail; i++ {
		tail := lx.germanPart(w[i:])
		if tail == nil {
			continue
		}
		head := lx.germanPart(w[:i])
		if head == nil {
			head = compoundHead(w[:i])
		}
		return append(append([]string{}, head...), tail...)
	}
	return nil
}

// germanPart looks a compound part up in the glossary.
func (lx *lexicon) germanPart(p string) []string {
	if toks, ok := lx.surface[langDE][p]; ok {
		return toks
	}
	if toks, ok := lx.stems[langDE][squeeze(stemDE(p))]; ok {
		return toks
	}
	if toks, ok := lx.anySurface[p]; ok && len(p) >= minCompoundTail {
		return toks
	}
	return nil
}

// compoundHead stems a first part the glossary does not know, without the
// linking "s" ("Versions-", "Arbeits-").
func compoundHead(h string) []string {
	if len(h) > 4 && strings.HasSuffix(h, "s") {
		h = h[:len(h)-1]
	}
	if len(h) < 4 {
		return nil
	}
	return []string{squeeze(stemDE(h))}
}
