package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

var ingestCommand = command{
	name:    "ingest",
	summary: "load export files (CSV, gzip) into the store",
	usage:   "FILE...",
	help: `Loads each file into the store. The kind of data (accounts, subscriptions,
usage, tickets, courses, trainings) is recognised from the header; see
docs/formats.md for the columns. Every row is either loaded or quarantined
with its line, column and reason; the summary always adds up:
read = loaded + quarantined + duplicates. A file whose exact content was
loaded before is skipped, so running the same ingest twice is safe.

Examples:
  uptake ingest ./sample-data/*.csv
  uptake ingest --entity tickets --map 'ticket_id=Ticket ID,subject=Ticket Subject,created_at=Date of Purchase' export.csv
  uptake ingest --timezone Europe/Paris --encoding windows-1252 tickets.csv`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		formatName := fs.String("format", "auto", "input format, detected when auto: "+strings.Join(ingest.FormatNames(), ", "))
		entity := fs.String("entity", "", "kind of data in the files (accounts, subscriptions, usage, tickets, courses, trainings); detected from the header when empty")
		mapping := fs.String("map", "", "column mapping, our_column=Their Column, comma-separated")
		tz := fs.String("timezone", "UTC", "time zone of times written without an offset, e.g. Europe/Paris")
		encoding := fs.String("encoding", "auto", "text encoding: auto, utf-8 or windows-1252")
		pseudonymKey := fs.String("pseudonym-key", "", "secret key for pseudonymising user names (keep it in the config file, never change it)")
		keepNames := fs.Bool("keep-user-names", false, "store user principal names and e-mail addresses as they are instead of pseudonyms")
		keepContacts := fs.Bool("keep-contact-details", false, "leave e-mail addresses and phone numbers in ticket text unmasked")
		account := fs.String("account", "", "account the files belong to, for exports that carry none (Microsoft 365 usage reports)")
		categoryMap := fs.String("category-map", "", "your help-desk categories mapped to Uptake's, e.g. 'Billing Inquiry=billing,Technical issue=performance'; ours: "+strings.Join(ingest.Categories, ", "))
		watch := fs.String("watch", "", "keep running and load every file that appears in this folder (files ending in .part or .tmp are skipped until renamed)")
		interval := fs.Duration("watch-interval", 10*time.Second, "how often --watch looks for new files")
		asJSON := fs.Bool("json", false, "print a machine-readable JSON summary instead of text")
		maxBad := fs.Float64("max-bad", 100*ingest.DefaultMaxBad, "largest percentage of a file's rows that may be quarantined; above it nothing from the file is loaded")
		rf := addRuleFlags(fs)
		return func(ctx context.Context, env *runEnv, args []string) error {
			if *maxBad < 0 || *maxBad > 100 {
				return fmt.Errorf("--max-bad %v must be a percentage from 0 to 100", *maxBad)
			}
			if *maxBad == 0 {
				*maxBad = 1e-9 // zero tolerance, not "use the default"
			}
			if len(args) == 0 && *watch == "" {
				return fmt.Errorf("name the files to load, e.g. uptake ingest ./sample-data/*.csv, or a folder to watch with --watch DIR")
			}
			loc, err := time.LoadLocation(*tz)
			if err != nil {
				return fmt.Errorf("--timezone %q is not a time zone name like UTC or Europe/Paris", *tz)
			}
			m, err := ingest.ParseMapping(*mapping)
			if err != nil {
				return err
			}
			cats, err := ingest.ParseCategoryMap(*categoryMap)
			if err != nil {
				return err
			}
			env.bulkLoad = true
			st, svc, err := env.openAnalytics(ctx, rf)
			if err != nil {
				return err
			}
			defer st.Close()
			loader, err := ingest.NewLoader(st)
			if err != nil {
				return err
			}
			// A bulk load allocates a little per value; collect garbage by a
			// memory ceiling rather than by heap growth (see BulkMemoryLimit).
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(ingest.BulkMemoryLimit)
			opt := ingest.Options{Format: *formatName, Entity: *entity, Mapping: m, Location: loc, Encoding: *encoding, MaxBad: *maxBad / 100, Account: *account, CategoryMap: cats,
				Privacy: ingest.Privacy{PseudonymKey: *pseudonymKey, KeepUserNames: *keepNames, KeepContactDetails: *keepContacts}}
			if !*asJSON && isTerminal(env.stderr) {
				opt.Progress = progressPrinter(env.stderr)
			}
			if *watch != "" {
				fmt.Fprintf(env.stdout, "Watching %s for new files every %s; stop with Ctrl-C.\n", *watch, *interval)
				return loader.Watch(ctx, *watch, *interval, opt, func(path string, res *ingest.Result, err error) {
					if res != nil {
						printIngest(env, res, 0)
						refreshAfter(ctx, env, svc, []*ingest.Result{res}, false)
					}
					if err != nil {
						fmt.Fprintf(env.stderr, "not loaded: %v\n", err)
					}
				})
			}
			sum := ingestSummary{Files: []fileSummary{}}
			var loaded []*ingest.Result
			for i, path := range args {
				if ctx.Err() != nil {
					fmt.Fprintf(env.stderr, "interrupted: %d of %d files not started; run the same command again to load them (loaded files are skipped)\n", len(args)-i, len(args))
					sum.Failed += len(args) - i
					break
				}
				start := time.Now()
				res, err := loader.File(ctx, path, opt)
				if res != nil {
					loaded = append(loaded, res)
				}
				if opt.Progress != nil {
					fmt.Fprint(env.stderr, "\r\033[K") // clear the progress line
				}
				sum.add(path, res, err)
				if *asJSON {
					continue
				}
				if res != nil {
					printIngest(env, res, time.Since(start))
				}
				if err != nil {
					fmt.Fprintf(env.stderr, "not loaded: %v\n", err)
				}
			}
			// An interrupt still refreshes the rollups for the files already
			// published, so the reports never lag the stored rows.
			flushCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), refreshOnStopTimeout)
			sum.Refresh = refreshAfter(flushCtx, env, svc, loaded, *asJSON)
			for _, f := range sum.Files {
				if f.Result != nil && f.Error == "" {
					auditCLI(flushCtx, env, st, store.AuditIngest, fmt.Sprintf("%s: read %d, loaded %d, quarantined %d", f.Path, f.Read, f.Loaded, f.Quarantined))
				}
			}
			cancel()
			if *asJSON {
				enc := json.NewEncoder(env.stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(sum); err != nil {
					return err
				}
			} else {
				t := sum.Total
				fmt.Fprintf(env.stdout, "Total: read %d = loaded %d + quarantined %d + duplicates skipped %d", t.Read, t.Loaded, t.Quarantined, t.Duplicates)
				if t.HeldBack > 0 {
					fmt.Fprintf(env.stdout, " + held back %d", t.HeldBack)
				}
				fmt.Fprintln(env.stdout)
			}
			if sum.Failed > 0 {
				if sum.Failed == len(args) {
					return fmt.Errorf("nothing was loaded (see above); fix the cause and run the same command again")
				}
				return fmt.Errorf("%d of %d files could not be loaded (see above); the others are stored", sum.Failed, len(args))
			}
			return nil
		}
	},
}

