package normalise

import (
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// TestRegion: where a plan's area comes from when no manifest names it.
func TestRegion(t *testing.T) {
	para := func(s string, n int) []layout.Block {
		var bs []layout.Block
		for range n {
			bs = append(bs, layout.Block{Kind: layout.Paragraph, Text: s})
		}
		return bs
	}
	for _, c := range []struct {
		name, title string
		body        []layout.Block
		want        string
	}{
		{"region in the title", "Regional Social Strategy for the East of England", nil, "East of England"},
		{"place after 'in'", "Tackling Social Exclusion in Milton Keynes", nil, "Milton Keynes"},
		{"an address on the first page is not the area", "Action Plan for anti-money laundering",
			append(para("HM Treasury, 1 Horse Guards Road, London SW1A 2HQ", 1), para("The UK will lead the world.", 12)...), "United Kingdom"},
		{"the council whose place the title names", "Oxfordshire Housing and Growth Deal",
			para("Oxford City Council and Oxfordshire County Council and Cherwell District Council agree.", 3), "Oxfordshire"},
		{"a council the text keeps naming", "Executive Decision",
			para("Kent County Council will publish the plan.", 3), "Kent"},
		{"a passing mention of the UK is not the area", "Ilkley 2030 and Beyond",
			para("Ilkley is one of the UK's first plastic-free towns.", 4), ""},
	} {
		doc := &layout.Document{Title: c.title, Blocks: c.body}
		if got := inferMeta(doc, "plan.pdf", Options{}).Region; got != c.want {
			t.Errorf("%s: region %q, want %q", c.name, got, c.want)
		}
	}
	if containsWord("Oxfordshire Growth Deal", "Oxford") || !containsWord("Oxford City", "Oxford") {
		t.Error("containsWord")
	}
}
