package text

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/planmap/planmap/extract/layout"
)

// Tables in converted text are runs of lines with TAB characters between
// the cells, one row per line. A run starts at a line with a tab between two
// pieces of text and at least three cells, or followed by another tab line;
// once started, any line holding a tab is a row (leading tabs are empty
// cells: continuation rows have an empty Action cell). Inside a run:
//
//   - a short line without tabs between rows ("SO2: To promote access to
//     work …") is a row whose one cell spans the table;
//   - blank lines are skipped when the row after them has the table's width
//     or repeats its header (a table that ran over pages);
//   - a row repeating the header row is dropped.
//
// Rows with fewer cells than the widest are padded with empty cells.

// tabRow reports a line that holds a tab and some text.
func tabRow(s string) bool {
	return strings.IndexByte(s, '\t') >= 0 && strings.TrimSpace(s) != ""
}

// innerTab reports a tab with text on both sides.
func innerTab(s string) bool {
	return strings.IndexByte(strings.Trim(s, " \t"), '\t') >= 0
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// rawRow is a table row before the grid is built: cells, or one spanning
// text.
type rawRow struct {
	cells []string
	span  string
	page  int
}

// startsTable reports whether line i opens a table.
func (p *parser) startsTable(i int) bool {
	l := p.lines[i].text
	if !tabRow(l) || !innerTab(l) {
		return false
	}
	return len(strings.Split(l, "\t")) >= 3 || (i+1 < len(p.lines) && tabRow(p.lines[i+1].text))
}

// table reads the table starting at line i, returning the line after it.
func (p *parser) table(i int) (int, *layout.Table, int) {
	if !p.startsTable(i) {
		return i, nil, 0
	}
	n := len(p.lines)
	var rows []rawRow
	width := 0
	add := func(j int) {
		cells := strings.Split(p.lines[j].text, "\t")
		rows = append(rows, rawRow{cells: cells, page: p.lines[j].page})
		width = max(width, len(cells))
	}
	// fits: a row after a gap belongs to the table when it is as wide or
	// repeats the first row.
	fits := func(j int) bool {
		cells := strings.Split(p.lines[j].text, "\t")
		return len(cells) == width || sameCells(cells, rows[0].cells)
	}
	skipBlank := func(j int) int {
		for j < n && blank(p.lines[j].text) {
			j++
		}
		return j
	}
	j := i
	for {
		if j < n && tabRow(p.lines[j].text) {
			add(j)
			j++
			continue
		}
		k := skipBlank(j)
		if k >= n {
			break
		}
		if tabRow(p.lines[k].text) {
			if fits(k) {
				j = k
				continue
			}
			break
		}
		// One short line without tabs, then more rows: a spanning row.
		if spanLike(p.lines[k].text) {
			m := skipBlank(k + 1)
			if m < n && tabRow(p.lines[m].text) && ((k == j && m == k+1) || fits(m)) {
				rows = append(rows, rawRow{span: p.lines[k].text, page: p.lines[k].page})
				j = m
				continue
			}
		}
		break
	}
	return j, buildTable(rows), rows[0].page
}

// spanLike: a line short enough to be a row heading rather than prose.
func spanLike(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && utf8.RuneCountInString(t) <= 300
}

func sameCells(a, b []string) bool {
	a, b = trimEmpty(a), trimEmpty(b)
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if plain(a[i]) != plain(b[i]) {
			return false
		}
	}
	return true
}

