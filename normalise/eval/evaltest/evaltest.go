// Package evaltest scores one plan against the gold of the bundled
// samples, for the tests that read a sample printed in another format (an
// Excel tracker, an ODT, a LibreOffice conversion) and hold it to the
// sample's figures.
package evaltest

import (
	"path/filepath"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/eval"
)

// SampleRow scores plan against the samples' gold and returns its
// document's row, logging its figures; the test fails when the document
// has no gold.
func SampleRow(tb testing.TB, plan *normalise.Plan) eval.Row {
	tb.Helper()
	gold, err := eval.LoadGold(filepath.Join(corpustest.Root(tb), "corpus", "samples", "gold"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, row := range eval.Score(gold, eval.FromActions(plan.Actions)).Files {
		if row.Document == plan.Document {
			tb.Logf("%s: action F1 %.3f (%d gold, %d predicted, %d matched), lead F1 %.3f, milestone F1 %.3f, due accuracy %.3f, objective accuracy %.3f",
				plan.Document, row.F1().Value, row.Gold, row.Pred, row.Matched, row.LeadF1().Value,
				row.MilestoneF1().Value, row.DueAccuracy().Value, row.ObjectiveAccuracy().Value)
			return row
		}
	}
	tb.Fatalf("no gold for %s", plan.Document)
	return eval.Row{}
}
