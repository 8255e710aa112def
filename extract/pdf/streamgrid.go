package pdf

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/planmap/planmap/extract/layout"
)

// The stream table's grid: chunks placed in columns, header-only columns
// folded, rows from lines (joined for wrapped text cells), evidence checks.

// splitAtGutters cuts a chunk that crosses column gutters at the word gaps
// that fall between two columns and are wider than a word space: two
// figures set close together. Prose running across columns keeps its even
// word spacing and stays whole.
func splitAtGutters(c chunk, cols []interval) []chunk {
	colOf := func(w Word) int {
		best, bo := -1, 0.0
		for k, v := range cols {
			if ov := math.Min(w.X1, v.x1) - math.Max(w.X0, v.x0); ov > bo {
				best, bo = k, ov
			}
		}
		return best
	}
	// The chunk's usual word space: a gutter gap must be clearly wider.
	var gaps []float64
	for i := 1; i < len(c.words); i++ {
		gaps = append(gaps, c.words[i].X0-c.words[i-1].X1)
	}
	space := 0.0
	if len(gaps) >= 3 {
		sort.Float64s(gaps)
		space = gaps[len(gaps)/2]
	}
	var out []chunk
	from := 0
	for i := 1; i <= len(c.words); i++ {
		if i < len(c.words) {
			a, b := c.words[i-1], c.words[i]
			ca, cb := colOf(a), colOf(b)
			gap := b.X0 - a.X1
			if ca < 0 || cb < 0 || ca == cb || gap <= 0.35*math.Max(a.Size, b.Size) || gap <= 1.5*space {
				continue
			}
		}
		ws := c.words[from:i]
		x1 := ws[0].X1
		for _, w := range ws {
			x1 = math.Max(x1, w.X1)
		}
		out = append(out, chunk{words: ws, x0: ws[0].X0, x1: x1})
		from = i
	}
	return out
}

// placeChunk returns the first column a chunk goes to and how many columns
// it spans. A chunk inside one column goes there; one that crosses gutters
// and starts at a column's left edge spans from that column (an objective
// row, a left-aligned spanning label); a centred one goes to the column it
// overlaps most, as the peers place a header centred over its columns.
func placeChunk(c chunk, cols []interval, em float64) (int, int) {
	first, last, bestOv, best := -1, -1, 0.0, -1
	for k, col := range cols {
		ov := math.Min(c.x1, col.x1) - math.Max(c.x0, col.x0)
		if ov > 0 {
			if first < 0 {
				first = k
			}
			last = k
			if ov > bestOv {
				bestOv, best = ov, k
			}
		}
	}
	if first < 0 {
		// In a gutter: the nearest column.
		cx, bd := (c.x0+c.x1)/2, math.Inf(1)
		for k, col := range cols {
			d := math.Min(math.Abs(cx-col.x0), math.Abs(cx-col.x1))
			if d < bd {
				bd, best = d, k
			}
		}
		return best, 1
	}
	if first == last {
		return first, 1
	}
	if c.x0 <= cols[first].x0+em {
		return first, last - first + 1
	}
	return best, 1
}

