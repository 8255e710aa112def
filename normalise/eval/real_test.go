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

// TestDetailsRealShaped: the report and --details name what lay outside
// the pages.
func TestDetailsRealShaped(t *testing.T) {
	g := loadRealShaped(t)
	preds := asPredictions(g)
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
	n := 0
	for doc, acts := range g.Documents {
		n += len(acts)
		for _, a := range acts {
			if a.Page < 1 {
				t.Errorf("%s %q: no page", doc, label(a.Ref, a.Action))
			}
			if r, ok := g.Scope[doc]; ok && !r.Contains(a.Page) {
				t.Errorf("%s %q: page %d outside its scope %v", doc, label(a.Ref, a.Action), a.Page, r)
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
	for _, row := range r.Files {
		if row.OutOfScope != 0 || len(row.Missed)+len(row.Spurious)+len(row.Diffs) > 0 {
			t.Errorf("%s: outside %d, details %v %v %v", row.Name(), row.OutOfScope, row.Missed, row.Spurious, row.Diffs)
		}
	}
}
