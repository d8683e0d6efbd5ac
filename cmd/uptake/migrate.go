package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/uptake/uptake/store"
)

var migrateCommand = command{
	name:    "migrate",
	summary: "create or update the database schema",
	help: `Creates Uptake's tables in the store, or brings them up to date after an
upgrade. Safe to run any number of times: migrations already applied (recorded
in the schema_migrations table) are skipped. Other commands migrate on start
too, so you only need this to prepare a store ahead of time.

With --cluster NAME (or cluster = NAME in the config file), the tables are
spread over that ClickHouse cluster: a replicated local table on every node
and a Distributed table over them, created ON CLUSTER NAME; every command
given the same setting then reads and writes through the Distributed tables.
See docs/scaling.md for what the cluster needs.

With --print, writes the DDL instead of running it, e.g. for a DBA to review.

Examples:
  uptake migrate --store clickhouse://uptake:secret@db.internal:9000/uptake
  uptake migrate --cluster analytics --store clickhouse://uptake:secret@db.internal:9000/uptake
  uptake migrate --print --cluster analytics --store clickhouse://uptake:secret@db.internal:9000/uptake > uptake-cluster.sql`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		print := fs.Bool("print", false, "print the DDL instead of running it")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("migrate takes no arguments, got %q", args)
			}
			loc, err := env.location()
			if err != nil {
				return err
			}
			if *print {
				return printDDL(env, loc.Cluster, loc.Database)
			}
			st, err := store.Open(ctx, loc, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			ran, err := st.Migrate(ctx)
			if err != nil {
				return err
			}
			all, err := store.Migrations(st.Layout())
			if err != nil {
				return err
			}
			if len(ran) == 0 {
				fmt.Fprintf(env.stdout, "Schema of %s is up to date (%d migrations); nothing changed.\n", loc, len(all))
				return nil
			}
			for _, m := range ran {
				fmt.Fprintf(env.stdout, "applied %04d_%s\n", m.Version, m.Name)
			}
			fmt.Fprintf(env.stdout, "Schema of %s updated: %d of %d migrations applied.\n", loc, len(ran), len(all))
			return nil
		}
	},
}

// printDDL writes every migration's statements for the layout.
func printDDL(env *runEnv, cluster, database string) error {
	layout, err := store.NewLayout(cluster, database)
	if err != nil {
		return err
	}
	all, err := store.Migrations(layout)
	if err != nil {
		return err
	}
	for _, m := range all {
		fmt.Fprintf(env.stdout, "-- %04d_%s\n", m.Version, m.Name)
		for _, st := range m.Statements {
			fmt.Fprintf(env.stdout, "%s;\n\n", st)
		}
	}
	return nil
}

var versionCommand = command{
	name:    "version",
	summary: "print the version of uptake and of its chDB library",
	help:    "Prints uptake's version and the chDB release it expects for the embedded store.",
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		return func(ctx context.Context, env *runEnv, args []string) error {
			fmt.Fprintf(env.stdout, "uptake %s (embedded engine: chDB %s)\n", version, store.ChDBVersion)
			return nil
		}
	},
}
