package xlsx

import (
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/layout/layouttest"
)

// TestMerges: merged ranges become spans over the rows and columns that
// are kept, whatever was dropped inside them; overlapping merges (damaged
// files) keep the first; a single kept position is no span at all.
func TestMerges(t *testing.T) {
	rows := []sheetRow{
		{num: 1, cells: []string{"Theme", "", "", "Lead"}},
		{num: 2, cells: []string{"Economy", "Grow jobs", "", "JCP"}},
		{num: 4, cells: []string{"", "Train staff", "", "LSC"}},
		{num: 5, cells: []string{"Housing", "Build homes", "", "HCA"}},
	}
	// column C is empty and dropped; row 3 is hidden (not in rows)
	spans := []span{
		{r0: 2, c0: 0, r1: 4, c1: 0}, // Economy down rows 2-4 (3 hidden)
		{r0: 1, c0: 1, r1: 1, c1: 2}, // B1:C1 over the dropped column: no span
		{r0: 5, c0: 1, r1: 5, c1: 3}, // B5:D5
		{r0: 5, c0: 2, r1: 5, c1: 3}, // overlaps the one before
	}
	g := newGrid(rows, nil, spans)
	cells := 0
	tbl, err := g.table(&cells, 1000)
	if err != nil {
		t.Fatal(err)
	}
	doc := &layout.Document{Blocks: []layout.Block{{Kind: layout.TableKind, Page: 1, Table: tbl}}}
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
	got := layouttest.Dump(doc)
	want := `T  3 cols × 4 rows, 0 header rows
   | Theme |  | Lead |
   | {2x1} Economy | Grow jobs | JCP |
   | ^ | Train staff | LSC |
   | Housing | {1x2} Build homes | ^ |
`
	if !strings.HasSuffix(got, want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestCaptionsAndHeader: one-cell lines above the table are captions; the
// first row of short labels is the header; a sheet of one column keeps
// its lines as a table.
func TestCaptionsAndHeader(t *testing.T) {
	r := &reader{bold: map[int]bool{}}
	g := newGrid([]sheetRow{
		{num: 1, cells: []string{"Action plan 2024"}},
		{num: 2, cells: []string{"", "Updated March"}},
		{num: 4, cells: []string{"No.", "Action", "Due"}},
		{num: 5, cells: []string{"1", "Open the hub", "2025"}},
	}, nil, nil)
	caps := g.takeCaptions()
	if strings.Join(caps, "|") != "Action plan 2024|Updated March" || len(g.rows) != 2 {
		t.Fatalf("captions %q, %d rows left", caps, len(g.rows))
	}
	if h := r.headerRows(&sheetProps{}, g); h != 1 {
		t.Errorf("%d header rows, want 1 (short labels above data)", h)
	}
	one := newGrid([]sheetRow{{num: 1, cells: []string{"Note one"}}, {num: 2, cells: []string{"Note two"}}}, nil, nil)
	if caps := one.takeCaptions(); caps != nil || len(one.rows) != 2 {
		t.Errorf("one column: captions %q", caps)
	}
	body := newGrid([]sheetRow{{num: 1, cells: []string{"1", "Open the hub by 2025", "31/03/2025"}}, {num: 2, cells: []string{"2", "Close it", "2026"}}}, nil, nil)
	if h := r.headerRows(&sheetProps{}, body); h != 0 {
		t.Errorf("a first row of data: %d header rows", h)
	}
}

// TestCachedFormulaValues: a formula reads as the value Excel saved with
// it, never evaluated (1/0 would be an error).
func TestCachedFormulaValues(t *testing.T) {
	data := replacePart(t, tracker(t, trackerOptions{}), "xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
		`<row r="1"><c r="A1" t="inlineStr"><is><t>Action</t></is></c><c r="B1" t="inlineStr"><is><t>Progress</t></is></c></row>`+
		`<row r="2"><c r="A2" t="inlineStr"><is><t>Open the hub</t></is></c><c r="B2" t="str"><f>IF(1/0,"x","y")</f><v>On track</v></c></row>`+
		`<row r="3"><c r="A3" t="inlineStr"><is><t>Close the gap</t></is></c><c r="B3"><f>SUM(1,1)</f><v>42</v></c></row>`+
		`</sheetData></worksheet>`)
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind {
			g := b.Table.Grid()
			if g[1][1] != "On track" || g[2][1] != "42" {
				t.Errorf("formula cells %q, %q; want the cached values", g[1][1], g[2][1])
			}
			return
		}
	}
	t.Fatal("no table")
}
