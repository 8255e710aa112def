package normalise_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise"
)

func normaliseFile(t *testing.T, path string, format layout.Format, opt normalise.Options) *normalise.Plan {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Extract(context.Background(), format, data, extract.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return normalise.Normalise(doc, path, opt)
}

// A delivery plan printed with no header row: every column's role comes
// from its cells (codes, verb clauses, bodies, dates, RAG words), every
// row is an action, and a budget table beside it gives none.
func TestRolesFromCells(t *testing.T) {
	p := normaliseFile(t, "testdata/unnamed-columns.html", layout.HTML, normalise.Options{})
	if len(p.Decisions) != 2 {
		t.Fatalf("%d table decisions, want 2", len(p.Decisions))
	}
	want := []string{"ref", "action", "lead", "due", "status"}
	for i, c := range p.Decisions[0].Columns {
		if c.RoleStr != want[i] {
			t.Errorf("column %d: role %s, want %s (%v)", i+1, c.RoleStr, want[i], c.Reasons)
		}
		if len(c.Reasons) == 0 || !strings.Contains(c.Reasons[0], "cells") {
			t.Errorf("column %d: reasons %q do not cite the cells", i+1, c.Reasons)
		}
	}
	if p.Decisions[1].Plan || !strings.Contains(p.Decisions[1].Why, "figures") {
		t.Errorf("budget table: %+v, want not a plan because of its figures", p.Decisions[1])
	}
	if len(p.Actions) != 5 {
		t.Fatalf("%d actions, want the 5 rows", len(p.Actions))
	}
	cases := []struct{ ref, lead, due, status string }{
		{"1.1", "Anytown Borough Council", "2025-03", "Green"},
		{"1.2", "Police and Crime Commissioner", "2025-0", "Amber"},
		{"1.5", "Thames Valley Police", "2024-12", "Complete"},
	}
	for _, c := range cases {
		var a *normalise.Action
		for i := range p.Actions {
			if p.Actions[i].Ref == c.ref {
				a = &p.Actions[i]
			}
		}
		if a == nil {
			t.Errorf("no action %s", c.ref)
			continue
		}
		if strings.Join(a.Leads, "|") != c.lead || !strings.HasPrefix(a.Due.End+a.Due.Start, c.due) || a.Status != c.status {
			t.Errorf("%s: leads %q due %+v status %q, want %s %s %s", c.ref, a.Leads, a.Due, a.Status, c.lead, c.due, c.status)
		}
	}
}

// --columns overrules header and cells: a column named "none" is ignored.
func TestForcedRoles(t *testing.T) {
	cols, err := normalise.ReadColumns(strings.NewReader("Green,none\n"), "test")
	if err != nil {
		t.Fatal(err)
	}
	p := normaliseFile(t, "testdata/unnamed-columns.html", layout.HTML, normalise.Options{Columns: cols})
	if got := p.Decisions[0].Columns[4].RoleStr; got != "none" {
		t.Errorf("forced column role %s, want none", got)
	}
	for _, a := range p.Actions {
		if a.Status != "" {
			t.Errorf("%s: status %q from an ignored column", a.Ref, a.Status)
		}
	}
	if _, err := normalise.ReadColumns(strings.NewReader("Lead,chief\n"), "bad.csv"); err == nil || !strings.Contains(err.Error(), "bad.csv: line 1") {
		t.Errorf("bad role: %v", err)
	}
}

// Commitments in several formats in one strategy: a lead-in whose items
// lost their bullets ("the Council will:" then bare paragraphs), a box
// headed "Council commitments", and a dated "We will" sentence. Sentences
// that only say something will happen ("The climate will change",
// "Residents will be asked") are not actions.
func TestCommitmentsInAnyFormat(t *testing.T) {
	p := normaliseFile(t, "testdata/commitments.html", layout.HTML, normalise.Options{})
	want := map[string]string{
		"retrofit 400 council homes":          "Anytown Borough Council",
		"offer free energy advice visits":     "Anytown Borough Council",
		"publish a heat network feasibility":  "Anytown Borough Council",
		"Install 250 public electric vehicle": "Anytown Borough Council",
		"Work with Anytown Bus Company":       "Anytown Borough Council",
		"Replace the council's diesel fleet":  "Anytown Borough Council",
		"set up a Climate Partnership Board":  "Anytown Borough Council",
		"complete the river flood defence":    "Environment Agency",
	}
	for frag, lead := range want {
		found := false
		for _, a := range p.Actions {
			if strings.Contains(a.Text, frag) {
				found = true
				if len(a.Leads) == 0 || !strings.Contains(a.Leads[0], lead) {
					t.Errorf("%q: leads %q, want %s", frag, a.Leads, lead)
				}
			}
		}
		if !found {
			t.Errorf("no action %q", frag)
		}
	}
	for _, a := range p.Actions {
		for _, bad := range []string{"climate will change", "Residents will be asked", "declared a climate emergency"} {
			if strings.Contains(a.Text, bad) {
				t.Errorf("%q is not a commitment", a.Text)
			}
		}
	}
	if len(p.Actions) != len(want) {
		t.Errorf("%d actions, want %d", len(p.Actions), len(want))
	}
}
