package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/eval"
)

// The real government and council plans of ../shared/corpus-real, which
// the rules were not first written for, scored as make eval-real scores
// them (with scope.json): the figures docs/accuracy.md reports may not
// fall back. The distractors (a budget, minutes) stay quiet.
func TestRealCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("twelve real PDFs")
	}
	gold, err := eval.LoadGold(corpustest.Shared(t, "corpus-real/gold"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(corpustest.Shared(t, "corpus-real/docs"), "*.pdf"))
	if err != nil || len(files) < 12 {
		t.Fatalf("%d documents, %v", len(files), err)
	}
	sort.Strings(files)
	var preds []eval.Prediction
	quiet := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Extract(context.Background(), corpus.Identify(data), data, extract.Limits{PageWorkers: 2})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		plan := normalise.Normalise(doc, f, normalise.Options{})
		if len(gold.Documents[plan.Document]) == 0 {
			quiet[plan.Document] = len(plan.Actions)
		}
		preds = append(preds, eval.FromActions(plan.Actions)...)
	}
	r := eval.Score(gold, preds)
	o := r.Overall
	t.Logf("action F1 %.3f (P %.3f R %.3f), lead F1 %.3f, due %.3f", o.F1().Value, o.Precision().Value, o.Recall().Value, o.LeadF1().Value, o.DueAccuracy().Value)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"action F1", o.F1().Value, 0.89},
		{"lead F1", o.LeadF1().Value, 0.90},
		{"due accuracy", o.DueAccuracy().Value, 0.87},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f, want ≥ %.2f (make eval-real shows each document)", c.name, c.got, c.want)
		}
	}
	if len(quiet) != 2 {
		t.Errorf("distractors %v, want the budget and the minutes", quiet)
	}
	for doc, n := range quiet {
		if n >= 5 {
			t.Errorf("%s: %d actions from a document that is not a plan, want fewer than 5", doc, n)
		}
	}
}
