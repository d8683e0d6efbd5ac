package ingest

import (
	"bufio"
	"bytes"
	"strings"
)

// m365Header finds a report's columns by name: key (see m365Key) → field index.
type m365Header map[string]int

// m365Key is how report column names are compared: case-insensitive and
// trimmed, with spaces, dashes and underscores alike (as for generic
// files), and without a stray byte-order mark, which some tools write twice.
func m365Key(name string) string {
	return normalizeHeader(strings.TrimPrefix(strings.TrimSpace(name), "\ufeff"))
}

func newM365Header(names []string) m365Header {
	h := make(m365Header, len(names))
	for i, n := range names {
		k := m365Key(n)
		if _, dup := h[k]; !dup { // the first of two same-named columns wins
			h[k] = i
		}
	}
	return h
}

// m365HeadHeader reads the header line at the start of the text, as detect sees it.
func m365HeadHeader(head []byte) (m365Header, bool) {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, false
	}
	names, err := newCSVReader(bufio.NewReader(bytes.NewReader(line))).Read()
	if err != nil {
		return nil, false
	}
	return newM365Header(names), true
}

// missing lists the columns of names the header lacks.
func (h m365Header) missing(names []string) []string {
	var out []string
	for _, n := range names {
		if !h.has(n) {
			out = append(out, n)
		}
	}
	return out
}

func (h m365Header) has(name string) bool {
	_, ok := h[m365Key(name)]
	return ok
}
