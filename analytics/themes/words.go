package themes

import (
	"unicode"
	"unicode/utf8"
)

// word is one word of a ticket: folded for matching, and as written.
type word struct {
	text, surface string
}

// isSegmentEnd reports characters that end a sentence or a quoted part;
// language is decided per segment and bigrams never cross one.
func isSegmentEnd(r rune) bool {
	switch r {
	case '\n', '\r', '.', '!', '?', ';', ':', '"', '«', '»', '“', '”', '(', ')', '[', ']', '|', '•':
		return true
	}
	return false
}

// isWordRune: letters, digits and combining marks make words; apostrophes
// and hyphens split them (l'écran → l + écran, Teams-Besprechung → teams +
// besprechung).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// forSegments calls fn with the words of each segment of s, reusing buf.
func forSegments(s string, buf []word, fn func([]word)) []word {
	words := buf[:0]
	start := -1
	flush := func(end int) {
		if start >= 0 {
			words = append(words, word{surface: s[start:end]})
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isSegmentEnd(r):
			flush(i)
			if len(words) > 0 {
				fn(foldWords(words))
				words = words[:0]
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	if len(words) > 0 {
		fn(foldWords(words))
	}
	return words
}

func foldWords(ws []word) []word {
	for i := range ws {
		ws[i].text = fold(ws[i].surface)
	}
	return ws
}

// hasDigit reports whether a folded word contains a digit.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}
