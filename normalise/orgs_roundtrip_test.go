package normalise_test

import (
	"path/filepath"
	"testing"

	"github.com/planmap/planmap/export"
	"github.com/planmap/planmap/normalise"
)

// TestRegistryWorkbookRoundTrip: the Organisations sheet of a workbook
// planmap writes is read back by --orgs, so an analyst's merges in Excel
// reach the next run. This pins the contract between export and normalise.
func TestRegistryWorkbookRoundTrip(t *testing.T) {
	plan := &normalise.Plan{
		Document: "widget-valley-plan",
		Actions: []normalise.Action{{
			ID: "widget-valley-plan#1", Document: "widget-valley-plan", Ref: "1",
			Text: "Develop a housing strategy", Leads: []string{"WVP"}, LeadOrgs: []string{"Widget Valley Partnership"},
			Partners: []string{"Acme Homes Ltd"}, PartnerOrgs: []string{"Acme Homes Ltd"},
			Themes: []string{"housing"},
		}},
		Organisations: []normalise.Organisation{
			{Canonical: "Widget Valley Partnership", Aliases: []string{"WVP"}, Kind: normalise.KindPartner},
			{Canonical: "Acme Homes Ltd", Kind: normalise.KindPrivate},
		},
	}
	docs := []normalise.Document{{File: "in/widget-valley-plan.pdf", Name: "widget-valley-plan", Format: "pdf", Status: "ok", Plan: plan}}
	path := filepath.Join(t.TempDir(), "planmap.xlsx")
	if err := export.Write(path, docs); err != nil {
		t.Fatal(err)
	}
	reg, err := normalise.LoadRegistry(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"WVP": "Widget Valley Partnership", "acme homes ltd": "Acme Homes Ltd", "EEDA": "East of England Development Agency"} {
		if o := reg.Resolve(name, nil); o.Canonical != want {
			t.Errorf("Resolve(%q) = %q, want %q", name, o.Canonical, want)
		}
	}
	if o, ok := reg.Lookup("WVP"); !ok || o.Kind != normalise.KindPartner {
		t.Errorf("WVP: %+v %v", o, ok)
	}
}
