package odt

import (
	"encoding/xml"

	"github.com/planmap/planmap/extract/layout"
)

// Caps on repetition: table:number-columns-repeated and
// number-rows-repeated are counts a file states, so a few bytes could ask
// for billions of cells. Writer never repeats a row with text; empty
// repeats collapse to one.
const (
	maxRowRepeat  = 100
	maxRowsStated = 100_000
)

// table collects one table:table as written: rows of cells in order, each
// covered position present as a covered cell. build turns that into the
// layout grid.
type table struct {
	page     int
	listBase int // lists open outside the table
	inHeader bool
	rows     []*row
}

type row struct {
	page   int
	header bool
	repeat int
	cells  []*cell
	open   bool // a cell is open in this row
}

type cell struct {
	covered          bool
	colSpan, rowSpan int
	repeat           int
	paras            []layout.Para
}

func (w *walker) table() *table {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

// openCell returns the open cell of the table, or nil between cells.
func (tb *table) openCell() *cell {
	if len(tb.rows) == 0 {
		return nil
	}
	r := tb.rows[len(tb.rows)-1]
	if !r.open || len(r.cells) == 0 {
		return nil
	}
	return r.cells[len(r.cells)-1]
}

func (w *walker) startTable(t xml.StartElement) {
	tb := w.table()
	switch t.Name.Local {
	case "table":
		if len(w.tables) >= 50 {
			return // nested that deep is hostile; its text joins the outer cell
		}
		w.tables = append(w.tables, &table{page: w.page, listBase: len(w.lists)})
	case "table-header-rows":
		if tb != nil {
			tb.inHeader = true
		}
	case "table-row":
		if tb != nil && len(tb.rows) < maxRowsStated {
			tb.rows = append(tb.rows, &row{page: w.page, header: tb.inHeader, repeat: intAttr(t, "number-rows-repeated", 1, maxRowRepeat)})
		}
	case "table-cell", "covered-table-cell":
		if tb == nil {
			return
		}
		if len(tb.rows) == 0 {
			tb.rows = append(tb.rows, &row{page: w.page, repeat: 1})
		}
		r := tb.rows[len(tb.rows)-1]
		c := &cell{
			covered: t.Name.Local == "covered-table-cell",
			colSpan: intAttr(t, "number-columns-spanned", 1, maxColumns),
			rowSpan: intAttr(t, "number-rows-spanned", 1, maxRowsStated),
			repeat:  intAttr(t, "number-columns-repeated", 1, maxColumns),
		}
		r.cells = append(r.cells, c)
		r.open = true
	}
}

func (w *walker) endTableElement(local string) error {
	tb := w.table()
	if tb == nil {
		return nil
	}
	switch local {
	case "table":
		return w.endTable()
	case "table-header-rows":
		tb.inHeader = false
	case "table-cell", "covered-table-cell":
		if len(tb.rows) > 0 {
			tb.rows[len(tb.rows)-1].open = false
		}
	}
	return nil
}

// endTable closes the innermost table: a block of its own, or, nested in
// another table's cell, its paragraphs in that cell.
func (w *walker) endTable() error {
	tb := w.table()
	w.tables = w.tables[:len(w.tables)-1]
	// paragraphs still open inside the table end with it
	for len(w.paras) > 0 && w.para().cell != nil && w.ownedBy(w.para().cell, tb) {
		w.endParagraph()
	}
	if len(w.lists) > tb.listBase {
		w.lists = w.lists[:tb.listBase]
	}
	if outer := w.table(); outer != nil {
		if c := outer.openCell(); c != nil {
			for _, r := range tb.rows {
				for _, x := range r.cells {
					c.paras = append(c.paras, x.paras...)
				}
			}
			return nil
		}
	}
	t, err := tb.build(&w.cells)
	if err != nil {
		return err
	}
	if t != nil {
		w.blocks = append(w.blocks, layout.Block{Kind: layout.TableKind, Page: tb.page, Table: t})
	}
	return nil
}

func (w *walker) ownedBy(c *cell, tb *table) bool {
	for _, r := range tb.rows {
		for _, x := range r.cells {
			if x == c {
				return true
			}
		}
	}
	return false
}

// build makes the layout grid. Each written cell takes the next position
// of its row; a cell's span covers the positions right of and below it
// (shrunk where it would overlap another span or leave the grid), and text
// that a hostile file puts in a covered position joins the spanning cell.
// cells counts grid positions across the document against maxCells.
func (tb *table) build(cells *int) (*layout.Table, error) {
	// expand repeated cells and rows
	var grid [][]*cell
	var pages []int
	var header []bool
	for _, r := range tb.rows {
		var line []*cell
		for _, c := range r.cells {
			n := c.repeat
			if len(c.paras) == 0 && !c.covered {
				// trailing empty repeats are trimmed below
				n = min(n, maxColumns)
			}
			for i := 0; i < n && len(line) < maxColumns; i++ {
				line = append(line, c)
			}
		}
		n := r.repeat
		if !rowHasText(line) {
			n = 1
		}
		for i := 0; i < n; i++ {
			*cells += len(line)
			if *cells > maxCells {
				return nil, layout.Errorf(layout.StatusTooLarge, "tables hold more than %d cells", maxCells)
			}
			grid = append(grid, line)
			pages = append(pages, r.page)
			header = append(header, r.header)
		}
	}
	cols := 0
	for _, line := range grid {
		cols = max(cols, len(line))
	}
	// trim trailing columns that hold nothing: a spreadsheet-like table
	// repeats empty cells to its last column
	for cols > 0 {
		used := false
		for _, line := range grid {
			if cols-1 < len(line) {
				c := line[cols-1]
				if c.covered || len(c.paras) > 0 || c.colSpan > 1 || c.rowSpan > 1 {
					used = true
					break
				}
			}
		}
		if used {
			break
		}
		cols--
	}
	if cols == 0 || len(grid) == 0 {
		return nil, nil
	}
	rows := len(grid)
	out := &layout.Table{Columns: cols, Rows: make([]layout.Row, rows)}
	claimed := make([][]bool, rows)
	for i := range grid {
		out.Rows[i] = layout.Row{Page: pages[i], Cells: make([]layout.Cell, cols)}
		claimed[i] = make([]bool, cols)
	}
	type anchor struct{ r, c int }
	owner := map[[2]int]anchor{}
	for i, line := range grid {
		for j := 0; j < cols && j < len(line); j++ {
			src := line[j]
			if claimed[i][j] {
				// inside another cell's span: its text (if any) joins that cell
				if !src.covered && len(src.paras) > 0 {
					a := owner[[2]int{i, j}]
					dst := &out.Rows[a.r].Cells[a.c]
					dst.Paragraphs = append(dst.Paragraphs, src.paras...)
				}
				continue
			}
			claimed[i][j] = true
			if src.covered {
				continue // a covered cell no span reaches is an empty cell
			}
			dst := &out.Rows[i].Cells[j]
			dst.Paragraphs = append(dst.Paragraphs, src.paras...)
			cs := min(src.colSpan, cols-j)
			for k := 1; k < cs; k++ {
				if claimed[i][j+k] {
					cs = k
					break
				}
			}
			rs := min(src.rowSpan, rows-i)
			for k := 1; k < rs; k++ {
				free := true
				for m := j; m < j+cs; m++ {
					if claimed[i+k][m] {
						free = false
						break
					}
				}
				if !free {
					rs = k
					break
				}
			}
			if cs > 1 {
				dst.ColSpan = cs
			}
			if rs > 1 {
				dst.RowSpan = rs
			}
			for a := i; a < i+rs; a++ {
				for b := j; b < j+cs; b++ {
					if a == i && b == j {
						continue
					}
					claimed[a][b] = true
					out.Rows[a].Cells[b].Covered = true
					owner[[2]int{a, b}] = anchor{i, j}
				}
			}
		}
	}
	for _, h := range header {
		if !h {
			break
		}
		out.HeaderRows++
	}
	return out, nil
}

func rowHasText(line []*cell) bool {
	for _, c := range line {
		if len(c.paras) > 0 {
			return true
		}
	}
	return false
}
