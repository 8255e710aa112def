package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/planmap/planmap/normalise/places"
)

// TestPlacesOfCompare: the area of each plan of make compare (the samples
// and ../shared/bench/real-docs), resolved from what the document says,
// and the rows each --level gives. Skips when ../shared is absent.
func TestPlacesOfCompare(t *testing.T) {
	docs := compareBatch(t)
	ds := newDataset(docs, ".")
	byName := map[string]*docView{}
	for _, d := range ds.docs {
		if d.analysed {
			byName[d.Name] = d
		}
		if d.region == d.Name || d.area.Name == d.Name {
			t.Errorf("%s: its file name is its region", d.File)
		}
	}
	for _, c := range []struct {
		doc, code, region string
	}{
		{"kent-cc_family-hubs_eqia_2025", "E10000016", "E12000008"},
		{"kent-cc_health-wellbeing-activity_appA_2025", "E10000016", "E12000008"},
		{"kent-cc_ics-delivery-plan_cabinet-report_2025", "E10000016", "E12000008"},
		{"kent-cc_ics-priorities-and-actions_appB_2025", "E10000016", "E12000008"},
		{"kent-cc_quarterly-performance-report_q3-2024-25", "E10000016", "E12000008"},
		{"ilkley_sustainability-plan_draft_2019", "E08000032", "E12000003"},
		{"hmg_aml-ctf-action-plan_2016", "K02000001", ""},
		{"scotland-equal-communities-action-plan-2009-2011", "S92000003", "S92000003"},
		{"east-of-england-regional-social-strategy-action-plan-2007-2010", "E12000006", "E12000006"},
		{"milton-keynes-tackling-social-exclusion", "E06000042", "E12000008"},
		{"oxfordshire_housing-growth-deal_outline-agreement_2017", "E10000025", "E12000008"},
	} {
		d := byName[c.doc]
		if d == nil {
			t.Errorf("%s: not analysed", c.doc)
			continue
		}
		if d.area.Code != c.code || d.area.RegionCode != c.region || d.area.Evidence == "" {
			t.Errorf("%s: area %s %s (region %s), want %s (region %s); evidence %q",
				c.doc, d.area.Code, d.area.Name, d.area.RegionCode, c.code, c.region, d.area.Evidence)
		}
	}

	// --level: the rows of Regions × Themes and the Summary's first column.
	for _, c := range []struct {
		level places.Level
		want  []string // rows that must be there
		not   []string // rows that must not
	}{
		{places.District, []string{"Bradford", "Kent (county)", "Milton Keynes", "East of England (region)", "Scotland (nation)", "United Kingdom (UK)"}, []string{"Yorkshire and The Humber", "South East"}},
		{places.County, []string{"Bradford", "Kent", "Oxfordshire", "Milton Keynes", "East of England (region)", "United Kingdom (UK)"}, []string{"South East"}},
		{places.Region, []string{"Yorkshire and The Humber", "South East", "East of England", "Scotland", "United Kingdom (UK)"}, []string{"Kent", "Bradford", "Milton Keynes", "Scotland (nation)"}},
		{places.Nation, []string{"England", "Scotland", "United Kingdom (UK)"}, []string{"South East", "Kent"}},
	} {
		ds := newDatasetOptions(docs, ".", Options{Level: c.level})
		var rows, summary []string
		ds.regionThemeTable().rows(func(r row) bool { rows = append(rows, r.vals[0].(string)); return true })
		ds.summaryTable().rows(func(r row) bool { summary = append(summary, r.vals[0].(string)); return true })
		for _, w := range c.want {
			if !slices.Contains(rows, w) || !slices.Contains(summary, w) {
				t.Errorf("level %s: no row %q in Regions × Themes %q or Summary", c.level, w, rows)
			}
		}
		for _, w := range c.not {
			if slices.Contains(rows, w) {
				t.Errorf("level %s: row %q in Regions × Themes %q", c.level, w, rows)
			}
		}
		for _, r := range rows {
			if strings.Contains(r, "_") {
				t.Errorf("level %s: row %q looks like a file name", c.level, r)
			}
		}
	}
}
