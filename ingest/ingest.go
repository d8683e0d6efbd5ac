package ingest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/uptake/uptake/store"
)

//go:embed queries/*.sql
var queryFiles embed.FS

type queries struct {
	CompletedIngest store.Query `sql:"completed_ingest"`
}

// Loader loads files into one store.
type Loader struct {
	st *store.Store
	q  queries
}

// NewLoader loads the ingest queries; a missing one fails here.
func NewLoader(st *store.Store) (*Loader, error) {
	l := &Loader{st: st}
	if err := store.LoadQueries(queryFiles, "queries", &l.q); err != nil {
		return nil, fmt.Errorf("loading ingest queries: %w", err)
	}
	return l, nil
}

// Options shape one file's ingest.
type Options struct {
	Entity   string            // generic format; detected from the header when empty
	Mapping  map[string]string // normalized source header → our column (--map)
	Location *time.Location    // for times without an offset (--timezone); UTC when nil
	Encoding string            // "", utf-8 or windows-1252
}

// Problem is one quarantined row: where it is and why it could not be used.
type Problem struct {
	Line   int
	Column string
	Reason string
}

func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Reason)
	}
	return fmt.Sprintf("line %d, column %s: %s", p.Line, p.Column, p.Reason)
}

// Result accounts for every row of one file: Read = Loaded + Quarantined + Duplicates.
type Result struct {
	File           string
	Entity         string
	Encoding       string
	Read           int64
	Loaded         int64
	Quarantined    int64
	Duplicates     int64 // rows skipped because this exact file content was loaded before
	AlreadyLoaded  string
	IgnoredColumns []string
	Problems       []Problem // the first maxProblems quarantined rows; all are in the quarantine table
}

const maxProblems = 20

// File loads one file. Bad rows go to the quarantine table; an error means
// the file as a whole could not be read or stored.
func (l *Loader) File(ctx context.Context, path string, opt Options) (*Result, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	sum := sha256.Sum256(raw)
	checksum := hex.EncodeToString(sum[:])
	res := &Result{File: filepath.Base(path)}
	text, enc, err := openText(raw, opt.Encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	res.Encoding = enc
	r := newCSVReader(text)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s, line 1: cannot read the header: %w", path, err)
	}
	cols := make([]string, len(header))
	for i, h := range header {
		cols[i] = normalizeHeader(h)
		if ours, ok := opt.Mapping[cols[i]]; ok {
			cols[i] = ours
		}
	}
	entity, err := l.entity(cols, opt.Entity)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	res.Entity = entity.Name

	if prev, err := l.st.Query(ctx, l.q.CompletedIngest, store.Args{"checksum": checksum}); err != nil {
		return nil, err
	} else if len(prev.Rows) > 0 {
		n, err := countRecords(text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		res.Read, res.Duplicates = n, n
		res.AlreadyLoaded = fmt.Sprintf("the same content was loaded from %s on %s", prev.Rows[0][0], prev.Rows[0][1].(time.Time).Format("2006-01-02 15:04 MST"))
		return res, nil
	}

	b, err := l.newBatch(ctx, entity, cols, opt, res)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ingestID := newID()
	started := time.Now().UTC()
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		res.Read++
		if err != nil {
			var perr *csv.ParseError
			if errors.As(err, &perr) {
				line = perr.Line
				err = perr.Err
			}
			b.quarantine(Problem{Line: line, Reason: fmt.Sprintf("the CSV structure is broken here (%v); check the quotes on this line", err)}, strings.Join(rec, ","))
			continue
		}
		if err := b.add(rec, line); err != nil {
			b.abort()
			return nil, fmt.Errorf("%s, line %d: %w", path, line, err)
		}
	}
	if err := b.finish(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := l.writeQuarantine(ctx, b.bad, checksum, ingestID, res, entity); err != nil {
		return nil, err
	}
	if err := l.recordLedger(ctx, checksum, ingestID, int64(len(raw)), started, res); err != nil {
		return nil, err
	}
	return res, nil
}

func (l *Loader) entity(cols []string, name string) (Entity, error) {
	if name != "" {
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
	return detectEntity(cols)
}

func countRecords(text []byte) (int64, error) {
	r := newCSVReader(text)
	var n int64
	for {
		_, err := r.Read()
		if errors.Is(err, io.EOF) {
			return n - 1, nil // minus the header
		}
		n++
		var perr *csv.ParseError
		if err != nil && !errors.As(err, &perr) {
			return 0, err
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
