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
	data := piledMerges(t)
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The first merge applies; the 20,000 piled over it are skipped
	// (overlaps, then the position budget), so no cell spans the sheet.
	// Bounded work is what keeps this test short (minutes before the
	// fix); its speed is BenchmarkPiledMerges'.
	var first, whole bool
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		for _, r := range b.Table.Rows {
			for _, c := range r.Cells {
				first = first || (c.ColSpan == 2 && c.RowSpan == 2)
				whole = whole || c.RowSpan >= 499
			}
		}
	}
	if !first || whole {
		t.Errorf("merges applied: Y499:Z500 %v (want true), A1:Z500 %v (want false)", first, whole)
	}
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
}

// piledMerges is a workbook whose sheet piles 20,000 column ranges and
// 20,000 merges of the whole table over one small merge.
func piledMerges(tb testing.TB) []byte {
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
	return replacePart(tb, tracker(tb, trackerOptions{}), "xl/worksheets/sheet1.xml", b.String())
}

// BenchmarkPiledMerges: the cost of a hostile sheet's piled merges.
func BenchmarkPiledMerges(b *testing.B) {
	data := piledMerges(b)
	b.ResetTimer()
	for range b.N {
		if _, err := Extract(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