// buildStream turns one run of lines into a table, or reports that it is
// not one: columns from the chunks, chunks placed (split at gutters or
// spanning), header-only columns folded, lines grouped into rows, then the
// evidence checks against lists, numbered paragraphs and text boxes.
func buildStream(run []sLine, fontSize float64, hrules []seg) (streamTable, bool) {
	cols := streamColumns(run)
	if len(cols) < 2 {
		return streamTable{}, false
	}
	if proseColumns(run, cols) {
		return streamTable{}, false
	}
	type place struct {
		row, col, span int
		c              chunk
	}
	var ps []place
	for i, l := range run {
		for _, c := range l.chunks {
			for _, sc := range splitAtGutters(c, cols) {
				j, span := placeChunk(sc, cols, fontSize)
				ps = append(ps, place{i, j, span, sc})
			}
		}
	}
	occ := make([][2]int, len(ps))
	for k, p := range ps {
		occ[k] = [2]int{p.row, p.col}
	}
	index, ncol := foldHeaderColumns(occ, len(cols))
	lc := make([]map[int]lineCell, len(run))
	for i := range lc {
		lc[i] = map[int]lineCell{}
	}
	for _, p := range ps {
		j := index[p.col]
		c, ok := lc[p.row][j]
		w := p.c.words[0]
		if !ok || p.c.x0 < c.x0 {
			c.x0, c.first, c.size = p.c.x0, w.X1-w.X0, math.Max(w.Size, 1)
			c.base, c.lead, c.bold = w.Base, w.Text, isBold(w.Font)
		}
		c.last = max(c.last, index[p.col+p.span-1], j)
		c.x1 = math.Max(c.x1, p.c.x1)
		c.words += len(p.c.words)
		lc[p.row][j] = c
	}
	// The evidence below is judged on the rows of text lines (joined only
	// where a key-less line wraps on from the line above), the table's
	// rows are the ones a reader sees: both the same where rules mark them.
	rowOf, nrow := ruledRows(run, hrules, lc)
	lineOf, nline := rowOf, nrow
	if rowOf == nil {
		lineOf, nline = wrapRows(lc, ncol)
		rowOf, nrow = textRows(lc, ncol)
	}
	// The column's extent bounds the width its cells' text wraps at.
	right := make([]float64, ncol)
	for j, c := range cols {
		k := index[j]
		right[k] = math.Max(right[k], c.x1)
	}
	fill := func(rowOf []int, nrow int) *cellGrid {
		grid := newCellGrid(nrow, ncol)
		// A folded column starts where the leftmost of its parts starts.
		grid.colX = make([]float64, ncol)
		for j := len(cols) - 1; j >= 0; j-- {
			grid.colX[index[j]] = cols[j].x0
		}
		for _, p := range ps {
			i := rowOf[p.row]
			j := index[p.col]
			last := index[p.col+p.span-1]
			id := grid.ids[i][j]
			if id < 0 {
				id = grid.group()
			}
			for k := j; k <= last; k++ {
				if old := grid.ids[i][k]; old >= 0 && old != id {
					grid.words[id] = append(grid.words[id], grid.words[old]...)
					grid.words[old] = nil
				}
				grid.ids[i][k] = id
			}
			grid.words[id] = append(grid.words[id], p.c.words...)
		}
		grid.span = map[int][2]float64{}
		for i := range nrow {
			for j := range ncol {
				if id := grid.ids[i][j]; id >= 0 {
					sp, ok := grid.span[id]
					if !ok {
						sp = [2]float64{grid.colX[j], right[j]}
					}
					grid.span[id] = [2]float64{math.Min(sp[0], grid.colX[j]), math.Max(sp[1], right[j])}
				}
			}
		}
		for i := range nrow {
			for j := range ncol {
				if grid.ids[i][j] < 0 {
					grid.ids[i][j] = grid.group()
				}
			}
		}
		return grid
	}
	check := fill(lineOf, nline)
	grid := check
	if nrow != nline {
		grid = fill(rowOf, nrow)
		widenBands(grid)
	}
	// Evidence: at least three rows with two or more filled columns (not
	// counting a first column that holds only a bullet or a paragraph
	// number: numbered paragraphs and bullet lists are not tables) ...
	rows := 0
	for i := range nline {
		filled := map[int]bool{}
		for j, id := range check.ids[i] {
			if len(check.words[id]) == 0 {
				continue
			}
			if ws := check.words[id]; j == 0 && len(ws) == 1 && (isBulletWord(ws[0].Text) || paraNumRe.MatchString(ws[0].Text)) {
				continue
			}
			filled[id] = true
		}
		if len(filled) >= 2 {
			rows++
		}
	}
	// ... and most rows pair cells: text boxes set side by side with their
	// own line breaks make rows of one cell each. Beside a column of running
	// prose (nine or more words a line) the rows must pair more often still.
	need := 2
	if proseColumn(lc, ncol) {
		need = 3
	}
	if (rows < 3 || rows*5 < nline*need) && !(nrow != nline && alignedRows(lc, rowOf, nrow, ncol)) {
		return streamTable{}, false
	}
	x0, x1 := runExtent(run)
	box := layout.Box{X0: x0, Y0: run[0].top, X1: x1, Y1: run[len(run)-1].bot}
	return streamTable{box: box, grid: grid}, true
}

