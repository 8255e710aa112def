package docx

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func southEastDoc(t *testing.T) *layout.Document {
	t.Helper()
	return mustExtract(t, corpustest.ReadSample(t, southEast))
}

// TestSouthEastGolden compares the whole layout of the South East report
// with testdata/south-east.layout.json (go test -update rewrites it after a
// deliberate change; review the diff).
func TestSouthEastGolden(t *testing.T) {
	got, err := json.MarshalIndent(southEastDoc(t), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "south-east.layout.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("layout differs from %s at line %d:\ngot  %s\nwant %s", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("layout differs from %s: %d lines, want %d", golden, len(gl), len(wl))
	}
}

func TestSouthEastHeadings(t *testing.T) {
	doc := southEastDoc(t)
	if want := "Social Inclusion Partnership South East – Report on Activities Between July 2002 and June 2003"; doc.Title != want {
		t.Errorf("title %q", doc.Title)
	}
	levels := map[string]int{}
	for _, b := range doc.Blocks {
		if b.Kind == layout.Heading {
			levels[b.Text] = b.Level
		}
	}
	for text, level := range map[string]int{
		"Social Inclusion Partnership South East":                                           1,
		"Report on Activities Between July 2002 and June 2003":                              2,
		"Summary of Achievements during the year":                                           2,
		"The Content of this Report":                                                        3,
		"Prioritising the Action Plan":                                                      3,
		"Working with stakeholders in the Region":                                           4,
		"Social Inclusion Action Plan as Amended and Annotated at Awayday on 21st November": 2,
	} {
		if got, ok := levels[text]; !ok || got != level {
			t.Errorf("heading %q: level %d (found %v), want %d", text, got, ok, level)
		}
	}
	if len(levels) != 20 {
		t.Errorf("%d distinct headings, want 20", len(levels))
	}
}

// TestSouthEastNumbering: paragraphs 1-54 are numbered in order, the
// numbering running on across headings (each section has its own list that
// starts where the last one stopped), with bulleted sub-lists between them.
func TestSouthEastNumbering(t *testing.T) {
	doc := southEastDoc(t)
	var numbers []int
	var lastHeading string
	afterHeading := map[int]string{}
	bullets := 0
	for _, b := range doc.Blocks {
		switch {
		case b.Kind == layout.Heading:
			lastHeading = b.Text
		case b.Kind == layout.ListItem && b.Marker == "•":
			bullets++
			if b.Level != 1 {
				t.Errorf("bullet %q at level %d, want 1", b.Text, b.Level)
			}
		case b.Kind == layout.ListItem:
			n, err := strconv.Atoi(strings.TrimSuffix(b.Marker, "."))
			if err != nil || b.Level != 0 {
				t.Errorf("list item marker %q level %d: %q", b.Marker, b.Level, b.Text)
				continue
			}
			numbers = append(numbers, n)
			if lastHeading != "" {
				afterHeading[n] = lastHeading
				lastHeading = ""
			}
		}
	}
	want := make([]int, 54)
	for i := range want {
		want[i] = i + 1
	}
	if !slices.Equal(numbers, want) {
		t.Errorf("paragraph numbers %v, want 1..54", numbers)
	}
	for n, h := range map[int]string{1: "Overview of Activities since July 2002", 9: "Prioritising the Action Plan", 20: "Summary of Achievements during the year", 49: "Reflection on Learning Points During the Year"} {
		if afterHeading[n] != h {
			t.Errorf("paragraph %d follows heading %q, want %q", n, afterHeading[n], h)
		}
	}
	if bullets != 26 {
		t.Errorf("%d bullets, want 26", bullets)
	}
}

// tablesOf returns the document's tables with a header row.
func headedTables(doc *layout.Document) []layout.Block {
	var out []layout.Block
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind && b.Table.HeaderRows > 0 {
			out = append(out, b)
		}
	}
	return out
}

func TestSouthEastProgressTable(t *testing.T) {
	tables := headedTables(southEastDoc(t))
	if len(tables) != 2 {
		t.Fatalf("%d tables with a header row, want 2", len(tables))
	}
	tb := tables[0].Table
	grid := tb.Grid()
	header := []string{"Action Plan Reference Number", "Objective and agreed 1st Phase Action Points", "Activities to date (June 2003)", "Planned activities at June 2003"}
	if tb.Columns != 4 || tb.HeaderRows != 1 || !slices.Equal(grid[0], header) {
		t.Fatalf("columns %d header rows %d header %q", tb.Columns, tb.HeaderRows, grid[0])
	}
	refs := map[string][]string{}
	var order []string
	for _, r := range grid[1:] {
		refs[r[0]] = r
		order = append(order, r[0])
	}
	// the parts of rows that crossed a page in the source: empty action cell
	for _, ref := range []string{"1a cont.", "5d cont", "13b(v) cont"} {
		r, ok := refs[ref]
		if !ok || r[1] != "" || r[2] == "" {
			t.Errorf("row %q: %q", ref, r)
		}
	}
	if got := refs["5d cont"][3]; !strings.HasPrefix(got, "website\n") {
		t.Errorf("5d cont planned cell starts %q, want the split paragraph \"website\" first", got)
	}
	// section rows: empty reference, the section name in the second column
	var sections []string
	for _, r := range grid[1:] {
		if r[0] == "" && r[1] != "" && r[2] == "" && r[3] == "" {
			sections = append(sections, r[1])
		}
	}
	if want := []string{"Linkages and Work with Local Partners", "Work on Themed Social Inclusion Issues"}; !slices.Equal(sections, want) {
		t.Errorf("section rows %q, want %q", sections, want)
	}
	// "Task Group Development" and the action are two paragraphs (a line break in the cell)
	first := tb.Rows[1].Cells[1].Paragraphs
	if len(first) != 2 || first[0].Text != "Task Group Development" || !strings.HasPrefix(first[1].Text, "Establish a Social Inclusion Task Group") {
		t.Errorf("row 1 action cell %+v", first)
	}
	if n := len(tb.Rows[1].Cells[2].Paragraphs); n != 5 {
		t.Errorf("row 1 activities: %d paragraphs, want 5", n)
	}
	if len(tb.Rows) != 31 || order[0] != "1" || order[len(order)-1] != "14b" {
		t.Errorf("%d rows, refs %q", len(tb.Rows), order)
	}
}

