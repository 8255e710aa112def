package normalise

import (
	"reflect"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

func TestRoleOf(t *testing.T) {
	cases := map[string]Role{
		"Action":                       RoleAction,
		"Milestone":                    RoleMilestone,
		"Outcome":                      RoleOutcome,
		"Lead organisation":            RoleLead,
		"Milestone(s) completion":      RoleDue,
		"Action Plan Reference Number": RoleRef,
		"Objective and agreed 1st Phase Action Points": RoleAction,
		"Activities to date (June 2003)":               RoleProgress,
		"Planned activities at June 2003":              RolePlanned,
		"What":                                         RoleObjective,
		"How":                                          RoleAction,
		"Priority":                                     RolePriority,
		"Led by":                                       RoleLead,
		"Timescale":                                    RoleDue,
		"Completed by":                                 RoleDue,
		"No.":                                          RoleRef,
		"Ref":                                          RoleRef,
		"Key partners":                                 RolePartners,
		"Progress to date":                             RoleProgress,
		"RAG status":                                   RoleStatus,
		"Name":                                         RoleNone,
		"Role":                                         RoleNone,
		"What we have committed to":                    RoleAction,
		"How will we measure success?":                 RoleMilestone,
		"Measure":                                      RoleMilestone,
		"KPI":                                          RoleMilestone,
		"Performance indicators":                       RoleMilestone,
		"How we will deliver":                          RoleAction,
		"Lead officer":                                 RoleLead,
	}
	for h, want := range cases {
		if got := RoleOf(h); got != want {
			t.Errorf("RoleOf(%q) = %s, want %s", h, got, want)
		}
	}
	// What beside How: the objective column and the action column.
	got := columnRoles([]string{"What", "How", "Priority"})
	if want := []Role{RoleObjective, RoleAction, RolePriority}; !reflect.DeepEqual(got, want) {
		t.Errorf("What|How|Priority = %v, want %v", got, want)
	}
	// A name/role table is not an action table.
	if isActionTable(columnRoles([]string{"Name", "Role"})) {
		t.Error("Name|Role read as an action table")
	}
}

func TestParseRefCell(t *testing.T) {
	cases := []struct {
		in   string
		ref  string
		cont bool
		ok   bool
	}{
		{"1", "1", false, true},
		{"2.", "2", false, true},
		{"1a", "1a", false, true},
		{"1a cont.", "1a", true, true},
		{"5d cont", "5d", true, true},
		{"13b(v) cont", "13b(v)", true, true},
		{"12e(v)", "12e(v)", false, true},
		{"10b(ii)", "10b(ii)", false, true},
		{"a)", "a", false, true},
		{"4.3", "4.3", false, true},
		{"Task Group Development", "", false, false},
		{"", "", false, false},
	}
	for _, c := range cases {
		ref, cont, ok := parseRefCell(c.in)
		if ref != c.ref || cont != c.cont || ok != c.ok {
			t.Errorf("parseRefCell(%q) = %q,%v,%v want %q,%v,%v", c.in, ref, cont, ok, c.ref, c.cont, c.ok)
		}
	}
}

func TestParseObjective(t *testing.T) {
	cases := []struct {
		in   string
		want Objective
		ok   bool
	}{
		{"SO1: To tackle poverty and reduce income inequalities", Objective{"SO1", "To tackle poverty and reduce income inequalities"}, true},
		{"S07: To promote financial inclusion", Objective{"SO7", "To promote financial inclusion"}, true},
		{"Issue 1: How to embed community regeneration?", Objective{"Issue 1", "How to embed community regeneration?"}, true},
		{"Objective 2 - Better homes", Objective{"Objective 2", "Better homes"}, true},
		{"Promote work as the best form of welfare", Objective{}, false},
	}
	for _, c := range cases {
		got, ok := parseObjective(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseObjective(%q) = %+v,%v want %+v,%v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestSplitLeadingRef(t *testing.T) {
	cases := []struct{ in, ref, rest string }{
		{"1. Promote work as the best form of welfare", "1", "Promote work as the best form of welfare"},
		{"12. Support the provision of streamlined services", "12", "Support the provision of streamlined services"},
		{"4.3 First steps have therefore been taken", "4.3", "First steps have therefore been taken"},
		{"2008 will see a new strategy", "", "2008 will see a new strategy"},
		{"90,943 recipients assisted into work", "", "90,943 recipients assisted into work"},
	}
	for _, c := range cases {
		ref, rest := splitLeadingRef(c.in)
		if ref != c.ref || rest != c.rest {
			t.Errorf("splitLeadingRef(%q) = %q,%q want %q,%q", c.in, ref, rest, c.ref, c.rest)
		}
	}
}

// cell builds a cell from paragraphs.
func cell(ps ...string) layout.Cell { return layout.NewCell(ps...) }

func row(page int, cells ...layout.Cell) layout.Row { return layout.Row{Page: page, Cells: cells} }

func span(text string, n int) []layout.Cell {
	c := cell(text)
	c.ColSpan = n
	out := []layout.Cell{c}
	for i := 1; i < n; i++ {
		out = append(out, layout.Cell{Covered: true})
	}
	return out
}

// A plan like the East of England one: a spanning objective row, several
// milestones per cell paired with their dates, a continuation row with an
// empty action cell at the top of the next page's table, one lead per
// milestone, and "A/B" leads.
func eastLikeDoc() *layout.Document {
	header := row(1, cell("Action"), cell("Milestone"), cell("Outcome"), cell("Lead organisation"), cell("Milestone(s) completion"))
	t1 := &layout.Table{Columns: 5, HeaderRows: 1, Rows: []layout.Row{
		header,
		row(1, span("S07: To promote financial inclusion", 5)...),
		row(1, cell("1. Pilot activities to increase understanding of advice needs"),
			cell("Migrant worker helpline established", "Employer helpline established", "Evaluation of pilot complete"),
			cell("Needs of migrant workers are better understood"),
			cell("EEDA/Advice for Life"),
			cell("Spring, 2007", "Summer, 2007", "Autumn, 2008", "Winter, 2008")),
		row(1, cell("2. Increase opportunities for older people to engage"),
			cell("Older people's forum established"),
			cell("Older people engaged"),
			cell("Future East"),
			cell("Summer, 2007")),
	}}
	t2 := &layout.Table{Columns: 5, HeaderRows: 1, Rows: []layout.Row{
		row(2, cell("Action"), cell("Milestone"), cell("Outcome"), cell("Lead organisation"), cell("Milestone(s) completion")),
		row(2, cell(), cell("Regional event held", "Toolkit published"), cell(), cell("GO-East"), cell("Spring, 2008")),
		row(2, cell("3. Promote the compact"), cell("Compact signed", "Compact reviewed"), cell("A stronger VCS"), cell("GO-East", "COVER"), cell("Ongoing", "Ongoing")),
	}}
	return &layout.Document{Format: layout.PDF, Pages: 2, Title: "Regional Social Strategy Action Plan 2007-2010", Blocks: []layout.Block{
		{Kind: layout.Heading, Level: 1, Page: 1, Text: "Action Plan"},
		{Kind: layout.TableKind, Page: 1, Table: t1},
		{Kind: layout.TableKind, Page: 2, Table: t2},
	}}
}

func TestActionTable(t *testing.T) {
	plan := Normalise(eastLikeDoc(), "plans/east.pdf", Options{})
	if len(plan.Actions) != 3 {
		for _, a := range plan.Actions {
			t.Logf("%s %q", a.Ref, a.Text)
		}
		t.Fatalf("got %d actions, want 3", len(plan.Actions))
	}
	a := plan.Actions[0]
	if a.Objective.Code != "SO7" || a.Ref != "1" || a.Text != "Pilot activities to increase understanding of advice needs" {
		t.Errorf("action 1 = %+v %q %q", a.Objective, a.Ref, a.Text)
	}
	if len(a.Milestones) != 3 {
		t.Fatalf("action 1 milestones = %d, want 3", len(a.Milestones))
	}
	for i, want := range []string{"Spring, 2007", "Summer, 2007", "Autumn, 2008"} {
		if got := a.Milestones[i].Due.Text; got != want {
			t.Errorf("milestone %d due = %q, want %q (extra dates unused)", i, got, want)
		}
	}
	if !reflect.DeepEqual(a.Leads, []string{"EEDA", "Advice for Life"}) {
		t.Errorf("leads = %q", a.Leads)
	}
	if a.Source.File != "plans/east.pdf" || a.Source.Table != 1 || a.Source.Row != 3 || a.Document != "east" {
		t.Errorf("source = %+v document %q", a.Source, a.Document)
	}
	// The continuation row adds its milestones and, as its lead differs, the
	// milestones keep their own leads.
	b := plan.Actions[1]
	if len(b.Milestones) != 3 {
		t.Fatalf("action 2 milestones = %d, want 3 (1 + 2 from the continuation row)", len(b.Milestones))
	}
	if b.Milestones[1].Due.Text != "Spring, 2008" || b.Milestones[2].Due.Text != "Spring, 2008" {
		t.Errorf("one date for two milestones: %q %q", b.Milestones[1].Due.Text, b.Milestones[2].Due.Text)
	}
	if !reflect.DeepEqual(b.Leads, []string{"Future East", "GO-East"}) {
		t.Errorf("action 2 leads = %q", b.Leads)
	}
	if b.Milestones[0].Lead != "Future East" || b.Milestones[2].Lead != "GO-East" {
		t.Errorf("milestone leads = %q, %q", b.Milestones[0].Lead, b.Milestones[2].Lead)
	}
	if b.Milestones[1].Source.Table != 2 || b.Milestones[1].Source.Page != 2 {
		t.Errorf("continued milestone source = %+v", b.Milestones[1].Source)
	}
	c := plan.Actions[2]
	if !reflect.DeepEqual(c.Leads, []string{"GO-East", "COVER"}) || c.Milestones[1].Lead != "COVER" {
		t.Errorf("per-milestone leads: %q / %q", c.Leads, c.Milestones[1].Lead)
	}
	for _, a := range plan.Actions {
		if len(a.Themes) == 0 || a.ID == "" {
			t.Errorf("%s: themes %q id %q", a.Ref, a.Themes, a.ID)
		}
	}
	if plan.Actions[0].ID == plan.Actions[1].ID {
		t.Error("IDs are not unique")
	}
}

// A report like the South East one: a progress table and an annotated plan
// that share references.
func southEastLikeDoc() *layout.Document {
	progress := &layout.Table{Columns: 4, HeaderRows: 1, Rows: []layout.Row{
		row(3, cell("Action Plan Reference Number"), cell("Objective and agreed 1st Phase Action Points"), cell("Activities to date (June 2003)"), cell("Planned activities at June 2003")),
		row(3, cell("1a"), cell("Extend membership of Task Group to other key regional partners"), cell("Membership extended to include more key regional partners: Small Business Service,"), cell()),
		row(4, cell("1a cont."), cell(), cell("Regional Funding Forum: done between October 2002 - March 2003"), cell()),
		row(4, cell(), cell("Linkages and Work with Local Partners"), cell(), cell()),
		row(4, cell("10b(ii)"), cell("Support the Regional Housing Forum in implementing key action points"), cell("South East Public Health Group have"), cell("Second Awayday to be held in July 2003")),
		row(5, cell("10b(ii) cont"), cell(), cell("worked with some Directors of Public Health"), cell()),
	}}
	how := cell("10. Decent, Affordable Housing", "a) Work together to address the problems of housing", "b) Support the Regional Housing Forum in:", "i) considering making sub-regional allocations", "ii) implementing key action points set out in the Statement")
	plan := &layout.Table{Columns: 3, HeaderRows: 1, Rows: []layout.Row{
		row(6, cell("What"), cell("How"), cell("Priority")),
		row(6, cell("1. The Task Group Establish a Task Group"), cell("a) Extend membership to other key regional partners", "b) Clarify roles and responsibilities"), cell("1st Phase", "3rd Phase*")),
		row(6, cell(), how, cell("2nd Phase", "3rd Phase", "1st Phase")),
		row(7, cell(), cell("iii) encouraging local authorities to play their part", "c) Support GOSE in its work:", "i) agreeing plans by October 2002"), cell("2nd Phase", "**")),
	}}
	return &layout.Document{Format: layout.DOCX, Title: "Report on Activities July 2002 – June 2003", Blocks: []layout.Block{
		{Kind: layout.TableKind, Page: 3, Table: progress},
		{Kind: layout.TableKind, Page: 6, Table: plan},
	}}
}

func TestProgressAndPlanTables(t *testing.T) {
	plan := Normalise(southEastLikeDoc(), "se.docx", Options{})
	var refs []string
	byRef := map[string]Action{}
	for _, a := range plan.Actions {
		refs = append(refs, a.Ref)
		byRef[a.Ref] = a
	}
	want := []string{"1a", "10b(ii)", "1b", "10a", "10b(i)", "10b(iii)", "10c(i)"}
	if !reflect.DeepEqual(refs, want) {
		t.Fatalf("refs = %q, want %q", refs, want)
	}
	a := byRef["1a"]
	if a.Text != "Extend membership of Task Group to other key regional partners" || a.Priority != "1st Phase" || a.Objective.Code != "1" {
		t.Errorf("1a = %q priority %q objective %+v", a.Text, a.Priority, a.Objective)
	}
	if len(a.Milestones) != 1 || !strings.HasSuffix(a.Milestones[0].Text, "Small Business Service, Regional Funding Forum: done between October 2002 - March 2003") || a.Milestones[0].Status != "done" {
		t.Errorf("1a milestones = %+v", a.Milestones)
	}
	if a.Milestones[0].Due.Text != "October 2002 - March 2003" {
		t.Errorf("1a due = %q", a.Milestones[0].Due.Text)
	}
	b := byRef["10b(ii)"]
	if len(b.Milestones) != 2 || b.Milestones[0].Text != "South East Public Health Group have worked with some Directors of Public Health" || b.Milestones[1].Status != "planned" {
		t.Errorf("10b(ii) milestones = %+v", b.Milestones)
	}
	if b.Priority != "1st Phase" || b.Objective.Code != "10" || !reflect.DeepEqual(b.Leads, []string{"Regional Housing Forum"}) {
		t.Errorf("10b(ii) priority %q objective %+v leads %q", b.Priority, b.Objective, b.Leads)
	}
	sub := byRef["10b(i)"]
	if sub.Text != "Support the Regional Housing Forum in: considering making sub-regional allocations" || sub.Priority != "3rd Phase" {
		t.Errorf("10b(i) = %q priority %q", sub.Text, sub.Priority)
	}
	if got := byRef["10b(iii)"]; got.Priority != "2nd Phase" {
		t.Errorf("10b(iii) continues the container over the row: %+v", got)
	}
	c := byRef["10c(i)"]
	if c.Text != "Support GOSE in its work: agreeing plans by October 2002" || !reflect.DeepEqual(c.Leads, []string{"GOSE"}) || c.Due.Text != "October 2002" {
		t.Errorf("10c(i) = %q leads %q due %q", c.Text, c.Leads, c.Due.Text)
	}
	if len(byRef["10a"].Leads) != 0 {
		t.Errorf("10a names no body, leads = %q", byRef["10a"].Leads)
	}
}

func TestProseCommitments(t *testing.T) {
	doc := &layout.Document{Format: layout.HTML, Title: "Tackling Social Exclusion in Milton Keynes", Blocks: []layout.Block{
		{Kind: layout.Heading, Level: 2, Marker: "3.", Text: "Current research work"},
		{Kind: layout.Paragraph, Marker: "3.3", Text: "The Council has been invited to join. It is therefore intended that the Council should join the programme at a cost of £5,000 per annum."},
		{Kind: layout.Heading, Level: 2, Marker: "4.", Text: "The project"},
		{Kind: layout.Paragraph, Marker: "4.3", Text: "A project has been set up. The initial purposes of the project are to:"},
		{Kind: layout.ListItem, Marker: "•", Text: "define social exclusion"},
		{Kind: layout.ListItem, Marker: "•", Text: "map its incidence"},
		{Kind: layout.Paragraph, Marker: "4.5", Text: "The project will be led by a working group of officers from across the four Directorates."},
		{Kind: layout.Paragraph, Marker: "4.7", Text: "It is proposed that external partners should be invited to play a part."},
		{Kind: layout.Paragraph, Marker: "4.9", Text: "This project, if carried through, will:"},
		{Kind: layout.ListItem, Marker: "•", Text: "provide more local information"},
		{Kind: layout.Heading, Level: 3, Text: "Membership of the Social Inclusion Working Group"},
	}}
	plan := Normalise(doc, "mk.html", Options{})
	var got []string
	for _, a := range plan.Actions {
		got = append(got, a.Ref+"|"+a.Objective.Code+"|"+a.Text+"|"+strings.Join(a.Leads, ","))
	}
	want := []string{
		"3.3|3|the Council should join the programme at a cost of £5,000 per annum|Milton Keynes Council",
		"4.3|4|define social exclusion|Social Inclusion Working Group",
		"4.3|4|map its incidence|Social Inclusion Working Group",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions:\n got %q\nwant %q", got, want)
	}
}

func TestNormaliseNilAndEmpty(t *testing.T) {
	if p := Normalise(nil, "x.pdf", Options{}); p == nil || p.Document != "x" || p.Actions == nil {
		t.Errorf("nil doc: %+v", p)
	}
	p := Normalise(&layout.Document{Blocks: []layout.Block{{Kind: layout.TableKind}, {Kind: layout.TableKind, Table: &layout.Table{}}}}, "y.docx", Options{})
	if len(p.Actions) != 0 {
		t.Errorf("empty doc gave %d actions", len(p.Actions))
	}
}

func TestManifest(t *testing.T) {
	m, err := ReadManifest(strings.NewReader("path,region,body,type\ncorpus/se.docx,South East,SEERA,progress report\n"), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	doc := &layout.Document{Title: "Report", Blocks: []layout.Block{{Kind: layout.Paragraph, Text: "Hello"}}}
	p := Normalise(doc, "/elsewhere/se.docx", Options{Manifest: m})
	if p.Meta.Region != "South East" || p.Meta.Body != "SEERA" || p.Meta.Type != "progress report" {
		t.Errorf("meta = %+v", p.Meta)
	}
}

func FuzzNormalise(f *testing.F) {
	f.Add("SO1: To tackle poverty", "1. Promote work", "Milestone one\nMilestone two", "EEDA/GO-East", "Spring, 2008")
	f.Add("", "a) Support GOSE in:", "i) setting up", "", "by October 2002")
	f.Add("Issue 1: x", "It is proposed that the Council should act by 1 April 2006.", "", "the steering group", "2009-10 - 2010-11")
	f.Fuzz(func(t *testing.T, obj, action, ms, lead, due string) {
		tbl := &layout.Table{Columns: 5, HeaderRows: 1, Rows: []layout.Row{
			row(1, cell("Action"), cell("Milestone"), cell("Outcome"), cell("Lead"), cell("Completion")),
			row(1, span(obj, 5)...),
			row(1, cell(strings.Split(action, "\n")...), cell(strings.Split(ms, "\n")...), cell(), cell(lead), cell(strings.Split(due, "\n")...)),
			row(2, cell(), cell(ms), cell(), cell(), cell(due)),
		}}
		doc := &layout.Document{Title: obj, Blocks: []layout.Block{
			{Kind: layout.Heading, Text: obj, Marker: action},
			{Kind: layout.Paragraph, Text: action, Marker: lead},
			{Kind: layout.ListItem, Text: ms},
			{Kind: layout.TableKind, Table: tbl},
		}}
		p := Normalise(doc, "f.pdf", Options{})
		for _, a := range p.Actions {
			if a.Source.File != "f.pdf" || a.ID == "" {
				t.Fatalf("action without provenance: %+v", a)
			}
		}
	})
}

func TestFormTable(t *testing.T) {
	tbl := &layout.Table{Columns: 2, Rows: []layout.Row{
		row(15, span("19. Negative Impacts and Mitigating actions for Age", 2)...),
		row(15, cell("a) Are there negative impacts for age?"), cell("Yes")),
		row(17, cell("c) Mitigating Actions for age"), cell("The digital offer will reduce the need to travel to access services.", "Millmead", "Our Community Development Workers will help families to")),
		row(18, cell(), cell("ease the transition to other centres.")),
		row(18, cell("d) Responsible Officer for Mitigating Actions – Age"), cell("Family Hub Service Managers.")),
		row(18, cell("c) Mitigating actions for Religion"), cell("N/A")),
	}}
	doc := &layout.Document{Blocks: []layout.Block{{Kind: layout.TableKind, Page: 15, Table: tbl}}}
	plan := Normalise(doc, "eqia.pdf", Options{})
	var got []string
	for _, a := range plan.Actions {
		got = append(got, a.Objective.Title+"|"+a.Text+"|"+strings.Join(a.Leads, ","))
	}
	want := []string{
		"Negative Impacts and Mitigating actions for Age|The digital offer will reduce the need to travel to access services.|Family Hub Service Managers",
		"Negative Impacts and Mitigating actions for Age|Our Community Development Workers will help families to ease the transition to other centres.|Family Hub Service Managers",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("form actions:\n got %q\nwant %q", got, want)
	}
}

// A summary table restated later in the body is one set of actions.
func TestRestatedTableMerged(t *testing.T) {
	mk := func(page int, text string) *layout.Table {
		return &layout.Table{Columns: 4, HeaderRows: 1, Rows: []layout.Row{
			row(page, cell(""), cell("Action"), cell("Lead"), cell("Completed by")),
			row(page, cell("1"), cell(text), cell("Home Office / National Crime Agency (NCA)"), cell("Oct 2018")),
			row(page, cell("2"), cell("Move the taskforce to a permanent footing."), cell("NCA"), cell("July 2016")),
		}}
	}
	doc := &layout.Document{Blocks: []layout.Block{
		{Kind: layout.TableKind, Page: 8, Table: mk(8, "Reform the Suspicious Activity Reports (SARs) regime, making the necessary changes.")},
		{Kind: layout.Heading, Level: 1, Page: 34, Text: "Annex"},
		{Kind: layout.TableKind, Page: 34, Table: mk(34, "Reform the SARs regime, making the necessary changes.")},
	}}
	plan := Normalise(doc, "aml.pdf", Options{})
	if len(plan.Actions) != 2 {
		t.Fatalf("got %d actions, want 2", len(plan.Actions))
	}
	a := plan.Actions[0]
	if a.Ref != "1" || a.Source.Page != 8 || a.Due.Text != "Oct 2018" || len(a.Leads) != 2 {
		t.Errorf("action 1 = ref %q page %d due %q leads %q", a.Ref, a.Source.Page, a.Due.Text, a.Leads)
	}
}

// TestRecommendations: a committee report's recommendations are actions
// however the council prints "recommended" (Oxfordshire writes RECOMMENDED),
// and a recommendation only to note something is not.
func TestRecommendations(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The Executive is RECOMMENDED to agree the Social Inclusion Framework.", []string{"agree the Social Inclusion Framework"}},
		{"The Cabinet is recommended to approve the draft delivery plan.", []string{"approve the draft delivery plan"}},
		{"Members are asked to endorse the housing strategy by March 2018.", []string{"endorse the housing strategy by March 2018"}},
		{"The Committee is recommended to note the report.", nil},
		{"The report describes progress in the year.", nil},
	} {
		doc := &layout.Document{Format: layout.HTML, Title: "Report", Blocks: []layout.Block{
			{Kind: layout.Heading, Level: 2, Text: "Recommendation"},
			{Kind: layout.Paragraph, Text: c.text},
		}}
		var got []string
		for _, a := range Normalise(doc, "report.html", Options{}).Actions {
			got = append(got, a.Text)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: actions %q, want %q", c.text, got, c.want)
		}
	}
}

// TestListAfterLeadIn: rows that only name an item, below an action ending
// "... include:", are that action's list (Kent's ICS appendix B, p. 29),
// while a row with a lead of its own is an action again.
func TestListAfterLeadIn(t *testing.T) {
	cell := func(s string) layout.Cell { return layout.Cell{Paragraphs: []layout.Para{{Text: s}}} }
	row := func(a, lead, when string) layout.Row {
		return layout.Row{Page: 29, Cells: []layout.Cell{cell(a), cell(lead), cell(when)}}
	}
	tb := &layout.Table{Columns: 3, HeaderRows: 1, Rows: []layout.Row{
		row("What we have committed to", "Led by", "Timescale"),
		row("Work with partners to expand social prescribing. Services involved in this activity include:", "Business Innovation Manager", "March 25"),
		row("Green social prescribing network", "", ""),
		row("Library Services", "", ""),
		row("Improve access to leisure centres", "Head of Sport", "March 26"),
	}}
	doc := &layout.Document{Format: layout.PDF, Pages: 30, Title: "Priorities and actions",
		Blocks: []layout.Block{{Kind: layout.TableKind, Page: 29, Table: tb}}}
	var got []string
	for _, a := range Normalise(doc, "appB.pdf", Options{}).Actions {
		got = append(got, a.Text+"|"+strings.Join(a.Leads, ","))
	}
	want := []string{
		"Work with partners to expand social prescribing. Services involved in this activity include: Green social prescribing network; Library Services|Business Innovation Manager",
		"Improve access to leisure centres|Head of Sport",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions:\n got %q\nwant %q", got, want)
	}
}
