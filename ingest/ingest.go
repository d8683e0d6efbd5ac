package ingest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
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
	CompletedSize   store.Query `sql:"completed_size"`
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
	Format   string            // input format (see FormatNames); detected when empty
	Entity   string            // kind of data of a generic file; detected from the header when empty
	Mapping  map[string]string // normalized source header → our column (--map)
	Location *time.Location    // for times without an offset (--timezone); UTC when nil
	Encoding string            // "", utf-8 or windows-1252
	MaxBad   float64           // largest share of quarantined rows a file may have (0 means DefaultMaxBad)
	Account  string            // account of files that carry none (Microsoft 365 reports), --account
	Privacy  Privacy           // pseudonymisation and masking of personal data
	// CategoryMap maps lower-cased source categories to ours (ParseCategoryMap).
	CategoryMap map[string]string
	Progress    func(Progress) // called every 65,536 rows, when set
	FileName    string         // the file's base name, for rules that take the account from it
}

// Problem is one quarantined row: where it is and why it could not be used.
type Problem struct {
	Line   int    `json:"line"`
	Column string `json:"column,omitempty"`
	Reason string `json:"reason"`
}

func (p Problem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Reason)
	}
	return fmt.Sprintf("line %d, column %s: %s", p.Line, p.Column, p.Reason)
}

// Result accounts for every row of one file:
// Read = Loaded + Quarantined + Duplicates (+ HeldBack when the file was refused).
type Result struct {
	File           string    `json:"file"`
	Entity         string    `json:"entity"`
	Format         string    `json:"format"`
	Encoding       string    `json:"encoding"`
	Read           int64     `json:"read"`
	Loaded         int64     `json:"loaded"`
	Quarantined    int64     `json:"quarantined"`
	Duplicates     int64     `json:"duplicates_skipped"` // rows of content loaded before, and older event-log rows of the same record
	HeldBack       int64     `json:"held_back"`          // good rows not loaded because the file had too many bad ones
	AlreadyLoaded  string    `json:"already_loaded,omitempty"`
	IgnoredColumns []string  `json:"ignored_columns,omitempty"`
	Problems       []Problem `json:"problems,omitempty"` // the first maxProblems quarantined rows; all are in the quarantine table
	// Table and Partitions say where the rows went (partition ids are YYYYMM
	// months), so the rollups over those months can be refreshed.
	Table      string   `json:"table,omitempty"`
	Partitions []string `json:"partitions,omitempty"`
}

const maxProblems = 20

// BulkMemoryLimit is the heap size `uptake ingest` lets Go reach before it
// collects garbage (it turns the percentage trigger off): a load allocates
// a little for every value, and collecting often costs more time than the
// parsing. With chDB's own memory the process stays under 500 MB.
const BulkMemoryLimit = 160 << 20

// DefaultMaxBad is the share of quarantined rows above which a file is refused.
const DefaultMaxBad = 0.01

// ErrTooManyBadRows is returned when a file's quarantined share exceeds Options.MaxBad.
var ErrTooManyBadRows = errors.New("too many bad rows")

