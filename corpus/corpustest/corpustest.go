// Package corpustest finds the files tests read: the sample documents bundled
// in corpus/samples, and the shared benchmark material in ../shared beside the
// project root, which a fresh clone does not have (tests then skip).
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the project root (the folder holding go.mod).
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("corpustest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Sample returns the path of a bundled sample document, e.g.
// Sample(t, "milton-keynes-tackling-social-exclusion.html").
func Sample(tb testing.TB, name string) string {
	tb.Helper()
	p := filepath.Join(Root(tb), "corpus", "samples", name)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("sample %s: %v", name, err)
	}
	return p
}

// Shared returns the path of rel inside ../shared (or $PLANMAP_SHARED), and
// skips the test when that material is absent.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	base := os.Getenv("PLANMAP_SHARED")
	if base == "" {
		base = filepath.Join(filepath.Dir(Root(tb)), "shared")
	}
	p := filepath.Join(base, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared material %s absent: %v", rel, err)
	}
	return p
}

// ReadSample reads a bundled sample document.
func ReadSample(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(Sample(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
