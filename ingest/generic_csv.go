package ingest

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// genericCSV reads the generic CSV formats of docs/formats.md.
type genericCSV struct {
	r      *csv.Reader
	entity Entity
	cols   []string
}

func openGenericCSV(br *bufio.Reader, opt Options) (source, error) {
	r := newCSVReader(br)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("line 1: cannot read the header: %w", err)
	}
	cols := mappedHeader(header, opt.Mapping)
	entity, err := entityFor(cols, opt.Entity)
	if err != nil {
		return nil, err
	}
	return &genericCSV{r: r, entity: entity, cols: cols}, nil
}

func (g *genericCSV) Entity() Entity    { return g.entity }
func (g *genericCSV) Columns() []string { return g.cols }

func (g *genericCSV) Next() ([]string, int, error) {
	return readCSVRecord(g.r)
}

// readCSVRecord reads the next record and the line it starts on; broken
// quoting becomes a *RowError, which is quarantined.
func readCSVRecord(r *csv.Reader) ([]string, int, error) {
	rec, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, io.EOF
	}
	if err != nil {
		var perr *csv.ParseError
		if !errors.As(err, &perr) {
			return nil, 0, err
		}
		return nil, perr.StartLine, &RowError{Line: perr.StartLine, Reason: fmt.Sprintf("the CSV structure is broken here (%v); check the quotes on this line", perr.Err), Raw: strings.Join(rec, ",")}
	}
	line, _ := r.FieldPos(0) // only valid after a successful Read
	return rec, line, nil
}

// entityFor checks --entity against the header, or detects the entity from it.
func entityFor(cols []string, name string) (Entity, error) {
	if name == "" {
		return detectEntity(cols)
	}
	e, err := EntityByName(name)
	if err != nil {
		return Entity{}, err
	}
	for _, c := range e.Required {
		if !contains(cols, c) {
			return Entity{}, fmt.Errorf("the header has no %q column, which %s files need (map yours with --map %s=YourColumn)", c, e.Name, c)
		}
	}
	return e, nil
}
