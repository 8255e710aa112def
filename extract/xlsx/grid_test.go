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
