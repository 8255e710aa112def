package html

import (
	"flag"
	"testing"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/layout/layouttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func dump(doc *layout.Document) string      { return layouttest.Dump(doc) }
func validate(doc *layout.Document) error   { return layouttest.Validate(doc) }
func diffLines(want, got string) string     { return layouttest.DiffLines(want, got) }
func golden(t *testing.T, name, got string) { t.Helper(); layouttest.Golden(t, *update, name, got) }
