package xlsx

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/planmap/planmap/extract/layout"
)

// sheetRow is one row of a worksheet that holds text: its number in the
// sheet (1-based) and its cells' formatted values by column (0-based).
type sheetRow struct {
	num   int
	cells []string
}

// span is a merged range, 0-based and inclusive, in sheet coordinates.
type span struct{ r0, c0, r1, c1 int }

// sheet is one worksheet as read: its title lines and its table.
type sheet struct {
	captions  []string
	table     *layout.Table
	firstCell string
}

// blocks are the sheet's blocks: its name, its title lines, its table.
func (s *sheet) blocks(page int, name string) []layout.Block {
	var out []layout.Block
	if name = layout.Clean(name); name != "" {
		out = append(out, layout.Block{Kind: layout.Heading, Page: page, Level: 1, Text: name})
	}
	for _, c := range s.captions {
		out = append(out, layout.Block{Kind: layout.Heading, Page: page, Level: 2, Text: c})
	}
	if s.table != nil {
		for i := range s.table.Rows {
			s.table.Rows[i].Page = page
		}
		out = append(out, layout.Block{Kind: layout.TableKind, Page: page, Table: s.table})
	}
	return out
}

// sheet reads one worksheet: its values streamed by excelize, within the
// row and cell limits, then its hidden rows and columns, panes, merges and
// header styles from one scan of its XML (see sheetProps).
func (r *reader) sheet(name string) (*sheet, error) {
	rows, err := r.readRows(name)
	if err != nil || len(rows) == 0 {
		return &sheet{}, err
	}
	want := map[int]bool{}
	for _, row := range rows[:min(len(rows), 16)] {
		want[row.num] = true
	}
	p := &sheetProps{}
	if data := r.part(r.paths[name]); data != nil {
		p = readProps(data, want)
	}
	kept := rows[:0]
	for _, row := range rows {
		if !p.hiddenRows[row.num] {
			kept = append(kept, row)
		}
	}
	rows = kept
	if len(rows) == 0 {
		return &sheet{}, nil
	}
	width := 0
	for _, row := range rows {
		width = max(width, len(row.cells))
	}
	hiddenCol := p.colsHidden(width)
	s := &sheet{}
	g := newGrid(rows, hiddenCol, p.merges)
	s.firstCell = g.firstCell()
	s.captions = g.takeCaptions()
	t, err := g.table(&r.cells, r.opt.MaxCells)
	if err != nil || t == nil {
		return s, err
	}
	t.HeaderRows = r.headerRows(p, g)
	s.table = t
	return s, nil
}

// part is a part of the package as excelize holds it, or nil.
func (r *reader) part(name string) []byte {
	if name == "" {
		return nil
	}
	if v, ok := r.f.Pkg.Load(name); ok {
		b, _ := v.([]byte)
		return b
	}
	// part names ignore case
	var out []byte
	r.f.Pkg.Range(func(k, v any) bool {
		if s, ok := k.(string); ok && strings.EqualFold(strings.TrimPrefix(s, "/"), name) {
			out, _ = v.([]byte)
			return false
		}
		return true
	})
	return out
}

