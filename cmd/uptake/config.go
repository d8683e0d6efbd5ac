package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// settings resolves every option from, in order of precedence: the command
// line, UPTAKE_* environment variables, the config file, the default.
type settings struct {
	getenv func(string) string
}

// envName is the environment variable for a flag: --store → UPTAKE_STORE.
func envName(flagName string) string {
	return "UPTAKE_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// commonFlags are accepted by every command.
type commonFlags struct {
	store    string
	cluster  string
	config   string
	logLevel string
}

func addCommonFlags(fs *flag.FlagSet, c *commonFlags) {
	fs.StringVar(&c.store, "store", "embedded:./uptake-data", "where the data lives: embedded:PATH (in-process chDB) or clickhouse://USER:PASSWORD@HOST:9000/DATABASE")
	fs.StringVar(&c.cluster, "cluster", "", "spread the tables over this ClickHouse `cluster` (its name in the servers' remote_servers); clickhouse:// stores only, see docs/scaling.md")
	fs.StringVar(&c.config, "config", "uptake.conf", "config `file` of key = value lines, keys named like the flags (read if it exists)")
	fs.StringVar(&c.logLevel, "log-level", "info", "log detail: debug, info, warn or error")
}

// resolve fills every flag not given on the command line from the
// environment, then from the config file.
func (s settings) resolve(fs *flag.FlagSet, c *commonFlags) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if !given["config"] {
		if v := s.getenv(envName("config")); v != "" {
			c.config = v
			given["config"] = true
		}
	}
	file, err := readConfigFile(c.config, given["config"])
	if err != nil {
		return err
	}
	for key, entry := range file {
		if fs.Lookup(key) == nil && !knownElsewhere(key) {
			return fmt.Errorf("%s, line %d: unknown setting %q; settings are named like the command-line flags (see uptake --help)", c.config, entry.line, key)
		}
	}
	var setErr error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] || f.Name == "config" || setErr != nil {
			return
		}
		if v := s.getenv(envName(f.Name)); v != "" {
			if err := f.Value.Set(v); err != nil {
				setErr = fmt.Errorf("environment variable %s=%q: %v", envName(f.Name), v, err)
			}
			return
		}
		if entry, ok := file[f.Name]; ok {
			if err := f.Value.Set(entry.value); err != nil {
				setErr = fmt.Errorf("%s, line %d: %s = %q: %v", c.config, entry.line, f.Name, entry.value, err)
			}
		}
	})
	return setErr
}

// knownElsewhere lists config keys that belong to other commands, so one
// config file can serve them all.
func knownElsewhere(key string) bool {
	for _, c := range commands {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.define(fs)
		if fs.Lookup(key) != nil {
			return true
		}
	}
	return false
}

type configEntry struct {
	value string
	line  int
}

// readConfigFile reads `key = value` lines; # starts a comment. A missing
// file is fine unless it was asked for by name.
func readConfigFile(path string, required bool) (map[string]configEntry, error) {
	out := map[string]configEntry{}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading config file: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s, line %d: expected `key = value`, found %q", path, n, line)
		}
		out[strings.TrimSpace(key)] = configEntry{value: strings.Trim(strings.TrimSpace(value), `"`), line: n}
	}
	return out, sc.Err()
}
