package pdf

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden from the current output")

// renderBlocks is a plain rendering of blocks for golden files: kind,
// level, marker and text, one block a line.
func renderBlocks(bs []layout.Block) string {
	var b strings.Builder
	for _, bl := range bs {
		switch bl.Kind {
		case layout.TableKind:
			fmt.Fprintf(&b, "p%d table %dx%d\n", bl.Page, bl.Table.Columns, len(bl.Table.Rows))
		default:
			fmt.Fprintf(&b, "p%d %s %d %q %s\n", bl.Page, bl.Kind, bl.Level, bl.Marker, bl.Text)
		}
	}
	return b.String()
}

// TestGoldenBlocks compares the blocks of text pages of the bundled LibreOffice
// samples with golden files: headings, numbered paragraphs, bullets and
// paragraph breaks. Run with -update-golden after a deliberate change.
func TestGoldenBlocks(t *testing.T) {
	cases := []struct {
		sample string
		pages  []int
		golden string
	}{
		{eastOfEngland, []int{1}, "east-of-england-p1.txt"},
		{southEast, []int{2, 3, 4}, "south-east-p2-4.txt"},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			data := corpustest.ReadSample(t, c.sample)
			doc, err := Extract(context.Background(), data, Options{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			var keep []layout.Block
			for _, b := range doc.Blocks {
				for _, p := range c.pages {
					if b.Page == p {
						keep = append(keep, b)
					}
				}
			}
			got := renderBlocks(keep)
			path := filepath.Join("testdata", "golden", c.golden)
			if *updateGolden {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update-golden)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("first difference at line %d:\n got %s\nwant %s", i+1, g, w)
					}
				}
			}
		})
	}
}
