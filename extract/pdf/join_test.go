package pdf

import (
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

func gridTable(page int, rows ...[]string) *layout.Table {
	t := &layout.Table{Columns: len(rows[0])}
	for _, r := range rows {
		row := layout.Row{Page: page}
		for _, c := range r {
			row.Cells = append(row.Cells, layout.NewCell(c))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func TestJoinTables(t *testing.T) {
	hdr := []string{"Action", "Lead", "Due"}
	box := layout.Box{X0: 40, Y0: 50, X1: 800, Y1: 500}
	colX := []float64{40, 300, 600}
	type part struct {
		page  int
		table *layout.Table
		colX  []float64
		box   layout.Box
	}
	cases := []struct {
		name       string
		blocks     []layout.Block // tables come from parts, in order
		parts      []part
		wantTables int
		wantRows   []int // rows per joined table
		wantHeader int
	}{
		{
			name: "repeated header dropped",
			parts: []part{
				{1, gridTable(1, hdr, []string{"a", "x", "2008"}), colX, box},
				{2, gridTable(2, hdr, []string{"b", "y", "2009"}), colX, box},
				{3, gridTable(3, hdr, []string{"c", "z", "2010"}), colX, box},
			},
			wantTables: 1, wantRows: []int{4}, wantHeader: 1,
		},
		{
			name: "continuation without header, same columns",
			parts: []part{
				{1, gridTable(1, hdr, []string{"a", "x", "2008"}), colX, box},
				{2, gridTable(2, []string{"b", "y", "2009"}), []float64{40, 301, 598}, box},
			},
			wantTables: 1, wantRows: []int{3},
		},
		{
			name: "different columns stay apart",
			parts: []part{
				{1, gridTable(1, hdr, []string{"a", "x", "2008"}), colX, box},
				{2, gridTable(2, []string{"b", "y", "2009"}), []float64{40, 200, 450}, layout.Box{X0: 40, X1: 500}},
			},
			wantTables: 2, wantRows: []int{2, 1},
		},
		{
			// a stream table's first and last columns start where their
			// text does: a header further left, a centred figure column
			name: "four columns, inner ones line up, outer ones moved",
			parts: []part{
				{1, gridTable(1, []string{"No.", "Recommendation", "Response", "Para"}, []string{"1", "x", "Accept", "2.30"}),
					[]float64{70.9, 101.9, 390.9, 471.4}, layout.Box{X0: 70.9, X1: 520.6}},
				{2, gridTable(2, []string{"10", "y", "Accept in part", "2.41"}), []float64{79.6, 102.1, 391.8, 486.2}, layout.Box{X0: 79.6, X1: 505.7}},
			},
			wantTables: 1, wantRows: []int{3},
		},
		{
			name: "four columns, an inner one moved",
			parts: []part{
				{1, gridTable(1, []string{"No.", "Recommendation", "Response", "Para"}, []string{"1", "x", "Accept", "2.30"}),
					[]float64{70.9, 101.9, 390.9, 471.4}, layout.Box{X0: 70.9, X1: 520.6}},
				{2, gridTable(2, []string{"10", "y", "Accept in part", "2.41"}), []float64{79.6, 102.1, 300, 486.2}, layout.Box{X0: 79.6, X1: 505.7}},
			},
			wantTables: 2, wantRows: []int{2, 1},
		},
		{
			name: "not on consecutive pages",
			parts: []part{
				{1, gridTable(1, hdr, []string{"a", "x", "2008"}), colX, box},
				{3, gridTable(3, hdr, []string{"b", "y", "2009"}), colX, box},
			},
			wantTables: 2, wantRows: []int{2, 2},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			info := map[*layout.Table]PageTable{}
			var bs []layout.Block
			for _, p := range c.parts {
				info[p.table] = PageTable{Page: p.page, Box: p.box, Table: p.table, ColX: p.colX}
				bs = append(bs, layout.Block{Kind: layout.TableKind, Page: p.page, Table: p.table})
			}
			out := joinTables(bs, info)
			if len(out) != c.wantTables {
				t.Fatalf("got %d tables, want %d", len(out), c.wantTables)
			}
			for i, b := range out {
				if len(b.Table.Rows) != c.wantRows[i] {
					t.Errorf("table %d has %d rows, want %d", i, len(b.Table.Rows), c.wantRows[i])
				}
			}
			if c.wantHeader > 0 && out[0].Table.HeaderRows != c.wantHeader {
				t.Errorf("HeaderRows = %d, want %d", out[0].Table.HeaderRows, c.wantHeader)
			}
			if c.wantTables == 1 {
				rows := out[0].Table.Rows
				if rows[len(rows)-1].Page != c.parts[len(c.parts)-1].page {
					t.Errorf("last row keeps page %d", rows[len(rows)-1].Page)
				}
			}
		})
	}
}

func TestJoinNeedsTableFirstOnPage(t *testing.T) {
	a := gridTable(1, []string{"Action", "Lead"}, []string{"a", "x"})
	b := gridTable(2, []string{"Action", "Lead"}, []string{"b", "y"})
	info := map[*layout.Table]PageTable{a: {Page: 1, Table: a}, b: {Page: 2, Table: b}}
	bs := []layout.Block{
		{Kind: layout.TableKind, Page: 1, Table: a},
		{Kind: layout.Heading, Page: 2, Text: "A new section"},
		{Kind: layout.TableKind, Page: 2, Table: b},
	}
	if out := joinTables(bs, info); len(out) != 3 {
		t.Errorf("a table after a heading was joined: %d blocks", len(out))
	}
}

// A slide deck repeats the slide title above each part of a long table;
// the header may wrap differently ("Timescal e").
func TestJoinAfterRepeatedTitle(t *testing.T) {
	a := gridTable(1, []string{"Action", "Timescale"}, []string{"a", "2025"})
	b := gridTable(2, []string{"Action", "Timescal e"}, []string{"b", "2026"})
	info := map[*layout.Table]PageTable{a: {Page: 1, Table: a}, b: {Page: 2, Table: b, Box: layout.Box{X0: 100}}}
	bs := []layout.Block{
		{Kind: layout.Heading, Page: 1, Text: "Priorities ~ Public Health"},
		{Kind: layout.TableKind, Page: 1, Table: a},
		{Kind: layout.Heading, Page: 2, Text: "Priorities ~ Public Health"},
		{Kind: layout.TableKind, Page: 2, Table: b},
	}
	out := joinTables(bs, info)
	if len(out) != 2 || out[1].Kind != layout.TableKind {
		t.Fatalf("got %d blocks, want the title and one joined table", len(out))
	}
	if n := len(out[1].Table.Rows); n != 3 || out[1].Table.HeaderRows != 1 {
		t.Errorf("joined table has %d rows, %d header rows; want 3, 1", n, out[1].Table.HeaderRows)
	}
}

// An objective band that a page break left below the table's last row
// ("SO3: ...", a paragraph of its own) is a row of the joined table when
// the next page repeats the header; a note below a table whose next part
// does not repeat it stays a paragraph.
func TestJoinTrailingBand(t *testing.T) {
	hdr := []string{"Action", "Lead", "Due"}
	box := layout.Box{X0: 40, Y0: 50, X1: 800, Y1: 500}
	band := layout.Block{Kind: layout.Heading, Page: 1, Text: "SO3: Promote life chances",
		Box: &layout.Box{X0: 40, Y0: 510, X1: 400, Y1: 519}}
	cases := []struct {
		name   string
		second []string // the next part's first row
		blocks int
		rows   int
	}{
		{"header repeated", hdr, 1, 4},
		{"no header", []string{"b", "y", "2009"}, 3, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := gridTable(1, hdr, []string{"a", "x", "2008"})
			b := gridTable(2, c.second, []string{"c", "z", "2010"})
			colX := []float64{40, 300, 600}
			info := map[*layout.Table]PageTable{
				a: {Page: 1, Box: box, Table: a, ColX: colX},
				b: {Page: 2, Box: box, Table: b, ColX: colX},
			}
			out := joinTables([]layout.Block{
				{Kind: layout.TableKind, Page: 1, Table: a},
				band,
				{Kind: layout.TableKind, Page: 2, Table: b},
			}, info)
			if len(out) != c.blocks {
				t.Fatalf("%d blocks, want %d", len(out), c.blocks)
			}
			if c.blocks != 1 {
				return
			}
			tb := out[0].Table
			if len(tb.Rows) != c.rows {
				t.Fatalf("%d rows, want %d: %q", len(tb.Rows), c.rows, tb.Grid())
			}
			r := tb.Rows[2]
			if r.Cells[0].Text() != band.Text || r.Cells[0].ColSpan != 3 || !r.Cells[2].Covered || r.Page != 1 {
				t.Errorf("band row %+v", r)
			}
		})
	}
}
