package html

import (
	"slices"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/planmap/planmap/extract/layout"
)

// Tables become layout.Table grids built the way the HTML table algorithm
// places cells: a cell takes the first free column of its row, rowspan and
// colspan mark positions below and to the right as covered (a rowspan stops
// at the end of its row group; rowspan="0" runs to it), and rows shorter than
// the widest are padded with empty cells. Header rows are the <thead> rows,
// or else the leading rows made only of <th> cells.
//
// A table used for page layout (role="presentation", holding headings,
// navigation, forms or other tables, or a single cell) is not data: its cells
// are read as ordinary containers.

const (
	maxColSpan = 1000 // the HTML standard's limit
	maxColumns = 1000
)

// table reads one <table> element.
func (b *builder) table(n *xhtml.Node) {
	b.flush()
	savedItem, savedHeading, savedAddress := b.item, b.heading, b.address
	b.item, b.heading, b.address = nil, 0, false
	defer func() { b.item, b.heading, b.address = savedItem, savedHeading, savedAddress }()

	if b.cell != nil || layoutTable(n, b.sums) {
		// Inside a cell a nested table is flattened into the cell's
		// paragraphs; a layout table is read cell by cell.
		for _, r := range tableRows(n) {
			for _, c := range rowCells(r.tr) {
				b.walk(c)
				b.flush()
			}
		}
		if caption := findChild(n, atom.Caption); caption != nil {
			b.walk(caption)
			b.flush()
		}
		return
	}
	if caption := findChild(n, atom.Caption); caption != nil {
		b.walk(caption)
		b.flush()
	}
	tbl := b.grid(n)
	if b.err != nil || tbl == nil {
		return
	}
	b.blocks = append(b.blocks, layout.Block{Kind: layout.TableKind, Table: tbl})
}

// tableRow is one <tr> with the row group it belongs to.
type tableRow struct {
	tr     *xhtml.Node
	group  int
	header bool // in <thead>
}

// tableRows lists a table's own rows (never a nested table's) in display
// order: <thead>, then bodies and bare rows as they come, then <tfoot>.
func tableRows(t *xhtml.Node) []tableRow {
	var head, body, foot []tableRow
	group := 0
	bare := false
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Thead, atom.Tbody, atom.Tfoot:
			group++
			bare = false
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == xhtml.ElementNode && r.DataAtom == atom.Tr {
					row := tableRow{tr: r, group: group, header: c.DataAtom == atom.Thead}
					switch c.DataAtom {
					case atom.Thead:
						head = append(head, row)
					case atom.Tfoot:
						foot = append(foot, row)
					default:
						body = append(body, row)
					}
				}
			}
		case atom.Tr:
			if !bare {
				group++
				bare = true
			}
			body = append(body, tableRow{tr: c, group: group})
		}
	}
	return append(append(head, body...), foot...)
}

// rowCells lists the <td>/<th> children of a row.
func rowCells(tr *xhtml.Node) []*xhtml.Node {
	var out []*xhtml.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			out = append(out, c)
		}
	}
	return out
}

func findChild(n *xhtml.Node, a atom.Atom) *xhtml.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}

// placed is a cell at its grid position.
type placed struct {
	node             *xhtml.Node
	row, col, rs, cs int
}

