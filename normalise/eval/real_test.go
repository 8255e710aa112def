package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
)

// The gold of ../shared/corpus-real: scope.json and action-level dues, on
// the small fixture in testdata/realgold and, when present, on the real
// thing.

const (
	careDoc    = "dept_care-strategy_2016"
	councilDoc = "council_priorities_2025"
)

func loadRealShaped(t *testing.T) *Gold {
	t.Helper()
	g, err := LoadGold(filepath.Join("testdata", "realgold"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLoadGoldScope(t *testing.T) {
	g := loadRealShaped(t)
	if len(g.Documents) != 3 || len(g.Documents[careDoc]) != 3 || len(g.Documents[councilDoc]) != 4 {
		t.Fatalf("documents %d, care %d, council %d", len(g.Documents), len(g.Documents[careDoc]), len(g.Documents[councilDoc]))
	}
	if len(g.Scope) != 1 || g.Scope[careDoc] != (PageRange{6, 8}) {
		t.Errorf("scope %v", g.Scope)
	}
	if a := g.Documents[careDoc][2]; a.Page != 8 || a.Due != "ongoing" {
		t.Errorf("page %d due %q", a.Page, a.Due)
	}

	gold := func(dir string) {
		for _, doc := range []string{careDoc, councilDoc} {
			b, err := os.ReadFile(filepath.Join("testdata", "realgold", doc+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, doc+".jsonl"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name, scope string
		want        map[string]PageRange
		err         string // "" = loads
	}{
		{"no scope.json", "", nil, ""},
		{"empty", `{}`, map[string]PageRange{}, ""},
		{"one page", `{"` + careDoc + `": {"pages": [7, 7]}}`, map[string]PageRange{careDoc: {7, 7}}, ""},
		{"two documents", `{"` + careDoc + `": {"pages": [6, 8]}, "` + councilDoc + `": {"pages": [1, 30]}}`,
			map[string]PageRange{careDoc: {6, 8}, councilDoc: {1, 30}}, ""},
		{"unknown document", `{"nope": {"pages": [1, 2]}}`, nil, `"nope" has no gold file`},
		{"reversed", `{"` + careDoc + `": {"pages": [8, 6]}}`, nil, "want [first, last]"},
		{"one number", `{"` + careDoc + `": {"pages": [6]}}`, nil, "want [first, last]"},
		{"page 0", `{"` + careDoc + `": {"pages": [0, 3]}}`, nil, "want [first, last]"},
		{"no pages", `{"` + careDoc + `": {}}`, nil, "want [first, last]"},
		{"not JSON", `{"` + careDoc + `": `, nil, "scope.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			gold(dir)
			if tt.scope != "" {
				if err := os.WriteFile(filepath.Join(dir, "scope.json"), []byte(tt.scope), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			g, err := LoadGold(dir)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Scope) != len(tt.want) {
				t.Fatalf("scope %v, want %v", g.Scope, tt.want)
			}
			for doc, r := range tt.want {
				if g.Scope[doc] != r {
					t.Errorf("scope[%s] = %v, want %v", doc, g.Scope[doc], r)
				}
			}
		})
	}
}

// rowOf scores predictions and returns the row of doc's file.
func rowOf(t *testing.T, g *Gold, doc string, preds []Prediction) Row {
	t.Helper()
	for _, row := range Score(g, preds).Files {
		if row.Document == doc && row.File != "" {
			return row
		}
	}
	t.Fatalf("no row for %s", doc)
	return Row{}
}

func TestScopeDropsPredictionsOutsideThePages(t *testing.T) {
	g := loadRealShaped(t)
	var care, council []Prediction
	for _, p := range asPredictions(g) {
		switch p.Document {
		case careDoc:
			care = append(care, p)
		case councilDoc:
			council = append(council, p)
		}
	}
	at := func(p Prediction, page int) Prediction { p.Source.Page = page; return p }
	extra := func(doc string, page int) Prediction {
		return Prediction{Document: doc, Source: Source{File: "in/" + doc + ".txt", Page: page},
			Action: "Work will also be undertaken to review the support offered to young people"}
	}
	tests := []struct {
		name                                     string
		doc                                      string
		preds                                    []Prediction
		pred, matched, outside, spurious, missed int
	}{
		{"every gold action on its page", careDoc, care, 3, 3, 0, 0, 0},
		{"a restatement on page 30 is not charged", careDoc,
			append(append([]Prediction{}, care...), at(care[0], 30)), 3, 3, 1, 0, 0},
		{"a gold action found only outside the pages is missed, not matched", careDoc,
			[]Prediction{at(care[0], 30), care[1], care[2]}, 2, 2, 1, 0, 1},
		{"an unrelated sentence before the pages is not charged", careDoc,
			append(append([]Prediction{}, care...), extra(careDoc, 5)), 3, 3, 1, 0, 0},
		{"an unrelated sentence inside the pages is charged", careDoc,
			append(append([]Prediction{}, care...), extra(careDoc, 7)), 4, 3, 0, 1, 0},
		{"first and last pages count", careDoc,
			[]Prediction{at(care[0], 6), at(care[1], 8), care[2]}, 3, 3, 0, 0, 0},
		{"a prediction with no page is not counted", careDoc,
			append(append([]Prediction{}, care...), at(extra(careDoc, 0), 0)), 3, 3, 1, 0, 0},
		{"a document without scope counts every page", councilDoc,
			append(append([]Prediction{}, council...), extra(councilDoc, 40), extra(councilDoc, 0)), 6, 4, 0, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := rowOf(t, g, tt.doc, tt.preds)
			got := [5]int{row.Pred, row.Matched, row.OutOfScope, len(row.Spurious), len(row.Missed)}
			want := [5]int{tt.pred, tt.matched, tt.outside, tt.spurious, tt.missed}
			if got != want {
				t.Errorf("pred, matched, outside, spurious, missed = %v, want %v", got, want)
			}
			if row.Gold != len(g.Documents[tt.doc]) {
				t.Errorf("gold %d", row.Gold)
			}
			if row.Scoped != (tt.doc == careDoc) {
				t.Errorf("scoped = %v", row.Scoped)
			}
		})
	}
}

func TestActionDueAgrees(t *testing.T) {
	tests := []struct {
		gold string
		pred Due
		want bool
	}{
		// The gold names a month: the predicted start decides.
		{"by March 2013", Due{Text: "by March 2013", Start: "2013-03-01"}, true},
		{"by March 2013", Due{Text: "March 2013", Start: "2013-03-31"}, true},
		{"by March 2013", Due{Text: "by March 2013", Start: "2013-04-01"}, false},
		{"by March 2013", Due{Text: "by March 2013"}, false}, // printed but not read
		{"Mar 2026", Due{Text: "Mar 2026", Start: "2026-03-01"}, true},
		{"from summer 2013", Due{Text: "summer 2013", Start: "2013-06-01"}, true},
		{"by 31 January 2018", Due{Text: "31 January 2018", Start: "2018-01-31"}, true},
		{"2005/06", Due{Text: "2005/06", Start: "2005-04-01"}, true},
		// Otherwise the texts, as lower-case letters and digits.
		{"ongoing", Due{Text: "Ongoing"}, true},
		{"ongoing", Due{Text: "ongoing work with partners"}, true},
		{"ongoing", Due{}, false},
		{"1-2 years", Due{Text: "1 - 2 years"}, true},
		{"1-2 years", Due{Text: "2-3 years"}, false},
		{"Dec ’24", Due{Text: "Dec '24", Start: "2024-12-01"}, true},
		{"in late 2014", Due{Text: "late 2014", Start: "2014-09-01"}, true},
		{"early 2013", Due{Text: "2013", Start: "2013-01-01"}, true}, // the gold contains the prediction
		{"early 2013", Due{Text: "late 2013"}, false},
		{"Once in post", Due{Text: "Once in post."}, true},
	}
	for _, tt := range tests {
		if got := actionDueAgrees(tt.gold, tt.pred); got != tt.want {
			t.Errorf("actionDueAgrees(%q, %+v) = %v, want %v", tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestActionDueCounts(t *testing.T) {
	g := loadRealShaped(t)
	var base []Prediction
	for _, p := range asPredictions(g) {
		if p.Document == councilDoc {
			base = append(base, p)
		}
	}
	tests := []struct {
		name        string
		due         func(p []Prediction)
		right, diff int
	}{
		{"as printed", func(p []Prediction) {}, 4, 0},
		{"a month late", func(p []Prediction) { p[0].Due.Start = "2026-04-01" }, 3, 1},
		{"no due found", func(p []Prediction) { p[1].Due = Due{} }, 3, 1},
		{"the wrong relative timescale", func(p []Prediction) { p[1].Due.Text = "3-5 years" }, 3, 1},
		{"every due lost", func(p []Prediction) {
			for i := range p {
				p[i].Due = Due{}
			}
		}, 0, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			preds := append([]Prediction(nil), base...)
			tt.due(preds)
			row := rowOf(t, g, councilDoc, preds)
			if row.DueTotal != 4 || row.DueRight != tt.right || len(row.Diffs) != tt.diff {
				t.Errorf("due %d/%d, diffs %q", row.DueRight, row.DueTotal, row.Diffs)
			}
		})
	}
	// A gold action with no due is not counted; one the prediction missed
	// costs nothing here (recall already charges it).
	var care []Prediction
	for _, p := range asPredictions(g) {
		if p.Document == careDoc {
			care = append(care, p)
		}
	}
	if row := rowOf(t, g, careDoc, care[1:]); row.DueTotal != 1 || row.DueRight != 1 {
		t.Errorf("care: due %d/%d, want 1/1", row.DueRight, row.DueTotal)
	}
}

// TestDetailsRealShaped: --details names what lay outside the pages and
// each action due that differs.
func TestDetailsRealShaped(t *testing.T) {
	g := loadRealShaped(t)
	preds := asPredictions(g)
	for i := range preds {
		if preds[i].Document == councilDoc && preds[i].Due.Text == "1-2 years" {
			preds[i].Due = Due{Text: "2-3 years"}
		}
		if preds[i].Document == careDoc && preds[i].Due.Text == "by April 2018" {
			preds[i].Due.Start = "2018-03-01"
		}
	}
	var extra Prediction
	for _, p := range preds {
		if p.Document == careDoc {
			extra = p
			break
		}
	}
	extra.Source.Page = 30
	preds = append(preds, extra)
	r := Score(g, preds)

	var buf bytes.Buffer
	if err := r.Print(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "scored on pages 6-8 only: " + careDoc + ".txt (1 prediction outside not scored)\n"; !strings.Contains(buf.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, buf.String())
	}
	buf.Reset()
	if err := r.PrintDetails(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"== " + careDoc + ".txt\n  not scored: 1 prediction outside pages 6-8\n",
		`  differs:  Extend the personal adviser offer to every care leaver up to the age o…: due "by April 2018" (2018-04), predicted "by April 2018" (start "2018-03-01")`,
		`  differs:  Develop a parenting offer based on evidence across all districts: due "1-2 years", predicted "2-3 years" (start "")`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("details lack %q:\n%s", want, buf.String())
		}
	}
}

// TestRealGold loads ../shared/corpus-real/gold when it is there: the counts
// its README gives, its scope, and a perfect score for the gold read back
// as predictions.
func TestRealGold(t *testing.T) {
	g, err := LoadGold(corpustest.Shared(t, filepath.Join("corpus-real", "gold")))
	if err != nil {
		t.Fatal(err)
	}
	n, dues := 0, 0
	for doc, acts := range g.Documents {
		n += len(acts)
		for _, a := range acts {
			if a.Page < 1 {
				t.Errorf("%s %q: no page", doc, label(a.Ref, a.Action))
			}
			if r, ok := g.Scope[doc]; ok && !r.Contains(a.Page) {
				t.Errorf("%s %q: page %d outside its scope %v", doc, label(a.Ref, a.Action), a.Page, r)
			}
			if a.Due != "" {
				dues++
			}
		}
	}
	if n != 388 || len(g.Documents) != 12 {
		t.Errorf("gold actions %d in %d documents, want 388 in 12", n, len(g.Documents))
	}
	want := map[string]PageRange{
		"dfe_keep-on-caring_2016":       {6, 8},
		"dfe_more-great-childcare_2013": {27, 40},
		"dwp_fuller-working-lives_2014": {11, 23},
	}
	if len(g.Scope) != 3 {
		t.Errorf("scoped documents %d, want 3: %v", len(g.Scope), g.Scope)
	}
	for doc, r := range want {
		if g.Scope[doc] != r {
			t.Errorf("scope[%s] = %v, want %v", doc, g.Scope[doc], r)
		}
	}

	r := Score(g, asPredictions(g))
	o := r.Overall
	if o.Gold != 388 || o.Pred != 388 || o.Matched != 388 {
		t.Errorf("self-score counts %+v", o)
	}
	if o.DueTotal < dues || o.DueRight != o.DueTotal {
		t.Errorf("due %d/%d, gold actions with a due %d", o.DueRight, o.DueTotal, dues)
	}
	for _, row := range r.Files {
		if row.OutOfScope != 0 || len(row.Missed)+len(row.Spurious)+len(row.Diffs) > 0 {
			t.Errorf("%s: outside %d, details %v %v %v", row.Name(), row.OutOfScope, row.Missed, row.Spurious, row.Diffs)
		}
	}
}
