package orgs

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/xuri/excelize/v2"
)

// Lead cells as printed in the corpus plans (gold README, East of England
// lead column) and in the real documents of ../shared/bench (AML plan Lead
// column, Kent "Led by" column).
func TestSplitOrgs(t *testing.T) {
	tests := []struct {
		cell            string
		leads, partners []string
	}{
		{"EEDA/Advice for Life/Keystone Development Trust", []string{"EEDA", "Advice for Life", "Keystone Development Trust"}, nil},
		{"Supported by Strategy Manager", nil, []string{"Strategy Manager"}},
		{"PH Consultant\nSupported by Strategy Manager", []string{"PH Consultant"}, []string{"Strategy Manager"}},
		{"EERA with Housing Corporation", []string{"EERA"}, []string{"Housing Corporation"}},
		{"Peterborough New Link Centre and Cambridge Constabulary", []string{"Peterborough New Link Centre", "Cambridge Constabulary"}, nil},
		{"Peterborough New Link\nCentre and Cambridge\nConstabulary", []string{"Peterborough New Link Centre", "Cambridge Constabulary"}, nil},
		{"Learning and Skills Council", []string{"Learning and Skills Council"}, nil},
		{"Ormiston Children & Families Trust", []string{"Ormiston Children & Families Trust"}, nil},
		{"Department for Communities and Local Government", []string{"Department for Communities and Local Government"}, nil},
		{"Department of Work and Pensions", []string{"Department of Work and Pensions"}, nil},
		{"Community Action Dacorum Cintra/Intran/Ipswich & Suffolk Racial Equality Council", []string{"Community Action Dacorum Cintra", "Intran", "Ipswich & Suffolk Racial Equality Council"}, nil},
		{"Supporting People, Eastern Regional Group", []string{"Supporting People, Eastern Regional Group"}, nil},
		{"Regional Manager, National Offender Management Service", []string{"Regional Manager, National Offender Management Service"}, nil},
		{"Regional Stakeholder Manager, Department of Work and Pensions", []string{"Regional Stakeholder Manager, Department of Work and Pensions"}, nil},
		{"Eastern Region Co-ordinator, National Energy Action", []string{"Eastern Region Co-ordinator, National Energy Action"}, nil},
		{"EERA-SMP (formerly EERA Consortium for Asylum & Refugee Integration)", []string{"EERA-SMP (formerly EERA Consortium for Asylum & Refugee Integration)"}, nil},
		{"Care Services Improvement Partnership – Eastern Region (CSIP)", []string{"Care Services Improvement Partnership – Eastern Region (CSIP)"}, nil},
		{"Government Office for the East of England (GO-East)/EERA", []string{"Government Office for the East of England (GO-East)", "EERA"}, nil},
		{"East of England Skills and Competitiveness Partnership (EESCP)", []string{"East of England Skills and Competitiveness Partnership (EESCP)"}, nil},
		{"Employment and Mental Health Partnership", []string{"Employment and Mental Health Partnership"}, nil},
		{"Crime and Community Safety Partnership", []string{"Crime and Community Safety Partnership"}, nil},
		{"Border and Immigration Agency (BIA)", []string{"Border and Immigration Agency (BIA)"}, nil},
		// AML/CTF action plan 2016, Lead column.
		{"Home Office /\nNational Crime\nAgency (NCA)", []string{"Home Office", "National Crime Agency (NCA)"}, nil},
		{"Home Office,\nHM Treasury", []string{"Home Office", "HM Treasury"}, nil},
		{"British Bankers’\nAssociation", []string{"British Bankers’ Association"}, nil},
		// Kent ICS priorities, Led by column: posts and teams are leads.
		{"Lead for Family\nHubs/Financial\nHardship Programme\nManager", []string{"Lead for Family Hubs", "Financial Hardship Programme Manager"}, nil},
		{"DPH, CPH and PH\nSpecialists, PH\nDistrict Coordinator.", []string{"DPH", "CPH", "PH Specialists", "PH District Coordinator"}, nil},
		{"Early years lead\nThe Education People", []string{"Early years lead", "The Education People"}, nil},
		{"DPH/DDPH", []string{"DPH", "DDPH"}, nil},
		{"CYPE Commissioning", []string{"CYPE Commissioning"}, nil},
		// General forms.
		{"Kent County Council and Medway Council", []string{"Kent County Council", "Medway Council"}, nil},
		{"Learning and Skills Council and EEDA", []string{"Learning and Skills Council", "EEDA"}, nil},
		{"EEDA, LSC and Jobcentre Plus", []string{"EEDA", "LSC", "Jobcentre Plus"}, nil},
		{"Forum for People with Learning Disabilities", []string{"Forum for People with Learning Disabilities"}, nil},
		{"GOSE in partnership with SEEDA and SEERA", []string{"GOSE"}, []string{"SEEDA", "SEERA"}},
		{"Lead: Jobcentre Plus (supported by DWP)", []string{"Jobcentre Plus"}, []string{"DWP"}},
		{"Health and Wellbeing Board", []string{"Health and Wellbeing Board"}, nil},
		{"and/or", nil, nil},
		{"", nil, nil},
	}
	for _, tt := range tests {
		l, p := SplitOrgs(tt.cell)
		if !reflect.DeepEqual(l, tt.leads) || !reflect.DeepEqual(p, tt.partners) {
			t.Errorf("SplitOrgs(%q)\n got leads %q partners %q\nwant leads %q partners %q", tt.cell, l, p, tt.leads, tt.partners)
		}
	}
}

