package odt

import (
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout/layouttest"
)

func tc(attrs, text string) string {
	if text == "" {
		return `<table:table-cell ` + attrs + `/>`
	}
	return `<table:table-cell ` + attrs + `><text:p>` + text + `</text:p></table:table-cell>`
}

func tr(cells ...string) string {
	return `<table:table-row>` + strings.Join(cells, "") + `</table:table-row>`
}

func tbl(rows ...string) string { return `<table:table>` + strings.Join(rows, "") + `</table:table>` }

const covered = `<table:covered-table-cell/>`

// TestTableSpans: a column span with its covered cells, a row span, a
// block spanning both ways, header rows, and a list inside a cell.
func TestTableSpans(t *testing.T) {
	xml := `<table:table><table:table-header-rows>` +
		tr(tc(`table:number-columns-spanned="3"`, "Objective 1: Housing"), covered, covered) +
		tr(tc("", "Action"), tc("", "Lead"), tc("", "Milestones")) +
		`</table:table-header-rows>` +
		tr(tc(`table:number-rows-spanned="2" table:number-columns-spanned="2"`, "Build homes"), covered,
			`<table:table-cell><text:list text:style-name="L2">`+li("Plan")+li("Build")+`<text:list-item><text:p>Let</text:p><text:list>`+li("first tenants")+`</text:list></text:list-item></text:list></table:table-cell>`) +
		tr(covered, covered, tc("", "Review<text:line-break/>Report")) +
		`</table:table>`
	want := `T  3 cols × 4 rows, 2 header rows
   | {1x3} Objective 1: Housing | ^ | ^ |
   | Action | Lead | Milestones |
   | {2x2} Build homes | ^ | [1.] Plan ¶ [2.] Build ¶ [3.] Let ¶ >[a)] first tenants |
   | ^ | ^ | Review ¶ Report |
`
	if got := body(t, listStyles, xml); got != want {
		t.Errorf("table differs:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
}

// TestTableRepeats: repeated cells and rows are repeated; the empty
// columns a spreadsheet-like table repeats to its edge are dropped, and
// counts far beyond any real table are capped.
func TestTableRepeats(t *testing.T) {
	xml := tbl(
		tr(tc("", "Ref"), tc(`table:number-columns-repeated="2"`, "Due"), tc(`table:number-columns-repeated="1000000000000"`, "")),
		`<table:table-row table:number-rows-repeated="2">`+tc("", "x")+tc(`table:number-columns-repeated="2"`, "y")+`</table:table-row>`,
		`<table:table-row table:number-rows-repeated="99999999999">`+tc(`table:number-columns-repeated="3000"`, "")+`</table:table-row>`,
	)
	want := `T  3 cols × 4 rows, 0 header rows
   | Ref | Due | Due |
   | x | y | y |
   | x | y | y |
   |  |  |  |
`
	if got := body(t, "", xml); got != want {
		t.Errorf("table differs:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
}

// TestHostileSpans: spans past the grid are cut at its edge, a span that
// would overlap another stops short of it, a covered cell no span reaches
// is an empty cell, and text in a covered position joins the spanning
// cell; a nested table's text joins its cell.
func TestHostileSpans(t *testing.T) {
	xml := tbl(
		tr(tc(`table:number-columns-spanned="9" table:number-rows-spanned="9"`, "A"), tc("", "B")),
		tr(tc(`table:number-columns-spanned="2"`, "C"), tc("", "hidden")),
		tr(covered, `<table:table-cell><table:table>`+tr(tc("", "inner 1"), tc("", "inner 2"))+`</table:table></table:table-cell>`),
	)
	want := `T  2 cols × 3 rows, 0 header rows
   | {3x2} A ¶ B ¶ C ¶ hidden ¶ inner 1 ¶ inner 2 | ^ |
   | ^ | ^ |
   | ^ | ^ |
`
	if got := body(t, "", xml); got != want {
		t.Errorf("table differs:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
	xml = tbl(
		tr(tc("", "a"), tc(`table:number-rows-spanned="2"`, "b")),
		tr(tc(`table:number-columns-spanned="2"`, "c"), covered),
		tr(covered, tc("", "d")),
	)
	want = `T  2 cols × 3 rows, 0 header rows
   | a | {2x1} b |
   | c | ^ |
   |  | d |
`
	if got := body(t, "", xml); got != want {
		t.Errorf("table differs:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
}
