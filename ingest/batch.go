package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/uptake/uptake/store"
)

// batch converts the records of one file and sends the good ones to the store.
type batch struct {
	entity  Entity
	format  string
	source  []int       // for each target column, the CSV field index, or -1
	targets []string    // table columns written
	convs   []converter // per target column
	extra   []string    // derived columns appended after targets
	in      *store.Inserter
	res     *Result
	// required[i] says whether targets[i] must not be empty.
	required []bool
	// userCol is the index of a user-name column to pseudonymise, or -1.
	userCol   int
	pseudoKey string
	// textCols are ticket-text columns whose contact details are masked.
	textCols []int
	maskRaw  bool // quarantined raw text is masked too, unless all personal data is kept
	// categoryMap maps the user's source categories to ours (--category-map).
	categoryMap map[string]string
	classifier  *textClassifier
	bad         []badRow
}

type badRow struct {
	Problem
	raw string
}

func (l *Loader) newBatch(ctx context.Context, e Entity, formatName, staging string, header []string, opt Options, res *Result) (*batch, error) {
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	tableCols, err := l.st.Columns(ctx, e.Table)
	if err != nil {
		return nil, err
	}
	types := map[string]string{}
	for _, c := range tableCols {
		types[c.Name] = c.Type
	}
	b := &batch{entity: e, format: formatName, res: res, categoryMap: opt.CategoryMap, classifier: newTextClassifier()}
	seen := map[string]bool{}
	for i, h := range header {
		switch {
		case seen[h]:
			return nil, fmt.Errorf("column %q appears twice in the header", h)
		case e.accepts(h):
			seen[h] = true
			b.targets = append(b.targets, h)
			b.source = append(b.source, i)
			conv := converterFor(types[h], loc)
			if r, ok := valueRanges[h]; ok {
				conv = r.check(conv)
			}
			b.convs = append(b.convs, conv)
		default:
			res.IgnoredColumns = append(res.IgnoredColumns, h)
		}
	}
	switch e.Name {
	case "tickets":
		for _, c := range []string{"updated_at", "category", "language"} {
			if !seen[c] { // filled from other fields in derive
				b.targets = append(b.targets, c)
				b.source = append(b.source, -1)
				b.convs = append(b.convs, nil)
			}
		}
		b.extra = []string{"source", "source_category", "category_inferred"}
	default:
		if _, ok := types["source"]; ok {
			b.extra = []string{"source"}
		}
	}
	if err := b.preparePrivacy(opt.Privacy); err != nil {
		return nil, err
	}
	for _, t := range b.targets {
		b.required = append(b.required, contains(e.Required, t))
	}
	if b.in, err = l.st.NewInserter(ctx, staging, append(append([]string{}, b.targets...), b.extra...)...); err != nil {
		return nil, err
	}
	return b, nil
}

// prepare converts one record and fills its derived columns, ready to
// store. It changes no shared state: several workers run it at once, each
// with its own pseudonymizer.
func (b *batch) prepare(rec []string, line int, pseudo *pseudonymizer, values []any) ([]any, *Problem) {
	values, problem := b.convert(rec, line, values)
	if problem != nil {
		return nil, problem
	}
	b.protect(values, pseudo)
	b.derive(values)
	return values, nil
}

// width is the number of values in a row: the targets, then derived columns.
func (b *batch) width() int { return len(b.targets) + len(b.extra) }

// convert turns one record into values (written into values, of length
// width), or says which field cannot be used.
func (b *batch) convert(rec []string, line int, values []any) ([]any, *Problem) {
	for i, src := range b.source {
		if src < 0 {
			continue
		}
		field := ""
		if src < len(rec) {
			field = rec[src]
		}
		v, err := b.convs[i](field)
		if err == nil && (v == nil || v == "") && b.required[i] {
			err = fmt.Errorf("is empty, but every %s row needs it", strings.TrimSuffix(b.entity.Name, "s"))
		}
		if err != nil {
			return nil, &Problem{Line: line, Column: b.targets[i], Reason: err.Error()}
		}
		values[i] = v
	}
	return values, nil
}

// add stores one converted row; a row the store refuses is quarantined.
// add stores one row. A value the store refuses goes to quarantine; a
// store that stops answering ends the file at once (it is rerun whole).
func (b *batch) add(values []any, line int) error {
	if err := b.in.Append(values...); err != nil {
		if errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrTimeout) {
			return fmt.Errorf("storing line %d: %w", line, err)
		}
		b.quarantine(Problem{Line: line, Reason: err.Error()}, fmt.Sprint(values...))
		return nil
	}
	b.res.Loaded++
	return nil
}

