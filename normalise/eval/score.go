package eval

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Counts are the numbers behind every figure of one row. Summing Counts
// gives the micro-average.
type Counts struct {
	Gold, Pred, Matched     int // actions
	LeadTP, LeadFP, LeadFN  int // lead organisations of matched actions
	ObjRight, ObjTotal      int // objective codes of matched actions
	MsGold, MsPred, MsMatch int // milestones of matched actions
	DueRight, DueTotal      int // dated gold milestones and gold action dues of matched actions
}

// Add sums two rows' counts.
func (c Counts) Add(o Counts) Counts {
	return Counts{
		Gold: c.Gold + o.Gold, Pred: c.Pred + o.Pred, Matched: c.Matched + o.Matched,
		LeadTP: c.LeadTP + o.LeadTP, LeadFP: c.LeadFP + o.LeadFP, LeadFN: c.LeadFN + o.LeadFN,
		ObjRight: c.ObjRight + o.ObjRight, ObjTotal: c.ObjTotal + o.ObjTotal,
		MsGold: c.MsGold + o.MsGold, MsPred: c.MsPred + o.MsPred, MsMatch: c.MsMatch + o.MsMatch,
		DueRight: c.DueRight + o.DueRight, DueTotal: c.DueTotal + o.DueTotal,
	}
}

// Figure is a ratio that may be undefined (zero denominator).
type Figure struct {
	Value   float64
	Defined bool
}

func ratio(num, den int) Figure {
	if den == 0 {
		return Figure{}
	}
	return Figure{Value: float64(num) / float64(den), Defined: true}
}

func (f Figure) String() string {
	if !f.Defined {
		return "-"
	}
	return fmt.Sprintf("%.3f", f.Value)
}

// Precision of action matching: matched / predicted.
func (c Counts) Precision() Figure { return ratio(c.Matched, c.Pred) }

// Recall of action matching: matched / gold.
func (c Counts) Recall() Figure { return ratio(c.Matched, c.Gold) }

// F1 of action matching: 2·matched / (gold + predicted).
func (c Counts) F1() Figure { return ratio(2*c.Matched, c.Gold+c.Pred) }

// LeadF1 over the lead organisations of matched actions.
func (c Counts) LeadF1() Figure { return ratio(2*c.LeadTP, 2*c.LeadTP+c.LeadFP+c.LeadFN) }

// ObjectiveAccuracy over matched actions.
func (c Counts) ObjectiveAccuracy() Figure { return ratio(c.ObjRight, c.ObjTotal) }

// MilestoneF1 over the milestones of matched actions.
func (c Counts) MilestoneF1() Figure { return ratio(2*c.MsMatch, c.MsGold+c.MsPred) }

// DueAccuracy over the dated gold milestones and the non-empty gold action
// dues of matched actions.
func (c Counts) DueAccuracy() Figure { return ratio(c.DueRight, c.DueTotal) }

// Row is the score of one input file.
type Row struct {
	File     string // source file as predicted; "" for a gold document no file gave
	Document string
	Counts
	// Scope is the document's annotated page range when scope.json lists it
	// (Scoped); OutOfScope predictions lay outside it and were not scored.
	Scope      PageRange
	Scoped     bool
	OutOfScope int
	// What went wrong, for people improving the extractor.
	Missed   []string // gold actions with no match: "ref: text"
	Spurious []string // predicted actions with no match
	Diffs    []string // matched actions whose leads, objective or dues differ
}

// Report holds one row per scored file and the overall micro-average.
type Report struct {
	Files   []Row
	Overall Counts
	// Unscored lists files whose document has no gold.
	Unscored []string
}

// Score scores predictions against gold, one row per source file.
func Score(g *Gold, preds []Prediction) *Report {
	return ScoreInputs(g, preds, nil)
}

