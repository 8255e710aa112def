package pdf

import (
	"context"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// TestRotatedText: a ruled table whose header cells are set running up
// the page (a vertical header) reads those headers into their cells; a
// label running down the margin and one at a slant are read as text of
// their own, not dropped.
func TestRotatedText(t *testing.T) {
	var c strings.Builder
	// a 3 × 2 ruled grid: x 72..472, y 500..700 (header row 600..700)
	c.WriteString("0.5 w 72 500 m 472 500 l S 72 600 m 472 600 l S 72 700 m 472 700 l S ")
	c.WriteString("72 500 m 72 700 l S 272 500 m 272 700 l S 472 500 m 472 700 l S ")
	c.WriteString("BT /F1 11 Tf 0 1 -1 0 175 610 Tm (Lead partner) Tj ET ")
	c.WriteString("BT /F1 11 Tf 0 1 -1 0 375 610 Tm (Due date) Tj ET ")
	c.WriteString("BT /F1 11 Tf 80 550 Td (Regional Assembly) Tj ET ")
	c.WriteString("BT /F1 11 Tf 280 550 Td (March 2008) Tj ET ")
	c.WriteString("BT /F1 9 Tf 0 -1 1 0 560 400 Tm (Draft for consultation) Tj ET ")
	c.WriteString("BT /F1 12 Tf 0.866 0.5 -0.5 0.866 100 200 Tm (Priority actions) Tj ET ")
	c.WriteString("BT /F1 12 Tf 72 300 Td (The plan sets out the actions agreed by the partners.) Tj ET")
	doc, err := Extract(context.Background(), synthPDF("", c.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tbl *layout.Table
	var texts []string
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tbl = b.Table
			continue
		}
		texts = append(texts, b.Text)
	}
	if tbl == nil || len(tbl.Rows) != 2 {
		t.Fatalf("table %+v, want 2 rows", tbl)
	}
	cell := func(r, c int) string {
		var ps []string
		for _, p := range tbl.Rows[r].Cells[c].Paragraphs {
			ps = append(ps, p.Text)
		}
		return strings.Join(ps, " ")
	}
	if cell(0, 0) != "Lead partner" || cell(0, 1) != "Due date" || cell(1, 0) != "Regional Assembly" {
		t.Errorf("cells %q %q %q", cell(0, 0), cell(0, 1), cell(1, 0))
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"Draft for consultation", "Priority actions", "The plan sets out"} {
		if !strings.Contains(all, want) {
			t.Errorf("blocks %q lack %q", all, want)
		}
	}
}