func TestFindAcronyms(t *testing.T) {
	texts := []string{
		// East of England action plan and its lead column.
		"East of England Regional Assembly (EERA) on behalf of the regional partners",
		"Government Office for the East of England (GO-East)",
		"East of England Skills and Competitiveness Partnership (EESCP)",
		"Care Services Improvement Partnership – Eastern Region (CSIP)",
		"Minority Ethnic Network for The Eastern Region (MENTER)",
		// South East report: the reverse form, and brackets that are not
		// definitions.
		"SEERA (South East England Regional Assembly) and GOSE agreed",
		"See action point 4b (below) for planned activities; done between (2003) and (iv)",
		"the Framework for Regional Employment and Skills Action (FRESA)",
		// Scotland.
		"the Scottish Poverty Information Unit (SPIU) at Glasgow Caledonian University",
		"Convention of Scottish Local Authorities (COSLA)",
		// A later definition of a known short form is ignored.
		"Early Education Development Area (EEDA)",
		"East of England Development Agency (EEDA)",
	}
	want := map[string]string{
		"EERA":    "East of England Regional Assembly",
		"GO-East": "Government Office for the East of England",
		"EESCP":   "East of England Skills and Competitiveness Partnership",
		"CSIP":    "Care Services Improvement Partnership – Eastern Region",
		"MENTER":  "Minority Ethnic Network for The Eastern Region",
		"SEERA":   "South East England Regional Assembly",
		"FRESA":   "Framework for Regional Employment and Skills Action",
		"SPIU":    "Scottish Poverty Information Unit",
		"COSLA":   "Convention of Scottish Local Authorities",
		"EEDA":    "Early Education Development Area",
	}
	got := FindAcronyms(texts)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindAcronyms\n got %q\nwant %q", got, want)
	}
}

func TestResolve(t *testing.T) {
	acr := FindAcronyms([]string{
		"South East England Regional Assembly (SEERA)",
		"Equality and Social Inclusion Steering Group (ESISG)",
		"Widget Valley Partnership (WVP)",
	})
	r := DefaultRegistry()
	tests := []struct{ name, canonical, kind string }{
		{"EEDA", "East of England Development Agency", KindRegional},
		{"East of England Development Agency (EEDA)", "East of England Development Agency", KindRegional},
		{"GO-East", "Government Office for the East of England", KindGovOffice},
		{"go east", "Government Office for the East of England", KindGovOffice},
		{"the Learning & Skills Council", "Learning and Skills Council", KindDepartment},
		{"Regional Manager, National Offender Management Service", "National Offender Management Service", KindDepartment},
		{"Regional Stakeholder Manager, Department of Work and Pensions", "Department for Work and Pensions", KindDepartment},
		{"GOSE Crime Reduction Team Leader", "Government Office for the South East", KindGovOffice},
		{"Chief Executive of Kent County Council", "Kent County Council", KindLocal},
		{"the Assembly", "South East England Regional Assembly", KindRegional},
		{"WVP", "Widget Valley Partnership", KindPartner},
		{"ESISG", "Equality and Social Inclusion Steering Group", KindLocal},
		{"Director of Public Health", "Director of Public Health", KindHealth},
		{"CYPE Commissioning", "CYPE Commissioning", KindOther},
		// Posts are not consultancies or community groups.
		{"PH Consultant", "PH Consultant", KindOther},
		{"Head of Community Safety", "Head of Community Safety", KindOther},
		{"Anytown Management Consultants", "Anytown Management Consultants", KindPrivate},
		{"The Acme Widgets Ltd", "Acme Widgets Ltd", KindPrivate},
		{"Thanet District Council", "Thanet District Council", KindLocal},
		{"Anytown Racial Equality Council", "Anytown Racial Equality Council", KindVCS},
		{"Anytown Hospital NHS Foundation Trust", "Anytown Hospital NHS Foundation Trust", KindHealth},
		{"Anytown Community Safety Partnership", "Anytown Community Safety Partnership", KindPartner},
		{"Department for Levelling Up, Housing and Communities", "Department for Levelling Up, Housing and Communities", KindDepartment},
	}
	for _, tt := range tests {
		o := r.Resolve(tt.name, acr)
		if o.Canonical != tt.canonical || o.Kind != tt.kind {
			t.Errorf("Resolve(%q) = %q (%s), want %q (%s)", tt.name, o.Canonical, o.Kind, tt.canonical, tt.kind)
		}
	}
}

