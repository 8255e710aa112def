package odt

import (
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout/layouttest"
)

func body(t *testing.T, styles, xml string) string {
	t.Helper()
	doc := mustExtract(t, odtOf(t, styles, xml, ""))
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
	_, blocks, _ := strings.Cut(layouttest.Dump(doc), "---\n")
	return blocks
}

func li(text string) string { return `<text:list-item><text:p>` + text + `</text:p></text:list-item>` }

// TestListNumbers: numbers as the list style prints them (format, prefix,
// suffix), levels restarting under a new parent item, a list that continues
// the numbering of the one before it, an item's own start value, an
// unnumbered list header, a producer's saved text:number, and a list with
// no style at all (a bullet).
func TestListNumbers(t *testing.T) {
	xml := `<text:list text:style-name="L2">` +
		li("First") +
		`<text:list-item><text:p>Second</text:p><text:p>its second paragraph</text:p><text:list>` +
		li("two a") + `<text:list-item><text:p>two b</text:p><text:list>` + li("deep") + `</text:list></text:list-item>` +
		`</text:list></text:list-item>` +
		`<text:list-header><text:p>A note between items</text:p></text:list-header>` +
		`<text:list-item><text:p>Third</text:p><text:list>` + li("three a") + `</text:list></text:list-item>` +
		`</text:list>` +
		`<text:h text:outline-level="2">Next section</text:h>` +
		`<text:list text:style-name="L2" text:continue-numbering="true">` + li("Fourth") + `</text:list>` +
		`<text:list text:style-name="L2">` + li("Restarted") + `<text:list-item text:start-value="9">` + `<text:p>Nine</text:p></text:list-item>` + li("Ten") + `</text:list>` +
		`<text:list text:style-name="L2"><text:list-item><text:number>7.</text:number><text:p>Saved number</text:p></text:list-item></text:list>` +
		`<text:list>` + li("No style") + `<text:list-item><text:p/></text:list-item></text:list>` +
		`<text:h text:outline-level="9"><text:number>1.2</text:number>Deep heading</text:h>`
	want := `L0 [1.] First
L0 [2.] Second
P  its second paragraph
L1 [a)] two a
L1 [b)] two b
L2 [(i)] deep
L0 A note between items
L0 [3.] Third
L1 [a)] three a
H2 Next section
L0 [4.] Fourth
L0 [1.] Restarted
L0 [9.] Nine
L0 [10.] Ten
L0 [7.] Saved number
L0 [•] No style
H6 [1.2] Deep heading
`
	if got := body(t, listStyles, xml); got != want {
		t.Errorf("lists differ:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
}

// TestListStyleFromParagraph: a list that names no style takes the list
// style of its paragraphs' style (or that style's parent), and
// display-levels prints the numbers of the levels above.
func TestListStyleFromParagraph(t *testing.T) {
	styles := `<text:list-style style:name="Outline">` +
		`<text:list-level-style-number text:level="1" style:num-format="1"/>` +
		`<text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/>` +
		`</text:list-style>` +
		`<style:style style:name="Base" style:family="paragraph" style:list-style-name="Outline"/>` +
		`<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Base"/>`
	xml := `<text:list><text:list-item><text:p text:style-name="P1">One</text:p><text:list>` +
		`<text:list-item><text:p text:style-name="P1">One one</text:p></text:list-item>` +
		`<text:list-item><text:p text:style-name="P1">One two</text:p></text:list-item>` +
		`</text:list></text:list-item></text:list>`
	want := `L0 [1] One
L1 [1.1] One one
L1 [1.2] One two
`
	if got := body(t, styles, xml); got != want {
		t.Errorf("lists differ:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
}

// TestInlineText: spans, spaces, tabs, links and line breaks read as text;
// annotations, tracked deletions, frame titles and index templates do not;
// a footnote is kept on its paragraph, outside the text; a text box's
// paragraph is a block of its own.
func TestInlineText(t *testing.T) {
	xml := `<text:p>Promote <text:span text:style-name="T1">work</text:span><text:s text:c="999999999"/>and<text:tab/>skills` +
		`<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote</text:p></text:note-body></text:note>` +
		`<office:annotation><dc:creator>Ed</dc:creator><text:p>A comment</text:p></office:annotation>` +
		` <text:a xlink:href="https://example.org">online</text:a><text:line-break/>second line</text:p>` +
		`<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted text</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
		`<text:p><draw:frame><svg:title>Logo</svg:title><draw:text-box><text:p>Boxed text</text:p></draw:text-box></draw:frame>After the box</text:p>` +
		`<text:table-of-content><text:table-of-content-source><text:index-title-template>Contents</text:index-title-template></text:table-of-content-source>` +
		`<text:index-body><text:p>1. Introduction</text:p></text:index-body></text:table-of-content>` +
		`<text:section><text:p>In a section</text:p></text:section>` +
		`<text:p>  </text:p>`
	want := `P  Promote work and skills online second line
   note [1] A footnote
P  Boxed text
P  After the box
P  1. Introduction
P  In a section
`
	if got := body(t, "", xml); got != want {
		t.Errorf("text differs:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
}

// TestHeadingNumbers: the outline style numbers headings (the producer
// saves no numbers); a level without a format is not numbered, a heading in
// a list takes the list's number, and a saved text:number wins.
func TestHeadingNumbers(t *testing.T) {
	styles := `<text:outline-style style:name="Outline">` +
		`<text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>` +
		`<text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>` +
		`<text:outline-level-style text:level="3" style:num-format=""/>` +
		`</text:outline-style>`
	xml := `<text:h text:outline-level="1">Housing</text:h>` +
		`<text:h text:outline-level="2">Homes</text:h>` +
		`<text:h text:outline-level="3">Unnumbered</text:h>` +
		`<text:h text:outline-level="2">Rents</text:h>` +
		`<text:h text:outline-level="1">Transport</text:h>` +
		`<text:h text:outline-level="2">Buses</text:h>` +
		`<text:h text:outline-level="1" text:is-list-header="true">Annex</text:h>` +
		`<text:h text:outline-level="1"><text:number>IV.</text:number>Saved</text:h>`
	want := `H1 [1.] Housing
H2 [1.1] Homes
H3 Unnumbered
H2 [1.2] Rents
H1 [2.] Transport
H2 [2.1] Buses
H1 Annex
H1 [IV.] Saved
`
	if got := body(t, styles, xml); got != want {
		t.Errorf("headings differ:\n%s\ngot:\n%s", layouttest.DiffLines(want, got), got)
	}
}
