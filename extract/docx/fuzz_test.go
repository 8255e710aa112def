package docx

import (
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

// FuzzDOCX feeds arbitrary bytes to Extract, both as a whole package and as
// the word/document.xml of a well-formed package (so the fuzzer reaches the
// XML walker, not just the ZIP reader): it must return a document or a
// *layout.Error, never panic, and any document must keep the layout
// invariants (full table grids, pages from 1).
func FuzzDOCX(f *testing.F) {
	sample := corpustest.ReadSample(f, southEast)
	f.Add(sample)
	f.Add(sample[:len(sample)/3])
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) // an OLE compound file's signature
	f.Add(docxOf(f, p(numPr(1, 0), "One")+tbl(2, tr("", tc(`<w:gridSpan w:val="3"/>`, p("", "wide"))), tr("", tc(`<w:vMerge/>`), tc("", p("", "x")))),
		`<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="A"/></w:style>`,
		`<w:abstractNum w:abstractNumId="1">`+lvl(0, 1, "lowerRoman", "%1.%9")+`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`))
	f.Add(docxOf(f, `<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:t>x</w:t><w:br w:type="page"/><w:lastRenderedPageBreak/></w:r></w:p><w:tbl><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tbl>`, "", ""))
	f.Add([]byte(`<w:document ` + wNS + `><w:body>` + p(`<w:pStyle w:val="Heading1"/>`, "Title") + `<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data)
		check(t, zipOf(t, "word/document.xml", string(data)))
	})
}

func check(t *testing.T, data []byte) {
	doc, err := Extract(data, Options{MaxUnzipped: 8 << 20})
	if err != nil {
		if statusOf(err) == "untyped" {
			t.Fatalf("error without a status: %v", err)
		}
		return
	}
	for _, b := range doc.Blocks {
		if b.Page < 1 || b.Page > doc.Pages {
			t.Fatalf("block on page %d of %d", b.Page, doc.Pages)
		}
		if b.Kind != layout.TableKind {
			continue
		}
		for _, r := range b.Table.Rows {
			if len(r.Cells) != b.Table.Columns {
				t.Fatalf("row of %d cells in a %d-column table", len(r.Cells), b.Table.Columns)
			}
		}
	}
}