// TestDocumentAcronyms: a South East report that writes "SEERA" without
// defining it still reads "the Assembly" as SEERA.
func TestDocumentAcronyms(t *testing.T) {
	texts := []string{
		"A Health Summit was held in April 2003, initiated by SEERA and attended by senior",
		"Support the Assembly and GOSE in:",
		"Framework for Regional Employment and Skills Action (FRESA)",
	}
	acr := DefaultRegistry().DocumentAcronyms(texts)
	want := map[string]string{
		"SEERA": "South East England Regional Assembly",
		"GOSE":  "Government Office for the South East",
		"FRESA": "Framework for Regional Employment and Skills Action",
	}
	if !reflect.DeepEqual(acr, want) {
		t.Errorf("DocumentAcronyms = %q, want %q", acr, want)
	}
	if o := DefaultRegistry().Resolve("the Assembly", acr); o.Canonical != "South East England Regional Assembly" {
		t.Errorf("Resolve(the Assembly) = %q", o.Canonical)
	}
}

// goldOrgs reads organisations.json of the bundled gold: printed form key →
// canonical key, as the evaluation matches them.
func goldOrgs(t *testing.T) map[string]string {
	b, err := os.ReadFile(corpustest.Sample(t, "gold/organisations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var orgs []struct {
		Canonical string   `json:"canonical"`
		Aliases   []string `json:"aliases"`
	}
	if err := json.Unmarshal(b, &orgs); err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, o := range orgs {
		for _, a := range o.Aliases {
			m[nameKey(a)] = nameKey(o.Canonical)
		}
	}
	for _, o := range orgs {
		m[nameKey(o.Canonical)] = nameKey(o.Canonical)
	}
	return m
}

// TestResolveGold resolves every lead, partner and milestone lead of the
// gold files with the default registry and the acronyms the document's gold
// texts define, and checks the organisation is the one organisations.json
// gives. The README records the match rate.
func TestResolveGold(t *testing.T) {
	gold := goldOrgs(t)
	files, err := filepath.Glob(filepath.Join(filepath.Dir(corpustest.Sample(t, "gold/organisations.json")), "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	// bare: no registry at all, so only the rules and the document's
	// acronyms answer (the default registry is seeded from this gold).
	bare := newRegistry()
	total, right, bareRight, exact, bareExact := 0, 0, 0, 0, 0
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		var texts, names []string
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a struct {
				Action     string   `json:"action"`
				Evidence   string   `json:"evidence"`
				Outcomes   []string `json:"outcomes"`
				Leads      []string `json:"leads"`
				Partners   []string `json:"partners"`
				Milestones []struct {
					Text string   `json:"text"`
					Lead []string `json:"lead"`
				} `json:"milestones"`
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, a.Action, a.Evidence)
			texts = append(texts, a.Outcomes...)
			texts = append(texts, a.Leads...)
			texts = append(texts, a.Partners...)
			names = append(names, a.Leads...)
			names = append(names, a.Partners...)
			for _, m := range a.Milestones {
				texts = append(texts, m.Text)
				texts = append(texts, m.Lead...)
				names = append(names, m.Lead...)
			}
		}
		f.Close()
		acr := FindAcronyms(texts)
		for _, n := range names {
			total++
			want := gold[nameKey(n)]
			o := DefaultRegistry().Resolve(n, acr)
			b := bare.Resolve(n, acr)
			if gold[nameKey(b.Canonical)] == want {
				bareRight++
			}
			if nameKey(b.Canonical) == want {
				bareExact++
			}
			if nameKey(o.Canonical) == want {
				exact++
			}
			if gold[nameKey(o.Canonical)] == want {
				right++
			} else {
				t.Logf("%s: %q → %q, gold says %q", filepath.Base(file), n, o.Canonical, want)
			}
		}
	}
	t.Logf("canonical name equal to the gold canonical: %d/%d = %.3f", exact, total, float64(exact)/float64(total))
	t.Logf("without a registry (rules and acronyms only): %d/%d = %.3f map to the gold organisation, %d/%d = %.3f give its canonical name",
		bareRight, total, float64(bareRight)/float64(total), bareExact, total, float64(bareExact)/float64(total))
	rate := float64(right) / float64(total)
	t.Logf("gold lead/partner strings resolved to the gold organisation: %d/%d = %.3f", right, total, rate)
	if total < 180 || rate < 0.95 {
		t.Errorf("resolved %d/%d = %.3f, want ≥ 0.95 of ≥ 180", right, total, rate)
	}
}

func TestLoadRegistryCSV(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "orgs.csv")
	csv := "# my merges\ncanonical,alias,kind\n" +
		"Widget Valley Partnership,WVP,partnership\n" +
		"Widget Valley Partnership,Widget Valley Pship; The Valley Partnership,\n" +
		"EEDA,East of England Development Agency,regional development agency\n" +
		"\"Acme, Ltd\",,private\n" +
		"Kent Fire and Rescue Service,,other\n" +
		"Youth Centre and Library Service,,local authority\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadRegistry(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"WVP": "Widget Valley Partnership", "widget valley pship": "Widget Valley Partnership",
		"Valley Partnership": "Widget Valley Partnership", "East of England Development Agency": "EEDA",
		"Acme Ltd": "Acme, Ltd", "Jobcentre Plus": "Jobcentre Plus",
	} {
		if o := r.Resolve(name, nil); o.Canonical != want {
			t.Errorf("Resolve(%q) = %q, want %q", name, o.Canonical, want)
		}
	}
	// The user's names are never cut; the default registry does not know
	// this one and cuts it.
	if l, _ := r.SplitOrgs("Youth Centre and Library Service"); len(l) != 1 {
		t.Errorf("user registry: SplitOrgs cut a known name: %q", l)
	}
	if l, _ := SplitOrgs("Youth Centre and Library Service"); len(l) != 2 {
		t.Errorf("default registry: SplitOrgs = %q, want two", l)
	}
	if o, _ := r.Lookup("EEDA"); o.Kind != KindRegional {
		t.Errorf("EEDA kind %q", o.Kind)
	}
	// The default is not changed by loading a file.
	if o, _ := DefaultRegistry().Lookup("East of England Development Agency"); o.Canonical != "East of England Development Agency" {
		t.Errorf("default registry changed: %q", o.Canonical)
	}
	if _, err := LoadRegistry(filepath.Join(dir, "missing.csv")); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing file: %v", err)
	}
}

