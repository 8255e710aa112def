package pdf

import (
	"math"
	"regexp"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Tables that run over a page break. A table that ends its page continues
// into a table that starts the next page when both have the same columns
// in the same places, or when the next part opens with the same header
// rows. The parts become one layout.Table, each row keeping its page, and
// the header rows repeated on each page are dropped.

const maxHeaderRows = 3

// joinTables merges continued tables in a page-ordered block list. info
// gives each table's page geometry. A continued part must open its page,
// or follow only titles that repeat a title of an earlier page or say
// "continued" (a slide deck repeats the slide title over the table); those
// repeated titles are dropped with the repeated header rows.
func joinTables(bs []layout.Block, info map[*layout.Table]PageTable) []layout.Block {
	out := make([]layout.Block, 0, len(bs))
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if b.Kind != layout.TableKind || b.Table == nil || len(out) == 0 {
			out = append(out, b)
			continue
		}
		k := len(out) - 1
		if k >= 1 && firstOnPage(bs, i) && trailingBand(out, k, b.Page, info) {
			prev := &out[k-1]
			// only where the next part repeats the header: a note below a
			// table of its own is not a band
			if repeatedHeader(prev.Table, b.Table) > 0 {
				merged := mergeTables(withBand(prev.Table, out[k]), b.Table)
				prev.Table = merged
				info[merged] = info[b.Table]
				out = out[:k]
				continue
			}
		}
		titles := 0
		for k >= 0 && out[k].Page == b.Page && titles < 3 && repeatedTitle(out, k) {
			k--
			titles++
		}
		if k >= 0 && (titles > 0 || firstOnPage(bs, i)) {
			prev := &out[k]
			if prev.Kind == layout.TableKind && prev.Table != nil && lastPage(prev.Table, prev.Page) == b.Page-1 &&
				continues(prev.Table, b.Table, info[prev.Table], info[b.Table]) {
				merged := mergeTables(prev.Table, b.Table)
				prev.Table = merged
				info[merged] = info[b.Table] // geometry of the latest part decides the next join
				out = out[:k+1]
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// trailingBand reports whether block k is an objective band ("SO3: ...")
// that a page break left below the last row of the table before it: the
// last block of the page before page, a short paragraph or heading
// starting at the table's left edge and ending within it, close below the
// table. It is a row of that table when the table goes on at the top of
// the next page under the same header.
func trailingBand(bs []layout.Block, k, page int, info map[*layout.Table]PageTable) bool {
	b, t := bs[k], bs[k-1]
	if b.Page != page-1 || (b.Kind != layout.Paragraph && b.Kind != layout.Heading) || b.Box == nil ||
		t.Kind != layout.TableKind || t.Table == nil || lastPage(t.Table, t.Page) != page-1 {
		return false
	}
	g, ok := info[t.Table]
	if !ok || g.Box.X1 <= g.Box.X0 {
		return false
	}
	// One or two lines: the band's height bounds its font size, the unit
	// of the tolerances.
	h := b.Box.Y1 - b.Box.Y0
	return h > 0 && len(strings.Fields(b.Text)) <= 40 &&
		math.Abs(b.Box.X0-g.Box.X0) <= h && b.Box.X1 <= g.Box.X1+h &&
		b.Box.Y0 >= g.Box.Y1-h/2 && b.Box.Y0-g.Box.Y1 <= 4*h
}

// withBand returns a copy of t with a last row holding the band's text
// across all its columns.
func withBand(t *layout.Table, band layout.Block) *layout.Table {
	m := *t
	row := layout.Row{Page: band.Page, Cells: make([]layout.Cell, t.Columns)}
	text := band.Text
	if band.Marker != "" {
		text = band.Marker + " " + text
	}
	row.Cells[0].Paragraphs = []layout.Para{{Text: text}}
	if t.Columns > 1 {
		row.Cells[0].ColSpan = t.Columns
	}
	for j := 1; j < t.Columns; j++ {
		row.Cells[j].Covered = true
	}
	m.Rows = append(append([]layout.Row(nil), t.Rows...), row)
	return &m
}

var continuedRe = regexp.MustCompile(`(?i)\bcont(inued|'d|’d|d)?\b\.?`)

// repeatedTitle reports whether block k is a short heading or paragraph
// that says "continued" or repeats the text of a block on an earlier page.
func repeatedTitle(bs []layout.Block, k int) bool {
	b := bs[k]
	if (b.Kind != layout.Heading && b.Kind != layout.Paragraph) || len(strings.Fields(b.Text)) > 15 {
		return false
	}
	if continuedRe.MatchString(b.Text) {
		return true
	}
	t := foldCell(b.Text)
	for j := k - 1; j >= 0 && j >= k-40; j-- {
		if bs[j].Page < b.Page && bs[j].Kind != layout.TableKind && foldCell(bs[j].Text) == t {
			return true
		}
	}
	return false
}

// lastPage is the page of a table's last row.
func lastPage(t *layout.Table, page int) int {
	if n := len(t.Rows); n > 0 && t.Rows[n-1].Page > 0 {
		return t.Rows[n-1].Page
	}
	return page
}

// firstOnPage reports whether block i is the first block of its page.
func firstOnPage(bs []layout.Block, i int) bool {
	return i == 0 || bs[i-1].Page != bs[i].Page
}

// continues reports whether b is the next part of a.
func continues(a, b *layout.Table, pa, pb PageTable) bool {
	if repeatedHeader(a, b) > 0 {
		return true
	}
	if a.Columns != b.Columns || a.Columns < 2 {
		return false
	}
	sameEdges := math.Abs(pa.Box.X0-pb.Box.X0) <= 8 && math.Abs(pa.Box.X1-pb.Box.X1) <= 8
	if len(pa.ColX) == len(pb.ColX) && len(pa.ColX) == a.Columns {
		off := 0
		for i := range pa.ColX {
			if math.Abs(pa.ColX[i]-pb.ColX[i]) > 6 {
				off++
			}
		}
		// every column lines up, or all but one in a table with the same
		// edges (a text-aligned column can start a little differently)
		if off == 0 || (off == 1 && a.Columns >= 3 && sameEdges) {
			return true
		}
		// the inner columns line up, and only the outer ones moved a
		// little: a stream table's first and last column start where
		// their text starts, a centred figure or a wider header further
		// out on one page than on the next
		if a.Columns >= 4 {
			inner := true
			for i := 1; i < len(pa.ColX)-1; i++ {
				inner = inner && math.Abs(pa.ColX[i]-pb.ColX[i]) <= 6
			}
			n := len(pa.ColX) - 1
			return inner && math.Abs(pa.ColX[0]-pb.ColX[0]) <= 20 && math.Abs(pa.ColX[n]-pb.ColX[n]) <= 20
		}
		return false
	}
	// no column geometry: the tables must share their left and right edges
	return sameEdges
}

// repeatedHeader counts the rows at the top of b that repeat the top rows of
// a (a's header rows when it knows them).
func repeatedHeader(a, b *layout.Table) int {
	if a.Columns != b.Columns {
		return 0
	}
	ga, gb := a.Grid(), b.Grid()
	limit := maxHeaderRows
	if a.HeaderRows > 0 {
		limit = a.HeaderRows
	}
	k := 0
	for k < limit && k < len(ga) && k < len(gb)-1 && sameRow(ga[k], gb[k]) {
		k++
	}
	if a.HeaderRows > 0 && k < a.HeaderRows {
		return 0
	}
	return k
}

func sameRow(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	empty := true
	for i := range x {
		// without spaces: a narrow column wraps "Timescale" as "Timescal e"
		cx, cy := strings.ReplaceAll(foldCell(x[i]), " ", ""), strings.ReplaceAll(foldCell(y[i]), " ", "")
		if cx != cy {
			return false
		}
		if cx != "" {
			empty = false
		}
	}
	return !empty
}

func foldCell(s string) string { return strings.ToLower(layout.Clean(s)) }

// mergeTables appends b's rows to a copy of a, dropping b's repeated
// header rows.
func mergeTables(a, b *layout.Table) *layout.Table {
	k := repeatedHeader(a, b)
	m := &layout.Table{Columns: a.Columns, HeaderRows: a.HeaderRows}
	if m.HeaderRows == 0 {
		m.HeaderRows = k
	}
	m.Rows = append(append([]layout.Row(nil), a.Rows...), b.Rows[k:]...)
	if b.Columns > m.Columns {
		m.Columns = b.Columns
	}
	for i := range m.Rows {
		for len(m.Rows[i].Cells) < m.Columns {
			m.Rows[i].Cells = append(m.Rows[i].Cells, layout.Cell{})
		}
	}
	return m
}
