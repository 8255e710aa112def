package export

import (
	"github.com/planmap/planmap/normalise"
)

// Synthetic batches in the shape the pipeline produces. The File paths are
// the bundled samples (relative to this package), so hyperlinks can be
// checked against files that exist.

const (
	eoeFile  = "../corpus/samples/east-of-england-regional-social-strategy-action-plan-2007-2010.pdf"
	seDocx   = "../corpus/samples/south-east-social-inclusion-partnership-report-2002-2003.docx"
	sePDF    = "../corpus/samples/south-east-social-inclusion-partnership-report-2002-2003.pdf"
	scotFile = "../corpus/samples/scotland-equal-communities-action-plan-2009-2011.html"
	mkFile   = "../corpus/samples/milton-keynes-tackling-social-exclusion.html"
)

func due(text, start, end string) normalise.Due {
	return normalise.Due{Text: text, Start: start, End: end}
}

func fixtureDocs() []normalise.Document {
	eoe := &normalise.Plan{
		Document: "east-of-england-regional-social-strategy-action-plan-2007-2010",
		Meta: normalise.Meta{Title: "Regional Social Strategy Action Plan", Region: "East of England",
			Period: due("2007-2010", "2007-01-01", "2010-12-31"), Published: due("June 2007", "2007-06-01", "2007-06-30")},
		Objectives: []normalise.Objective{{Code: "SO1", Title: "To tackle poverty and reduce income inequalities"},
			{Code: "SO9", Title: "An objective nobody acts on"}},
		Organisations: []normalise.Organisation{{Canonical: "Jobcentre Plus", Aliases: []string{"JCP"}, Kind: "national government"},
			{Canonical: "Government Office for the East of England", Aliases: []string{"GO-East"}, Kind: "government office"},
			{Canonical: "Norfolk Lighthouse Board", Aliases: []string{"NLHB", "Lighthouse Board"}, Kind: "other"}},
		Actions: []normalise.Action{
			{ID: "eoe-1", Document: "east-of-england-regional-social-strategy-action-plan-2007-2010",
				Source:    normalise.Source{File: eoeFile, Page: 3, Table: 1, Row: 3},
				Objective: normalise.Objective{Code: "SO1", Title: "To tackle poverty and reduce income inequalities"},
				Ref:       "1", Text: "Promote work as the best form of welfare for people of working age",
				Milestones: []normalise.Milestone{
					{Text: "90,943 recipients of working age benefits assisted into work", Due: due("Spring, 2008", "2008-03-01", "2008-05-31"), Source: normalise.Source{File: eoeFile, Page: 3}},
					{Text: "Baseline of benefit claimants agreed", Due: due("Winter, 2006", "2006-12-01", "2007-02-28"), Source: normalise.Source{File: eoeFile, Page: 3}},
				},
				Outcomes: []string{"Work for those who can"}, Leads: []string{"JCP"}, LeadOrgs: []string{"Jobcentre Plus"},
				Themes: []string{"employment"}},
			{ID: "eoe-2", Document: "east-of-england-regional-social-strategy-action-plan-2007-2010",
				Source:    normalise.Source{File: eoeFile, Page: 4, Table: 1, Row: 4},
				Objective: normalise.Objective{Code: "SO1"},
				Ref:       "2", Text: "Increase take-up of financial inclusion and debt advice services across the region",
				Milestones: []normalise.Milestone{{Text: "Debt advice mapped", Source: normalise.Source{File: eoeFile, Page: 4}}},
				Leads:      []string{"GO-East", "Advice for Life"}, LeadOrgs: []string{"Government Office for the East of England", "Advice for Life"},
				Partners: []string{"Citizens Advice"}, Themes: []string{"financial inclusion"}},
			{ID: "eoe-3", Document: "east-of-england-regional-social-strategy-action-plan-2007-2010",
				Source: normalise.Source{File: eoeFile, Page: 5}, Objective: normalise.Objective{Code: "SO1"},
				Ref: "3", Text: "=HYPERLINK(\"http://example.invalid\",\"click\") improve \x01fuel\x07 poverty data",
				Themes: []string{"housing"}},
		},
	}
	se := func(file, format string, n int) normalise.Document {
		p := &normalise.Plan{Document: "south-east-social-inclusion-partnership-report-2002-2003",
			Meta: normalise.Meta{Title: "Social Inclusion Partnership report", Region: "South East"}}
		texts := []string{"Support GOSE in setting up an internal working group on social inclusion",
			"+Work closely with SEEDA on social enterprise", "-Produce a regional housing strategy"}
		for i := 0; i < n; i++ {
			p.Actions = append(p.Actions, normalise.Action{ID: "se-" + string(rune('1'+i)),
				Document: p.Document, Source: normalise.Source{File: file, Page: i + 1},
				Objective: normalise.Objective{Code: string(rune('1' + i))}, Ref: string(rune('a' + i)), Text: texts[i],
				Leads: []string{"GOSE"}, LeadOrgs: []string{"Government Office for the South East"},
				Milestones: []normalise.Milestone{{Text: "@done in June 2003", Due: due("June 2003", "2003-06-01", "2003-06-30"), Status: "done"}},
				Themes:     []string{"employment"}})
		}
		return normalise.Document{File: file, Name: p.Document, ID: "sha-" + format, Format: format, Size: 1000,
			Pages: 10, Title: p.Meta.Title, Status: "ok", Plan: p}
	}
	scot := &normalise.Plan{Document: "scotland-equal-communities-action-plan-2009-2011",
		Meta: normalise.Meta{Title: "Equal Communities action plan", Region: "Scotland"},
		Actions: []normalise.Action{
			{ID: "scot-1", Document: "scotland-equal-communities-action-plan-2009-2011", Source: normalise.Source{File: scotFile},
				Objective: normalise.Objective{Code: "Issue 1"},
				Text:      "Increase take-up of financial inclusion and debt advice services in Scotland",
				Due:       due("2009-10 - 2010-11", "2009-04-01", "2011-03-31"),
				Leads:     []string{"Improvement Service"}, Partners: []string{"COSLA", "Citizens Advice"},
				Themes: []string{"financial inclusion"}},
			{ID: "scot-2", Document: "scotland-equal-communities-action-plan-2009-2011", Source: normalise.Source{File: scotFile},
				Objective: normalise.Objective{Code: "Issue 2"}, Text: "Publish briefing papers on poverty and employment",
				Leads: []string{"Poverty Alliance"}, Partners: []string{"COSLA"}, Themes: []string{"employment"}},
			{ID: "scot-3", Document: "scotland-equal-communities-action-plan-2009-2011", Source: normalise.Source{File: scotFile},
				Objective: normalise.Objective{Code: "Issue 2"}, Text: "Train community activists in employment support",
				Leads: []string{"Jobcentre Plus"}, Themes: []string{"employment"}},
		}}
	return []normalise.Document{
		{File: eoeFile, Name: eoe.Document, ID: "sha-eoe", Format: "pdf", Size: 5000, Pages: 20, Title: eoe.Meta.Title, Status: "ok", Plan: eoe},
		se(seDocx, "docx", 3),
		se(sePDF, "pdf", 2),
		{File: scotFile, Name: scot.Document, ID: "sha-scot", Format: "html", Size: 3000, Pages: 1, Title: scot.Meta.Title, Status: "ok", Plan: scot},
		{File: mkFile, Name: "milton-keynes-tackling-social-exclusion", ID: "sha-mk", Format: "html", Size: 10,
			Status: "corrupt", Error: mkFile + ": corrupt: unexpected EOF\x00"},
	}
}