// ScoreInputs is Score when the list of files read is known (documents.jsonl):
// an input of a gold document that gave no action is scored as a file with
// no predictions instead of being folded into a "(no file)" row.
func ScoreInputs(g *Gold, preds []Prediction, inputs []InputFile) *Report {
	byFile := map[string][]Prediction{}
	docOf := map[string]string{}
	for _, p := range preds {
		if g.inGoldDir(p.Source.File) {
			continue
		}
		byFile[p.Source.File] = append(byFile[p.Source.File], p)
		if _, ok := docOf[p.Source.File]; !ok {
			docOf[p.Source.File] = p.Document
		}
	}
	for _, in := range inputs {
		if in.Status == "duplicate" || g.inGoldDir(in.File) {
			continue // reported once, under the first file with that content
		}
		if _, ok := docOf[in.File]; !ok {
			docOf[in.File] = in.Document
		}
	}
	files := make([]string, 0, len(docOf))
	for f := range docOf {
		files = append(files, f)
	}
	sort.Strings(files)

	r := &Report{}
	seen := map[string]bool{}
	for _, f := range files {
		doc := docOf[f]
		gold, ok := g.Documents[doc]
		if !ok {
			r.Unscored = append(r.Unscored, f)
			continue
		}
		seen[doc] = true
		r.Files = append(r.Files, scoreFile(g, f, doc, gold, byFile[f]))
	}
	var lost []string
	for doc := range g.Documents {
		if !seen[doc] {
			lost = append(lost, doc)
		}
	}
	sort.Strings(lost)
	for _, doc := range lost {
		r.Files = append(r.Files, scoreFile(g, "", doc, g.Documents[doc], nil))
	}
	for _, row := range r.Files {
		r.Overall = r.Overall.Add(row.Counts)
	}
	return r
}

func scoreFile(g *Gold, file, doc string, gold []GoldAction, preds []Prediction) Row {
	row := Row{File: file, Document: doc}
	row.Scope, row.Scoped = g.Scope[doc]
	if row.Scoped {
		// Only the annotated pages are scored: a prediction outside them
		// (or with no page) is neither matched nor charged.
		var in []Prediction
		for _, p := range preds {
			if row.Scope.Contains(p.Source.Page) {
				in = append(in, p)
			}
		}
		row.OutOfScope = len(preds) - len(in)
		preds = in
	}
	row.Gold, row.Pred = len(gold), len(preds)

	goldWords := make([]map[string]struct{}, len(gold))
	altWords := make([]map[string]struct{}, len(gold))
	for i, a := range gold {
		goldWords[i] = wordSet(a.Action)
		if a.AltAction != "" {
			altWords[i] = wordSet(a.AltAction)
		}
	}
	predWords := make([]map[string]struct{}, len(preds))
	for j, p := range preds {
		predWords[j] = wordSet(p.Action)
	}
	match := greedyMatch(len(gold), len(preds), func(i, j int) float64 {
		s := overlap(goldWords[i], predWords[j])
		if altWords[i] != nil {
			s = max(s, overlap(altWords[i], predWords[j]))
		}
		return s
	})

	used := make([]bool, len(preds))
	for i, j := range match {
		if j < 0 {
			row.Missed = append(row.Missed, label(gold[i].Ref, gold[i].Action))
			continue
		}
		used[j] = true
		row.Matched++
		scorePair(g, &row, gold[i], preds[j])
	}
	for j, p := range preds {
		if !used[j] {
			row.Spurious = append(row.Spurious, label(p.Ref, p.Action))
		}
	}
	return row
}