// alignedRows reports whether the rows of a table of text cells start as a
// table's rows do, where its lines alone do not look like one (a borderless
// table whose cells hold several paragraphs: many lines have text in one
// column only): at least three rows, and three in five of those that are
// not bands, whose first line has text in the key column and in two more,
// and in half the columns.
func alignedRows(lc []map[int]lineCell, rowOf []int, nrow, ncol int) bool {
	first := make([]int, nrow)
	for i := range first {
		first[i] = -1
	}
	for i, r := range rowOf {
		if first[r] < 0 {
			first[r] = i
		}
	}
	aligned, rows := 0, 0
	for _, i := range first {
		if i < 0 {
			continue
		}
		m := lc[i]
		if c, ok := m[0]; ok && len(m) == 1 && c.last > 0 {
			continue // a band
		}
		rows++
		if _, ok := m[0]; ok && len(m) >= max(3, (ncol+1)/2) {
			aligned++
		}
	}
	return aligned >= 3 && aligned*5 >= rows*3
}

// proseColumns reports whether aligned "columns" are really text columns or
// a list: two columns whose chunks are mostly long runs of words (a
// two-column page), or a first column holding only bullets or numbers.
func proseColumns(run []sLine, cols []interval) bool {
	if len(cols) != 2 {
		return false
	}
	long, n, markers, firsts := 0, 0, 0, 0
	for _, l := range run {
		for _, c := range l.chunks {
			n++
			if len(c.words) >= 6 {
				long++
			}
		}
		if len(l.chunks) >= 2 {
			firsts++
			t := l.chunks[0].words
			if len(t) == 1 && bulletRe.MatchString(t[0].Text) {
				markers++
			}
		}
	}
	return long*2 > n || markers*2 > firsts
}

// lineCell is the text of one line in one column: its extent, the width
// of its first word, and what a new row is seen by: the first word itself
// (a number), its weight, its baseline, and the last column the text spans
// (an objective band across the table).
type lineCell struct {
	x0, x1, first, size float64
	words               int
	base                float64
	lead                string
	bold                bool
	last                int
}

// textRows maps each line of a stream table to its row: the rows a reader
// sees, not one per text line, in a table of text cells.
//
// A table counts as one of text cells when at least 30% of its lines after
// the first continue a wrapped cell: text in a column whose line above (the
// last line above with text in that column) left no room for its first
// word, on a line whose key column is empty or goes on with a lower-case
// word (the labels of a figure table, each capitalised, are not wrapped
// text however long they are). In figure tables each line is its own row,
// as the peers read them.
//
// In a table of text cells the key (first) column anchors the rows: a row
// starts where the key column starts a new entry, and every line down to
// the next entry belongs to it, whatever its other columns do. That keeps
// the rows of a borderless table whose cells set their lines at different
// heights (paragraph spacing inside a cell). The key column starts a new
// entry after a vertical gap clearly wider than its line pitch, at a list
// number, at a bold or larger first word, where its line above did not
// wrap, or where its line does not go on in lower case and two or more
// other columns start new text on it while none goes on (first lines
// aligned across the row). A line that spans columns from the key column alone (an objective
// band, "SO1: ...") is a row of its own, lines that wrap on from it
// included, and does not split the table.
func textRows(cells []map[int]lineCell, ncol int) ([]int, int) {
	n := len(cells)
	// Each column's right edge, from the text that stays in it.
	right := make([]float64, ncol)
	for _, m := range cells {
		for j, c := range m {
			if c.last == j {
				right[j] = math.Max(right[j], c.x1)
			}
		}
	}
	// wraps reports whether c continues the wrapped text p of the line
	// above in its column: p holds several words and left no room for c's
	// first word.
	wraps := func(p, c lineCell) bool {
		return p.words >= 2 && p.x1+0.3*c.size+c.first > right[p.last]-c.size
	}
	pitch := linePitch(cells, ncol)
	close := func(p, c lineCell) bool { return c.base-p.base <= 1.45*pitch }
	// band: the line's only text starts in the key column and spans more.
	band := func(i int) bool {
		c, ok := cells[i][0]
		return ok && len(cells[i]) == 1 && c.last > 0
	}
	cont := make([]bool, n)
	count := 0
	prev := make([]int, ncol) // the last line above with text in each column
	for j := range prev {
		prev[j] = -1
	}
	// aligned: the line starts new text in two or more columns besides the
	// key column and goes on with none (the first line of a row, set on one
	// baseline across its columns).
	aligned := make([]bool, n)
	for i := range n {
		_, key := cells[i][0]
		fresh, goesOn := 0, 0
		for j, c := range cells[i] {
			on := false
			if k := prev[j]; k >= 0 {
				p := cells[k][j]
				on = p.last == c.last && wraps(p, c) && close(p, c)
				if on && (!key || j == 0 && startsLower(c.lead)) {
					cont[i] = true
				}
			}
			switch {
			case j == 0:
			case on:
				goesOn++
			default:
				fresh++
			}
		}
		aligned[i] = fresh >= 2 && goesOn == 0
		for j := range cells[i] {
			prev[j] = i
		}
		if cont[i] {
			count++
		}
	}
	rowOf := make([]int, n)
	if n < 2 || float64(count) < 0.3*float64(n-1) {
		for i := range n {
			rowOf[i] = i
		}
		return rowOf, n
	}
	row, key := 0, -1 // key: the line of the key column's latest text
	for i := range n {
		c, ok := cells[i][0]
		if i > 0 {
			switch {
			case band(i):
				row++
			case key >= 0 && band(key):
				// after a band: a new row, unless the band wraps on
				if !ok || len(cells[i]) > 1 || !wraps(cells[key][0], c) || !close(cells[key][0], c) {
					row++
				}
			case ok && (key < 0 || newEntry(cells[key][0], c, pitch, wraps) || aligned[i] && !startsLower(c.lead)):
				row++
			}
		}
		if ok {
			key = i
		}
		rowOf[i] = row
	}
	return rowOf, row + 1
}