// derive fills the columns computed from others: a ticket's category (mapped
// or inferred from its text), language and last update.
func (b *batch) derive(values []any) {
	get := func(col string) any {
		for i, t := range b.targets {
			if t == col {
				return values[i]
			}
		}
		return nil
	}
	set := func(col string, v any) {
		for i, t := range b.targets {
			if t == col {
				values[i] = v
			}
		}
		for i, t := range b.extra {
			if t == col {
				values[len(b.targets)+i] = v
			}
		}
	}
	// The vendor, not the file format: the same Zendesk ticket from a JSON
	// and a JSON Lines export must land on one key.
	vendor, _, _ := strings.Cut(b.format, "-")
	set("source", vendor)
	if b.entity.Name != "tickets" {
		return
	}
	subject, _ := get("subject").(string)
	body, _ := get("body").(string)
	given, _ := get("category").(string)
	set("source_category", given)
	cat, known := b.categoryMap[strings.ToLower(strings.TrimSpace(given))]
	if !known {
		cat, known = mapCategory(given)
	}
	lang, _ := get("language").(string)
	if !known || lang == "" {
		inferredCat, inferredLang := b.classifier.classify(subject, body)
		if !known {
			cat = inferredCat
		}
		if lang == "" {
			set("language", inferredLang)
		}
	}
	set("category", cat)
	set("category_inferred", boolFlag(!known))
	if get("updated_at") == nil {
		set("updated_at", get("created_at"))
	}
}

func (b *batch) quarantine(p Problem, raw string) {
	if b.maskRaw {
		raw = maskContacts(raw)
	}
	b.res.Quarantined++
	if len(b.res.Problems) < maxProblems {
		b.res.Problems = append(b.res.Problems, p)
	}
	b.bad = append(b.bad, badRow{Problem: p, raw: raw})
}

func (b *batch) finish() error { return b.in.Close() }

func (b *batch) abort() { b.in.Abort() }

func (l *Loader) writeQuarantine(ctx context.Context, bad []badRow, checksum, ingestID string, res *Result, e Entity) error {
	if len(bad) == 0 {
		return nil
	}
	in, err := l.st.NewInserter(ctx, "quarantine", "file_checksum", "line", "column_name", "ingest_id", "file_name", "entity", "reason", "raw", "quarantined_at")
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	for _, r := range bad {
		if err := in.Append(checksum, r.Line, r.Column, ingestID, res.File, e.Name, r.Reason, r.raw, now); err != nil {
			in.Abort()
			return fmt.Errorf("quarantining line %d: %w", r.Line, err)
		}
	}
	return in.Close()
}

func (l *Loader) recordLedger(ctx context.Context, checksum, ingestID string, size int64, started time.Time, res *Result) error {
	in, err := l.st.NewInserter(ctx, "ingest_ledger", "file_checksum", "ingest_id", "file_name", "file_size", "format", "entity", "status",
		"started_at", "updated_at", "rows_read", "rows_loaded", "rows_quarantined", "rows_duplicate", "message")
	if err != nil {
		return err
	}
	msg := ""
	if len(res.IgnoredColumns) > 0 {
		msg = "ignored columns: " + strings.Join(res.IgnoredColumns, ", ")
	}
	if err := in.Append(checksum, ingestID, res.File, size, res.Format, res.Entity, "complete", started, time.Now().UTC(),
		res.Read, res.Loaded, res.Quarantined, res.Duplicates, msg); err != nil {
		in.Abort()
		return err
	}
	return in.Close()
}

// preparePrivacy finds the columns that hold personal data.
func (b *batch) preparePrivacy(p Privacy) error {
	b.userCol = -1
	b.maskRaw = !p.KeepUserNames || !p.KeepContactDetails
	for i, t := range b.targets {
		switch {
		case t == "user_id" && !p.KeepUserNames:
			b.userCol = i
		case (t == "subject" || t == "body") && !p.KeepContactDetails:
			b.textCols = append(b.textCols, i)
		}
	}
	if b.userCol < 0 {
		return nil
	}
	b.pseudoKey = p.PseudonymKey
	_, err := newPseudonymizer(p.PseudonymKey) // checks the key now, before any row
	return err
}

// protect pseudonymises user names and masks contact details in ticket text.
// pseudo is the caller's own pseudonymizer: each worker has one.
func (b *batch) protect(values []any, pseudo *pseudonymizer) {
	if b.userCol >= 0 {
		if name, ok := values[b.userCol].(string); ok && name != "" {
			values[b.userCol] = pseudo.name(name)
		}
	}
	for _, i := range b.textCols {
		if text, ok := values[i].(string); ok {
			values[i] = maskContacts(text)
		}
	}
}

func boolFlag(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
