package eval

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/normalise"
)

var update = flag.Bool("update", false, "rewrite golden files")

const eoe = "east-of-england-regional-social-strategy-action-plan-2007-2010"

func loadGold(t *testing.T) *Gold {
	t.Helper()
	g, err := LoadGold(filepath.Join(corpustest.Root(t), "corpus", "samples", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// asPredictions turns the gold into predictions, one file per document,
// each on the page of its gold record (page 1 when the gold has none), with
// each due as printed and the start of a dated one on the first of its
// expected month.
func asPredictions(g *Gold) []Prediction {
	var out []Prediction
	for _, doc := range sortedDocs(g) {
		for _, a := range g.Documents[doc] {
			p := Prediction{
				Document:  doc,
				Source:    Source{File: "in/" + doc + ".txt", Page: max(a.Page, 1)},
				Objective: a.Objective,
				Ref:       a.Ref,
				Action:    a.Action,
				Due:       asDue(a.Due),
				Leads:     append([]string(nil), a.Leads...),
				Partners:  a.Partners,
			}
			for _, m := range a.Milestones {
				p.Milestones = append(p.Milestones, PredMilestone{Text: m.Text, Due: asDue(m.Due)})
			}
			out = append(out, p)
		}
	}
	return out
}

// asDue is a gold due text as a prediction would carry it: the text, and
// the first of its expected month as start when it names one.
func asDue(text string) Due {
	d := Due{Text: text}
	if ym := expectedMonth(text); ym != "" {
		d.Start = ym + "-01"
	}
	return d
}

func sortedDocs(g *Gold) []string {
	var docs []string
	for d := range g.Documents {
		docs = append(docs, d)
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if docs[j] < docs[i] {
				docs[i], docs[j] = docs[j], docs[i]
			}
		}
	}
	return docs
}

func TestLoadGold(t *testing.T) {
	g := loadGold(t)
	if len(g.Documents) != 5 {
		t.Fatalf("documents = %d, want 5", len(g.Documents))
	}
	// Counts from the gold README.
	want := map[string][2]int{
		eoe: {68, 168},
		"south-east-social-inclusion-partnership-report-2002-2003": {79, 120},
		"oxfordshire-executive-2005-03-15-social-inclusion":        {3, 0},
		"milton-keynes-tackling-social-exclusion":                  {6, 0},
		"scotland-equal-communities-action-plan-2009-2011":         {11, 0},
	}
	for doc, w := range want {
		ms := 0
		for _, a := range g.Documents[doc] {
			ms += len(a.Milestones)
		}
		if got := [2]int{len(g.Documents[doc]), ms}; got != w {
			t.Errorf("%s: actions, milestones = %v, want %v", doc, got, w)
		}
	}
	if len(g.Organisations) != 120 {
		t.Errorf("organisations = %d, want 120", len(g.Organisations))
	}
	// No two organisations share a key.
	owner := map[string]string{}
	for _, o := range g.Organisations {
		for _, n := range append([]string{o.Canonical}, o.Aliases...) {
			if prev, ok := owner[nameKey(n)]; ok && prev != o.Canonical {
				t.Errorf("%q is both %q and %q", n, prev, o.Canonical)
			}
			owner[nameKey(n)] = o.Canonical
		}
	}
	// Every gold lead maps to an organisation (the README's promise).
	for doc, acts := range g.Documents {
		for _, a := range acts {
			for _, l := range a.Leads {
				if _, ok := g.orgOf(l); !ok {
					t.Errorf("%s %s: lead %q not in organisations.json", doc, a.Ref, l)
				}
			}
		}
	}
	// Milestone leads are lists.
	n := 0
	for _, a := range g.Documents[eoe] {
		for _, m := range a.Milestones {
			if len(m.Lead) > 0 {
				n++
			}
		}
	}
	if n != 22 {
		t.Errorf("milestones with a lead = %d, want 22", n)
	}
}

func TestSelfScoreIsPerfect(t *testing.T) {
	g := loadGold(t)
	r := Score(g, asPredictions(g))
	if len(r.Files) != 5 || len(r.Unscored) != 0 {
		t.Fatalf("rows = %d, unscored = %v", len(r.Files), r.Unscored)
	}
	o := r.Overall
	if o.Gold != 167 || o.Pred != 167 || o.Matched != 167 || o.MsGold != 288 {
		t.Errorf("overall counts = %+v", o)
	}
	if o.DueTotal < 150 {
		t.Errorf("dated gold milestones = %d, want most of the 195 with a date", o.DueTotal)
	}
	for _, row := range append(r.Files, Row{File: "overall", Counts: o}) {
		for name, f := range figures(row.Counts) {
			if f.Defined && f.Value != 1 {
				t.Errorf("%s %s = %v, want 1", row.Name(), name, f)
			}
		}
		if len(row.Missed)+len(row.Spurious)+len(row.Diffs) > 0 {
			t.Errorf("%s: details %v %v %v", row.Name(), row.Missed, row.Spurious, row.Diffs)
		}
	}
	for name, f := range figures(o) {
		if !f.Defined {
			t.Errorf("overall %s undefined", name)
		}
	}
}

func figures(c Counts) map[string]Figure {
	return map[string]Figure{
		"P": c.Precision(), "R": c.Recall(), "F1": c.F1(), "leadF1": c.LeadF1(),
		"objAcc": c.ObjectiveAccuracy(), "msF1": c.MilestoneF1(), "dueAcc": c.DueAccuracy(),
	}
}

// eoeRow scores perturbed East of England predictions and returns its row.
func eoeRow(t *testing.T, g *Gold, perturb func([]Prediction) []Prediction) Row {
	t.Helper()
	var preds []Prediction
	for _, p := range asPredictions(g) {
		if p.Document == eoe {
			preds = append(preds, p)
		}
	}
	r := Score(g, perturb(preds))
	for _, row := range r.Files {
		if row.Document == eoe && row.File != "" {
			return row
		}
	}
	t.Fatal("no East of England row")
	return Row{}
}

func TestPerturbations(t *testing.T) {
	g := loadGold(t)
	base := eoeRow(t, g, func(p []Prediction) []Prediction { return p })
	tests := []struct {
		name    string
		perturb func([]Prediction) []Prediction
		check   func(t *testing.T, c Counts)
	}{
		{"drop an action", func(p []Prediction) []Prediction { return append(p[:5:5], p[6:]...) },
			func(t *testing.T, c Counts) {
				if c.Matched != 67 || c.Precision().Value != 1 || c.Recall() != ratio(67, 68) {
					t.Errorf("counts %+v", c)
				}
				if c.MsGold >= base.MsGold {
					t.Errorf("milestones of the dropped action still counted")
				}
			}},
		{"add a spurious action", func(p []Prediction) []Prediction {
			return append(p, Prediction{Document: eoe, Source: p[0].Source, Action: "Paint every lighthouse in Norfolk purple"})
		}, func(t *testing.T, c Counts) {
			if c.Pred != 69 || c.Precision() != ratio(68, 69) || c.Recall().Value != 1 {
				t.Errorf("counts %+v", c)
			}
		}},
		{"change a lead", func(p []Prediction) []Prediction {
			p[0].Leads = []string{"Norfolk Lighthouse Board"} // gold: Jobcentre Plus
			return p
		}, func(t *testing.T, c Counts) {
			if c.LeadTP != base.LeadTP-1 || c.LeadFP != 1 || c.LeadFN != 1 {
				t.Errorf("lead counts %d/%d/%d, base TP %d", c.LeadTP, c.LeadFP, c.LeadFN, base.LeadTP)
			}
		}},
		{"lead by alias, case and punctuation", func(p []Prediction) []Prediction {
			for i := range p {
				for j, l := range p[i].Leads {
					if l == "Government Office for the East of England (GO-East)" {
						p[i].Leads[j] = "go east."
					}
				}
			}
			return p
		}, func(t *testing.T, c Counts) {
			if c.LeadF1().Value != 1 {
				t.Errorf("alias not resolved: %+v", c)
			}
		}},
		{"lead resolved through lead_orgs", func(p []Prediction) []Prediction {
			p[0].Leads = []string{"JCP (local office)"}
			p[0].LeadOrgs = []string{"Jobcentre Plus"}
			return p
		}, func(t *testing.T, c Counts) {
			if c.LeadF1().Value != 1 {
				t.Errorf("lead_orgs not used: %+v", c)
			}
		}},
		{"S07 is not SO7", func(p []Prediction) []Prediction {
			n := 0
			for i := range p {
				if p[i].Objective.Code == "SO7" {
					p[i].Objective.Code = "S07"
					n++
				}
			}
			if n != 8 {
				panic("SO7 actions changed")
			}
			p[0].Objective.Code = " so1:" // case, space, punctuation forgiven
			return p
		}, func(t *testing.T, c Counts) {
			if c.ObjRight != 60 || c.ObjTotal != 68 {
				t.Errorf("objective %d/%d, want 60/68", c.ObjRight, c.ObjTotal)
			}
		}},
		{"shift a due by a month", func(p []Prediction) []Prediction {
			p[0].Milestones[0].Due.Start = "2008-04-01" // gold: Spring, 2008 → March
			p[0].Milestones[1].Due.Start = "2008-03-31" // same month: still right
			return p
		}, func(t *testing.T, c Counts) {
			if c.DueRight != base.DueTotal-1 || c.DueTotal != base.DueTotal {
				t.Errorf("due %d/%d, base total %d", c.DueRight, c.DueTotal, base.DueTotal)
			}
		}},
		{"drop a milestone", func(p []Prediction) []Prediction {
			p[1].Milestones = p[1].Milestones[1:]
			return p
		}, func(t *testing.T, c Counts) {
			if c.MsMatch != base.MsMatch-1 || c.MsPred != base.MsPred-1 {
				t.Errorf("milestones %+v", c)
			}
			if c.DueTotal != base.DueTotal || c.DueRight != base.DueRight-1 {
				t.Errorf("an unmatched dated milestone must count as wrong: %d/%d", c.DueRight, c.DueTotal)
			}
		}},
		{"reworded action still matches", func(p []Prediction) []Prediction {
			// 20 words; 2 changed keeps overlap at 18/20.
			p[0].Action = strings.Replace(p[0].Action, "Promote work", "Promoting jobs", 1)
			return p
		}, func(t *testing.T, c Counts) {
			if c.Matched != 68 {
				t.Errorf("matched %d", c.Matched)
			}
		}},
		{"truncated action no longer matches", func(p []Prediction) []Prediction {
			p[0].Action = "Promote work as the best form of welfare" // 8 of 22 words
			return p
		}, func(t *testing.T, c Counts) {
			if c.Matched != 67 {
				t.Errorf("matched %d", c.Matched)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, eoeRow(t, g, tt.perturb).Counts)
		})
	}
}

func TestTwoFormatsScoredOncePerFile(t *testing.T) {
	g := loadGold(t)
	const se = "south-east-social-inclusion-partnership-report-2002-2003"
	var preds []Prediction
	for _, ext := range []string{".docx", ".pdf"} {
		for _, p := range asPredictions(g) {
			if p.Document == se {
				p.Source.File = "corpus/" + se + ext
				preds = append(preds, p)
			}
		}
	}
	preds = preds[:len(preds)-10] // the PDF lost its last ten actions
	r := Score(g, preds)
	var rows []Row
	for _, row := range r.Files {
		if row.Document == se {
			rows = append(rows, row)
		}
	}
	if len(rows) != 2 || rows[0].Gold != 79 || rows[1].Gold != 79 {
		t.Fatalf("rows %+v", rows)
	}
	if rows[0].Matched != 79 || rows[1].Matched != 69 {
		t.Errorf("matched %d, %d; want 79, 69", rows[0].Matched, rows[1].Matched)
	}
	// Four other documents got no file: each is a row with recall 0.
	if len(r.Files) != 6 || r.Overall.Gold != 2*79+88 {
		t.Errorf("rows %d, overall gold %d", len(r.Files), r.Overall.Gold)
	}
}

func TestInputsWithoutActionsCostRecall(t *testing.T) {
	g := loadGold(t)
	var preds []Prediction
	for _, p := range asPredictions(g) {
		if p.Document == eoe {
			preds = append(preds, p)
		}
	}
	inputs := []InputFile{
		{File: "in/" + eoe + ".txt", Document: eoe, Status: "ok"},
		{File: "in/milton-keynes-tackling-social-exclusion.html", Document: "milton-keynes-tackling-social-exclusion", Status: "corrupt"},
		{File: "in/copy.html", Document: "copy", Status: "duplicate"},
		{File: "in/other.pdf", Document: "other", Status: "ok"},
		{File: filepath.Join(g.Dir, eoe+".jsonl"), Document: eoe, Status: "ok"}, // the gold itself
	}
	r := ScoreInputs(g, preds, inputs)
	names := []string{}
	for _, row := range r.Files {
		names = append(names, row.Name())
	}
	want := "east-of-england-regional-social-strategy-action-plan-2007-2010.txt," +
		"milton-keynes-tackling-social-exclusion.html," +
		"oxfordshire-executive-2005-03-15-social-inclusion (no file)," +
		"scotland-equal-communities-action-plan-2009-2011 (no file)," +
		"south-east-social-inclusion-partnership-report-2002-2003 (no file)"
	if got := strings.Join(names, ","); got != want {
		t.Errorf("rows\n got %s\nwant %s", got, want)
	}
	if len(r.Unscored) != 1 || r.Unscored[0] != "in/other.pdf" {
		t.Errorf("unscored %v", r.Unscored)
	}
	if r.Overall.Gold != 167 || r.Overall.Matched != 68 {
		t.Errorf("overall %+v", r.Overall)
	}
}

func TestExpectedMonth(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Spring, 2008", "2008-03"},
		{"Summer, 2007, annually thereafter", "2007-06"},
		{"Autumn, 2008 (dependent on delivery of National Carers Strategy)", "2008-09"},
		{"Winter 2007, ongoing thereafter", "2007-12"},
		{"Winter, 2010", "2010-12"},
		{"autumn 2003", "2003-09"},
		{"June 2003", "2003-06"},
		{"Sept. 2004", "2004-09"},
		{"January and May 2003", "2003-01"},
		{"October 2002 - March 2003", "2002-10"},
		{"end of the 2002 - 2003 financial year", "2002-04"},
		{"first part of 2005/06", "2005-04"},
		{"2009/2010", "2009-04"},
		{"2003", ""},
		{"early 2003", ""},
		{"Ongoing", ""},
		{"To be confirmed in Climate Change Action Plan", ""},
		{"2002 - 2012 Regional Economic Strategy", ""},
		{"2005/09", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := expectedMonth(tt.text); got != tt.want {
			t.Errorf("expectedMonth(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGreedyMatchIsOneToOneByBestOverlap(t *testing.T) {
	gold := []string{"reduce child poverty in the region", "reduce child poverty"}
	pred := []string{"reduce child poverty", "reduce child poverty in the region now"}
	m := greedyMatch(len(gold), len(pred), func(i, j int) float64 {
		return overlap(wordSet(gold[i]), wordSet(pred[j]))
	})
	// gold 1 ↔ pred 0 is exact (1.0); gold 0 ↔ pred 1 is 6/7.
	if m[0] != 1 || m[1] != 0 {
		t.Errorf("match = %v, want [1 0]", m)
	}
	if got := overlap(wordSet("Co-operation, TEN (10) year's"), wordSet("co operation ten 10 year s")); got != 1 {
		t.Errorf("word split: overlap = %v", got)
	}
	if overlap(wordSet(""), wordSet("")) != 0 {
		t.Error("empty texts must not match")
	}
}

func TestLoadPredictionsIssue2Shape(t *testing.T) {
	preds, err := LoadPredictions(filepath.Join("testdata", "pred.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(preds) != 2 {
		t.Fatalf("got %d predictions", len(preds))
	}
	p := preds[0]
	if p.Document != eoe || p.Source.File != "corpus/"+eoe+".pdf" || p.Source.Page != 3 ||
		p.Objective.Code != "SO1" || p.Ref != "1" || len(p.Milestones) != 2 ||
		p.Milestones[0].Due.Start != "2008-03-01" || p.Leads[0] != "Jobcentre Plus" {
		t.Errorf("prediction = %+v", p)
	}
	g := loadGold(t)
	r := Score(g, preds)
	if r.Files[0].Matched != 2 || r.Files[0].DueRight != 3 || r.Files[0].DueTotal != 3 {
		t.Errorf("row %+v", r.Files[0].Counts)
	}
	if _, err := LoadPredictions(filepath.Join("testdata", "bad.jsonl")); err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("bad line: err = %v", err)
	}
}

func TestFromActions(t *testing.T) {
	acts := []normalise.Action{{
		ID: "x-1", Document: eoe, Source: normalise.Source{File: "a.pdf", Page: 4},
		Objective: normalise.Objective{Code: "SO1"}, Ref: "1", Text: "Promote work",
		Milestones: []normalise.Milestone{{Text: "m", Due: normalise.Due{Text: "Spring, 2008", Start: "2008-03-01", End: "2008-05-31"}, Lead: "GO-East"}},
		Leads:      []string{"Jobcentre Plus"}, LeadOrgs: []string{"Jobcentre Plus"},
	}}
	p := FromActions(acts)
	if len(p) != 1 || p[0].Action != "Promote work" || p[0].Source.Page != 4 ||
		p[0].Milestones[0].Due.Start != "2008-03-01" || p[0].Milestones[0].Lead != "GO-East" || p[0].LeadOrgs[0] != "Jobcentre Plus" {
		t.Errorf("FromActions = %+v", p)
	}
}

// TestPrintGolden prints the report of a fixed, partly wrong prediction set.
func TestPrintGolden(t *testing.T) {
	g := loadGold(t)
	var preds []Prediction
	for _, p := range asPredictions(g) {
		switch p.Document {
		case "scotland-equal-communities-action-plan-2009-2011":
			continue // no file
		case eoe:
			if p.Ref == "3" {
				continue
			}
			if p.Objective.Code == "SO2" {
				p.Leads = nil
			}
			if len(p.Milestones) > 0 && p.Objective.Code == "SO4" {
				p.Milestones[0].Due.Start = ""
			}
		}
		preds = append(preds, p)
	}
	preds = append(preds, Prediction{Document: "unknown-plan", Source: Source{File: "in/unknown-plan.html"}, Action: "x"})
	var buf bytes.Buffer
	if err := Score(g, preds).Print(&buf); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(want) {
		t.Errorf("report differs from %s (run with -update):\n%s", golden, buf.String())
	}
}