// File loads one file, all or nothing: rows go to a staging table first and
// reach the real table in one INSERT … SELECT only when the whole file was
// read and its bad-row share is within opt.MaxBad. Bad rows go to the
// quarantine table. A rerun after a crash loads the file again; the tables'
// keys keep one version of each row.
func (l *Loader) File(ctx context.Context, path string, opt Options) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	size := info.Size()
	// The checksum recognises a rerun. Hashing first costs a pass over the
	// file, so it is done first only when a loaded file had this very size;
	// otherwise the file is hashed as it is read.
	checksum := ""
	if rerun, err := l.st.Query(ctx, l.q.CompletedSize, store.Args{"size": size}); err != nil {
		return nil, err
	} else if rerun.Rows[0][0].(uint64) > 0 {
		if checksum, _, err = checksumFile(path); err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
	}
	res := &Result{File: filepath.Base(path)}
	opt.FileName = res.File
	counted := &countingReader{r: f, hash: sha256.New()}
	text, enc, err := textReader(counted, opt.Encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	res.Encoding = enc
	fm, err := chooseFormat(text, opt.Format)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	src, err := fm.open(text, opt)
	if err != nil {
		return nil, fmt.Errorf("%s (read as %s): %w", path, fm.name, err)
	}
	entity := src.Entity()
	res.Entity, res.Format = entity.Name, fm.name

	if checksum != "" { // else a new size: this content cannot have been loaded
		prev, err := l.st.Query(ctx, l.q.CompletedIngest, store.Args{"checksum": checksum})
		if err != nil {
			return nil, err
		}
		if len(prev.Rows) > 0 {
			n, err := countRecords(src)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			res.Read, res.Duplicates = n, n
			countSuperseded(src, res)
			res.AlreadyLoaded = fmt.Sprintf("the same content was loaded from %s on %s", prev.Rows[0][0], prev.Rows[0][1].(time.Time).Format("2006-01-02 15:04 MST"))
			return res, nil
		}
	}

	staging, err := l.st.CreateStaging(ctx, entity.Table)
	if err != nil {
		return nil, err
	}
	defer func() { _ = l.st.DropTable(context.WithoutCancel(ctx), staging) }()
	b, err := l.newBatch(ctx, entity, fm.name, staging, src.Columns(), opt, res)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ingestID := newID()
	started := time.Now().UTC()
	progress := func() {
		if opt.Progress != nil {
			opt.Progress(Progress{File: res.File, Rows: res.Read, Bytes: counted.n, Size: size})
		}
	}
	if err := readRecords(ctx, src, b, res, progress); err != nil {
		b.abort()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	countSuperseded(src, res)
	if err := b.finish(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if checksum == "" {
		if checksum, err = counted.sum(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	if err := l.writeQuarantine(ctx, b.bad, checksum, ingestID, res, entity); err != nil {
		return nil, err
	}
	maxBad := opt.MaxBad
	if maxBad == 0 {
		maxBad = DefaultMaxBad
	}
	if res.Read > 0 && float64(res.Quarantined)/float64(res.Read) > maxBad {
		res.HeldBack, res.Loaded = res.Loaded, 0
		return res, fmt.Errorf("%s: %w: %d of %d rows (%.1f%%) could not be used, more than the %.1f%% allowed by --max-bad; nothing from this file was loaded. Fix the rows `uptake quarantine --file %s` lists, or raise --max-bad", path, ErrTooManyBadRows, res.Quarantined, res.Read, 100*float64(res.Quarantined)/float64(res.Read), 100*maxBad, res.File)
	}
	months, err := l.st.MoveRows(ctx, staging, entity.Table)
	if err != nil {
		return nil, fmt.Errorf("%s: publishing the loaded rows: %w", path, err)
	}
	res.Table, res.Partitions = entity.Table, months
	if err := l.recordLedger(ctx, checksum, ingestID, size, started, res); err != nil {
		return nil, err
	}
	return res, nil
}

// readRecords feeds every record of src to the batch. One goroutine reads
// records in chunks, workers convert chunks in parallel (the costly part:
// parsing values, pseudonyms, ticket classification), and this goroutine
// stores the results in file order.
func readRecords(ctx context.Context, src source, b *batch, res *Result, progress func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *chunk, prepareWorkers)
	order := make(chan *chunk, 2*prepareWorkers) // chunks in file order, each filled by a worker
	go readChunks(ctx, src, jobs, order)
	for w := 0; w < prepareWorkers; w++ {
		// Without a key, user names are kept (batch.preparePrivacy has checked), so pseudo stays unused.
		pseudo, _ := newPseudonymizer(b.pseudoKey)
		go prepareChunks(b, pseudo, jobs)
	}
	for c := range order {
		// A chunk reaches order before jobs: after a cancel between the
		// two, no worker will ever prepare it.
		select {
		case <-c.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		for _, r := range c.records {
			if r.err != nil {
				return r.err
			}
			res.Read++
			if res.Read%65536 == 0 {
				progress()
			}
			if r.problem != nil {
				b.quarantine(*r.problem, r.raw)
				continue
			}
			if err := b.add(r.values, r.line); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

// prepareWorkers convert records in parallel, one per core here.
const prepareWorkers = 2

// chunk is a run of records; done is closed when a worker has prepared them.
type chunk struct {
	records []record
	done    chan struct{}
}

// record is one record of the file: its text, then its prepared values or
// why it could not be used.
type record struct {
	fields  []string
	values  []any
	line    int
	problem *Problem
	raw     string
	err     error // stops the file
}

// readChunks reads src to its end in chunks, handing each to the workers
// and, in the same order, to the storing goroutine.
func readChunks(ctx context.Context, src source, jobs, order chan<- *chunk) {
	defer close(order)
	defer close(jobs)
	const size = 512
	c := &chunk{done: make(chan struct{})}
	send := func() bool {
		for _, ch := range []chan<- *chunk{order, jobs} {
			select {
			case ch <- c:
			case <-ctx.Done():
				return false
			}
		}
		c = &chunk{records: make([]record, 0, size), done: make(chan struct{})}
		return true
	}
	for {
		fields, line, err := src.Next()
		var rowErr *RowError
		switch {
		case errors.Is(err, io.EOF):
			send()
			return
		case errors.As(err, &rowErr):
			c.records = append(c.records, record{line: rowErr.Line, problem: &Problem{Line: rowErr.Line, Column: rowErr.Column, Reason: rowErr.Reason}, raw: rowErr.Raw})
		case err != nil:
			c.records = append(c.records, record{err: err})
			send()
			return
		default:
			// Sources may reuse their slice: keep a copy of the fields.
			c.records = append(c.records, record{fields: append([]string(nil), fields...), line: line})
		}
		if len(c.records) == size && !send() {
			return
		}
	}
}

// prepareChunks converts the records of each chunk it receives.
func prepareChunks(b *batch, pseudo *pseudonymizer, jobs <-chan *chunk) {
	width := b.width()
	for c := range jobs {
		arena := make([]any, len(c.records)*width) // one allocation for the chunk's values
		for i := range c.records {
			r := &c.records[i]
			if r.fields == nil {
				continue
			}
			r.values, r.problem = b.prepare(r.fields, r.line, pseudo, arena[i*width:(i+1)*width:(i+1)*width])
			if r.problem != nil {
				r.raw = strings.Join(r.fields, ",")
			}
			r.fields = nil
		}
		close(c.done)
	}
}

// countRecords counts the records left in src, readable or not.
func countRecords(src source) (int64, error) {
	var n int64
	for {
		_, _, err := src.Next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		n++
		var rowErr *RowError
		if err != nil && !errors.As(err, &rowErr) {
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

// Progress is how far an ingest has read its file.
type Progress struct {
	File  string
	Rows  int64
	Bytes int64 // bytes of the file read so far (compressed bytes for gzip files)
	Size  int64 // the file's size
}

// countingReader counts and hashes the bytes read through it, for progress
// and for the checksum of a file that was not hashed beforehand.
type countingReader struct {
	r    io.Reader
	n    int64
	hash hash.Hash
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.hash.Write(p[:n])
	return n, err
}

// sum reads what the parser left unread (trailing bytes) and returns the
// hex SHA-256 of the whole file.
func (c *countingReader) sum() (string, error) {
	if _, err := io.Copy(io.Discard, c); err != nil {
		return "", err
	}
	return hex.EncodeToString(c.hash.Sum(nil)), nil
}
