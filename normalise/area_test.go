package normalise

import (
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/places"
)

// TestArea: which evidence decides a document's area, strongest first, and
// what an unresolved document says it tried.
func TestArea(t *testing.T) {
	para := func(s string, n int) []layout.Block {
		var bs []layout.Block
		for range n {
			bs = append(bs, layout.Block{Kind: layout.Paragraph, Text: s})
		}
		return bs
	}
	man, err := ReadManifest(strings.NewReader("path,region\nmanifest.pdf,Cherwell\nodd.pdf,Banbury Fringe\n"), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, file, title string
		body              []layout.Block
		code, evidence    string
	}{
		{"the manifest wins over the title", "manifest.pdf", "Kent County Council Plan", nil, "E07000177", "manifest names Cherwell"},
		{"a manifest name the gazetteer lacks is kept", "odd.pdf", "Kent County Council Plan", nil, "", "manifest names Banbury Fringe (not in the gazetteer)"},
		{"a town in the title", "plan.pdf", "Ilkley 2030 and Beyond", para("Ilkley is one of the UK's first plastic-free towns.", 4), "E08000032", "title names Ilkley (a town in Bradford)"},
		{"a joint area in the title", "plan.pdf", "Kent and Medway Joint Health Strategy", nil, "E10000016+E06000035", "title names Kent and Medway"},
		{"the stated publisher", "plan.pdf", "Equal Communities Action Plan",
			para("This Action Plan is jointly published by Scottish Government and COSLA.", 1), "S92000003", "publisher is Scottish Government"},
		{"a UK department publishes", "plan.pdf", "Fuller Working Lives",
			para("The Department for Work and Pensions will act. The Department for Work and Pensions will report. The Department for Work and Pensions will fund.", 1), "K02000001", "publisher is Department for Work and Pensions"},
		{"the place named most", "plan.pdf", "Executive Decision",
			para("Services in Medway and in Medway towns; Medway partners.", 2), "E06000035", "text names Medway 6 times"},
		{"a paper of the County Council naming one county", "plan.pdf", "Social Inclusion – Executive",
			para("Report by the County Council Management Team. The Council is the largest employer in Oxfordshire and works with Jobcentre Plus.", 1), "E10000025", "the text speaks for \"the County Council\" and names one council area, Oxfordshire"},
		{"two places named as often resolve nothing", "plan.pdf", "Executive Decision",
			para("Work in Medway and Cornwall.", 4), "", "tried: title \"Executive Decision\" names no place"},
	} {
		doc := &layout.Document{Title: c.title, Blocks: c.body}
		p := Normalise(doc, c.file, Options{Manifest: man})
		a := p.Meta.Area
		if a.Code != c.code || !strings.HasPrefix(a.Evidence, c.evidence) {
			t.Errorf("%s: %s %s (%q), want %s (%q)", c.name, a.Code, a.Name, a.Evidence, c.code, c.evidence)
		}
		if a.Code == "" && c.file == "plan.pdf" && (a.Name != places.Unknown || p.Meta.Region != "") {
			t.Errorf("%s: unresolved area named %q, region %q", c.name, a.Name, p.Meta.Region)
		}
	}
}