// refreshOnStopTimeout bounds the rollup refresh that still runs after an
// interrupt.
const refreshOnStopTimeout = 10 * time.Minute

// ingestSummary is what --json prints.
type ingestSummary struct {
	Files   []fileSummary `json:"files"`
	Total   ingest.Result `json:"total"`
	Failed  int           `json:"failed_files"`
	Refresh string        `json:"rollups,omitempty"`
}

// refreshAfter rewrites the rollups over the months the files touched, so
// the reports and pages show the new data. A failure is reported, not
// fatal: the rows are stored, and `uptake refresh` can redo it.
func refreshAfter(ctx context.Context, env *runEnv, svc *analytics.Service, results []*ingest.Result, quiet bool) string {
	changes := analytics.Changes{}
	for _, r := range results {
		changes.Add(r.Table, r.Partitions)
	}
	if len(changes) == 0 {
		return ""
	}
	rep, err := svc.Refresh(ctx, changes)
	msg := fmt.Sprintf("rollups refreshed in %s", rep.Duration.Round(time.Millisecond))
	if err != nil {
		msg = fmt.Sprintf("the rows are stored, but refreshing the rollups failed (%v); run `uptake refresh` to redo it", err)
		fmt.Fprintln(env.stderr, msg)
		return msg
	}
	if len(changes["tickets"]) > 0 {
		run, ran, err := svc.UpdateThemes(ctx)
		switch {
		case err != nil:
			msg += fmt.Sprintf("; assigning the new tickets to the how-to themes failed (%v): run `uptake themes`", err)
		case ran:
			msg += fmt.Sprintf("; %d of %d how-to tickets assigned to the %d stored themes in %s", run.Themed, run.Tickets, run.Themes, run.Duration.Round(time.Millisecond))
		}
	}
	if !quiet {
		fmt.Fprintln(env.stdout, "Reports updated: "+msg+".")
	}
	return msg
}

