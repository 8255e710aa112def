package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every documented exit code, from the command line as a user types it.
func TestExitCodes(t *testing.T) {
	samples := filepath.Join(root(t), "corpus", "samples")
	html := filepath.Join(samples, "milton-keynes-tackling-social-exclusion.html")
	mixed := t.TempDir() // one good document, one empty file
	copyFile(t, html, filepath.Join(mixed, "good.html"))
	os.WriteFile(filepath.Join(mixed, "empty.pdf"), nil, 0o644)
	out := func() string { return filepath.Join(t.TempDir(), "out.jsonl") }

	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string // must appear in stderr (or stdout for help)
		wrote  bool   // whether -o (the last out()) must exist afterwards
	}{
		{"no command", nil, exitUsage, "Usage:", false},
		{"unknown command", []string{"extrakt"}, exitUsage, `unknown command "extrakt"`, false},
		{"no paths", []string{"extract", "-o", "x.jsonl"}, exitUsage, "no documents given", false},
		{"unknown flag", []string{"extract", "--wrokers", "2", html}, exitUsage, "wrokers", false},
		{"unknown output format", []string{"extract", "-o", "out.pdf", html}, exitUsage, "not .pdf", false},
		{"zero workers", []string{"extract", "--workers", "0", html}, exitUsage, "at least 1", false},
		{"bad size", []string{"extract", "--max-size", "lots", html}, exitUsage, "not a size", false},
		{"output folder missing", []string{"extract", "-o", filepath.Join(t.TempDir(), "no", "such", "out.jsonl"), html}, exitFatal, "nothing was processed", false},
		{"all ok", []string{"extract", html, "-o", "OUT"}, exitOK, "1 document: 1 ok", true},
		{"some failed", []string{"extract", "-o", "OUT", mixed}, exitSomeFailed, "1 ok, 1 corrupt", true},
		{"strict", []string{"extract", "--strict", "-o", "OUT", mixed}, exitFatal, "--strict", false},
		{"version", []string{"version"}, exitOK, "planmap ", false},
		{"help", []string{"--help"}, exitOK, "Exit codes", false},
		{"help extract", []string{"help", "extract"}, exitOK, "--max-memory", false},
		{"extract --help", []string{"extract", "--help"}, exitOK, "Statuses", false},
		{"eval without gold", []string{"eval", "pred.jsonl"}, exitUsage, "--gold DIR is required", false},
		{"eval missing predictions", []string{"eval", "--gold", filepath.Join(samples, "gold"), "nope.jsonl"}, exitFatal, "nope.jsonl", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := out()
			args := make([]string, len(c.args))
			for i, a := range c.args {
				if a == "OUT" {
					a = o
				}
				args[i] = a
			}
			r := runIn(args...)
			if r.code != c.code {
				t.Errorf("exit code %d, want %d\nstdout:%s\nstderr:%s", r.code, c.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr+r.stdout, c.stderr) {
				t.Errorf("output does not say %q:\nstdout:%s\nstderr:%s", c.stderr, r.stdout, r.stderr)
			}
			_, err := os.Stat(o)
			if c.wrote != (err == nil) {
				t.Errorf("output written: %v, want %v", err == nil, c.wrote)
			}
		})
	}
}

// eval scores what extract wrote against the bundled gold annotations.
func TestEvalAfterExtract(t *testing.T) {
	samples := filepath.Join(root(t), "corpus", "samples")
	out := filepath.Join(t.TempDir(), "out.jsonl")
	inputs := []string{"extract", "-q", "-o", out}
	for _, s := range []string{"milton-keynes-tackling-social-exclusion.html", "scotland-equal-communities-action-plan-2009-2011.html"} {
		inputs = append(inputs, filepath.Join(samples, s))
	}
	if r := runIn(inputs...); r.code != exitOK {
		t.Fatalf("extract: exit %d\n%s", r.code, r.stderr)
	}
	r := runIn("eval", "--gold", filepath.Join(samples, "gold"), out)
	if r.code != exitOK {
		t.Fatalf("eval: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"file", "F1", "milton-keynes-tackling-social-exclusion.html", "overall"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval output lacks %q:\n%s", want, r.stdout)
		}
	}
}

// The default output goes to out/planmap.xlsx, creating out/.
func TestDefaultOutput(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	html := filepath.Join(root(t), "corpus", "samples", "milton-keynes-tackling-social-exclusion.html")
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	r := runIn("extract", "-q", html)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if info, err := os.Stat(filepath.Join(dir, "out", "planmap.xlsx")); err != nil || info.Size() == 0 {
		t.Errorf("out/planmap.xlsx: %v", err)
	}
}

// Paths can come from standard input, one per line, with "-".
func TestPathsFromStdin(t *testing.T) {
	samples := filepath.Join(root(t), "corpus", "samples")
	list := filepath.Join(samples, "milton-keynes-tackling-social-exclusion.html") + "\n\n" +
		filepath.Join(samples, "scotland-equal-communities-action-plan-2009-2011.html") + "\n"
	out := filepath.Join(t.TempDir(), "out.jsonl")
	var so, se strings.Builder
	code := run([]string{"extract", "-o", out, "-"}, strings.NewReader(list), &so, &se)
	if code != exitOK || !strings.Contains(se.String(), "2 documents: 2 ok") {
		t.Fatalf("exit %d\n%s", code, se.String())
	}
}
