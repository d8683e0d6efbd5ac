package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jsonShape is how a JSON export lays out its records.
type jsonShape int

const (
	shapeUnknown jsonShape = iota
	shapeLines             // one object per line (JSON Lines)
	shapeArray             // [ {…}, {…} ]
	shapeWrapped           // {"tickets": [ … ], "end_time": …} or {"results": [ … ], …}
)

// recordListKey reports whether an object key holds the record list of a
// wrapped export: Zendesk's "tickets", Freshdesk search's "results".
func recordListKey(key string) bool { return key == "tickets" || key == "results" }

// sniffJSON tells the shape of the start of a file and the keys of its first
// record. It reads tokens, so a wrapper far larger than head still yields
// the keys of its first ticket.
func sniffJSON(head []byte) (jsonShape, map[string]bool) {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return shapeUnknown, nil
	}
	dec := json.NewDecoder(bytes.NewReader(head))
	switch head[0] {
	case '[':
		_, _ = dec.Token()
		return shapeArray, firstRecordKeys(dec)
	case '{':
		_, _ = dec.Token()
		keys, atList := walkKeys(dec)
		if atList {
			if tok, err := dec.Token(); err == nil && tok == json.Delim('[') {
				return shapeWrapped, firstRecordKeys(dec)
			}
			return shapeUnknown, nil
		}
		if looksLikeJSONLines(head) {
			return shapeLines, keys
		}
	}
	return shapeUnknown, nil
}

// firstRecordKeys reads the keys of the next array element, so a first
// ticket cut off by the end of head still shows its leading keys.
func firstRecordKeys(dec *json.Decoder) map[string]bool {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	keys, _ := walkKeys(dec)
	return keys
}

// walkKeys reads the keys of an object whose opening brace was read,
// skipping their values, until its end, broken or cut JSON, or a record-list
// key (atList: the decoder is then before that key's value).
func walkKeys(dec *json.Decoder) (keys map[string]bool, atList bool) {
	keys = map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey {
			break
		}
		if recordListKey(key) {
			return keys, true
		}
		keys[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
	}
	return keys, false
}

// vendorScore counts how many of a vendor's own keys a record has; 0 for
// records without an "id", which every vendor ticket has.
func vendorScore(keys map[string]bool, names ...string) int {
	if !keys["id"] {
		return 0
	}
	n := 0
	for _, name := range names {
		if keys[name] {
			n++
		}
	}
	return n
}

// minVendorKeys is how many vendor-only keys a record needs to be taken for
// that vendor's: one could be a coincidence in a generic file (a "via" or
// "company_id" column), two are not.
const minVendorKeys = 2

// jsonRecords yields the objects of a JSON export one at a time.
type jsonRecords interface {
	// next returns the next object, the line it starts on and its raw text;
	// io.EOF at the end, a *RowError for a record that cannot be read.
	next() (obj map[string]any, line int, raw string, err error)
}

// openJSONRecords picks the reader for the file's shape.
func openJSONRecords(br *bufio.Reader, formatName string) (jsonRecords, error) {
	head, _ := br.Peek(sniffSize)
	switch shape, _ := sniffJSON(head); shape {
	case shapeLines:
		return &jsonLineRecords{br: br}, nil
	case shapeArray, shapeWrapped:
		return openJSONArrayRecords(br)
	}
	return nil, fmt.Errorf("not a %s export: expected a JSON array of tickets, an object with a \"tickets\" list, or one JSON object per line", formatName)
}

// decodeObject parses one record, keeping numbers as written (ids are often
// larger than a float64 holds exactly).
func decodeObject(raw []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("it is not a JSON object")
	}
	return obj, nil
}

// jsonLineRecords reads JSON Lines: a broken line is quarantined and the
// next line read, which an array cannot offer.
type jsonLineRecords struct {
	br   *bufio.Reader
	line int
}

func (r *jsonLineRecords) next() (map[string]any, int, string, error) {
	for {
		text, err := r.br.ReadBytes('\n')
		if len(text) == 0 && err != nil {
			return nil, r.line, "", err
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, r.line, "", err
		}
		r.line++
		text = bytes.TrimSpace(text)
		if len(text) == 0 {
			continue
		}
		obj, derr := decodeObject(text)
		if derr != nil {
			return nil, r.line, string(text), &RowError{Line: r.line, Reason: fmt.Sprintf("this line is not a complete JSON object (%v); the line may be cut or broken", derr), Raw: string(text)}
		}
		return obj, r.line, string(text), nil
	}
}

// jsonPath renders a nested value (path of object keys) as text, "" when missing.
func jsonPath(obj map[string]any, path ...string) string {
	var v any = obj
	for _, key := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[key]
	}
	return jsonText(v)
}

// jsonStrings reads a list of strings (tags), also given as one
// comma-separated string.
func jsonStrings(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, item := range x {
			if s := strings.TrimSpace(jsonText(item)); s != "" {
				out = append(out, s)
			}
		}
	case string:
		for _, s := range strings.Split(x, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// jsonTicketSource turns the records of a JSON export into ticket rows.
type jsonTicketSource struct {
	records jsonRecords
	entity  Entity
	convert func(obj map[string]any) (ticket, *fieldError)
	values  []string
}

func newJSONTicketSource(records jsonRecords, entity Entity, convert func(map[string]any) (ticket, *fieldError)) *jsonTicketSource {
	return &jsonTicketSource{records: records, entity: entity, convert: convert, values: make([]string, len(ticketColumns()))}
}

func (s *jsonTicketSource) Entity() Entity    { return s.entity }
func (s *jsonTicketSource) Columns() []string { return ticketColumns() }

func (s *jsonTicketSource) Next() ([]string, int, error) {
	obj, line, raw, err := s.records.next()
	if err != nil {
		return nil, line, err
	}
	t, ferr := s.convert(obj)
	if ferr != nil {
		return nil, line, rowError(line, ferr, raw)
	}
	t.fill(s.values)
	return s.values, line, nil
}