// startsLower reports whether a word starts with a lower-case letter.
func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// wrapRows maps each line of a stream table to its row, as text lines: a
// line whose first (key) column is empty and whose text continues a
// wrapped cell of the line above (its first word would not have fitted on
// that line) joins that row, when at least 30% of the lines after the
// first are such continuations. The table's evidence is judged on these
// rows.
func wrapRows(cells []map[int]lineCell, ncol int) ([]int, int) {
	n := len(cells)
	right := make([]float64, ncol)
	for _, m := range cells {
		for j, c := range m {
			right[j] = math.Max(right[j], c.x1)
		}
	}
	cont := make([]bool, n)
	count := 0
	for i := 1; i < n; i++ {
		if _, ok := cells[i][0]; ok || len(cells[i]) == 0 {
			continue
		}
		for j, c := range cells[i] {
			p, ok := cells[i-1][j]
			// A wrapped line holds several words and left no room for
			// the next line's first word.
			if ok && p.words >= 2 && p.x1+0.3*c.size+c.first > right[j]-c.size {
				cont[i] = true
				break
			}
		}
		if cont[i] {
			count++
		}
	}
	rowOf := make([]int, n)
	merge := n >= 2 && float64(count) >= 0.3*float64(n-1)
	row := 0
	for i := range n {
		if i > 0 && !(merge && cont[i]) {
			row++
		}
		rowOf[i] = row
	}
	return rowOf, row + 1
}

// widenBands makes a row that holds one cell only, starting in the first
// column and spanning more (an objective band, "SO2: ..."), span the
// whole table, as the band is printed.
func widenBands(g *cellGrid) {
	for _, r := range g.ids {
		if len(r) < 3 || len(g.words[r[0]]) == 0 || r[1] != r[0] {
			continue
		}
		band := true
		for _, id := range r[1:] {
			if id != r[0] && len(g.words[id]) > 0 {
				band = false
				break
			}
		}
		if band {
			for k := range r {
				r[k] = r[0]
			}
		}
	}
}

// newEntry reports whether key-column text c starts a new entry after the
// key column's previous line p: a gap clearly wider than the line pitch, a
// list number, a change to bold or to a larger size, or a line above that
// ended short (it did not wrap onto c).
func newEntry(p, c lineCell, pitch float64, wraps func(p, c lineCell) bool) bool {
	switch {
	case c.base-p.base > 1.45*pitch:
		return true
	case numberRe.MatchString(c.lead):
		return true
	case c.bold && !p.bold, c.size > 1.1*p.size:
		return true
	}
	return !wraps(p, c)
}