type fileSummary struct {
	Path           string `json:"path"`
	Error          string `json:"error,omitempty"`
	*ingest.Result `json:"result,omitempty"`
}

func (s *ingestSummary) add(path string, res *ingest.Result, err error) {
	f := fileSummary{Path: path, Result: res}
	if err != nil {
		f.Error = err.Error()
		s.Failed++
	}
	if res != nil {
		s.Total.Read += res.Read
		s.Total.Loaded += res.Loaded
		s.Total.Quarantined += res.Quarantined
		s.Total.Duplicates += res.Duplicates
		s.Total.HeldBack += res.HeldBack
	}
	s.Files = append(s.Files, f)
}

// progressPrinter draws one status line: rows, bytes, speed and time left.
func progressPrinter(w io.Writer) func(ingest.Progress) {
	start := time.Now()
	return func(p ingest.Progress) {
		elapsed := time.Since(start).Seconds()
		line := fmt.Sprintf("%s: %d rows, %.0f of %.0f MB, %.0f rows/s", p.File, p.Rows, float64(p.Bytes)/1e6, float64(p.Size)/1e6, float64(p.Rows)/elapsed)
		if p.Bytes > 0 && p.Size > p.Bytes {
			left := time.Duration(elapsed * float64(p.Size-p.Bytes) / float64(p.Bytes) * float64(time.Second))
			line += ", about " + left.Round(time.Second).String() + " left"
		}
		fmt.Fprint(w, "\r\033[K"+line)
	}
}

// isTerminal reports whether w is a terminal, where progress may be drawn.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func printIngest(env *runEnv, res *ingest.Result, took time.Duration) {
	fmt.Fprintf(env.stdout, "%s (%s, %s): read %d = loaded %d + quarantined %d + duplicates skipped %d",
		res.File, res.Entity, res.Format, res.Read, res.Loaded, res.Quarantined, res.Duplicates)
	if res.HeldBack > 0 {
		fmt.Fprintf(env.stdout, " + held back %d (file refused)", res.HeldBack)
	}
	if took > 0 {
		fmt.Fprintf(env.stdout, "  [%s]", took.Round(time.Millisecond))
	}
	fmt.Fprintln(env.stdout)
	if res.AlreadyLoaded != "" {
		fmt.Fprintf(env.stdout, "  skipped: %s\n", res.AlreadyLoaded)
	}
	for _, c := range res.IgnoredColumns {
		fmt.Fprintf(env.stdout, "  column %q is not part of the %s format and was not loaded\n", c, res.Entity)
	}
	for _, p := range res.Problems {
		fmt.Fprintf(env.stdout, "  quarantined %s, %s\n", res.File, p)
	}
	if int(res.Quarantined) > len(res.Problems) {
		fmt.Fprintf(env.stdout, "  … and %d more quarantined rows; `uptake quarantine --file %s` lists them all\n", int(res.Quarantined)-len(res.Problems), res.File)
	}
}