// readRows streams the sheet's rows that hold text, within the limits.
func (r *reader) readRows(name string) ([]sheetRow, error) {
	it, err := r.f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []sheetRow
	num := 0
	for it.Next() {
		num++
		cols, err := it.Columns()
		if err != nil {
			return nil, err
		}
		if !hasText(cols) {
			continue
		}
		r.rows++
		if r.rows > r.opt.MaxRows {
			return nil, layout.Errorf(layout.StatusTooLarge, "workbook has more than %d rows of text", r.opt.MaxRows)
		}
		// trailing empty cells carry nothing
		for len(cols) > 0 && strings.TrimSpace(cols[len(cols)-1]) == "" {
			cols = cols[:len(cols)-1]
		}
		// every position up to the row's last text is held: one cell in
		// column XFD costs 16,384
		r.held += len(cols)
		if r.held > r.opt.MaxCells {
			return nil, layout.Errorf(layout.StatusTooLarge, "workbook holds more than %d cells (each row counted up to its last cell with text)", r.opt.MaxCells)
		}
		out = append(out, sheetRow{num: num, cells: cols})
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	return out, nil
}

func hasText(cols []string) bool {
	for _, c := range cols {
		if strings.TrimSpace(c) != "" {
			return true
		}
	}
	return false
}

// grid is a sheet's visible rows and columns that hold text, with the
// merged ranges, ready to become a table.
type grid struct {
	rows   []sheetRow
	cols   []int // the sheet columns (0-based) kept, in order
	spans  []span
	hidden []bool // hidden sheet columns
}

func newGrid(rows []sheetRow, hiddenCol []bool, spans []span) *grid {
	g := &grid{rows: rows, spans: spans, hidden: hiddenCol}
	g.keepColumns(hiddenCol)
	return g
}

// keepColumns keeps the visible columns where some row has text.
func (g *grid) keepColumns(hiddenCol []bool) {
	width := 0
	for _, row := range g.rows {
		width = max(width, len(row.cells))
	}
	used := make([]bool, width)
	for _, row := range g.rows {
		for c, v := range row.cells {
			if strings.TrimSpace(v) != "" {
				used[c] = true
			}
		}
	}
	g.cols = g.cols[:0]
	for c := range width {
		if used[c] && (c >= len(hiddenCol) || !hiddenCol[c]) {
			g.cols = append(g.cols, c)
		}
	}
}

func (g *grid) text(i, c int) string {
	if c < len(g.rows[i].cells) {
		return g.rows[i].cells[c]
	}
	return ""
}

// filled counts the kept columns of row i that hold text.
func (g *grid) filled(i int) int {
	n := 0
	for _, c := range g.cols {
		if strings.TrimSpace(g.text(i, c)) != "" {
			n++
		}
	}
	return n
}

// firstCell is the text of the first cell with text, read row by row.
func (g *grid) firstCell() string {
	for i := range g.rows {
		for _, c := range g.cols {
			if t := layout.Clean(g.text(i, c)); t != "" {
				return t
			}
		}
	}
	return ""
}

// takeCaptions removes the title lines above the table: leading rows that
// fill one cell each, when a later row fills two or more. At most five, so
// a sheet of one-cell notes stays a table.
func (g *grid) takeCaptions() []string {
	if len(g.cols) < 2 {
		return nil
	}
	n := 0
	for n < len(g.rows) && n < 5 && g.filled(n) == 1 {
		n++
	}
	if n == 0 || n == len(g.rows) || g.filled(n) < 2 {
		return nil
	}
	var out []string
	for i := range n {
		for _, c := range g.cols {
			if t := layout.Clean(g.text(i, c)); t != "" {
				out = append(out, t)
			}
		}
	}
	g.rows = g.rows[n:]
	g.keepColumns(g.hidden) // a column that held only the title goes too
	return out
}

// table builds the layout table: merged ranges become spans over the kept
// rows and columns, their text in the first kept position.
func (g *grid) table(cells *int, maxCells int) (*layout.Table, error) {
	if len(g.rows) == 0 || len(g.cols) == 0 {
		return nil, nil
	}
	*cells += len(g.rows) * len(g.cols)
	if *cells > maxCells {
		return nil, layout.Errorf(layout.StatusTooLarge, "sheets hold more than %d cells", maxCells)
	}
	t := &layout.Table{Columns: len(g.cols), Rows: make([]layout.Row, len(g.rows))}
	for i := range g.rows {
		lr := layout.Row{Cells: make([]layout.Cell, len(g.cols))}
		for j, c := range g.cols {
			lr.Cells[j] = newCell(g.text(i, c))
		}
		t.Rows[i] = lr
	}
	rowIndex := make(map[int]int, len(g.rows))
	for i, row := range g.rows {
		rowIndex[row.num] = i
	}
	// A hostile file can pile up overlapping merges; the positions they
	// visit are bounded, and past the bound the rest are ignored.
	budget := 4 * max(maxCells, len(g.rows)*len(g.cols))
	for _, sp := range g.spans {
		// rows and columns are in sheet order: the kept ones inside the
		// range are a run of each
		i0 := sort.Search(len(g.rows), func(i int) bool { return g.rows[i].num >= sp.r0 })
		i1 := sort.Search(len(g.rows), func(i int) bool { return g.rows[i].num > sp.r1 })
		j0 := sort.SearchInts(g.cols, sp.c0)
		j1 := sort.SearchInts(g.cols, sp.c1+1)
		if i0 >= i1 || j0 >= j1 || (i1-i0)*(j1-j0) == 1 {
			continue
		}
		if budget -= (i1 - i0) * (j1 - j0); budget < 0 {
			break
		}
		if overlaps(t, i0, i1, j0, j1) {
			continue
		}
		// the merge shows the top-left cell's value; when that row or column
		// was dropped, the first text inside the range
		top := layout.Cell{}
		if i, ok := rowIndex[sp.r0]; ok {
			top = newCell(g.text(i, sp.c0))
		}
		for i := i0; i < i1; i++ {
			for j := j0; j < j1; j++ {
				if top.Empty() {
					top = t.Rows[i].Cells[j]
				}
				t.Rows[i].Cells[j] = layout.Cell{Covered: true}
			}
		}
		if j1-j0 > 1 {
			top.ColSpan = j1 - j0
		}
		if i1-i0 > 1 {
			top.RowSpan = i1 - i0
		}
		t.Rows[i0].Cells[j0] = top
	}
	return t, nil
}

// overlaps reports a range that meets one already applied: damaged files
// can overlap merges, and the first one wins.
func overlaps(t *layout.Table, i0, i1, j0, j1 int) bool {
	for i := i0; i < i1; i++ {
		for j := j0; j < j1; j++ {
			c := t.Rows[i].Cells[j]
			if c.Covered || c.ColSpan > 1 || c.RowSpan > 1 {
				return true
			}
		}
	}
	return false
}

// newCell makes a cell from a value: each line is a paragraph, and a
// typed bullet becomes the paragraph's marker.
func newCell(v string) layout.Cell {
	var c layout.Cell
	for _, line := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
		line = layout.Clean(line)
		if line == "" {
			continue
		}
		p := layout.Para{Text: line}
		if m, rest, ok := bullet(line); ok {
			p.Marker, p.Text = m, rest
		}
		c.Paragraphs = append(c.Paragraphs, p)
	}
	return c
}