// trimEmpty drops trailing empty cells.
func trimEmpty(cells []string) []string {
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// buildTable turns raw rows into a grid.
func buildTable(rows []rawRow) *layout.Table {
	// The width is that of the widest row once trailing empty cells (a
	// converter's habit) are dropped.
	width := 0
	for i := range rows {
		if rows[i].span == "" {
			rows[i].cells = trimEmpty(rows[i].cells)
			width = max(width, len(rows[i].cells))
		}
	}
	if width == 0 {
		return nil
	}
	t := &layout.Table{Columns: width}
	var header []string
	if first := rows[0]; first.span == "" && len(rows) > 1 && headerLike(first.cells, width) && headerStandsOut(rows) {
		t.HeaderRows = 1
		header = first.cells
	}
	for i, r := range rows {
		row := layout.Row{Page: r.page, Cells: make([]layout.Cell, width)}
		if r.span != "" {
			row.Cells[0] = layout.Cell{Paragraphs: cellParas(r.span)}
			if width > 1 {
				row.Cells[0].ColSpan = width
				for c := 1; c < width; c++ {
					row.Cells[c] = layout.Cell{Covered: true}
				}
			}
			t.Rows = append(t.Rows, row)
			continue
		}
		if i > 0 && header != nil && sameCells(r.cells, header) {
			continue // a header row repeated on a new page
		}
		empty := true
		for c, s := range r.cells {
			row.Cells[c] = layout.Cell{Paragraphs: cellParas(s)}
			if len(row.Cells[c].Paragraphs) > 0 {
				empty = false
			}
		}
		if empty {
			continue
		}
		t.Rows = append(t.Rows, row)
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return t
}

// headerLike reports a first row of short labels in every column: "Action |
// Milestone | Outcome | Lead organisation | Milestone(s) completion".
func headerLike(cells []string, width int) bool {
	if len(cells) != width || width < 2 {
		return false
	}
	for _, c := range cells {
		t := plain(c)
		if t == "" || hasMarkup(c) || len(strings.Fields(t)) > 8 || utf8.RuneCountInString(t) > 60 {
			return false
		}
		if last, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune(".;:,", last) {
			return false
		}
		if strings.IndexFunc(t, isLetter) < 0 {
			return false
		}
	}
	return true
}

// headerStandsOut tells a header of labels from a first data row that is
// merely short (a list of names and roles): the header repeats later in the
// table, or the rows under it carry far more words or mark-up.
func headerStandsOut(rows []rawRow) bool {
	words := func(cells []string) int {
		n := 0
		for _, c := range cells {
			n += len(strings.Fields(plain(c)))
		}
		return n
	}
	head := words(rows[0].cells)
	body, n := 0, 0
	for _, r := range rows[1:] {
		if r.span != "" {
			continue
		}
		if sameCells(r.cells, rows[0].cells) {
			return true
		}
		for _, c := range r.cells {
			if hasMarkup(c) {
				return true
			}
		}
		body += words(r.cells)
		n++
	}
	return n > 0 && body >= 2*head*n
}

// Markdown conversions write tables with pipes:
//
//	| Action | Lead organisation |
//	|--------|-------------------|
//	| Promote work … | Jobcentre Plus |
//
// A run of lines starting with "|" is such a table; the row above a
// separator row of dashes is its header. "<br>" in a cell separates
// paragraphs, as in the tab form.

var pipeRuleRe = regexp.MustCompile(`^\s*:?-+:?\s*$`)

// pipeRow reports a line that starts with a pipe and has another.
func pipeRow(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2
}

// pipeCells splits a pipe row into cells; "\|" is a literal pipe.
func pipeCells(s string) []string {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t) && t[i+1] == '|':
			cur.WriteByte('|')
			i++
		case t[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(t[i])
		}
	}
	return append(cells, cur.String())
}

// pipeRule reports a separator row: every cell dashes, with optional colons.
func pipeRule(cells []string) bool {
	for _, c := range cells {
		if !pipeRuleRe.MatchString(c) {
			return false
		}
	}
	return len(cells) > 0
}

// pipeTable reads the pipe table starting at line i, returning the line
// after it; j == i when line i does not start one.
func (p *parser) pipeTable(i int) (int, *layout.Table, int) {
	j := i
	for j < len(p.lines) && pipeRow(p.lines[j].text) {
		j++
	}
	var rows []rawRow
	header := 0
	for k := i; k < j; k++ {
		cells := pipeCells(p.lines[k].text)
		if pipeRule(cells) {
			if len(rows) == 1 && header == 0 {
				header = 1
			}
			continue
		}
		rows = append(rows, rawRow{cells: cells, page: p.lines[k].page})
	}
	if len(rows) < 2 && header == 0 {
		return i, nil, 0
	}
	if len(rows) == 0 {
		return j, nil, 0
	}
	t := buildTable(rows)
	if t != nil {
		t.HeaderRows = min(header, len(t.Rows))
	}
	return j, t, rows[0].page
}
