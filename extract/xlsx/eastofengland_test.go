package xlsx

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/eval/evaltest"
)

const eastGold = "east-of-england-regional-social-strategy-action-plan-2007-2010"

// eastTracker writes the East of England action plan as a live tracker:
// a title row, a bold header row, a band row per strategic objective, one
// row per action with its milestones and their completion dates as lines
// in a cell. The content comes from the sample's gold annotations.
func eastTracker(t *testing.T) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join(corpustest.Root(t), "corpus", "samples", "gold", eastGold+".jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	type record struct {
		Objective   struct{ Code, Title string }
		Ref, Action string
		Milestones  []struct{ Text, Due string }
		Outcomes    []string
		Leads       []string
		Partners    []string
	}
	x := excelize.NewFile()
	defer x.Close()
	const sh = "Action plan"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(x.SetSheetName("Sheet1", sh))
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	must(err)
	must(x.SetCellValue(sh, "A1", "East of England Regional Social Strategy: Action Plan 2007-2010"))
	must(x.MergeCell(sh, "A1", "G1"))
	must(x.SetSheetRow(sh, "A3", &[]any{"Ref", "Action", "Milestones", "Completion date", "Lead", "Partners", "Outcomes"}))
	must(x.SetCellStyle(sh, "A3", "G3", bold))
	row, objective := 4, ""
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		cell := func(col int) string { c, _ := excelize.CoordinatesToCellName(col, row); return c }
		if r.Objective.Code != objective {
			objective = r.Objective.Code
			must(x.SetCellValue(sh, cell(1), r.Objective.Code+": "+r.Objective.Title))
			must(x.MergeCell(sh, cell(1), cell(7)))
			row++
		}
		var ms, dues []string
		for _, m := range r.Milestones {
			ms = append(ms, m.Text)
			dues = append(dues, m.Due)
		}
		must(x.SetSheetRow(sh, cell(1), &[]any{r.Ref, r.Action, strings.Join(ms, "\n"), strings.Join(dues, "\n"),
			strings.Join(r.Leads, ", "), strings.Join(r.Partners, ", "), strings.Join(r.Outcomes, "\n")}))
		row++
	}
	buf, err := x.WriteToBuffer()
	must(err)
	return buf.Bytes()
}

// TestEastOfEnglandTracker: the whole normaliser, unchanged, reads the
// tracker as well as it reads the PDF: action F1 ≥ 0.95, lead F1 ≥ 0.90
// against the sample's gold.
func TestEastOfEnglandTracker(t *testing.T) {
	doc, err := Extract(eastTracker(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	plan := normalise.Normalise(doc, eastGold+".xlsx", normalise.Options{})
	row := evaltest.SampleRow(t, plan)
	if f1 := row.F1(); !f1.Defined || f1.Value < 0.95 {
		t.Errorf("action F1 %v, want ≥ 0.95", f1.Value)
	}
	if lf := row.LeadF1(); !lf.Defined || lf.Value < 0.9 {
		t.Errorf("lead F1 %v, want ≥ 0.9", lf.Value)
	}
}
