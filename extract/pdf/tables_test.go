package pdf

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// hRule and vRule make drawn lines, as stroked paths come out of the page.
func hRule(y, x0, x1 float64) Ruling { return Ruling{X0: x0, Y0: y, X1: x1, Y1: y} }
func vRule(x, y0, y1 float64) Ruling { return Ruling{X0: x, Y0: y0, X1: x, Y1: y1} }

// synthPage builds a pageText from text placed at (x, top) and rulings.
type placed struct {
	text   string
	x, top float64
}

func synthPage(size float64, texts []placed, rules []Ruling) *pageText {
	p := &pageText{Number: 1, Width: 842, Height: 595, Rulings: rules}
	byTop := map[float64][]Word{}
	var tops []float64
	for _, t := range texts {
		ws := synthLine(t.text, t.x, t.top, size)
		if _, ok := byTop[t.top]; !ok {
			tops = append(tops, t.top)
		}
		byTop[t.top] = append(byTop[t.top], ws...)
		p.Words = append(p.Words, ws...)
	}
	for _, top := range tops {
		ws := byTop[top]
		l := Line{Words: ws, X0: ws[0].X0, X1: ws[len(ws)-1].X1, Top: top, Bot: top + size, Base: top + 0.8*size}
		p.Lines = append(p.Lines, l)
	}
	return p
}

func TestLatticeSpans(t *testing.T) {
	// A 3-column ruled table: a header row, an objective row spanning all
	// columns (no verticals drawn through it), and a body row whose first
	// cell spans two rows. Rulings are drawn per cell edge, as LibreOffice
	// does, with small overlaps and gaps.
	xs := []float64{50, 200, 350, 500}
	ys := []float64{100, 120, 140, 175, 200}
	var rules []Ruling
	for i, y := range ys {
		for j := 0; j+1 < len(xs); j++ {
			if i == 3 && j == 0 {
				continue // row span: no border under the first body cell
			}
			rules = append(rules, hRule(y+0.2*float64(j%2), xs[j]-0.4, xs[j+1]+0.4))
		}
	}
	for j, x := range xs {
		for i := 0; i+1 < len(ys); i++ {
			if i == 1 && j != 0 && j != 3 {
				continue // the objective row spans
			}
			rules = append(rules, vRule(x, ys[i], ys[i+1]))
		}
	}
	texts := []placed{
		{"Action", 55, 105}, {"Milestone", 205, 105}, {"Completion", 355, 105},
		{"SO1: To tackle poverty across the whole region and beyond", 55, 125},
		{"1. Promote work", 55, 145}, {"Pilot established", 205, 145}, {"Summer, 2007", 355, 145},
		{"Findings disseminated", 205, 180}, {"Summer, 2008", 355, 180},
		{"Page 3", 400, 560},
	}
	p := synthPage(10, texts, rules)
	ts := findTables(p)
	if len(ts) != 1 || ts[0].Method != "lattice" {
		t.Fatalf("found %d tables: %+v", len(ts), ts)
	}
	tb := ts[0].Table
	want := [][]string{
		{"Action", "Milestone", "Completion"},
		{"SO1: To tackle poverty across the whole region and beyond", "", ""},
		{"1. Promote work", "Pilot established", "Summer, 2007"},
		{"", "Findings disseminated", "Summer, 2008"},
	}
	if got := tb.Grid(); !reflect.DeepEqual(got, want) {
		t.Fatalf("grid\n got %q\nwant %q", got, want)
	}
	if c := tb.Rows[1].Cells[0]; c.ColSpan != 3 || !tb.Rows[1].Cells[1].Covered || !tb.Rows[1].Cells[2].Covered {
		t.Errorf("objective row span: %+v", tb.Rows[1].Cells)
	}
	if c := tb.Rows[2].Cells[0]; c.RowSpan != 2 || !tb.Rows[3].Cells[0].Covered {
		t.Errorf("row span: %+v / %+v", c, tb.Rows[3].Cells[0])
	}
	if m := tb.Rows[2].Cells[0].Paragraphs[0].Marker; m != "1." {
		t.Errorf("marker %q, want 1.", m)
	}
	if b := ts[0].Box; b.X0 > 51 || b.X1 < 499 || b.Y0 > 101 || b.Y1 < 199 {
		t.Errorf("box %+v", b)
	}
	if x := ts[0].ColX; len(x) != 3 || x[0] != 50 || x[1] != 200 || x[2] != 350 {
		t.Errorf("column edges %v, want [50 200 350]", x)
	}
}

