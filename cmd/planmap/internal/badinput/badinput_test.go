package badinput

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed suite is what the generators make today: a generator
// changed without `go generate` (or a hand-edited file) fails here.
func TestCommittedFilesAreGenerated(t *testing.T) {
	if raceBuild {
		t.Skip("the race detector makes compressing the 40 MB zip bomb take half a minute")
	}
	dir := filepath.Join("..", "..", "..", "..", "testdata", "bad")
	for _, c := range Cases {
		if c.Make == nil || c.Local {
			continue
		}
		got, err := os.ReadFile(filepath.Join(dir, c.Name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./cmd/planmap)", c.Name, err)
			continue
		}
		if !bytes.Equal(got, c.Make()) {
			t.Errorf("%s differs from its generator (run go generate ./cmd/planmap)", c.Name)
		}
	}
	if target, err := os.Readlink(filepath.Join(dir, "symlink-loop", "again")); err != nil || target != "." {
		t.Errorf("symlink-loop/again: %q, %v; want a link to .", target, err)
	}
}
