package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// genericJSONL reads JSON Lines: one object per line, keys named like the
// generic CSV columns (or mapped with --map).
type genericJSONL struct {
	br      *bufio.Reader
	entity  Entity
	cols    []string
	index   map[string]int
	mapping map[string]string
	line    int
	pending []byte // the first object, read to detect the entity
	values  []string
}

func looksLikeJSONLines(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	return json.Valid(bytes.TrimSpace(first))
}

func openGenericJSONL(br *bufio.Reader, opt Options) (source, error) {
	g := &genericJSONL{br: br, mapping: opt.Mapping}
	first, line, err := g.readLine()
	if err != nil {
		return nil, fmt.Errorf("line 1: %w", err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(first, &obj); err != nil {
		return nil, fmt.Errorf("line %d: the first record is not a JSON object: %v", line, err)
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	if g.entity, err = entityFor(mappedHeader(keys, opt.Mapping), opt.Entity); err != nil {
		return nil, err
	}
	g.cols = append(append([]string{}, g.entity.Required...), g.entity.Optional...)
	g.index = map[string]int{}
	for i, c := range g.cols {
		g.index[c] = i
	}
	g.values = make([]string, len(g.cols))
	g.pending, g.line = first, line
	return g, nil
}

func (g *genericJSONL) Entity() Entity    { return g.entity }
func (g *genericJSONL) Columns() []string { return g.cols }

// readLine returns the next non-blank line.
func (g *genericJSONL) readLine() ([]byte, int, error) {
	for {
		text, err := g.br.ReadBytes('\n')
		if len(text) == 0 && err != nil {
			return nil, g.line, err
		}
		g.line++
		if t := bytes.TrimSpace(text); len(t) > 0 {
			return t, g.line, nil
		}
	}
}

func (g *genericJSONL) Next() ([]string, int, error) {
	text, line := g.pending, g.line
	if text != nil {
		g.pending = nil
	} else {
		var err error
		if text, line, err = g.readLine(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, 0, io.EOF
			}
			return nil, 0, err
		}
	}
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil {
		return nil, line, &RowError{Line: line, Reason: fmt.Sprintf("not a JSON object (%v); check this line is complete", err), Raw: string(text)}
	}
	for i := range g.values {
		g.values[i] = ""
	}
	for k, v := range obj {
		col := normalizeHeader(k)
		if ours, ok := g.mapping[col]; ok {
			col = ours
		}
		if i, ok := g.index[col]; ok {
			g.values[i] = jsonText(v)
		}
	}
	return g.values, line, nil
}

// jsonText renders a JSON value as the text a CSV field would hold.
func jsonText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return strings.TrimSpace(string(b))
}
