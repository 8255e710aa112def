package xlsx

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/planmap/planmap/extract/layout/layouttest"
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

// TestPiledMerges: thousands of overlapping merges and hidden column
// ranges (a hostile file) cost bounded work, not their product.
func TestPiledMerges(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols>`)
	for range 20000 {
		b.WriteString(`<col min="1" max="16384" hidden="0"/><col min="30" max="16000" hidden="1"/>`)
	}
	b.WriteString(`</cols><sheetData>`)
	for r := 1; r <= 500; r++ {
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for c := 1; c <= 26; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>x%d</t></is></c>`, cell, c)
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData><mergeCells><mergeCell ref="Y499:Z500"/>`)
	for range 20000 {
		b.WriteString(`<mergeCell ref="A1:Z500"/>`)
	}
	b.WriteString(`</mergeCells></worksheet>`)
	data := replacePart(t, tracker(t, trackerOptions{}), "xl/worksheets/sheet1.xml", b.String())
	start := time.Now()
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// a guard against work that grows with merges × positions (minutes
	// before the fix), not a speed measure: generous enough for -race on
	// a shared machine at load 28, where 14 s was seen
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("%s for piled merges", d)
	}
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
}
