// Command uptake turns a partner's usage telemetry and support tickets into
// adoption, training and upsell decisions. This package only wires things:
// it parses the command line and calls ingest, analytics, dashboard, exports
// and store.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/store"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// runEnv is what a command runs with.
type runEnv struct {
	stdout, stderr io.Writer
	common         commonFlags
	log            *slog.Logger
	// bulkLoad opens the store for loading files (store.Options.BulkLoad).
	bulkLoad bool
}

// location is the configured store: --store, with --cluster when given.
func (e *runEnv) location() (store.Location, error) {
	loc, err := store.ParseURL(e.common.store)
	if err != nil {
		return loc, err
	}
	if c := e.common.cluster; c != "" {
		if loc.Cluster != "" && loc.Cluster != c {
			return loc, fmt.Errorf("--cluster %q and the store URL's cluster=%s disagree; give the cluster once", c, loc.Cluster)
		}
		if loc.Embedded {
			return loc, fmt.Errorf("--cluster %s needs a clickhouse:// store: the embedded store is one process on one machine", c)
		}
		loc.Cluster = c
	}
	return loc, nil
}

// openStore opens and migrates the configured store.
func (e *runEnv) openStore(ctx context.Context) (*store.Store, error) {
	loc, err := e.location()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, loc, store.Options{BulkLoad: e.bulkLoad})
	if err != nil {
		return nil, err
	}
	ran, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("updating the schema of %s: %w", loc, err)
	}
	if len(ran) > 0 {
		e.log.Info("schema updated", "store", loc.String(), "migrations", len(ran))
	}
	return st, nil
}

// openAnalytics opens the store and the analytics API over it with the
// command's rules (nil: the defaults); close the store after use.
func (e *runEnv) openAnalytics(ctx context.Context, rf *ruleFlags) (*store.Store, *analytics.Service, error) {
	rules, catalogue, err := rf.resolve()
	if err != nil {
		return nil, nil, err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	svc, err := analytics.New(st, rules)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	svc.UseCatalogue(catalogue)
	return st, svc, nil
}

// command is one subcommand. define registers its flags on fs and returns
// the function that runs it with the parsed values.
type command struct {
	name    string
	summary string
	usage   string // arguments after the flags, e.g. "FILE..."
	help    string
	define  func(fs *flag.FlagSet) func(ctx context.Context, env *runEnv, args []string) error
}

var commands = []command{migrateCommand, generateCommand, ingestCommand, quarantineCommand, refreshCommand, themesCommand, reportCommand, serveCommand, exportCommand, usersCommand, backupCommand, restoreCommand, auditCommand, versionCommand}

// errUsage marks a mistake on the command line; its message is already printed.
var errUsage = errors.New("usage")

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			args = []string{args[1], "--help"}
		} else {
			printOverview(stdout)
			return 0
		}
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == args[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "uptake: unknown command %q\n\n", args[0])
		printOverview(stderr)
		return 2
	}
	env := &runEnv{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("uptake "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	addCommonFlags(fs, &env.common)
	runCmd := cmd.define(fs)
	fs.Usage = func() {} // the flag package prints the error; help is printed below
	positional, err := parseInterspersed(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(stdout, cmd, fs)
			return 0
		}
		fmt.Fprintf(stderr, "Run \"uptake %s --help\" for the flags it accepts.\n", cmd.name)
		return 2
	}
	if err := (settings{getenv: getenv}).resolve(fs, &env.common); err != nil {
		fmt.Fprintf(stderr, "uptake %s: %v\n", cmd.name, err)
		return 2
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(env.common.logLevel)); err != nil {
		fmt.Fprintf(stderr, "uptake %s: --log-level %q: use debug, info, warn or error\n", cmd.name, env.common.logLevel)
		return 2
	}
	env.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	if err := runCmd(ctx, env, positional); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "uptake %s: %v\n", cmd.name, err)
		}
		return 1
	}
	return 0
}

// parseInterspersed parses flags wherever they stand, so that
// "uptake ingest report.csv --account contoso" works; arguments after "--"
// are never flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func printOverview(w io.Writer) {
	fmt.Fprint(w, `uptake turns usage telemetry and support tickets into adoption, training
and upsell decisions for IT service partners.

Usage: uptake COMMAND [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
Run "uptake COMMAND --help" for a command's flags and examples.

Configuration: every flag can also be set
  1. on the command line:        --store clickhouse://user:pass@host:9000/uptake
  2. in the environment:         UPTAKE_STORE=clickhouse://user:pass@host:9000/uptake
                                 (UPTAKE_ + the flag name in capitals, - becomes _)
  3. in a config file:           store = clickhouse://user:pass@host:9000/uptake
                                 (./uptake.conf, or --config FILE / UPTAKE_CONFIG)
The command line wins over the environment, which wins over the file.

Stores (--store):
  embedded:PATH       in-process ClickHouse (chDB); data kept in folder PATH.
                      Default: %s. Needs libchdb.so (scripts/libchdb.sh).
  clickhouse://USER:PASSWORD@HOST:PORT/DATABASE
                      a ClickHouse server (18.16 or newer) over the native protocol.
`, store.DefaultURL)
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: uptake %s [flags] %s\n\n%s\n\n", c.name, c.usage, strings.TrimSpace(c.help))
	fmt.Fprintln(w, "Flags (each also settable as UPTAKE_<NAME> or in the config file):")
	fs.SetOutput(w)
	fs.PrintDefaults()
}
