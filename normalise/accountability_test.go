package normalise_test

import (
	"strings"
	"testing"

	"github.com/planmap/planmap/normalise"
)

// Owners a reader plainly sees but no lead cell prints, on real files: the
// directorate named in each page's heading of Kent's health and wellbeing
// inventory ("… ~ CYPE input"), and the bodies that are the subjects of the
// South East report's milestones ("RAISE to …", "SEEDA has …").
func TestAccountability(t *testing.T) {
	if testing.Short() {
		t.Skip("long PDFs")
	}
	t.Parallel()
	t.Run("heading names the owner of its rows", func(t *testing.T) {
		t.Parallel()
		p := normaliseShared(t, "bench/real-docs/kent-cc_health-wellbeing-activity_appA_2025.pdf")
		byPage := map[int]map[string]bool{}
		none := 0
		for _, a := range p.Actions {
			if len(a.Leads) == 0 {
				none++
				continue
			}
			if byPage[a.Source.Page] == nil {
				byPage[a.Source.Page] = map[string]bool{}
			}
			for _, l := range a.Leads {
				byPage[a.Source.Page][l] = true
			}
		}
		if none > len(p.Actions)/10 {
			t.Errorf("%d of %d actions have no lead; every page's heading names a directorate", none, len(p.Actions))
		}
		// One commitment each directorate lists is that directorate's
		// action: the same words stay two actions under two owners.
		owners := map[string]bool{}
		for _, a := range p.Actions {
			if strings.HasPrefix(a.Text, "Whole family approach") {
				owners[strings.Join(a.Leads, "; ")] = true
			}
		}
		if !owners["CYPE"] || !owners["Public Health"] {
			t.Errorf("'Whole family approach' under owners %v, want CYPE's and Public Health's", owners)
		}
		for page, want := range map[int]string{4: "CYPE", 9: "Public Health", 12: "GET", 35: "Adult Social Care"} {
			if !byPage[page][want] {
				t.Errorf("page %d: leads %v, want %q from the heading", page, byPage[page], want)
			}
		}
		for _, a := range p.Actions {
			if strings.Join(a.Leads, "") == "CYPE" && !strings.Contains(strings.ToLower(a.LeadWhy), "cype input") {
				t.Errorf("%q: lead_why %q does not quote the heading", a.Text, a.LeadWhy)
				break
			}
		}
	})
	t.Run("milestone subjects", func(t *testing.T) {
		t.Parallel()
		p := normaliseShared(t, "corpus/south-east-social-inclusion-partnership-report-2002-2003.pdf")
		leads := map[string]string{}
		for _, a := range p.Actions {
			for _, m := range a.Milestones {
				leads[m.Text] = m.Lead
			}
		}
		for _, c := range []struct{ prefix, want string }{
			{"RAISE commissioned and published", "RAISE"},
			{"SEEDA will add", "SEEDA"},
			{"GOSE has begun mapping", "GOSE"},
			{"Commitment by SEEDA", "SEEDA"},
			{"SIPSE to revisit", "SIPSE"},
			// Events and passives name no doer.
			{"Action Planning Awayday held", ""},
			{"Second Regional Conference to be held", ""},
			{"Task Group renamed", ""},
		} {
			found := false
			for text, lead := range leads {
				if strings.HasPrefix(text, c.prefix) {
					found = true
					if lead != c.want {
						t.Errorf("%q: lead %q, want %q", text, lead, c.want)
					}
				}
			}
			if !found {
				t.Errorf("no milestone starts %q", c.prefix)
			}
		}
		// A milestone's doer is an organisation of the plan.
		var raise *normalise.Organisation
		for i, o := range p.Organisations {
			if o.Canonical == "RAISE" || strings.Contains(strings.Join(o.Aliases, "|"), "RAISE") {
				raise = &p.Organisations[i]
			}
		}
		if raise == nil {
			t.Errorf("RAISE, which leads milestones, is not among the plan's organisations")
		}
	})
	t.Run("posts in several spellings", func(t *testing.T) {
		t.Parallel()
		// Kent appendix B prints "CPH", "CPH lead", "CPH leads for each
		// area" and "Linked CPH": one post, the words kept on the action.
		p := normaliseShared(t, "corpus-real/docs/kent-cc_ics-priorities-and-actions_appB_2025.pdf")
		variants := 0
		for _, a := range p.Actions {
			for i, l := range a.Leads {
				if strings.Contains(l, "CPH") && l != "CPH" && !strings.Contains(l, "/") {
					variants++
					if i >= len(a.LeadOrgs) || a.LeadOrgs[i] != "CPH" {
						t.Errorf("%q printed %q: organisation %q, want CPH", a.Text, l, a.LeadOrgs)
					}
				}
			}
		}
		if variants < 3 {
			t.Errorf("%d leads printed as a variant of CPH, want the appendix's several", variants)
		}
		for _, o := range p.Organisations {
			if o.Canonical != "CPH" && strings.HasPrefix(o.Canonical, "CPH") || strings.HasPrefix(o.Canonical, "Linked") {
				t.Errorf("organisation %q is a spelling of CPH", o.Canonical)
			}
			// Posts of the council are within it: compared as one
			// partner, not as many.
			switch o.Canonical {
			case "CPH", "DPH", "Head of Economy", "PH Consultant":
				if o.Within != p.Publisher || p.Publisher == "" {
					t.Errorf("%q within %q, want the publisher %q", o.Canonical, o.Within, p.Publisher)
				}
			}
		}
	})
	t.Run("bodies in their own right", func(t *testing.T) {
		t.Parallel()
		// A government plan's departments and agencies are partners, not
		// posts of the publisher.
		p := normaliseShared(t, "corpus-real/docs/hmg_aml-ctf-action-plan_2016.pdf")
		for _, o := range p.Organisations {
			if o.Within != "" {
				t.Errorf("%q within %q, want a body of its own", o.Canonical, o.Within)
			}
		}
	})
	t.Run("a quantified group is no body", func(t *testing.T) {
		t.Parallel()
		// "… owned and monitored by each Directorate": every directorate,
		// not one organisation.
		p := normaliseShared(t, "bench/real-docs/kent-cc_ics-delivery-plan_cabinet-report_2025.pdf")
		for _, a := range p.Actions {
			for _, l := range a.Leads {
				if strings.HasPrefix(l, "each ") {
					t.Errorf("%q: lead %q", a.Text, l)
				}
			}
			if strings.Contains(a.Text, "each Directorate") && !strings.Contains(a.LeadWhy, "names no one body") {
				t.Errorf("%q: lead_why %q", a.Text, a.LeadWhy)
			}
		}
		for _, o := range p.Organisations {
			if strings.HasPrefix(o.Canonical, "each ") {
				t.Errorf("organisation %q", o.Canonical)
			}
		}
	})
	t.Run("a partner in the lead cell", func(t *testing.T) {
		t.Parallel()
		// East of England SO6.2: "EERA with Housing Corporation" in the
		// lead column: EERA leads, the Housing Corporation works with it.
		p := normaliseShared(t, "corpus/east-of-england-regional-social-strategy-action-plan-2007-2010.pdf")
		found := false
		for _, a := range p.Actions {
			if strings.HasSuffix(a.ID, "#SO6.2") {
				found = true
				if len(a.JointPartners) != 1 || !strings.Contains(a.JointPartners[0], "Housing Corporation") {
					t.Errorf("SO6.2 joint partners %q, want the Housing Corporation", a.JointPartners)
				}
			}
		}
		if !found {
			t.Error("no action SO6.2")
		}
	})
}
