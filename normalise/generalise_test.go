package normalise_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"

	"github.com/planmap/planmap/normalise"
)

// Documents of shapes the rules were not written for, from
// ../shared/corpus-real: each case names the shape and what a reader sees
// in it. The figures for the whole set are make eval-real's; these tests
// pin the mechanisms.
func TestUnseenShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("long PDFs")
	}
	t.Parallel()
	t.Run("recommendations and responses table", func(t *testing.T) {
		t.Parallel()
		// No. | Recommendation | Government response | Paragraph no.,
		// under a caption row, continued over nine pages with no header:
		// the response column is a status column by its cells (Accept,
		// Reject), so the table is an action table.
		p := normaliseShared(t, "corpus-real/docs/hmg_heseltine-review-response_2013.pdf")
		var table *normalise.TableDecision
		for i, d := range p.Decisions {
			if d.Page == 57 && d.Plan {
				table = &p.Decisions[i]
			}
		}
		if table == nil {
			t.Fatalf("the p57 table is not read as an action table: %+v", p.Decisions)
		}
		roles := map[string]string{}
		for _, c := range table.Columns {
			roles[c.RoleStr] = c.Header + " " + strings.Join(c.Reasons, "; ")
		}
		if !strings.Contains(roles["action"], "Recommendation") || !strings.Contains(roles["status"], "status words") {
			t.Errorf("roles %v, want Recommendation → action and the response column → status by its cells", roles)
		}
		inTable, accepted := 0, 0
		for _, a := range p.Actions {
			if a.Source.Page >= 57 && a.Source.Page <= 65 && a.Source.Table > 0 {
				inTable++
				if strings.HasPrefix(a.Status, "Accept") && len(a.Leads) > 0 {
					accepted++
					// The foreword is signed by the Chancellor and the
					// Business Secretary: a joint publication.
					if strings.Join(a.Leads, "|") != "HM Treasury|Department for Business, Innovation and Skills" {
						t.Errorf("%q: leads %q, want both publishers", a.Text, a.Leads)
					}
				}
			}
		}
		if inTable < 60 {
			t.Errorf("%d actions from Table A.1, want most of its 89", inTable)
		}
		if accepted == 0 {
			t.Error("no accepted recommendation has the publisher as its lead")
		}
	})
	t.Run("lists after 'the government will:'", func(t *testing.T) {
		t.Parallel()
		// Keep On Caring's summary: bullets after lead-ins that commit the
		// government in several wordings ("In order to achieve this the
		// government will:", "We will help to achieve this by:"), some
		// indented; each bullet is an action led by the publisher.
		p := normaliseShared(t, "corpus-real/docs/dfe_keep-on-caring_2016.pdf")
		want := []string{
			"meet the training costs for care leavers undertaking apprenticeships up to age 25",
			"continuing to fund local authorities to support Staying Put arrangements",
			"use the new Mental Health Services Data Set",
		}
		for _, w := range want {
			found := false
			for _, a := range p.Actions {
				if strings.Contains(a.Text, w) {
					found = true
					if len(a.Leads) == 0 {
						t.Errorf("%q has no lead", w)
					}
				}
			}
			if !found {
				t.Errorf("no action %q", w)
			}
		}
	})
	t.Run("we-will sentences in a chapter of actions", func(t *testing.T) {
		t.Parallel()
		// More Great Childcare states its plan as "We will ..." sentences
		// under "A plan of action"; the appendix table of responses does
		// not make them context.
		p := normaliseShared(t, "corpus-real/docs/dfe_more-great-childcare_2013.pdf")
		n := 0
		for _, a := range p.Actions {
			if a.Source.Page >= 27 && a.Source.Page <= 40 && strings.HasPrefix(a.Text, "We will") {
				n++
				if len(a.Leads) != 1 || a.Leads[0] != "Department for Education" {
					t.Errorf("%q: leads %q, want the publisher", a.Text, a.Leads)
				}
			}
		}
		if n < 20 {
			t.Errorf("%d 'We will' actions in chapter 3, want at least 20", n)
		}
	})
	t.Run("numbered mitigating actions and their responsible officer", func(t *testing.T) {
		t.Parallel()
		// An EqIA printed as headings and paragraphs, not a grid:
		// "Mitigating Actions for Age" above numbered items, then
		// "Responsible Officer for Mitigating Actions – Age" above the
		// names, which lead the items above it.
		p := normaliseShared(t, "corpus-real/docs/kent-cc_eqia-18-25-strengthening-independence-transfer_2025.pdf")
		if len(p.Actions) < 14 || len(p.Actions) > 18 {
			t.Errorf("%d actions, want the 16 mitigating actions", len(p.Actions))
		}
		for _, a := range p.Actions {
			if len(a.Leads) == 0 {
				t.Errorf("%q has no lead", a.Text)
			}
		}
		if a := p.Actions[0]; strings.Join(a.Leads, "|") != "Alyson Waggett ASCH|Sharon Howard CYPE" {
			t.Errorf("first action's leads %q, want the two officers", a.Leads)
		}
	})
	t.Run("a monitoring return is not a plan", func(t *testing.T) {
		t.Parallel()
		// An Excel monitoring return: figures, indicators and a help line
		// ("Use the + and - to expand / collapse the table") beside
		// formula zeros, which number nothing.
		path := corpustest.Shared(t, "bench/real-docs/mhclg_towns-fund_round4-monitoring-return_testfixture.xlsx")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Extract(context.Background(), corpus.Identify(data), data, extract.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if p := normalise.Normalise(doc, path, normalise.Options{}); len(p.Actions) >= 5 {
			t.Errorf("%d actions from a monitoring return, want fewer than 5", len(p.Actions))
		}
	})
	t.Run("distractors stay quiet", func(t *testing.T) {
		t.Parallel()
		for _, f := range []string{
			"corpus-real/docs/kent-cc_budget-mtfp-changes-appendix-e_2025.pdf",
			"corpus-real/docs/kent-cc_county-council-minutes_2025-03-13.pdf",
		} {
			if p := normaliseShared(t, f); len(p.Actions) >= 5 {
				t.Errorf("%s: %d actions, want fewer than 5 from a budget or minutes", f, len(p.Actions))
			}
		}
	})
}
