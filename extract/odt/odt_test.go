package odt

import (
	"testing"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/layout/layouttest"
)

// listStyles are the automatic styles LibreOffice writes for a bulleted
// and a numbered list.
const listStyles = `<text:list-style style:name="L1">` +
	`<text:list-level-style-bullet text:level="1" text:bullet-char="●"/>` +
	`<text:list-level-style-bullet text:level="2" text:bullet-char="○"/>` +
	`</text:list-style>` +
	`<text:list-style style:name="L2">` +
	`<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>` +
	`<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>` +
	`<text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="i" text:display-levels="1"/>` +
	`</text:list-style>`

// actionPlan is a small action plan as Writer saves it: a heading, a lead-in
// sentence, a bulleted list of commitments, and a table whose header row is
// a repeated heading row, whose Lead cell is merged over two rows and whose
// last target-date cell holds two lines.
const actionPlan = `<text:h text:style-name="Heading_20_1" text:outline-level="1">Community Safety <text:span text:style-name="T1">Action Plan</text:span> 2024-2026</text:h>` +
	`<text:p text:style-name="Standard">The Council will:</text:p>` +
	`<text:list text:style-name="L1">` +
	`<text:list-item><text:p>install CCTV cameras in the town centre<text:s text:c="3"/>by March 2025;</text:p></text:list-item>` +
	`<text:list-item><text:p>fund a youth outreach worker<text:tab/>from April 2025;</text:p></text:list-item>` +
	`<text:list-item><text:p>publish a community safety survey each year.</text:p></text:list-item>` +
	`</text:list>` +
	`<text:soft-page-break/>` +
	`<table:table table:name="Actions">` +
	`<table:table-column table:number-columns-repeated="3"/>` +
	`<table:table-header-rows><table:table-row>` +
	`<table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell>` +
	`<table:table-cell><text:p>Lead</text:p></table:table-cell>` +
	`<table:table-cell><text:p>Target date</text:p></table:table-cell>` +
	`</table:table-row></table:table-header-rows>` +
	`<table:table-row>` +
	`<table:table-cell><text:p>Improve street lighting on the ring road</text:p></table:table-cell>` +
	`<table:table-cell table:number-rows-spanned="2"><text:p>Highways <text:span>Team</text:span></text:p></table:table-cell>` +
	`<table:table-cell><text:p>June 2025</text:p></table:table-cell>` +
	`</table:table-row>` +
	`<table:table-row>` +
	`<table:table-cell><text:p>Repair broken footpath lights</text:p></table:table-cell>` +
	`<table:covered-table-cell/>` +
	`<table:table-cell><text:p>September 2025</text:p></table:table-cell>` +
	`</table:table-row>` +
	`<table:table-row>` +
	`<table:table-cell><text:p>Set up a neighbourhood watch forum</text:p></table:table-cell>` +
	`<table:table-cell><text:p>Community Safety Partnership</text:p></table:table-cell>` +
	`<table:table-cell><text:p>Pilot: December 2025<text:line-break/>All wards: 2026</text:p></table:table-cell>` +
	`</table:table-row>` +
	`</table:table>`

const planMeta = `<dc:title>Community Safety Action Plan</dc:title><dc:creator>Jo Bloggs</dc:creator>` +
	`<meta:document-statistic meta:page-count="2" meta:word-count="90"/>`

func TestActionPlan(t *testing.T) {
	doc := mustExtract(t, odtOf(t, listStyles, actionPlan, planMeta))
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
	want := `title: Community Safety Action Plan
meta author: Jo Bloggs
meta saved-pages: 2
meta words: 90
---
H1 Community Safety Action Plan 2024-2026
P  The Council will:
L0 [•] install CCTV cameras in the town centre by March 2025;
L0 [•] fund a youth outreach worker from April 2025;
L0 [•] publish a community safety survey each year.
T  3 cols × 4 rows, 1 header rows
   | Action | Lead | Target date |
   | Improve street lighting on the ring road | {2x1} Highways Team | June 2025 |
   | Repair broken footpath lights | ^ | September 2025 |
   | Set up a neighbourhood watch forum | Community Safety Partnership | Pilot: December 2025 ¶ All wards: 2026 |
`
	if got := layouttest.Dump(doc); got != want {
		t.Errorf("layout differs:\n%s", layouttest.DiffLines(want, got))
	}
	if doc.Pages != 2 {
		t.Errorf("pages %d, want 2", doc.Pages)
	}
	for _, b := range doc.Blocks {
		if want := map[layout.Kind]int{layout.TableKind: 2}[b.Kind]; max(want, 1) != b.Page {
			t.Errorf("%s %q on page %d", b.Kind, b.Text, b.Page)
		}
	}
}
