package pdf

import (
	"context"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

// Real action plans from different producers, read through Tables: the
// rows must be the rows a person sees, objective rows span the table, and
// the paragraphs of a cell stay apart.

func readTables(t *testing.T, path string, pages ...int) []PageTable {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := Tables(context.Background(), data, Options{Pages: pages})
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func paras(c layout.Cell) []string {
	var out []string
	for _, p := range c.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

// findRow returns the first row of the page's tables whose first cell
// starts with prefix.
func findRow(ts []PageTable, page int, prefix string) (layout.Row, bool) {
	for _, pt := range ts {
		if pt.Page != page {
			continue
		}
		for _, r := range pt.Table.Rows {
			if len(r.Cells) > 0 && strings.HasPrefix(r.Cells[0].Text(), prefix) {
				return r, true
			}
		}
	}
	return layout.Row{}, false
}

var objectiveRe = regexp.MustCompile(`^S[O0]\d+:`)

// TestTablesEastOfEngland: LibreOffice draws the borders as stroked lines.
// Every page's table has the five columns, objective rows span all five,
// and milestones are separate paragraphs in step with their completion
// dates.
func TestTablesEastOfEngland(t *testing.T) {
	ts := readTables(t, corpustest.Sample(t, "east-of-england-regional-social-strategy-action-plan-2007-2010.pdf"))
	header := []string{"Action", "Milestone", "Outcome", "Lead organisation", "Milestone(s) completion"}
	pages, objectives, rows, inStep := map[int]bool{}, 0, 0, 0
	for _, pt := range ts {
		tb := pt.Table
		if tb.Columns != 5 {
			t.Errorf("page %d: %s table of %d columns, want 5: %q", pt.Page, pt.Method, tb.Columns, tb.Grid())
			continue
		}
		pages[pt.Page] = true
		if got := tb.Grid()[0]; !reflect.DeepEqual(got, header) {
			t.Errorf("page %d header %q", pt.Page, got)
		}
		for _, r := range tb.Rows[1:] {
			c0 := r.Cells[0]
			if objectiveRe.MatchString(c0.Text()) {
				objectives++
				if c0.ColSpan != 5 || !r.Cells[4].Covered {
					t.Errorf("page %d: objective row %q spans %d columns", pt.Page, c0.Text(), c0.ColSpan)
				}
				continue
			}
			m, d := r.Cells[1].Paragraphs, r.Cells[4].Paragraphs
			if len(m) > 0 && len(d) > 0 {
				rows++
				if len(m) == len(d) {
					inStep++
				}
			}
		}
	}
	if len(pages) < 30 {
		t.Errorf("tables on %d pages, want the 31 pages of the plan", len(pages))
	}
	if objectives < 8 {
		t.Errorf("%d objective rows, want at least 8", objectives)
	}
	// Four actions print one date for two milestones or a lead-in line
	// above a list (76 rows measured); every other row pairs each milestone
	// with its date.
	if rows < 76 || rows-inStep > 4 {
		t.Errorf("%d of %d action rows have as many milestones as dates", inStep, rows)
	}
	for _, c := range []struct {
		page             int
		action           string
		milestones, dues []string
	}{
		{2, "3. Pilot actions",
			[]string{"Pilot established", "Evaluation of pilot complete", "Findings of pilot disseminated"},
			[]string{"Summer, 2007", "Spring, 2008", "Summer, 2008"}},
		{3, "4. Promote diversity",
			[]string{"Baseline data collated on incidence of discrimination in the region's workplaces",
				"Workshop/conference convened to promote workplace diversity",
				"Regional good practice network established for employers, consolidating existing employer-focused activity"},
			[]string{"Autumn, 2008", "Winter, 2008", "Winter, 2008"}},
		{26, "1. Raise awareness",
			[]string{"Consumer-facing element of campaign (Phase 2) complete"},
			[]string{"Spring, 2008"}},
	} {
		r, ok := findRow(ts, c.page, c.action)
		if !ok {
			t.Errorf("page %d: no row %q", c.page, c.action)
			continue
		}
		if got := paras(r.Cells[1]); !reflect.DeepEqual(got, c.milestones) {
			t.Errorf("page %d %q milestones\n got %q\nwant %q", c.page, c.action, got, c.milestones)
		}
		if got := paras(r.Cells[4]); !reflect.DeepEqual(got, c.dues) {
			t.Errorf("page %d %q dates\n got %q\nwant %q", c.page, c.action, got, c.dues)
		}
	}
	// The action number is the paragraph's marker.
	if r, ok := findRow(ts, 2, "1. Promote work"); !ok || r.Cells[0].Paragraphs[0].Marker != "1." {
		t.Errorf("action 1 on page 2: %+v", r)
	}
}

// TestTablesKentPowerPoint: a landscape PowerPoint export whose header
// border is drawn a few points off the body's.
func TestTablesKentPowerPoint(t *testing.T) {
	ts := readTables(t, corpustest.Shared(t, "bench/real-docs/kent-cc_ics-priorities-and-actions_appB_2025.pdf"), 5, 7, 28)
	if len(ts) != 3 {
		t.Fatalf("%d tables on 3 pages", len(ts))
	}
	want := map[int][]string{
		5: {"Optimise the opportunity", "Encourage healthy behaviours", "Ensure a clear evidence-based", "Better understand the barriers",
			"Deliver school support", "Support economically deprived", "Support parents in managing", "Ensure community learning"},
		7: {"Develop a cohesive", "Support system partners", "By working in partnership", "Establish prevention",
			"Training on trauma", "Improve access/ equity", "Reduce suicides", "Increase numbers entering"},
		28: {"KCC Climate Change Adaptation", "Carry out risk assessments", "Complete a risk profile", "Produce an action plan",
			"Delivery of Action plan", "Identify stakeholders"},
	}
	for _, pt := range ts {
		g := pt.Table.Grid()
		if pt.Table.Columns != 5 || g[0][0] != "What we have committed to" || !strings.HasPrefix(g[0][4], "Shared") {
			t.Errorf("page %d header %q (%d columns)", pt.Page, g[0], pt.Table.Columns)
			continue
		}
		var actions []string
		for i, r := range pt.Table.Rows[1:] {
			if r.Cells[0].ColSpan == 5 {
				continue // a theme spanning the table
			}
			if g[i+1][1] == "" || g[i+1][2] == "" || g[i+1][4] == "" {
				t.Errorf("page %d row %q: lead, timescale or outcome missing", pt.Page, g[i+1])
			}
			actions = append(actions, g[i+1][0])
		}
		if pt.Page == 7 {
			// a code list broken inside its codes by the narrow column
			if got := g[2][4]; got != "SO1,SO2,SO3,SO4,SO5,SO6" {
				t.Errorf("page 7 shared outcomes %q", got)
			}
		}
		w := want[pt.Page]
		if len(actions) != len(w) {
			t.Errorf("page %d: %d action rows, want %d: %q", pt.Page, len(actions), len(w), actions)
			continue
		}
		for i := range w {
			if !strings.HasPrefix(actions[i], w[i]) {
				t.Errorf("page %d action %d = %q, want %q…", pt.Page, i, actions[i], w[i])
			}
		}
	}
}

// TestTablesAMLSummary: the "Summary of Actions" of a Word/Acrobat plan,
// whose header cells are shaded a few points inside their borders.
func TestTablesAMLSummary(t *testing.T) {
	ts := readTables(t, corpustest.Shared(t, "bench/real-docs/hmg_aml-ctf-action-plan_2016.pdf"), 8, 9)
	var numbers []string
	themes := 0
	for _, pt := range ts {
		g := pt.Table.Grid()
		if pt.Table.Columns != 4 || !reflect.DeepEqual(g[0][1:], []string{"Action", "Lead", "Completed by"}) {
			t.Fatalf("page %d: header %q (%d columns)", pt.Page, g[0], pt.Table.Columns)
		}
		for i, r := range pt.Table.Rows[1:] {
			if r.Cells[0].ColSpan == 4 {
				themes++
				continue
			}
			row := g[i+1]
			numbers = append(numbers, row[0])
			if row[1] == "" || row[2] == "" || row[3] == "" {
				t.Errorf("action %s: %q", row[0], row)
			}
		}
	}
	var want []string
	for i := 1; i <= 19; i++ {
		want = append(want, strconv.Itoa(i))
	}
	if !reflect.DeepEqual(numbers, want) {
		t.Errorf("action numbers %q, want 1…19", numbers)
	}
	if themes != 4 {
		t.Errorf("%d theme rows spanning the table, want 4", themes)
	}
	if r, ok := findRow(ts, 9, "13"); !ok || r.Cells[2].Text() != "HMT" || r.Cells[3].Text() != "Autumn 2016" ||
		!strings.HasSuffix(r.Cells[1].Text(), "Cutting Red Tape Review, and announce reforms.") {
		t.Errorf("action 13: %+v", r.Cells)
	}
}

// TestTablesProsePages: pages of running text, numbered paragraphs and
// bullet lists hold no tables.
func TestTablesProsePages(t *testing.T) {
	path := corpustest.Shared(t, "bench/real-docs/hmg_aml-ctf-action-plan_2016.pdf")
	pages := []int{11, 14, 22, 25, 37, 42, 57}
	for _, pt := range readTables(t, path, pages...) {
		t.Errorf("page %d: %s table found in prose: %q", pt.Page, pt.Method, pt.Table.Grid())
	}
}

// TestHeseltineRecommendationsTable: Table A.1 of the Government's response
// to the Heseltine review (Word, through Acrobat PDFMaker) runs over pages
// 57–65, ruled between its rows only. Its description column is so wide
// that a wrapped description is a wide line of one chunk; those rows were
// read as paragraphs. The table is one, rows 1–89 each once, each with its
// response and paragraph number.
func TestHeseltineRecommendationsTable(t *testing.T) {
	path := corpustest.Shared(t, "corpus-real/docs/hmg_heseltine-review-response_2013.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), data, Options{Pages: []int{57, 58, 59, 60, 61, 62, 63, 64, 65}})
	if err != nil {
		t.Fatal(err)
	}
	var tables []*layout.Table
	for _, b := range doc.Blocks {
		switch {
		case b.Kind == layout.TableKind:
			tables = append(tables, b.Table)
		case regexp.MustCompile(`^\d+ `).MatchString(b.Text):
			t.Errorf("p%d: a row read as a %s: %.60q", b.Page, b.Kind, b.Text)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want one across the pages", len(tables))
	}
	// the title above, set around a giant "A", is not a row
	if g := tables[0].Grid(); g[0][0] != "No." || g[0][1] != "Recommendation" {
		t.Errorf("first row %q, want the header", g[0])
	}
	seen := map[int]int{}
	responses := regexp.MustCompile(`^(Accept|Accept in part|Reject|To be decided as part of the Spending Round)$`)
	for _, r := range tables[0].Rows {
		n, err := strconv.Atoi(r.Cells[0].Text())
		if err != nil {
			continue // the title and the header
		}
		seen[n]++
		if len(r.Cells) != 4 || r.Cells[1].Text() == "" || !responses.MatchString(r.Cells[2].Text()) || r.Cells[3].Text() == "" {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, c.Text())
			}
			t.Errorf("p%d row %d: %q", r.Page, n, cells)
		}
	}
	for n := 1; n <= 89; n++ {
		if seen[n] != 1 {
			t.Errorf("row %d read %d times", n, seen[n])
		}
	}
	if len(seen) != 89 {
		t.Errorf("%d numbered rows, want 89", len(seen))
	}
}