// bullet splits a typed bullet from the text after it.
func bullet(s string) (marker, rest string, ok bool) {
	for _, b := range []string{"•", "●", "▪", "◦", "‣", "·", "-", "*", "–"} {
		if strings.HasPrefix(s, b+" ") {
			if rest = layout.Clean(s[len(b):]); rest != "" {
				return b, rest, true
			}
		}
	}
	return "", "", false
}

// headerRows counts the header rows at the top of the table: the rows
// frozen above the scrolling pane; else one when the first row is bold, or
// is short labels (no figures, no dates) with rows below it.
func (r *reader) headerRows(p *sheetProps, g *grid) int {
	if len(g.rows) == 0 {
		return 0
	}
	if p.frozenRows > 0 {
		n := 0
		for n < len(g.rows) && n < 3 && g.rows[n].num <= p.frozenRows {
			n++
		}
		if n > 0 && n < len(g.rows) {
			return n
		}
	}
	if g.filled(0) < 2 {
		return 0
	}
	bold, labels := true, true
	for _, c := range g.cols {
		v := layout.Clean(g.text(0, c))
		if v == "" {
			continue
		}
		if !r.styleBold(p.styles[g.rows[0].num][c]) {
			bold = false
		}
		if !label(v) {
			labels = false
		}
	}
	if bold || (labels && len(g.rows) > 1) {
		return 1
	}
	return 0
}

// styleBold reports whether a cell style's font is bold.
func (r *reader) styleBold(idx int) bool {
	if idx <= 0 {
		return false
	}
	b, ok := r.bold[idx]
	if !ok {
		st, err := r.f.GetStyle(idx)
		b = err == nil && st != nil && st.Font != nil && st.Font.Bold
		r.bold[idx] = b
	}
	return b
}

// label reports a column label: a few words, not a figure or a date.
func label(v string) bool {
	if len(strings.Fields(v)) > 8 {
		return false
	}
	if _, err := strconv.ParseFloat(strings.NewReplacer(",", "", "£", "", "%", "", "$", "", "€", "").Replace(v), 64); err == nil {
		return false
	}
	letters := 0
	for _, r := range v {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	digits := 0
	for _, r := range v {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return letters > 0 && digits*2 <= letters+digits
}