// grid builds the layout.Table of a data table, or nil when it has no cells.
func (b *builder) grid(t *xhtml.Node) *layout.Table {
	rows := tableRows(t)
	if len(rows) == 0 {
		return nil
	}
	// Where each row group ends, for rowspan.
	groupEnd := make([]int, len(rows))
	for i := len(rows) - 1; i >= 0; i-- {
		if i == len(rows)-1 || rows[i+1].group != rows[i].group {
			groupEnd[i] = i + 1
		} else {
			groupEnd[i] = groupEnd[i+1]
		}
	}
	occupied := make([][]bool, len(rows))
	take := func(r, c int) {
		for len(occupied[r]) <= c {
			occupied[r] = append(occupied[r], false)
		}
		occupied[r][c] = true
	}
	free := func(r, c int) bool { return c >= len(occupied[r]) || !occupied[r][c] }
	var cells []placed
	columns := 0
	for r, row := range rows {
		col := 0
		for _, td := range rowCells(row.tr) {
			for !free(r, col) {
				col++
			}
			if col >= maxColumns {
				b.warnings = append(b.warnings, "table: cells beyond column "+strconv.Itoa(maxColumns)+" dropped")
				break
			}
			cs := 1
			if v, ok := intAttr(td, "colspan"); ok && v > 1 {
				cs = min(v, maxColSpan, maxColumns-col)
			}
			rs := 1
			if v, ok := intAttr(td, "rowspan"); ok {
				switch {
				case v == 0:
					rs = groupEnd[r] - r
				case v > 1:
					rs = min(v, groupEnd[r]-r)
				}
			}
			// Spans stop where they would run into a cell placed before
			// (the standard calls that a table model error and lets cells
			// overlap; a grid cannot).
			for j := col + 1; j < col+cs; j++ {
				if !free(r, j) {
					cs = j - col
					break
				}
			}
		rows:
			for i := r + 1; i < r+rs; i++ {
				for j := col; j < col+cs; j++ {
					if !free(i, j) {
						rs = i - r
						break rows
					}
				}
			}
			b.gridCells += rs * cs
			if b.gridCells > maxGridCells {
				b.err = layout.Errorf(layout.StatusTooLarge, "HTML tables span more than %d grid cells", maxGridCells)
				return nil
			}
			for i := r; i < r+rs; i++ {
				for j := col; j < col+cs; j++ {
					take(i, j)
				}
			}
			cells = append(cells, placed{node: td, row: r, col: col, rs: rs, cs: cs})
			col += cs
		}
		columns = max(columns, len(occupied[r]))
	}
	if columns == 0 || len(cells) == 0 {
		return nil
	}
	b.gridCells += len(rows) * columns
	if b.gridCells > maxGridCells {
		b.err = layout.Errorf(layout.StatusTooLarge, "HTML tables span more than %d grid cells", maxGridCells)
		return nil
	}

	grid := make([]layout.Row, len(rows))
	origin := make([][]bool, len(rows))
	for r := range grid {
		grid[r].Cells = make([]layout.Cell, columns)
		origin[r] = make([]bool, columns)
	}
	for _, p := range cells {
		for i := p.row; i < p.row+p.rs; i++ {
			for j := p.col; j < p.col+p.cs; j++ {
				grid[i].Cells[j] = layout.Cell{Covered: true}
			}
		}
	}
	for _, p := range cells {
		c := layout.Cell{Paragraphs: b.cellParas(p.node)}
		if p.rs > 1 {
			c.RowSpan = p.rs
		}
		if p.cs > 1 {
			c.ColSpan = p.cs
		}
		grid[p.row].Cells[p.col] = c
		origin[p.row][p.col] = true
	}

	tbl := &layout.Table{Columns: columns}
	header := true
	var headerText []string // the first header row's cell texts
	// Word and old editors mark the header by bold text in plain cells.
	boldHead := len(rows) > 1 && !rows[0].header && !allHeaderCells(rows[0].tr) && boldLabels(rows[0].tr)
	for r, row := range rows {
		// A row with no cell of its own and nothing spanning into it shows
		// nothing.
		used := false
		for j := range grid[r].Cells {
			if origin[r][j] || grid[r].Cells[j].Covered {
				used = true
				break
			}
		}
		if !used {
			continue
		}
		if header && (row.header || allHeaderCells(row.tr) || (r == 0 && boldHead)) {
			tbl.HeaderRows++
			if headerText == nil {
				headerText = rowTexts(grid[r])
			}
		} else {
			header = false
			if headerText != nil && slices.Equal(rowTexts(grid[r]), headerText) {
				continue // a header row repeated where the source turned a page
			}
		}
		tbl.Rows = append(tbl.Rows, grid[r])
	}
	if len(tbl.Rows) == 0 {
		return nil
	}
	if tbl.HeaderRows == len(tbl.Rows) && len(tbl.Rows) > 1 && !rows[0].header {
		// Every row made of <th>: a grid of labels, not a header.
		tbl.HeaderRows = 0
	}
	return tbl
}

func rowTexts(r layout.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text()
	}
	return out
}

// boldLabels reports a row whose every non-empty cell is short and wholly
// bold: "<td><p><b>Action</b></p></td><td><b>Lead</b></td>".
func boldLabels(tr *xhtml.Node) bool {
	cells := rowCells(tr)
	if len(cells) < 2 {
		return false
	}
	labels := 0
	for _, c := range cells {
		t := nodeText(c)
		if t == "" {
			continue
		}
		if len(strings.Fields(t)) > 8 || !whollyBold(c, false) {
			return false
		}
		labels++
	}
	return labels >= 2
}

// whollyBold reports whether every piece of visible text under n is inside
// <b>, <strong> or <th>.
func whollyBold(n *xhtml.Node, bold bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case xhtml.TextNode:
			if !bold && strings.TrimSpace(c.Data) != "" {
				return false
			}
		case xhtml.ElementNode:
			if dropTags[c.DataAtom] {
				continue
			}
			b := bold || c.DataAtom == atom.B || c.DataAtom == atom.Strong || c.DataAtom == atom.Th
			if !whollyBold(c, b) {
				return false
			}
		}
	}
	return true
}

// allHeaderCells reports a row whose cells are all <th>.
func allHeaderCells(tr *xhtml.Node) bool {
	cells := rowCells(tr)
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return false
		}
	}
	return true
}

// cellParas gathers a cell's paragraphs.
func (b *builder) cellParas(td *xhtml.Node) []layout.Para {
	prev := b.cell
	b.cell = &cellSink{listBase: b.listDepth}
	b.walk(td)
	b.flush()
	paras := b.cell.paras
	b.cell = prev
	return paras
}

// layoutTable reports a table that lays out a page rather than holding data.
func layoutTable(t *xhtml.Node, sums map[*xhtml.Node]summary) bool {
	if r := strings.ToLower(strings.TrimSpace(attr(t, "role"))); r == "presentation" || r == "none" {
		return true
	}
	cells := 0
	for _, r := range tableRows(t) {
		cells += len(rowCells(r.tr))
	}
	if cells <= 1 {
		return true
	}
	return sums[t].has&(hasTable|hasH1|hasH2|hasMain|hasArticle|hasLayoutOnly) != 0
}
