package odt_test

import (
	"context"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/odt"
	"github.com/planmap/planmap/normalise"
)

// TestActionPlanNormalised: the whole pipeline, from the package's bytes
// through extract.Extract and normalise, finds the three commitments and
// the three table rows, with their leads and dates. The second row's lead
// is the cell merged down from the first row, which leads it too.
func TestActionPlanNormalised(t *testing.T) {
	doc, err := extract.Extract(context.Background(), layout.ODT, odt.ActionPlan(t), extract.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != layout.ODT {
		t.Errorf("format %q", doc.Format)
	}
	plan := normalise.Normalise(doc, "community-safety.odt", normalise.Options{})
	got := map[string]normalise.Action{}
	for _, a := range plan.Actions {
		got[a.Text] = a
		t.Logf("%q leads %v due %q", a.Text, a.Leads, a.Due.Text)
	}
	for text, lead := range map[string]string{
		"Improve street lighting on the ring road": "Highways Team",
		"Repair broken footpath lights":            "Highways Team", // merged down from the row above
		"Set up a neighbourhood watch forum":       "Community Safety Partnership",
	} {
		a, ok := got[text]
		if !ok {
			t.Errorf("no action %q", text)
			continue
		}
		if strings.Join(a.Leads, "; ") != lead {
			t.Errorf("%q: leads %v, want %q", text, a.Leads, lead)
		}
		if a.Due.Text == "" {
			t.Errorf("%q: no due date", text)
		}
	}
	commitments := 0
	for text := range got {
		for _, c := range []string{"install CCTV cameras", "fund a youth outreach worker", "publish a community safety survey"} {
			if strings.Contains(text, c) {
				commitments++
			}
		}
	}
	if commitments != 3 || len(plan.Actions) != 6 {
		t.Errorf("%d actions, %d of the 3 commitments; want 6 actions", len(plan.Actions), commitments)
	}
}
