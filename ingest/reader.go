package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// openText unwraps gzip, drops a UTF-8 byte-order mark and converts
// Windows-1252 to UTF-8 when the content is not valid UTF-8 (or when asked).
// It returns the text and the encoding it used.
func openText(raw []byte, encoding string) ([]byte, string, error) {
	if len(raw) > 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, "", fmt.Errorf("the file looks gzip-compressed but cannot be opened: %w", err)
		}
		if raw, err = io.ReadAll(zr); err != nil {
			return nil, "", fmt.Errorf("the gzip content is damaged: %w", err)
		}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	switch strings.ToLower(encoding) {
	case "", "auto":
		if utf8.Valid(raw) {
			return raw, "utf-8", nil
		}
		encoding = "windows-1252"
	case "utf-8", "utf8":
		if !utf8.Valid(raw) {
			return nil, "", fmt.Errorf("the file is not valid UTF-8; try --encoding windows-1252")
		}
		return raw, "utf-8", nil
	}
	switch strings.ToLower(encoding) {
	case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1":
		out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, "", fmt.Errorf("decoding %s: %w", encoding, err)
		}
		return out, "windows-1252", nil
	}
	return nil, "", fmt.Errorf("unknown encoding %q; use utf-8 or windows-1252", encoding)
}

// newCSVReader reads , or ; delimited text, whichever the header line uses.
func newCSVReader(text []byte) *csv.Reader {
	first, _, _ := bufio.NewReader(bytes.NewReader(text)).ReadLine()
	r := csv.NewReader(bytes.NewReader(text))
	if strings.Count(string(first), ";") > strings.Count(string(first), ",") {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return r
}

// normalizeHeader turns "Ticket Subject " into "ticket_subject".
func normalizeHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.Join(strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '.' }), "_")
}

// ParseMapping reads --map "ours=Theirs,other=Their Other".
func ParseMapping(spec string) (map[string]string, error) {
	out := map[string]string{}
	if strings.TrimSpace(spec) == "" {
		return out, nil
	}
	for _, pair := range strings.Split(spec, ",") {
		ours, theirs, ok := strings.Cut(pair, "=")
		if !ok || strings.TrimSpace(ours) == "" || strings.TrimSpace(theirs) == "" {
			return nil, fmt.Errorf("--map entry %q must look like our_column=Their Column", pair)
		}
		out[normalizeHeader(theirs)] = strings.TrimSpace(ours)
	}
	return out, nil
}