func TestLatticeUnframed(t *testing.T) {
	// Only horizontal rules and one inner vertical: the first and last
	// columns are bounded by the rules' ends.
	rules := []Ruling{hRule(100, 50, 400), hRule(120, 50, 400), hRule(140, 50, 400), hRule(160, 50, 400),
		vRule(150, 100, 160), vRule(280, 100, 160)}
	texts := []placed{
		{"Country", 55, 105}, {"2012", 160, 105}, {"2013", 290, 105},
		{"Brazil", 55, 125}, {"52.9", 160, 125}, {"53.2", 290, 125},
		{"Chile", 55, 145}, {"1.5", 160, 145}, {"1.7", 290, 145},
	}
	ts := findTables(synthPage(10, texts, rules))
	if len(ts) != 1 {
		t.Fatalf("found %d tables", len(ts))
	}
	want := [][]string{{"Country", "2012", "2013"}, {"Brazil", "52.9", "53.2"}, {"Chile", "1.5", "1.7"}}
	if got := ts[0].Table.Grid(); !reflect.DeepEqual(got, want) {
		t.Fatalf("grid %q", got)
	}
}

func TestLatticeRejectsFrames(t *testing.T) {
	// A framed text box and an underline are not tables.
	rules := []Ruling{hRule(100, 50, 400), hRule(200, 50, 400), vRule(50, 100, 200), vRule(400, 100, 200),
		hRule(300, 50, 120)}
	texts := []placed{
		{"Some framed text in a box", 55, 105}, {"and a second line of it", 55, 120},
		{"Underlined", 55, 290},
	}
	if ts := findTables(synthPage(10, texts, rules)); len(ts) != 0 {
		t.Fatalf("found %d tables in a frame: %q", len(ts), ts[0].Table.Grid())
	}
}

