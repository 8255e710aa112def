package docx

import (
	"encoding/xml"

	"github.com/planmap/planmap/extract/layout"
)

// maxColumns bounds a table's width; Word itself stops at 63 columns.
const maxColumns = 256

// tableBuilder collects one w:tbl as Word writes it: rows of cells, each
// cell spanning grid columns (gridSpan) and possibly continuing the cell
// above (vMerge). build turns that into the layout grid.
type tableBuilder struct {
	page     int
	gridCols int
	rows     []tableRow
}

type tableRow struct {
	page          int
	header        bool // w:tblHeader: repeated at the top of every page
	before, after int  // w:gridBefore / w:gridAfter: grid columns skipped
	cells         []tableCell
	open          bool // a w:tc is open in this row
}

type tableCell struct {
	paras  []layout.Para
	span   int
	vmerge vmergeKind
	hmerge bool // legacy w:hMerge continuation: joins the cell on its left
}

type vmergeKind int

const (
	vmergeNone vmergeKind = iota
	vmergeRestart
	vmergeContinue
)

func (tb *tableBuilder) startCell() {
	if len(tb.rows) == 0 {
		// a cell outside any row: give it one
		tb.rows = append(tb.rows, tableRow{page: tb.page})
	}
	r := &tb.rows[len(tb.rows)-1]
	r.cells = append(r.cells, tableCell{span: 1})
	r.open = true
}

func (tb *tableBuilder) endCell() {
	if len(tb.rows) > 0 {
		tb.rows[len(tb.rows)-1].open = false
	}
}

// cell returns the open cell, or nil between cells.
func (tb *tableBuilder) cell() *tableCell {
	if len(tb.rows) == 0 {
		return nil
	}
	r := &tb.rows[len(tb.rows)-1]
	if !r.open || len(r.cells) == 0 {
		return nil
	}
	return &r.cells[len(r.cells)-1]
}

func countGridCols(d *xml.Decoder) (int, error) {
	n := 0
	err := walkElement(d, func(t xml.StartElement, _ int) {
		if isW(t.Name) && t.Name.Local == "gridCol" {
			n++
		}
	})
	return min(n, maxColumns), err
}

func readRowProps(d *xml.Decoder, r *tableRow) error {
	return walkElement(d, func(t xml.StartElement, depth int) {
		if !isW(t.Name) || depth != 1 {
			return
		}
		switch t.Name.Local {
		case "tblHeader":
			r.header = onOff(t)
		case "gridBefore":
			r.before = clampSpan(intAttr(t, "val", 0), 0)
		case "gridAfter":
			r.after = clampSpan(intAttr(t, "val", 0), 0)
		}
	})
}

func readCellProps(d *xml.Decoder, c *tableCell) error {
	return walkElement(d, func(t xml.StartElement, depth int) {
		if !isW(t.Name) || depth != 1 {
			return
		}
		switch t.Name.Local {
		case "gridSpan":
			c.span = clampSpan(intAttr(t, "val", 1), 1)
		case "vMerge":
			if v, _ := attr(t, "val"); v == "restart" {
				c.vmerge = vmergeRestart
			} else {
				c.vmerge = vmergeContinue
			}
		case "hMerge":
			if v, _ := attr(t, "val"); v != "restart" {
				c.hmerge = true
			}
		}
	})
}

func clampSpan(n, lo int) int { return max(lo, min(n, maxColumns)) }

// build makes the layout grid. Every row gets Columns cells; a cell that
// another spans is Covered, and a vertical merge's text lives in its top
// cell with RowSpan counting the rows it covers. cells counts grid cells
// across the document against maxCells.
func (tb *tableBuilder) build(cells *int) (*layout.Table, error) {
	// join legacy hMerge continuations into the cell on their left
	for i := range tb.rows {
		r := &tb.rows[i]
		var kept []tableCell
		for _, c := range r.cells {
			if c.hmerge && len(kept) > 0 {
				prev := &kept[len(kept)-1]
				prev.span = clampSpan(prev.span+c.span, 1)
				prev.paras = append(prev.paras, c.paras...)
				continue
			}
			kept = append(kept, c)
		}
		r.cells = kept
	}
	cols := tb.gridCols
	for _, r := range tb.rows {
		w := r.before + r.after
		for _, c := range r.cells {
			w += c.span
		}
		cols = max(cols, w)
	}
	cols = min(cols, maxColumns)
	if len(tb.rows) == 0 || cols == 0 {
		return nil, nil
	}
	*cells += cols * len(tb.rows)
	if *cells > maxCells {
		return nil, layout.Errorf(layout.StatusTooLarge, "tables hold more than %d cells", maxCells)
	}

	t := &layout.Table{Columns: cols, Rows: make([]layout.Row, len(tb.rows))}
	// origin[r][c] is the grid position (row*cols+col) of the cell that owns
	// position (r, c), so a vMerge continuation finds the cell it extends.
	origin := make([][]int, len(tb.rows))
	// merged[r][c] says the cell at (r, c) takes part in a vertical merge:
	// only such a cell can be continued by the row below.
	merged := make([][]bool, len(tb.rows))
	for ri, r := range tb.rows {
		row := layout.Row{Page: r.page, Cells: make([]layout.Cell, cols)}
		org := make([]int, cols)
		mrg := make([]bool, cols)
		for i := range org {
			org[i] = -1
		}
		col := min(r.before, cols)
		for _, c := range r.cells {
			if col >= cols {
				break
			}
			span := min(c.span, cols-col)
			if c.vmerge == vmergeContinue && ri > 0 && origin[ri-1][col] >= 0 && merged[ri-1][col] {
				o := origin[ri-1][col]
				or, oc := o/cols, o%cols
				top := &t.Rows[or].Cells[oc]
				if oc == col {
					top.RowSpan = max(top.RowSpan, 1) + 1
					top.Paragraphs = append(top.Paragraphs, c.paras...)
					for k := col; k < col+span; k++ {
						row.Cells[k].Covered = true
						org[k] = o
						mrg[k] = true
					}
					col += span
					continue
				}
			}
			row.Cells[col] = layout.Cell{Paragraphs: c.paras}
			if span > 1 {
				row.Cells[col].ColSpan = span
			}
			for k := col; k < col+span; k++ {
				if k > col {
					row.Cells[k].Covered = true
				}
				org[k] = ri*cols + col
				mrg[k] = c.vmerge != vmergeNone
			}
			col += span
		}
		t.Rows[ri] = row
		origin[ri] = org
		merged[ri] = mrg
	}
	for _, r := range tb.rows {
		if !r.header {
			break
		}
		t.HeaderRows++
	}
	return t, nil
}
