package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonArrayRecords streams the elements of a JSON array, alone or inside a
// wrapper object ({"tickets": [ … ]}), with encoding/json's token API, so a
// multi-gigabyte incremental export is never held in memory. Each record's
// line is the line its opening brace is on.
type jsonArrayRecords struct {
	dec   *json.Decoder
	lines *lineTracker
	done  bool
}

func openJSONArrayRecords(br *bufio.Reader) (*jsonArrayRecords, error) {
	lines := &lineTracker{r: br, line: 1}
	r := &jsonArrayRecords{dec: json.NewDecoder(lines), lines: lines}
	if err := r.seekList(); err != nil {
		return nil, fmt.Errorf("line %d: %w", r.lines.lineAt(r.dec.InputOffset()), err)
	}
	return r, nil
}

// seekList moves the decoder inside the record array: the top-level array,
// or the "tickets" (or "results") list of the top-level object, skipping the
// wrapper's other keys (end_time, next_page, count…) wherever they are.
func (r *jsonArrayRecords) seekList() error {
	tok, err := r.dec.Token()
	if err != nil {
		return fmt.Errorf("the file does not start with JSON: %w", err)
	}
	if tok == json.Delim('[') {
		return nil
	}
	if tok != json.Delim('{') {
		return errors.New("the file is neither a JSON array nor an object")
	}
	for r.dec.More() {
		tok, err := r.dec.Token()
		if err != nil {
			return fmt.Errorf("the JSON is broken: %w", err)
		}
		if key, _ := tok.(string); recordListKey(key) {
			if t, err := r.dec.Token(); err != nil || t != json.Delim('[') {
				return fmt.Errorf("%q is not a list of tickets", key)
			}
			return nil
		}
		var skip json.RawMessage
		if err := r.dec.Decode(&skip); err != nil {
			return fmt.Errorf("the JSON is broken: %w", err)
		}
	}
	return errors.New(`the JSON object has no "tickets" list`)
}

func (r *jsonArrayRecords) next() (map[string]any, int, string, error) {
	if r.done {
		return nil, 0, "", io.EOF
	}
	if !r.dec.More() {
		return r.end()
	}
	line := r.lines.lineAt(r.dec.InputOffset())
	var raw json.RawMessage
	if err := r.dec.Decode(&raw); err != nil {
		return nil, line, "", r.brokenRecord(line, err)
	}
	obj, err := decodeObject(raw)
	if err != nil {
		return nil, line, string(raw), &RowError{Line: line, Reason: fmt.Sprintf("this record is not a ticket (%v)", err), Raw: string(raw)}
	}
	return obj, line, string(raw), nil
}

// end consumes the closing bracket. A file that stops before it was cut
// short: that is reported once, as a quarantined record, so the counts show
// it and --max-bad decides whether the tickets before the cut are loaded.
func (r *jsonArrayRecords) end() (map[string]any, int, string, error) {
	r.done = true
	line := r.lines.lineAt(r.dec.InputOffset())
	if tok, err := r.dec.Token(); err == nil && tok == json.Delim(']') {
		return nil, 0, "", io.EOF
	}
	return nil, line, "", &RowError{Line: line, Reason: "the file ends before the list of tickets is closed; the export looks truncated here, so tickets after this point are missing"}
}

// brokenRecord classifies a record the decoder could not read. A cut file
// ends the list (quarantined, like end); a syntax error leaves the decoder
// unable to find the next record, so the file is refused rather than
// silently losing every ticket after it.
func (r *jsonArrayRecords) brokenRecord(line int, err error) error {
	r.done = true
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &RowError{Line: line, Reason: "the file ends inside this ticket; the export looks truncated here, so this ticket and any after it are missing", Raw: r.lines.rest()}
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("line %d: the JSON is broken (%v) in the ticket starting here; the tickets after it cannot be found, so the file is not loaded: fix or re-export it", line, err)
	}
	return fmt.Errorf("line %d: reading the ticket starting here: %w", line, err)
}

// lineTracker passes a reader through and turns decoder offsets into line
// numbers. It keeps only the bytes after the last offset asked about, which
// is at most the decoder's own read-ahead, so memory stays bounded.
type lineTracker struct {
	r    io.Reader
	base int64  // stream offset of buf[0]
	buf  []byte // bytes read from base on
	line int    // line number at base
}

func (t *lineTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// lineAt returns the line of the first byte at or after off that is not
// white space or a comma (the start of the next value), and forgets the
// bytes before it. Offsets must not decrease.
func (t *lineTracker) lineAt(off int64) int {
	i := int(off - t.base)
	if i < 0 {
		return t.line // an offset from before the kept window: the best we know
	}
	if i > len(t.buf) {
		i = len(t.buf)
	}
	for i < len(t.buf) && bytes.IndexByte([]byte(" \t\r\n,"), t.buf[i]) >= 0 {
		i++
	}
	t.line += bytes.Count(t.buf[:i], []byte("\n"))
	n := copy(t.buf, t.buf[i:])
	t.buf = t.buf[:n]
	t.base += int64(i)
	return t.line
}

// maxRawRecord bounds the raw text kept for a quarantined partial record.
const maxRawRecord = 64 << 10

// rest is the text read since the last offset asked about (a partial
// record, at the end of a cut file), at most maxRawRecord bytes.
func (t *lineTracker) rest() string {
	if len(t.buf) > maxRawRecord {
		return string(t.buf[:maxRawRecord])
	}
	return string(t.buf)
}
