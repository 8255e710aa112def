package docx

import (
	"reflect"
	"slices"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

func tc(tcPr string, paras ...string) string {
	s := "<w:tc>"
	if tcPr != "" {
		s += "<w:tcPr>" + tcPr + "</w:tcPr>"
	}
	for _, x := range paras {
		s += x
	}
	return s + "</w:tc>"
}

func tr(trPr string, cells ...string) string {
	s := "<w:tr>"
	if trPr != "" {
		s += "<w:trPr>" + trPr + "</w:trPr>"
	}
	for _, c := range cells {
		s += c
	}
	return s + "</w:tr>"
}

func tbl(grid int, rows ...string) string {
	s := "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>"
	for range grid {
		s += `<w:gridCol w:w="2000"/>`
	}
	s += "</w:tblGrid>"
	for _, r := range rows {
		s += r
	}
	return s + "</w:tbl>"
}

func onlyTable(t *testing.T, doc *layout.Document) *layout.Table {
	t.Helper()
	var tables []*layout.Table
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	return tables[0]
}

// shape writes each grid position as its text, "^" for a position covered
// from above, "<" for one covered from the left, with spans noted.
func shape(tb *layout.Table) [][]string {
	out := make([][]string, len(tb.Rows))
	for i, r := range tb.Rows {
		for j, c := range r.Cells {
			s := c.Text()
			switch {
			case c.Covered && j > 0 && covers(tb, i, j):
				s = "<"
			case c.Covered:
				s = "^"
			}
			if c.RowSpan > 1 {
				s += " r" + itoa(c.RowSpan)
			}
			if c.ColSpan > 1 {
				s += " c" + itoa(c.ColSpan)
			}
			out[i] = append(out[i], s)
		}
	}
	return out
}

// covers reports whether position (i, j) is covered by a cell on its left
// in the same row.
func covers(tb *layout.Table, i, j int) bool {
	for k := j - 1; k >= 0; k-- {
		c := tb.Rows[i].Cells[k]
		if !c.Covered {
			return k+max(c.ColSpan, 1) > j
		}
	}
	return false
}

func TestTableSpans(t *testing.T) {
	body := tbl(4,
		tr(`<w:tblHeader/>`, tc("", p("", "Action")), tc("", p("", "Milestone")), tc("", p("", "Lead")), tc("", p("", "Completion"))),
		tr("", tc(`<w:gridSpan w:val="4"/>`, p("", "SO1: To tackle poverty"))),
		tr("", tc(`<w:vMerge w:val="restart"/>`, p("", "1. Promote work")), tc("", p("", "M1")), tc(`<w:vMerge w:val="restart"/><w:gridSpan w:val="2"/>`, p("", "JCP"))),
		tr("", tc(`<w:vMerge/>`, p("")), tc("", p("", "M2")), tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>`, p(""))),
		tr("", tc(`<w:vMerge/>`), tc("", p("", "M3")), tc("", p("", "EEDA")), tc("", p("", "2008"))),
		tr(`<w:gridBefore w:val="1"/>`, tc("", p("", "after a skipped column")), tc(`<w:vMerge/>`, p("", "continues nothing above"))),
	)
	doc := mustExtract(t, docxOf(t, body, "", ""))
	tb := onlyTable(t, doc)
	want := [][]string{
		{"Action", "Milestone", "Lead", "Completion"},
		{"SO1: To tackle poverty c4", "<", "<", "<"},
		{"1. Promote work r3", "M1", "JCP r2 c2", "<"},
		{"^", "M2", "^", "^"},
		{"^", "M3", "EEDA", "2008"},
		{"", "after a skipped column", "continues nothing above", ""}, // nothing above to continue: a plain cell
	}
	got := shape(tb)
	if tb.Columns != 4 || tb.HeaderRows != 1 || !equalGrid(got, want) {
		t.Errorf("columns %d header rows %d\ngot  %q\nwant %q", tb.Columns, tb.HeaderRows, got, want)
	}
	for i, r := range tb.Rows {
		if len(r.Cells) != tb.Columns {
			t.Errorf("row %d has %d cells, want %d", i, len(r.Cells), tb.Columns)
		}
	}
}

func equalGrid(a, b [][]string) bool {
	return slices.EqualFunc(a, b, func(x, y []string) bool { return slices.Equal(x, y) })
}

// TestCellParagraphs: each paragraph of a cell, and each line a w:br starts,
// is its own Para; numbered paragraphs carry their marker and level; plain
// indented ones carry their indent as a level; a nested table is flattened
// into its cell.
func TestCellParagraphs(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="1">` + lvl(0, 1, "lowerLetter", "%1)") + lvl(1, 1, "lowerRoman", "%2)") + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`
	body := tbl(2,
		tr("",
			tc("", `<w:p><w:r><w:t>Task Group Development</w:t><w:br/><w:t>Establish a Task Group</w:t></w:r></w:p>`),
			tc("", p(numPr(1, 0), "Extend membership"), p(numPr(1, 0), "Support SEEDA in:"), p(numPr(1, 1), "creating a Trust"), p(`<w:ind w:left="340" w:hanging="0"/>`, "i) typed by hand"), p(`<w:ind w:left="720"/>`, "deeper"))),
		tr("",
			tc("", p("", "Outer"), tbl(2, tr("", tc("", p("", "inner 1")), tc("", p("", "inner 2"))), tr("", tc("", p("", "inner 3")), tc(""))), p("", "after")),
			tc("", p("", "1st Phase"), p("", "3rd Phase*"))),
	)
	tb := onlyTable(t, mustExtract(t, docxOf(t, body, "", numbering)))
	got := map[string][]layout.Para{
		"br":     tb.Rows[0].Cells[0].Paragraphs,
		"lists":  tb.Rows[0].Cells[1].Paragraphs,
		"nested": tb.Rows[1].Cells[0].Paragraphs,
		"plain":  tb.Rows[1].Cells[1].Paragraphs,
	}
	want := map[string][]layout.Para{
		"br": {{Text: "Task Group Development"}, {Text: "Establish a Task Group"}},
		"lists": {{Text: "Extend membership", Marker: "a)"}, {Text: "Support SEEDA in:", Marker: "b)"},
			{Text: "creating a Trust", Marker: "i)", Level: 1}, {Text: "i) typed by hand", Level: 1}, {Text: "deeper", Level: 2}},
		"nested": {{Text: "Outer"}, {Text: "inner 1"}, {Text: "inner 2"}, {Text: "inner 3"}, {Text: "after"}},
		"plain":  {{Text: "1st Phase"}, {Text: "3rd Phase*"}},
	}
	for k := range want {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s: got %+v\nwant %+v", k, got[k], want[k])
		}
	}
}
