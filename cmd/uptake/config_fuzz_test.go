package main

import (
	"bufio"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wantConfig reads a config file's text the way its format is documented:
// `key = value` lines, # comments and blank lines skipped, spaces and
// double quotes around a value dropped, the last line of a key winning;
// ok is false when a line is neither.
func wantConfig(content string) (map[string]configEntry, bool) {
	out := map[string]configEntry{}
	lines := strings.Split(content, "\n")
	if strings.HasSuffix(content, "\n") {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			return nil, false
		}
		out[strings.TrimSpace(key)] = configEntry{value: strings.Trim(strings.TrimSpace(value), `"`), line: i + 1}
	}
	return out, true
}

// The config file parser reads what the format says, names the file and
// line of a mistake, and the settings it gives reach the flags as written.
func FuzzConfigFile(f *testing.F) {
	for _, s := range []string{
		"", "# comment\nstore = embedded:/from/file\nlog-level = warn\naddr = :9999\n", "store=\"clickhouse://u:p@h:9000/db\"\r\naddr = \":8080\"",
		"stroe = typo\n", "no equals sign\n", "=\n", " = value", "key = \"\"\"\n", "addr = a = b\n", "request-timeout = 10s\nrequest-timeout = nope\n",
		"log-level = info\nlog-level = debug\n", "\xef\xbb\xbfstore = embedded:x\n", "  # indented comment\n\t\naddr=:1\n", "addr = " + strings.Repeat("x", 70000) + "\n",
		"local-users = false\npseudonym-key = \"a secret with spaces \"\n", "store = embedded:x # not a comment\n", "\x00 = \xff\n",
	} {
		f.Add(s)
	}
	var serve *command
	for i := range commands {
		if commands[i].name == "serve" {
			serve = &commands[i]
		}
	}
	path := filepath.Join(f.TempDir(), "uptake.conf")
	f.Fuzz(func(t *testing.T, content string) {
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := readConfigFile(path, true)
		want, ok := wantConfig(content)
		if err != nil {
			if ok && !errors.Is(err, bufio.ErrTooLong) {
				t.Fatalf("readConfigFile(%q): %v", content, err)
			}
			if !errors.Is(err, bufio.ErrTooLong) && !strings.Contains(err.Error(), path+", line ") {
				t.Fatalf("readConfigFile(%q): %v does not name the file and line", content, err)
			}
			return
		}
		if !ok || len(got) != len(want) {
			t.Fatalf("readConfigFile(%q) = %v, want %v (ok %t)", content, got, want, ok)
		}
		for k, e := range want {
			if got[k] != e {
				t.Fatalf("readConfigFile(%q)[%q] = %+v, want %+v", content, k, got[k], e)
			}
		}

		// The serve command's flags take the file's settings.
		fs := flag.NewFlagSet("uptake serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var c commonFlags
		addCommonFlags(fs, &c)
		serve.define(fs)
		if err := fs.Parse([]string{"--config", path}); err != nil {
			t.Fatal(err)
		}
		if err := (settings{getenv: func(string) string { return "" }}).resolve(fs, &c); err != nil {
			if !strings.Contains(err.Error(), path+", line ") {
				t.Fatalf("resolve with %q: %v does not name the file and line", content, err)
			}
			return
		}
		fs.VisitAll(func(fl *flag.Flag) {
			e, inFile := got[fl.Name]
			if fl.Name == "config" || !inFile {
				return
			}
			if v, isString := fl.Value.(flag.Getter).Get().(string); isString && v != e.value {
				t.Fatalf("with %q, --%s is %q, want %q from line %d", content, fl.Name, v, e.value, e.line)
			}
		})
	})
}
