package themes

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The wrong themes an analyst found in the keyword classifier, on the
// actions as printed in the corpus plans, and the context rules.
func TestClassifyAction(t *testing.T) {
	tests := []struct {
		name   string
		a      Action
		themes []string
		from   map[string]string // theme → where its evidence came from
	}{
		{"funds abused for terrorism are not funding; difficult environments are not nature",
			Action{Text: "Support UK charities operating in difficult environments overseas to mitigate the risk of their funds being abused for terrorist purposes."},
			[]string{"crime and safety", "community and voluntary sector"}, nil},
		{"care homes are social care, not housing",
			Action{Text: "Continue to test Feebris (digitally enabled programme for proactive risk assessment and detection of deterioration) in 30 care homes.",
				Objective: "More people age and live well at home with the right care at the right time in the right place"},
			[]string{"older people", "health and care"}, nil},
		{"a virtual school is education",
			Action{Text: "Strengthen the role of the virtual school head for care leavers up to age 25", Leads: []string{"Department for Education"}},
			[]string{"children and young people"}, nil},
		{"a virtual house is not housing",
			Action{Text: "Set up a virtual house for staff to share learning"}, []string{Unclassified}, nil},
		{"sustainable funding is not the environment",
			Action{Text: "Establish a more sustainable funding model for Regional Asset Recovery Teams"},
			[]string{"crime and safety", "funding"}, nil},
		{"the natural environment is",
			Action{Text: "Create a permanent and safe environment where children and young people can experience the natural world"},
			[]string{"children and young people", "environment"}, nil},
		{"the objective speaks for a neutral action",
			Action{Text: "Carry out risk assessments of KCC Services", Objective: "Climate Change Adaptation", Leads: []string{"Head of Environment"}},
			[]string{"environment"}, map[string]string{"environment": FromObjective}},
		{"the objective's topic joins a means theme",
			Action{Text: "support online discussion and networking to engage CPPs on progress",
				Objective: "Issue 1 How to embed community regeneration and tackling poverty within Single Outcome Agreements?"},
			[]string{"poverty and income", "partnership and governance"},
			map[string]string{"poverty and income": FromObjective, "partnership and governance": FromAction}},
		{"the objective does not override the action's own topic",
			Action{Text: "Implement the Regional Reducing Offending Delivery Plan", Objective: "SO6 Decent, affordable housing"},
			[]string{"crime and safety"}, nil},
		{"the lead speaks for an action with no theme",
			Action{Text: "We intend to make it possible for providers to request an early re-inspection.", Leads: []string{"Department for Education"}},
			[]string{"children and young people"}, map[string]string{"children and young people": FromLead}},
		{"the document's title speaks last",
			Action{Text: "Complete the review of the supervisory regime and announce reforms.", Leads: []string{"HMT"},
				Document: "Action Plan for anti-money laundering and counter-terrorist finance"},
			[]string{"crime and safety"}, map[string]string{"crime and safety": FromDocument}},
		{"a list of examples is not the action's subject",
			Action{Text: "help established companies find the innovators who can help them develop digital solutions, including bringing digital expertise to bear on activity in health and care, transport, energy and creative industries"},
			[]string{"work and skills"}, nil},
		// From the Kent health and wellbeing appendix and the Ilkley plan
		// (../shared/bench), not the labelled set.
		{"welfare benefits are income; business benefits are not",
			Action{Text: "Ensure access to benefits for families"},
			[]string{"poverty and income", "children and young people"}, nil},
		{"a Business Improvement District is not a bid for funds",
			Action{Text: "Engage with businesses through organisations such as the Ilkley BID (Business Improvement District)."},
			[]string{"work and skills"}, nil},
		{"council homes are not a council; a work environment is not nature",
			Action{Text: "Promote energy use reduction for low-income households, council homes and rented properties in a healthy work environment"},
			[]string{"poverty and income", "housing", "health and care", "environment"}, nil},
		{"a weak word needs other evidence",
			Action{Text: "Reform the supervisory regime taking into account relevant evidence submitted"}, []string{Unclassified}, nil},
	}
	tax := DefaultTaxonomy()
	for _, tt := range tests {
		th, ev := tax.ClassifyAction(tt.a)
		if !reflect.DeepEqual(th, tt.themes) {
			t.Errorf("%s: themes %q (%q), want %q", tt.name, th, Rules(ev), tt.themes)
			continue
		}
		if len(ev) != len(th) {
			t.Fatalf("%s: %d evidence for %d themes", tt.name, len(ev), len(th))
		}
		for i, e := range ev {
			if e.Theme != th[i] {
				t.Errorf("%s: evidence %v for theme %q", tt.name, e, th[i])
			}
			if th[i] == Unclassified {
				continue
			}
			if e.Phrase == "" || e.Rule == "" {
				t.Errorf("%s: evidence without phrase or rule: %+v", tt.name, e)
			}
			want := FromAction
			if f, ok := tt.from[th[i]]; ok {
				want = f
			}
			if e.From != want {
				t.Errorf("%s: %q from %q, want %q", tt.name, th[i], e.From, want)
			}
		}
	}
}

func TestEvidenceString(t *testing.T) {
	e := Evidence{Theme: "housing", Phrase: "homelessness", Rule: "homeless*", From: FromObjective}
	if got, want := e.String(), "housing: matched 'homeless*' in 'homelessness' (objective)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// The optional columns: unless and kind, read by the header's names; an
// unknown kind or a bad unless is an error naming the line.
func TestTaxonomyColumns(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "themes.csv")
	body := "theme,pattern,unless,kind\n" +
		"roads,pothole*,,\n" +
		"flood risk,flood*,flood of (letters|complaints),\n" +
		"money,budget*,,weak\n" +
		"money,\"/£\\s?\\d{1,3}(,\\d{3})*/\",,means\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	tax, err := LoadTaxonomy(path)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{
		"Fix potholes before the floods":             {"roads", "flood risk"},
		"Answer the flood of complaints on potholes": {"roads"},
		"Set the budget":                             {Unclassified},
		"Budget £10,000 for flood defences":          {"flood risk", "money"},
	} {
		if th, ev := tax.ClassifyAction(Action{Text: text}); !reflect.DeepEqual(th, want) {
			t.Errorf("%q: %q (%q), want %q", text, th, Rules(ev), want)
		}
	}
	for _, bad := range []string{"theme,pattern,unless,kind\nx,y,,sometimes\n", "theme,pattern,unless\nx,y,(\n"} {
		p := filepath.Join(dir, "bad.csv")
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadTaxonomy(p); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	// A file in the old two-column form keeps its commas in the pattern.
	old := filepath.Join(dir, "old.csv")
	if err := os.WriteFile(old, []byte("theme,pattern\nmoney,/£\\d{1,3}/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if tax, err := LoadTaxonomy(old); err != nil {
		t.Fatal(err)
	} else if th, _ := tax.Classify("£250 a year"); !reflect.DeepEqual(th, []string{"money"}) {
		t.Errorf("old format: %q", th)
	}
}

// BenchmarkClassifyAction classifies the labelled actions with their
// objectives (make bench).
func BenchmarkClassifyAction(b *testing.B) {
	f, err := os.Open(filepath.Join("testdata", "labelled-actions.csv"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	tax := DefaultTaxonomy()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := recs[1+i%(len(recs)-1)]
		tax.ClassifyAction(Action{Text: r[3], Objective: r[4]})
	}
}
