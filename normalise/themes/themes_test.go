package themes

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
)

// Action texts from the gold files of the corpus plans.
func TestClassify(t *testing.T) {
	tests := []struct {
		text   string
		themes []string
	}{
		{"Promote work as the best form of welfare for people of working age, while protecting the poorest", []string{"poverty and income", "work and skills"}},
		{"Ensure the best start for all children and end child poverty by 2020", []string{"poverty and income", "children and young people"}},
		{"Help prepare older people for life after full-time work", []string{"older people"}},
		{"Increase support and access to housing to those most at risk of homelessness", []string{"housing"}},
		{"Support those with mental health needs to achieve employment", []string{"work and skills", "health and care"}},
		{"Implement the Regional Reducing Offending Delivery Plan", []string{"crime and safety"}},
		{"Encourage a concerted regional approach to climate change adaptation and mitigation", []string{"environment"}},
		{"Develop a regional approach to tackling financial exclusion", []string{"poverty and income"}},
		{"Promote diversity in the workplace", []string{"work and skills", "equality and cohesion"}},
		// "Sustainable communities" are not the natural environment.
		{"Promote volunteering as an integral element of sustainable communities", []string{"community and voluntary sector"}},
		{"Create a region-wide Community Development Finance Fund", []string{"community and voluntary sector", "funding"}},
		{"Increase accommodation provision for Gypsies and Travellers", []string{"housing", "equality and cohesion"}},
		{"Support SEEDA in its work of: developing a rural ICT strategy", []string{"transport and access", "partnership and governance"}},
		{"Pilot actions within a local area agreement (LAA) to increase benefit take-up and monitor the impact", []string{"poverty and income", "data and intelligence", "partnership and governance"}},
		{"Support GOSE in holding three events on specific issues of social inclusion", []string{"unclassified"}},
	}
	tax := DefaultTaxonomy()
	for _, tt := range tests {
		themes, rules := tax.Classify(tt.text)
		if !reflect.DeepEqual(themes, tt.themes) {
			t.Errorf("Classify(%q) = %q (%q), want %q", tt.text, themes, rules, tt.themes)
		}
		if len(rules) != len(themes) {
			t.Fatalf("%d rules for %d themes", len(rules), len(themes))
		}
		for i, r := range rules {
			if !strings.HasPrefix(r, themes[i]+": ") {
				t.Errorf("rule %q does not explain %q", r, themes[i])
			}
		}
	}
	_, rules := tax.Classify("Increase support to those most at risk of homelessness")
	if want := []string{"housing: matched 'homeless*' in 'homelessness'"}; !reflect.DeepEqual(rules, want) {
		t.Errorf("rules %q, want %q", rules, want)
	}
	// Acronym keywords match capitals only: "gp" in a word is not a GP.
	if th, _ := tax.Classify("Improve gp access"); reflect.DeepEqual(th, []string{"health and care"}) {
		t.Errorf("lower-case gp matched the GP keyword")
	}
}

// TestClassifyGold: nearly every gold action gets a theme.
func TestClassifyGold(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(filepath.Dir(corpustest.Sample(t, "gold/organisations.json")), "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	n, unclassified := 0, 0
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a struct {
				Action string `json:"action"`
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			n++
			if th, _ := DefaultTaxonomy().Classify(a.Action); th[0] == Unclassified {
				unclassified++
			}
		}
		f.Close()
	}
	t.Logf("%d of %d gold actions unclassified", unclassified, n)
	if n < 150 || unclassified*20 > n {
		t.Errorf("%d of %d gold actions unclassified, want ≤ 5%%", unclassified, n)
	}
}

func TestLoadTaxonomy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "themes.csv")
	body := "theme,pattern\n# mine\nFlood Risk,flood*\nflood risk,/sand ?bags?/\nroads,pothole*\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	tax, err := LoadTaxonomy(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := tax.Themes(); !reflect.DeepEqual(got, []string{"flood risk", "roads"}) {
		t.Errorf("themes %q", got)
	}
	th, rules := tax.Classify("Deliver sandbags and fix potholes")
	if !reflect.DeepEqual(th, []string{"flood risk", "roads"}) || rules[0] != "flood risk: matched '/sand ?bags?/' in 'sandbags'" {
		t.Errorf("Classify = %q %q", th, rules)
	}
	// The file replaces the default: housing is not a theme any more.
	if th, _ := tax.Classify("new homes"); th[0] != Unclassified {
		t.Errorf("custom taxonomy kept default themes: %q", th)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("x,/(/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadTaxonomy(bad); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad regexp: %v", err)
	}
	if _, err := LoadTaxonomy(filepath.Join(dir, "none.csv")); err == nil {
		t.Error("missing file: no error")
	}
	want := []string{"poverty and income", "work and skills", "children and young people", "older people", "housing",
		"health and care", "transport and access", "crime and safety", "equality and cohesion",
		"community and voluntary sector", "funding", "data and intelligence", "partnership and governance", "environment"}
	if got := DefaultTaxonomy().Themes(); !reflect.DeepEqual(got, want) {
		t.Errorf("default themes %q", got)
	}
}