func TestSouthEastPlanTable(t *testing.T) {
	tables := headedTables(southEastDoc(t))
	if len(tables) != 2 {
		t.Fatalf("%d tables with a header row, want 2", len(tables))
	}
	tb := tables[1].Table
	if tb.Columns != 3 || tb.HeaderRows != 1 || !slices.Equal(tb.Grid()[0], []string{"What", "How", "Priority"}) {
		t.Fatalf("columns %d header rows %d header %q", tb.Columns, tb.HeaderRows, tb.Grid()[0])
	}
	phase := regexp.MustCompile(`^(1st|2nd|3rd) Phase\**$|^\*\*$`)
	lettered := regexp.MustCompile(`^[a-z]\) `)
	roman := regexp.MustCompile(`^[ivx]+\) `)
	indented := 0
	for i, r := range tb.Rows[1:] {
		how, prio := r.Cells[1].Paragraphs, r.Cells[2].Paragraphs
		for _, p := range prio {
			if !phase.MatchString(p.Text) {
				t.Errorf("row %d: priority paragraph %q is not one phase", i+1, p.Text)
			}
		}
		for _, p := range how {
			if p.Level == 1 {
				indented++
				if !roman.MatchString(p.Text) {
					t.Errorf("row %d: indented paragraph %q is not a sub-item", i+1, p.Text)
				}
			}
			if lettered.MatchString(p.Text) && !roman.MatchString(p.Text) && p.Level != 0 {
				t.Errorf("row %d: item %q at level %d, want 0", i+1, p.Text, p.Level)
			}
		}
	}
	// the source indents nine sub-items (w:ind 340 twips): 10c(i), 10d(i-iv), 11b(i-iv)
	if indented != 9 {
		t.Errorf("%d indented sub-items, want 9", indented)
	}
	// objective 1: five lettered items, five priorities in the same order
	r1 := tb.Rows[1]
	if got := r1.Cells[2].Text(); got != "1st Phase\n1st Phase\n3rd Phase*\n1st Phase\n1st Phase" {
		t.Errorf("objective 1 priorities %q", got)
	}
	if n := len(r1.Cells[1].Paragraphs); n != 5 || !strings.HasPrefix(r1.Cells[1].Paragraphs[4].Text, "e) Support GOSE in holding 3 events") {
		t.Errorf("objective 1 How: %d paragraphs %+v", n, r1.Cells[1].Paragraphs)
	}
}

// TestSouthEastPages: the explicit breaks (cover, the progress table's
// section, the plan) give pages 1-4 in order; app.xml saved 17 pages.
func TestSouthEastPages(t *testing.T) {
	doc := southEastDoc(t)
	prev := 1
	firstOn := map[int]string{}
	for _, b := range doc.Blocks {
		if b.Page < prev {
			t.Fatalf("block %q on page %d after page %d", b.Text, b.Page, prev)
		}
		prev = b.Page
		if _, ok := firstOn[b.Page]; !ok {
			firstOn[b.Page] = string(b.Kind) + ":" + b.Text
		}
	}
	want := map[int]string{
		1: "paragraph:Social Inclusion Partnership South East Report on Activities Between July 2002 and June 2003",
		2: "heading:Social Inclusion Partnership South East",
		3: "paragraph:The Action Plan Priorities Decided in November 2002 with List of Actions Taken to June 2003 and Planned Actions Outstanding at June 2003",
		4: "paragraph:The South East Region Social Inclusion Statement Action Plan of June 2002",
	}
	for pg, w := range want {
		if firstOn[pg] != w {
			t.Errorf("page %d starts with %q, want %q", pg, firstOn[pg], w)
		}
	}
	if doc.Pages != 17 {
		t.Errorf("Pages = %d, want 17", doc.Pages)
	}
}

// TestSouthEastSuperscripts: ordinals written as superscript runs read as
// one word.
func TestSouthEastSuperscripts(t *testing.T) {
	all, err := json.Marshal(southEastDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	s := string(all)
	for _, want := range []string{"Monday 23rd June 2003", "agreed 1st Phase Action Points", "Awayday on 21st November"} {
		if !strings.Contains(s, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(s, "1 st") || strings.Contains(s, "23 rd") {
		t.Error("a superscript ordinal was split from its number")
	}
}

func BenchmarkSouthEast(b *testing.B) {
	data := corpustest.ReadSample(b, southEast)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Extract(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
