package xlsx

import (
	"runtime"
	"testing"
	"time"
)

// TestSparseSheet: a cell in the last row of the sheet does not make the
// reader allocate every row above it.
func TestSparseSheet(t *testing.T) {
	data := replacePart(t, tracker(t, trackerOptions{}), "xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Action</t></is></c><c r="B1" t="inlineStr"><is><t>Lead</t></is></c></row><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>Promote work</t></is></c><c r="B1048576" t="inlineStr"><is><t>JCP</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>`)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%s, %d MB allocated", time.Since(start), alloc>>20)
	if alloc > 64<<20 {
		t.Errorf("%d MB allocated for a sheet of two rows", alloc>>20)
	}
	if doc.Blocks[1].Table == nil || len(doc.Blocks[1].Table.Rows) != 2 {
		t.Errorf("blocks %+v", doc.Blocks[:2])
	}
}