// linePitch is the table's single line spacing: the lower quartile of the
// baseline distances between a column's consecutive lines (paragraph and
// row gaps make the upper part longer); 1.2 × the median size when no
// column has two lines close together.
func linePitch(cells []map[int]lineCell, ncol int) float64 {
	var ds, sizes []float64
	last := make([]lineCell, ncol)
	seen := make([]bool, ncol)
	for _, m := range cells {
		for j, c := range m {
			if seen[j] {
				if d := c.base - last[j].base; d > 0.5*c.size && d < 3*c.size {
					ds = append(ds, d)
				}
			}
			last[j], seen[j] = c, true
			sizes = append(sizes, c.size)
		}
	}
	if len(ds) > 0 {
		sort.Float64s(ds)
		return ds[len(ds)/4]
	}
	if len(sizes) == 0 {
		return 12
	}
	sort.Float64s(sizes)
	return 1.2 * sizes[len(sizes)/2]
}

// proseColumn reports whether some column holds running prose: at least
// five of its line parts, averaging nine words or more.
func proseColumn(lc []map[int]lineCell, ncol int) bool {
	words, lines := make([]int, ncol), make([]int, ncol)
	for _, m := range lc {
		for j, c := range m {
			words[j] += c.words
			lines[j]++
		}
	}
	for j := range ncol {
		if lines[j] >= 5 && words[j] >= 9*lines[j] {
			return true
		}
	}
	return false
}

// ruledRows maps lines to rows by the horizontal rules drawn across the
// table between them (a table ruled only horizontally, as Word's "rows
// only" borders draw it): each band between two rules is one row. It
// returns nil unless the rules mark rows of wrapped text: at least three
// bands, no band holding two lines with text in the key (first) column,
// and at least two bands below the first, and a fifth of all, holding
// several lines. Rules that only frame the header and the table, or shaded
// stripes behind one-line rows, leave each line its own row.
func ruledRows(run []sLine, hrules []seg, lc []map[int]lineCell) ([]int, int) {
	x0, x1 := runExtent(run)
	top, bot := run[0].top, run[len(run)-1].bot
	var ys []float64
	for _, h := range hrules {
		if h.pos > top && h.pos < bot && math.Min(h.b, x1)-math.Max(h.a, x0) >= 0.8*(x1-x0) {
			ys = append(ys, h.pos)
		}
	}
	sort.Float64s(ys)
	rowOf := make([]int, len(run))
	band, last := 0, -1
	keys, lines := map[int]int{}, map[int]int{}
	for i, l := range run {
		b := sort.SearchFloat64s(ys, (l.top+l.bot)/2)
		if b != last {
			if last >= 0 {
				band++
			}
			last = b
		}
		rowOf[i] = band
		lines[band]++
		if _, ok := lc[i][0]; ok {
			keys[band]++
		}
	}
	n := band + 1
	wrapped := 0
	for b := 1; b < n; b++ {
		if keys[b] > 1 {
			return nil, 0
		}
		if lines[b] > 1 {
			wrapped++
		}
	}
	if n < 3 || wrapped < 2 || wrapped*5 < n {
		return nil, 0
	}
	return rowOf, n
}

// foldHeaderColumns folds header-only columns into their body neighbour: a
// header word set off to one side of the figures below it makes a column
// of its own that never shares a row with that neighbour, and lies wholly
// above it. filled lists the (row, column) positions holding text; the
// result maps each column to its folded column, and counts them.
func foldHeaderColumns(filled [][2]int, ncols int) (map[int]int, int) {
	occ := make([]map[int]bool, ncols)
	for j := range occ {
		occ[j] = map[int]bool{}
	}
	for _, f := range filled {
		occ[f[1]][f[0]] = true
	}
	// above reports whether every row of column a lies above every row of b.
	above := func(a, b int) bool {
		if len(occ[a]) == 0 || len(occ[b]) == 0 || len(occ[a]) > 6 {
			return false
		}
		for ra := range occ[a] {
			for rb := range occ[b] {
				if ra >= rb {
					return false
				}
			}
		}
		return true
	}
	into := make([]int, ncols)
	for j := range into {
		into[j] = j
	}
	for j := 0; j+1 < ncols; j++ {
		disjoint := true
		for r := range occ[j] {
			if occ[j+1][r] {
				disjoint = false
				break
			}
		}
		if disjoint && (above(j, j+1) || above(j+1, j)) {
			for r := range occ[j] {
				occ[j+1][r] = true
			}
			for k := range into {
				if into[k] == j {
					into[k] = j + 1
				}
			}
		}
	}
	index, n := map[int]int{}, 0
	out := map[int]int{}
	for j := range ncols {
		if _, ok := index[into[j]]; !ok {
			index[into[j]] = n
			n++
		}
		out[j] = index[into[j]]
	}
	return out, n
}