func TestStreamTable(t *testing.T) {
	texts := []placed{
		{"Table 5: Payroll by period", 50, 70}, // a title set apart by a gap
		{"Total", 230, 100},
		{"Period", 50, 112}, {"Weekly", 200, 112}, {"Monthly", 280, 112},
		{"Kent", 50, 124}, {"71.15", 200, 124}, {"308.33", 280, 124},
		{"Medway", 50, 136}, {"80.00", 200, 136}, {"346.67", 280, 136},
		{"Essex", 50, 148}, {"12.10", 200, 148}, {"52.43", 280, 148},
		{"This paragraph of prose follows the table and runs across the page width as body text does.", 50, 190},
	}
	ts := findTables(synthPage(10, texts, nil))
	if len(ts) != 1 || ts[0].Method != "stream" {
		t.Fatalf("found %+v", ts)
	}
	got := ts[0].Table.Grid()
	want := [][]string{
		{"", "Total", ""},
		{"Period", "Weekly", "Monthly"},
		{"Kent", "71.15", "308.33"},
		{"Medway", "80.00", "346.67"},
		{"Essex", "12.10", "52.43"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("grid\n got %q\nwant %q", got, want)
	}
	if x := ts[0].ColX; len(x) != 3 || x[0] != 50 || x[1] != 200 || x[2] != 280 {
		t.Errorf("column edges %v, want [50 200 280]", x)
	}
}

func TestStreamRejectsProse(t *testing.T) {
	// Two columns of running text, and a bulleted list, are not tables.
	var texts []placed
	for i := range 8 {
		top := 100 + 12*float64(i)
		texts = append(texts,
			placed{"the quick brown fox jumps over the lazy dog", 50, top},
			placed{"and the lazy dog sleeps on in the warm sun", 320, top})
	}
	for i := range 5 {
		texts = append(texts, placed{"•", 50, 300 + 12*float64(i)}, placed{"an item of the list", 70, 300 + 12*float64(i)})
	}
	if ts := findTables(synthPage(10, texts, nil)); len(ts) != 0 {
		t.Fatalf("prose became %d tables: %q", len(ts), ts[0].Table.Grid())
	}
}

func TestLatticeStaggeredAndInsetBorders(t *testing.T) {
	// The header row's last column border is drawn 15 points left of the
	// body's (as a PowerPoint export does), and the header cells carry
	// shading inset 4 points inside their borders (as Word does). Both are
	// one border each: three columns, not five.
	rules := []Ruling{
		hRule(100, 50, 400), hRule(120, 50, 400), hRule(140, 50, 400), hRule(160, 50, 400),
		vRule(50, 100, 160), vRule(400, 100, 160),
		vRule(150, 100, 160),
		vRule(285, 100, 120), vRule(300, 120, 160), // staggered
		// shading of the header cells, inset from the borders
		hRule(104, 54, 146), hRule(116, 54, 146), vRule(54, 104, 116), vRule(146, 104, 116),
	}
	texts := []placed{
		{"Action", 60, 105}, {"Lead", 160, 105}, {"Outcome", 310, 105},
		{"Pilot", 60, 125}, {"EEDA", 160, 125}, {"SO1,SO2", 310, 125},
		{"Survey", 60, 145}, {"GO-East", 160, 145}, {"SO3", 310, 145},
	}
	ts := findTables(synthPage(10, texts, rules))
	if len(ts) != 1 {
		t.Fatalf("found %d tables", len(ts))
	}
	want := [][]string{{"Action", "Lead", "Outcome"}, {"Pilot", "EEDA", "SO1,SO2"}, {"Survey", "GO-East", "SO3"}}
	if got := ts[0].Table.Grid(); !reflect.DeepEqual(got, want) {
		t.Fatalf("grid %q", got)
	}
}

func TestStreamRowsFromHorizontalRules(t *testing.T) {
	// A table ruled only between its rows: the lines between two rules are
	// one row, and in a cell a line that would have fitted on the one above
	// is a paragraph of its own.
	texts := []placed{
		{"No.", 50, 102}, {"Action", 90, 102}, {"Lead", 300, 102}, {"Due", 400, 102},
		{"1", 50, 122}, {"Pilot established", 90, 122}, {"EEDA", 300, 122}, {"2007", 400, 122},
		{"Evaluation done", 90, 134},
		{"2", 50, 154}, {"Survey of all the partners in the region", 90, 154}, {"GO-East", 320, 154}, {"2008", 400, 154},
		{"3", 50, 174}, {"Report", 90, 174}, {"Jobcentre Plus", 300, 174}, {"2009", 400, 174},
		{"Regional Office", 300, 186},
	}
	var rules []Ruling
	for _, y := range []float64{98, 117, 149, 169, 200} {
		// drawn cell by cell, as LibreOffice draws borders
		rules = append(rules, hRule(y, 45, 85), hRule(y, 85, 315), hRule(y, 315, 395), hRule(y, 395, 440))
	}
	for i := range texts {
		if texts[i].x == 300 {
			texts[i].x = 320 // the Lead column, clear of the long action
		}
	}
	ts := findTables(synthPage(10, texts, rules))
	if len(ts) != 1 || ts[0].Method != "stream" {
		t.Fatalf("found %+v", ts)
	}
	want := [][]string{
		{"No.", "Action", "Lead", "Due"},
		{"1", "Pilot established\nEvaluation done", "EEDA", "2007"},
		{"2", "Survey of all the partners in the region", "GO-East", "2008"},
		{"3", "Report", "Jobcentre Plus Regional Office", "2009"},
	}
	if got := ts[0].Table.Grid(); !reflect.DeepEqual(got, want) {
		t.Fatalf("grid\n got %q\nwant %q", got, want)
	}
}

// TestStreamWideColumnRows: a table ruled only between its rows, whose
// description column is more than half the table wide, so every wrapped
// line of a description is a wide line of one chunk. Those lines keep
// inside the description column and wrap its cell on; the table is one,
// with every row, and the prose below it (at the table's left edge, or
// starting at the description column but running past it) stays out.
func TestStreamWideColumnRows(t *testing.T) {
	const size = 10.0
	desc := "Local authorities should have a new overarching duty to have" // 277.5 pt wide
	var texts []placed
	var rules []Ruling
	top := 50.0
	rules = append(rules, hRule(top-5, 71, 524))
	for r := 1; r <= 6; r++ {
		texts = append(texts,
			placed{strconv.Itoa(r), 80, top},
			placed{desc, 102, top},
			placed{"Accept", 400, top},
			placed{"2." + strconv.Itoa(40+r), 486, top})
		for k := 1; k <= 3; k++ {
			texts = append(texts, placed{desc, 102, top + 12*float64(k)})
		}
		top += 4*12 + 7
		rules = append(rules, hRule(top-5, 71, 524))
	}
	prose := "This paragraph of running prose below the table starts at its left edge and runs across"
	texts = append(texts, placed{prose, 80, top + 20}, placed{prose, 80, top + 32})
	indented := "An indented paragraph starts where the descriptions start but runs past them"
	texts = append(texts, placed{indented, 102, top + 60}, placed{indented, 102, top + 72})
	p := synthPage(size, texts, rules)
	ts := findTables(p)
	if len(ts) != 1 {
		for _, pt := range ts {
			t.Logf("%s %v %q", pt.Method, pt.Box, pt.Table.Grid())
		}
		t.Fatalf("%d tables, want 1", len(ts))
	}
	g := ts[0].Table.Grid()
	if len(g) != 6 {
		t.Fatalf("%d rows, want 6: %q", len(g), g)
	}
	for i, r := range g {
		want := []string{strconv.Itoa(i + 1), strings.TrimSpace(strings.Repeat(desc+" ", 4)), "Accept", "2." + strconv.Itoa(41+i)}
		if !reflect.DeepEqual(r, want) {
			t.Errorf("row %d: %q, want %q", i+1, r, want)
		}
	}
}