// TestLoadRegistryWorkbook reads an Organisations sheet laid out as
// planmap's export writes it: Canonical, Aliases ("; "), Kind, counts.
func TestLoadRegistryWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "planmap.xlsx")
	f := excelize.NewFile()
	if _, err := f.NewSheet("Organisations"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Canonical", "Aliases", "Kind", "Leads", "Partners"},
		{"East of England Development Agency", "EEDA; East of England Development Agency (EEDA); E of E Dev Agency", "regional agency", 5, 0},
		{"Widget Valley Partnership", "WVP", "partnership", 1, 2},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Organisations", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	r, err := LoadRegistry(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"E of E Dev Agency": "East of England Development Agency", "WVP": "Widget Valley Partnership", "LSC": "Learning and Skills Council"} {
		if o := r.Resolve(name, nil); o.Canonical != want {
			t.Errorf("Resolve(%q) = %q, want %q", name, o.Canonical, want)
		}
	}
	f2 := excelize.NewFile()
	bad := filepath.Join(t.TempDir(), "other.xlsx")
	if err := f2.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRegistry(bad); err == nil || !strings.Contains(err.Error(), "Organisations") {
		t.Errorf("workbook without the sheet: %v", err)
	}
}

func TestDefaultRegistry(t *testing.T) {
	r := DefaultRegistry()
	if n := len(r.Organisations()); n < 200 {
		t.Errorf("default registry has %d organisations", n)
	}
	for _, o := range r.Organisations() {
		known := false
		for _, k := range Kinds {
			known = known || o.Kind == k
		}
		if !known {
			t.Errorf("%s: kind %q", o.Canonical, o.Kind)
		}
	}
}

