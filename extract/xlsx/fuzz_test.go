package xlsx

import (
	"testing"

	"github.com/planmap/planmap/extract/layout/layouttest"
)

// FuzzXLSX feeds arbitrary bytes to Extract, both as a whole package and as
// the first worksheet of a well-formed tracker (so the fuzzer reaches the
// sheet reader, merges and header rules, not just the ZIP reader): it must
// return a document or a *layout.Error, never panic, and any document must
// keep the layout invariants.
func FuzzXLSX(f *testing.F) {
	good := tracker(f, trackerOptions{})
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) // an OLE compound file's signature
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>Action</t></is></c><c r="C2" t="inlineStr"><is><t>Lead</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>45000</v></c></row></sheetData><mergeCells><mergeCell ref="B2:C3"/><mergeCell ref="C2:D2"/><mergeCell ref="Z9:A1"/></mergeCells></worksheet>`))
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="0" max="99999" hidden="1"/></cols><sheetViews><sheetView><pane ySplit="-3" state="frozen"/></sheetView></sheetViews><sheetData><row><c t="s"><v>99</v></c><c s="9999"><v>x</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data)
		if len(data) < 1<<16 {
			check(t, replacePart(t, good, "xl/worksheets/sheet1.xml", string(data)))
		}
	})
}

func check(t *testing.T, data []byte) {
	doc, err := Extract(data, Options{MaxUnzipped: 8 << 20, MaxRows: 5000, MaxCells: 100000})
	if err != nil {
		if statusOf(err) == "untyped" {
			t.Fatalf("error without a status: %v", err)
		}
		return
	}
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Page < 1 || b.Page > doc.Pages {
			t.Fatalf("block on page %d of %d", b.Page, doc.Pages)
		}
	}
}