// inGoldDir reports whether file lies inside the gold folder (a batch run
// over ../shared/corpus also reads ../shared/corpus/gold/*.jsonl).
func (g *Gold) inGoldDir(file string) bool {
	if g.Dir == "" || file == "" {
		return false
	}
	dir, err1 := filepath.Abs(g.Dir)
	f, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(dir, f)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// scorePair adds the lead, objective, due, milestone and milestone due
// counts of one matched action.
func scorePair(g *Gold, row *Row, ga GoldAction, p Prediction) {
	where := label(ga.Ref, ga.Action)

	goldLeads := map[string]bool{}
	for _, l := range ga.Leads {
		k, _ := g.orgOf(l)
		goldLeads[k] = true
	}
	predLeads := map[string]bool{}
	for i, l := range p.Leads {
		k, ok := g.orgOf(l)
		if !ok && i < len(p.LeadOrgs) {
			if k2, ok2 := g.orgOf(p.LeadOrgs[i]); ok2 {
				k = k2
			}
		}
		predLeads[k] = true
	}
	tp := 0
	for k := range predLeads {
		if goldLeads[k] {
			tp++
		}
	}
	row.LeadTP += tp
	row.LeadFP += len(predLeads) - tp
	row.LeadFN += len(goldLeads) - tp
	if tp != len(predLeads) || tp != len(goldLeads) {
		row.Diffs = append(row.Diffs, fmt.Sprintf("%s: leads %q, predicted %q", where, ga.Leads, p.Leads))
	}

	row.ObjTotal++
	if codeKey(ga.Objective.Code) == codeKey(p.Objective.Code) {
		row.ObjRight++
	} else {
		row.Diffs = append(row.Diffs, fmt.Sprintf("%s: objective %q, predicted %q", where, ga.Objective.Code, p.Objective.Code))
	}

	if ga.Due != "" {
		row.DueTotal++
		if actionDueAgrees(ga.Due, p.Due) {
			row.DueRight++
		} else {
			row.Diffs = append(row.Diffs, fmt.Sprintf("%s: due %q%s, predicted %q (start %q)",
				where, ga.Due, monthNote(ga.Due), p.Due.Text, p.Due.Start))
		}
	}

	gw := make([]map[string]struct{}, len(ga.Milestones))
	for i, m := range ga.Milestones {
		gw[i] = wordSet(m.Text)
	}
	pw := make([]map[string]struct{}, len(p.Milestones))
	for j, m := range p.Milestones {
		pw[j] = wordSet(m.Text)
	}
	ms := greedyMatch(len(gw), len(pw), func(i, j int) float64 { return overlap(gw[i], pw[j]) })
	row.MsGold += len(gw)
	row.MsPred += len(pw)
	for i, j := range ms {
		if j >= 0 {
			row.MsMatch++
		}
		want := expectedMonth(ga.Milestones[i].Due)
		if want == "" {
			continue
		}
		row.DueTotal++
		got := ""
		if j >= 0 {
			got = startMonth(p.Milestones[j].Due.Start)
		}
		if got == want {
			row.DueRight++
		} else if j >= 0 {
			row.Diffs = append(row.Diffs, fmt.Sprintf("%s: milestone %d due %q (%s), predicted start %q",
				where, i+1, ga.Milestones[i].Due, want, p.Milestones[j].Due.Start))
		}
	}
}

// label names an action in the details: "SO1.2: Promote work …".
func label(ref, text string) string {
	const n = 70
	r := []rune(text)
	if len(r) > n {
		text = string(r[:n]) + "…"
	}
	if ref == "" {
		return text
	}
	return ref + ": " + text
}

// actionDueAgrees reports whether a predicted action due agrees with the
// gold one: the same month (predicted start) when the gold text names a
// month, season or financial year with its year; otherwise the two texts,
// reduced to lower-case letters and digits, contain one another.
func actionDueAgrees(gold string, p Due) bool {
	if want := expectedMonth(gold); want != "" {
		return startMonth(p.Start) == want
	}
	g, t := dueKey(gold), dueKey(p.Text)
	return g != "" && t != "" && (strings.Contains(t, g) || strings.Contains(g, t))
}

// dueKey is a due text's lower-cased letters and digits: "Mar ’26" →
// "mar26".
func dueKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// monthNote is " (YYYY-MM)" for a gold due that names a month, else "".
func monthNote(due string) string {
	if m := expectedMonth(due); m != "" {
		return " (" + m + ")"
	}
	return ""
}
