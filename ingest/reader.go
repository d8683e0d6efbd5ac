package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// sniffSize is how much of a file is looked at to detect its encoding and delimiter.
const sniffSize = 1 << 20

// checksumFile hashes a file's bytes (as stored, compressed or not).
func checksumFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// textReader streams a file as UTF-8 text: it unwraps gzip, drops a UTF-8
// byte-order mark and converts Windows-1252 when the start of the file is
// not valid UTF-8 (or when asked). It returns the reader and the encoding used.
func textReader(f io.Reader, encoding string) (*bufio.Reader, string, error) {
	br := bufio.NewReaderSize(f, 256<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, "", fmt.Errorf("the file looks gzip-compressed but cannot be opened: %w", err)
		}
		br = bufio.NewReaderSize(zr, 256<<10)
	}
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	enc := strings.ToLower(encoding)
	switch enc {
	case "", "auto":
		head, _ := br.Peek(sniffSize)
		if validUTF8Prefix(head) {
			return br, "utf-8", nil
		}
		enc = "windows-1252"
	case "utf-8", "utf8":
		return br, "utf-8", nil
	}
	switch enc {
	case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1":
		return bufio.NewReaderSize(charmap.Windows1252.NewDecoder().Reader(br), 256<<10), "windows-1252", nil
	}
	return nil, "", fmt.Errorf("unknown encoding %q; use utf-8 or windows-1252", encoding)
}

// validUTF8Prefix is utf8.Valid, forgiving a rune cut off by the end of the sample.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return len(b) == 0 || utf8.Valid(b)
}

// newCSVReader reads , or ; delimited text, whichever the header line uses.
func newCSVReader(br *bufio.Reader) *csv.Reader {
	head, _ := br.Peek(sniffSize)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	r := csv.NewReader(br)
	if bytes.Count(head, []byte(";")) > bytes.Count(head, []byte(",")) {
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
