package exports

import (
	"strings"
	"unicode/utf8"
)

// formulaStarts are the first characters that make Excel or LibreOffice
// read a typed or imported text as a formula (or a DDE call).
const formulaStarts = "=+-@\t\r"

// safeText makes text taken from tickets and files safe in a spreadsheet:
// characters XML 1.0 forbids (which would corrupt a workbook) are removed,
// invalid UTF-8 is replaced, and a text that starts like a formula gets a
// leading apostrophe, the spreadsheet convention for "this is text", so
// =HYPERLINK(…) in a ticket stays text when the file is opened or edited.
func safeText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, invalidXML) >= 0 {
		s = strings.Map(func(r rune) rune {
			if invalidXML(r) {
				return -1
			}
			return r
		}, s)
	}
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		return "'" + s
	}
	return s
}

// invalidXML reports runes XML 1.0 does not allow in text.
func invalidXML(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
		return true
	}
	return false
}
