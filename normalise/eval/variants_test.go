package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/eval"
)

// The bundled samples as other producers print them (corpus/variants:
// Chromium with and without table borders, LibreOffice, an HTML rebuild of
// a PDF table) read as well as the originals: action F1 ≥ 0.95 on each
// file against the same gold. The rules were not written for these
// layouts, so this is a test of generality, not of memory.
func TestProducerVariants(t *testing.T) {
	gold, err := eval.LoadGold(corpustest.Shared(t, "corpus/gold"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(corpustest.Root(t), "corpus", "variants", "*", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".pdf", ".docx", ".html":
		default:
			continue
		}
		n++
		rel, _ := filepath.Rel(filepath.Join(corpustest.Root(t), "corpus", "variants"), f)
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := extract.Extract(context.Background(), corpus.Identify(data), data, extract.Limits{PageWorkers: 1})
			if err != nil {
				t.Fatalf("extract: %v", err)
			}
			plan := normalise.Normalise(doc, f, normalise.Options{})
			r := eval.Score(gold, eval.FromActions(plan.Actions))
			scored := false
			for _, row := range r.Files {
				if row.Document != plan.Document {
					continue // another gold document, not this file's
				}
				scored = true
				if f1 := row.F1(); !f1.Defined || f1.Value < 0.95 {
					t.Errorf("%s: action F1 %v (%d gold, %d predicted, %d matched), want ≥ 0.95", rel, f1.Value, row.Gold, row.Pred, row.Matched)
				}
				if lf := row.LeadF1(); lf.Defined && lf.Value < 0.9 {
					t.Errorf("%s: lead F1 %v, want ≥ 0.9", rel, lf.Value)
				}
			}
			if !scored {
				t.Fatalf("no gold for %s", plan.Document)
			}
		})
	}
	if n < 8 {
		t.Errorf("%d variant files, want the 8 in corpus/variants", n)
	}
}
