package pdf

import (
	"github.com/planmap/planmap/extract/layout"
)

// cellGrid is a table before its text is laid out: each grid position names
// the cell (group) it belongs to, so a spanning cell is one group covering
// several positions, and each group holds the words placed in it.
type cellGrid struct {
	ids   [][]int  // [row][col] → group
	words [][]Word // [group] → words
	// colX is each column's left edge on the page, when known.
	colX []float64
	// span is each group's horizontal extent, when known (ruled cells):
	// the width its text may fill.
	span map[int][2]float64
}

func newCellGrid(rows, cols int) *cellGrid {
	g := &cellGrid{ids: make([][]int, rows)}
	for i := range g.ids {
		g.ids[i] = make([]int, cols)
		for j := range g.ids[i] {
			g.ids[i][j] = -1
		}
	}
	return g
}

// group returns a new group id.
func (g *cellGrid) group() int {
	g.words = append(g.words, nil)
	return len(g.words) - 1
}

// compact removes the rows and the columns whose cells are all empty:
// spacer rows, sliver columns between double borders, the edge columns
// added for an unframed table, the frame of a form around a nested table.
func (g *cellGrid) compact() {
	full := func(id int) bool { return id >= 0 && len(g.words[id]) > 0 }
	var rows [][]int
	for _, r := range g.ids {
		keep := false
		for _, id := range r {
			if full(id) {
				keep = true
				break
			}
		}
		if keep {
			rows = append(rows, r)
		}
	}
	g.ids = rows
	if len(rows) == 0 {
		return
	}
	var cols []int
	for j := range rows[0] {
		keep := false
		for _, r := range rows {
			if full(r[j]) {
				keep = true
			}
		}
		if keep {
			cols = append(cols, j)
		}
	}
	var colX []float64
	for i, r := range rows {
		nr := make([]int, len(cols))
		for k, j := range cols {
			nr[k] = r[j]
		}
		rows[i] = nr
	}
	for _, j := range cols {
		if j < len(g.colX) {
			colX = append(colX, g.colX[j])
		}
	}
	if len(colX) == len(cols) {
		g.colX = colX
	} else {
		g.colX = nil
	}
}

// table lays out every cell's text and records spans: a group's top-left
// position holds its paragraphs and RowSpan/ColSpan, the others are Covered.
func (g *cellGrid) table(page int) *layout.Table {
	g.compact()
	if len(g.ids) == 0 || len(g.ids[0]) == 0 {
		return nil
	}
	pitch := tablePitch(g.words)
	nr, nc := len(g.ids), len(g.ids[0])
	t := &layout.Table{Columns: nc, Rows: make([]layout.Row, nr)}
	seen := map[int]bool{}
	for i := range nr {
		t.Rows[i] = layout.Row{Page: page, Cells: make([]layout.Cell, nc)}
	}
	for i := range nr {
		for j := range nc {
			id := g.ids[i][j]
			if id < 0 {
				continue
			}
			if seen[id] {
				t.Rows[i].Cells[j].Covered = true
				continue
			}
			seen[id] = true
			c := &t.Rows[i].Cells[j]
			c.Paragraphs = cellParas(g.words[id], pitch, g.avail(id))
			rs, cs := 1, 1
			for i+rs < nr && g.ids[i+rs][j] == id {
				rs++
			}
			for j+cs < nc && g.ids[i][j+cs] == id {
				cs++
			}
			if rs > 1 {
				c.RowSpan = rs
			}
			if cs > 1 {
				c.ColSpan = cs
			}
		}
	}
	return t
}

// avail is the width a cell's text may fill: the cell's width less the
// padding its text keeps from the left border, taken as the same on the
// right; 0 when the cell's extent is not known.
func (g *cellGrid) avail(id int) float64 {
	sp, ok := g.span[id]
	if !ok || len(g.words[id]) == 0 {
		return 0
	}
	left := sp[1]
	for _, w := range g.words[id] {
		left = min(left, w.X0)
	}
	pad := max(left-sp[0], 0)
	if pad > (sp[1]-sp[0])/4 {
		return 0 // centred or indented text: the padding is unknown
	}
	return sp[1] - sp[0] - 2*pad
}
