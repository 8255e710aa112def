package odt

import (
	"testing"

	"github.com/planmap/planmap/extract/layout/layouttest"
)

// FuzzODT feeds arbitrary bytes to Extract, both as a whole package and as
// the content.xml of a well-formed package (so the fuzzer reaches the XML
// walker, not just the ZIP reader): it must return a document or a
// *layout.Error, never panic, and any document must keep the layout
// invariants (full table grids, spans that cover exactly the covered
// cells).
func FuzzODT(f *testing.F) {
	plan := ActionPlan(f)
	f.Add(plan)
	f.Add(plan[:len(plan)/3])
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte(content(listStyles, actionPlan)))
	f.Add([]byte(content("", tbl(
		tr(tc(`table:number-columns-spanned="9" table:number-rows-spanned="9"`, "A"), tc("", "B")),
		tr(covered, `<table:table-cell table:number-columns-repeated="300"><table:table>`+tr(tc("", "x"))+`</table:table></table:table-cell>`),
		`<table:table-row table:number-rows-repeated="1000">`+tc("", "y")+`</table:table-row>`))))
	f.Add([]byte(content(listStyles, `<text:list text:style-name="L2"><text:list-item text:start-value="-3"><text:list><text:list-item><text:number>1</text:number><text:h text:outline-level="0">x</text:h></text:list-item></text:list></text:list-item></text:list><text:p><draw:frame><draw:text-box><text:p>y<table:table><table:table-cell><text:p>z`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(data, Options{MaxUnzipped: 8 << 20})
		layouttest.CheckExtract(t, doc, err)
		doc, err = Extract(zipOf(t, "mimetype", textMime, "content.xml", string(data)), Options{MaxUnzipped: 8 << 20})
		layouttest.CheckExtract(t, doc, err)
	})
}
