package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/uptake/uptake/store"
)

var backupCommand = command{
	name:    "backup",
	summary: "copy every table of the store into a folder, to restore later",
	help: `Writes every table of the store to a new folder: one file per table in
ClickHouse's Native format and manifest.json (schema version, engine, row
counts, checksums). Works on both stores; a server is read through its HTTP
interface (port 8123, or add ?http_port=PORT to the store URL). The folder
must be new or empty. Tables are copied one after the other: for a backup
consistent across tables, run it while no ingest, refresh or theme run is
going on. The backup holds user password hashes and the dashboard's session
key: keep it as private as the store. See docs/backup.md.

Examples:
  uptake backup --out /var/backups/uptake/2026-10-05
  uptake backup --store 'clickhouse://uptake:secret@db.internal:9000/uptake?http_port=8124' --out ./backup`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		out := fs.String("out", "", "the new or empty `folder` to write the backup to (required)")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("backup takes no arguments, got %q; name the folder with --out", args)
			}
			if *out == "" {
				return errors.New("say where to write the backup: uptake backup --out FOLDER (a new or empty folder)")
			}
			loc, err := env.location()
			if err != nil {
				return err
			}
			// Not migrated: a backup records the store as it is.
			st, err := store.Open(ctx, loc, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			start := time.Now()
			m, err := st.Backup(ctx, *out)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "Backed up %s (%s %s, schema %s) to %s:\n", loc, m.Engine, m.EngineVersion, m.SchemaMigration, *out)
			printBackupTables(env.stdout, m)
			var bytes int64
			for _, t := range m.Tables {
				bytes += t.Bytes
			}
			fmt.Fprintf(env.stdout, "%d tables, %s, in %s. Check it with: uptake restore --from %s --store embedded:SCRATCH_FOLDER\n",
				len(m.Tables), byteSize(bytes), time.Since(start).Round(100*time.Millisecond), *out)
			return nil
		}
	},
}

var restoreCommand = command{
	name:    "restore",
	summary: "load a folder written by uptake backup into the store",
	help: `Loads a backup made by "uptake backup" into the store. The store is
brought to this uptake's schema first; a backup from an older schema
restores into a newer one, a backup from a newer schema needs a newer
uptake. Every file is checked against the manifest before anything is
loaded, and every table's row count after.

The store must hold no data (a new folder or database), unless --replace is
given: then every table is emptied first. Stop "uptake serve" and ingests on
the store while it runs. A backup made on one engine restores into the
other, e.g. to move from the embedded store to a ClickHouse server.

Examples:
  uptake restore --from /var/backups/uptake/2026-10-05 --store embedded:./restored-data
  uptake restore --from ./backup --replace`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		from := fs.String("from", "", "the backup `folder` (holding manifest.json) to load (required)")
		replace := fs.Bool("replace", false, "delete the data the store holds before loading the backup")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("restore takes no arguments, got %q; name the backup folder with --from", args)
			}
			if *from == "" {
				return errors.New("say which backup to load: uptake restore --from FOLDER")
			}
			loc, err := env.location()
			if err != nil {
				return err
			}
			st, err := store.Open(ctx, loc, store.Options{BulkLoad: true})
			if err != nil {
				return err
			}
			defer st.Close()
			start := time.Now()
			m, err := st.Restore(ctx, *from, store.RestoreOptions{Replace: *replace})
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "Restored %s (made %s UTC on %s %s, schema %s) into %s:\n",
				*from, m.CreatedAt.Format("2006-01-02 15:04"), m.Engine, m.EngineVersion, m.SchemaMigration, loc)
			printBackupTables(env.stdout, m)
			fmt.Fprintf(env.stdout, "%d tables restored, row counts checked, in %s.\n", len(m.Tables), time.Since(start).Round(100*time.Millisecond))
			all, err := store.Migrations(store.Layout{})
			if err == nil && len(all) > 0 && m.SchemaVersion < all[len(all)-1].Version {
				fmt.Fprintf(env.stdout, "The backup predates this schema (%s): run `uptake refresh` to fill the rollups and findings it lacks.\n", m.SchemaMigration)
			}
			return nil
		}
	},
}

// printBackupTables lists the tables that hold rows; empty ones are only counted.
func printBackupTables(w io.Writer, m store.Manifest) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "table\trows")
	empty := 0
	for _, t := range m.Tables {
		if t.Rows == 0 {
			empty++
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\n", t.Name, t.Rows)
	}
	tw.Flush()
	if empty > 0 {
		fmt.Fprintf(w, "(and %d empty tables)\n", empty)
	}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