func FuzzSplitOrgs(f *testing.F) {
	for _, s := range []string{
		"EEDA/Advice for Life/Keystone Development Trust", "EERA with Housing Corporation",
		"Peterborough New Link Centre and Cambridge Constabulary", "Regional Manager, National Offender Management Service",
		"Home Office /\nNational Crime\nAgency (NCA)", "DPH, CPH and PH\nSpecialists, PH\nDistrict Coordinator.",
		"((((", "a/b/c and d, e & f with g", "Lead: (with X", "•", "N/A", "and/or", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		leads, partners := SplitOrgs(cell)
		for _, n := range append(leads, partners...) {
			if n == "" || n != strings.TrimSpace(n) {
				t.Errorf("SplitOrgs(%q): bad name %q", cell, n)
			}
			o := DefaultRegistry().Resolve(n, FindAcronyms([]string{cell}))
			if o.Kind == "" {
				t.Errorf("Resolve(%q): no kind", n)
			}
		}
	})
}

func BenchmarkSplitAndResolve(b *testing.B) {
	cells := []string{"EEDA/Advice for Life/Keystone Development Trust", "EERA with Housing Corporation",
		"Peterborough New Link Centre and Cambridge Constabulary", "Regional Manager, National Offender Management Service"}
	acr := FindAcronyms([]string{"East of England Development Agency (EEDA)"})
	for i := 0; i < b.N; i++ {
		for _, c := range cells {
			l, p := SplitOrgs(c)
			for _, n := range append(l, p...) {
				DefaultRegistry().Resolve(n, acr)
			}
		}
	}
}

// TestNameKey: printed variants of one name share a key.
func TestNameKey(t *testing.T) {
	for _, same := range [][2]string{
		{"P H Consultant", "PH Consultant"},
		{"Children & Families Trust", "Children and Families Trust"},
		{"the Learning and Skills Council", "Learning and Skills Council"},
		{"Citizens’ Advice", "Citizens Advice"},
		{"GO-East", "GO East"},
	} {
		if a, b := nameKey(same[0]), nameKey(same[1]); a != b {
			t.Errorf("nameKey(%q) = %q, nameKey(%q) = %q", same[0], a, same[1], b)
		}
	}
	if nameKey("Group A") == nameKey("GroupA") {
		t.Error("a single letter after a word is not an initial to close up")
	}
}

func TestCoreAndFragment(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"CPH lead", "CPH"},
		{"CPH leads", "CPH"},
		{"CPH leads for each area", "CPH"},
		{"Linked CPH", "CPH"},
		{"Early years lead", "Early years"},
		{"Home Office", "Home Office"},
		{"Lead for Family Hubs", "Lead for Family Hubs"},
		{"DPH", "DPH"},
	} {
		if got := Core(c.in); got != c.want {
			t.Errorf("Core(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	reg := DefaultRegistry()
	for _, c := range []struct {
		in   string
		want bool
	}{{"each Directorate", true}, {"all partners", true}, {"All Party Parliamentary Group", false}, {"All local authorities", true}, {"Home Office", false}, {"Performance", false}} {
		if got := reg.Fragment(c.in); got != c.want {
			t.Errorf("Fragment(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// Two posts in one cell are two leads; a post followed by its team is one
// (Kent appendix B's cells, docs/organisations.md).
func TestSplitPosts(t *testing.T) {
	for _, c := range []struct {
		cell string
		want []string
	}{
		{"Corporate Lead-Strategy, Strategy Officer", []string{"Corporate Lead-Strategy", "Strategy Officer"}},
		{"Regional Manager, National Offender Management Service", []string{"Regional Manager, National Offender Management Service"}},
		{"Project Manager, Design and Learning Centre Programme Team, Innovation and Partnerships Team",
			[]string{"Project Manager, Design and Learning Centre Programme Team", "Innovation and Partnerships Team"}},
	} {
		got, _ := SplitOrgs(c.cell)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("SplitOrgs(%q) = %q, want %q", c.cell, got, c.want)
		}
	}
}
