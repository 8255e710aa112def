//go:build linux

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus/corpustest"
)

// The store's end-to-end tests: real files, a real SQLite file or
// PostgreSQL server, and planmap run as its own process so it can be
// killed.

// jsonlOf returns the sorted lines of the JSON Lines files in dir (the
// actions file and documents.jsonl): extract and export must agree on the
// lines, whatever their order.
func jsonlOf(t *testing.T, out string) map[string][]string {
	t.Helper()
	got := map[string][]string{}
	for name, p := range map[string]string{"actions": out, "documents.jsonl": filepath.Join(filepath.Dir(out), "documents.jsonl")} {
		lines := strings.Split(strings.TrimRight(string(readFile(t, p)), "\n"), "\n")
		slices.Sort(lines)
		got[name] = lines
	}
	return got
}

// sameJSONL fails the test when two outputs differ, naming the first line
// that does.
func sameJSONL(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	for name, w := range want {
		g := got[name]
		if slices.Equal(g, w) {
			continue
		}
		for i := range max(len(g), len(w)) {
			var gl, wl string
			if i < len(g) {
				gl = g[i]
			}
			if i < len(w) {
				wl = w[i]
			}
			if gl != wl {
				t.Fatalf("%s: %s differs from extract's (%d lines, want %d); first difference:\n got %.300s\nwant %.300s",
					what, name, len(g), len(w), gl, wl)
			}
		}
	}
}

// extracted runs planmap extract on paths once per test binary and
// returns its JSON Lines.
var (
	extractedMu sync.Mutex
	extractedBy = map[string]map[string][]string{}
)

func extracted(t *testing.T, paths ...string) map[string][]string {
	t.Helper()
	extractedMu.Lock()
	defer extractedMu.Unlock()
	key := strings.Join(paths, "\x00")
	if got, ok := extractedBy[key]; ok {
		return got
	}
	out := filepath.Join(t.TempDir(), "extract.jsonl")
	r := planmap(t, 10*time.Minute, append([]string{"extract", "-q", "-o", out}, paths...)...)
	if r.code != exitOK && r.code != exitSomeFailed {
		t.Fatalf("extract: exit %d\n%s", r.code, r.stderr)
	}
	extractedBy[key] = jsonlOf(t, out)
	return extractedBy[key]
}

// exported runs planmap export of the store dsn to JSON Lines.
func exported(t *testing.T, dsn string) map[string][]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "export.jsonl")
	r := planmap(t, 5*time.Minute, "export", "--db", dsn, "-o", out)
	if r.code != exitOK {
		t.Fatalf("export: exit %d\n%s", r.code, r.stderr)
	}
	return jsonlOf(t, out)
}

// importInto runs planmap import and returns its summary line.
func importInto(t *testing.T, dsn string, args ...string) string {
	t.Helper()
	r := planmap(t, 10*time.Minute, append([]string{"import", "-q", "--db", dsn}, args...)...)
	if r.code != exitOK && r.code != exitSomeFailed {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	return lines[len(lines)-1]
}

// TestImportExportEqualsExtract: import of the shared corpus and the real
// documents, then export, gives extract's JSON Lines; importing again
// reads nothing and changes nothing.
func TestImportExportEqualsExtract(t *testing.T) {
	var paths []string
	if raceBuild {
		// the real documents take minutes under the race detector: make
		// test runs this test again without it (test-store)
		paths = sampleInputs(t)
	} else {
		paths = []string{corpustest.Shared(t, "corpus"), corpustest.Shared(t, "bench/real-docs")}
	}
	want := extracted(t, paths...)
	dsn := filepath.Join(t.TempDir(), "planmap.db")
	first := importInto(t, dsn, paths...)
	if !strings.Contains(first, " 0 changed, 0 unchanged, 0 missing") {
		t.Errorf("first import: %s", first)
	}
	sameJSONL(t, "export after import", exported(t, dsn), want)
	again := importInto(t, dsn, paths...)
	if !strings.Contains(again, "0 new, 0 changed,") || !strings.Contains(again, "reused") {
		t.Errorf("second import: %s", again)
	}
	sameJSONL(t, "export after a second import", exported(t, dsn), want)
}

// TestChangedFileIsANewVersion: a folder imported, one file given other
// content and one removed, imported again: one changed, one missing, the
// old version kept as superseded, and the export equals extract of the
// folder as it is now.
func TestChangedFileIsANewVersion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plans")
	copyFile(t, corpustest.Sample(t, "milton-keynes-tackling-social-exclusion.html"), filepath.Join(dir, "a.html"))
	copyFile(t, corpustest.Sample(t, "scotland-equal-communities-action-plan-2009-2011.html"), filepath.Join(dir, "b.html"))
	copyFile(t, corpustest.Sample(t, "oxfordshire-executive-2005-03-15-social-inclusion.html"), filepath.Join(dir, "c.html"))
	dsn := filepath.Join(t.TempDir(), "planmap.db")
	if s := importInto(t, dsn, dir); !strings.Contains(s, "3 new, 0 changed, 0 unchanged, 0 missing; read 3, reused 0") {
		t.Fatalf("first import: %s", s)
	}
	if s := importInto(t, dsn, dir); !strings.Contains(s, "0 new, 0 changed, 3 unchanged, 0 missing; read 0, reused 3") {
		t.Fatalf("unchanged import: %s", s)
	}
	copyFile(t, corpustest.Sample(t, "oxfordshire-executive-2005-03-15-social-inclusion.html"), filepath.Join(dir, "b.html"))
	if err := os.Remove(filepath.Join(dir, "a.html")); err != nil {
		t.Fatal(err)
	}
	if s := importInto(t, dsn, dir); !strings.Contains(s, "0 new, 1 changed, 1 unchanged, 1 missing; read 1, reused 1") {
		t.Fatalf("import after the change: %s", s)
	}
	sameJSONL(t, "export after the change", exported(t, dsn), extracted(t, dir))
	r := planmap(t, time.Minute, "status", "--db", dsn)
	for _, want := range []string{"missing              1", "superseded           1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, r.stdout)
		}
	}
}
