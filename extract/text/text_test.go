package text

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/planmap/planmap/extract/layout"
)

// fixtures are small texts made from the sample documents' words (see
// testdata/README.md), each with a golden dump.
var fixtures = []string{"east-of-england-rows.txt", "milton-keynes-excerpt.txt"}

func extractFixture(t *testing.T, name string) *layout.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestFixturesGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			golden(t, strings.TrimSuffix(name, ".txt")+".golden", dump(extractFixture(t, name)))
		})
	}
}

// TestEastOfEnglandRows: tab-separated rows with <p> cells make one table,
// its header row once, objective lines as spanning rows, continuation rows
// with an empty Action cell, and one paragraph per <p>.
func TestEastOfEnglandRows(t *testing.T) {
	doc := extractFixture(t, "east-of-england-rows.txt")
	var tables []*layout.Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1:\n%s", len(tables), dump(doc))
	}
	tb := tables[0]
	if tb.Columns != 5 || tb.HeaderRows != 1 || len(tb.Rows) != 8 {
		t.Fatalf("table %d cols × %d rows, %d header rows:\n%s", tb.Columns, len(tb.Rows), tb.HeaderRows, dump(doc))
	}
	g := tb.Grid()
	if g[0][4] != "Milestone(s) completion" {
		t.Errorf("header = %q", g[0])
	}
	for _, r := range []int{1, 6} {
		c := tb.Rows[r].Cells
		if c[0].ColSpan != 5 || !c[1].Covered || !c[4].Covered || !strings.HasPrefix(g[r][0], "SO") {
			t.Errorf("row %d is not an objective row spanning the table: %q", r, g[r])
		}
	}
	pilot := tb.Rows[3].Cells
	if got := len(pilot[1].Paragraphs); got != 3 {
		t.Errorf("Pilot milestones: %d paragraphs, want 3", got)
	}
	if got := pilot[4].Paragraphs; len(got) != 3 || got[2].Text != "Summer, 2008" {
		t.Errorf("Pilot completion dates = %+v", got)
	}
	if g[3][2] != "A minimum of three 'tried and tested' actions which can be promoted for adoption in all the region's LAAs" {
		t.Errorf("entities not decoded: %q", g[3][2])
	}
	carers := tb.Rows[4].Cells
	if !carers[0].Empty() || !carers[3].Empty() {
		t.Errorf("continuation row should have empty Action and Lead cells: %q", g[4])
	}
	if p := carers[1].Paragraphs; len(p) != 3 || p[1].Marker != "•" || p[1].Text != "number of own staff who are family carers" {
		t.Errorf("bullets in cell = %+v", p)
	}
	if p := tb.Rows[5].Cells[4].Paragraphs; len(p) != 2 || p[1].Text != "Autumn, 2008 (dependent on delivery of National Carers Strategy)" {
		t.Errorf("dates = %+v", p)
	}
	if got := g[7][3]; got != "EEDA/Advice for Life/Keystone Development Trust" {
		t.Errorf("lead = %q", got)
	}
}

// TestMiltonKeynesExcerpt: headings by number, capitals and underline;
// numbered paragraphs; bullets nested by indent; a form feed.
func TestMiltonKeynesExcerpt(t *testing.T) {
	doc := extractFixture(t, "milton-keynes-excerpt.txt")
	if doc.Title != "TACKLING SOCIAL EXCLUSION IN MILTON KEYNES" {
		t.Errorf("title = %q", doc.Title)
	}
	if doc.Pages != 2 {
		t.Errorf("pages = %d, want 2", doc.Pages)
	}
	want := []string{
		"H1 TACKLING SOCIAL EXCLUSION IN MILTON KEYNES",
		"P  Author: H Miller (Chief Executive) – MK2200",
		"H1 [1.] Purpose",
		"P  [1.1] To inform Members of the social inclusion project, which has recently been initiated within the Council.",
		"H1 [2.] Background",
		"L0 [•] the West Bletchley pilot scheme",
		"L0 [•] the two Close to Home projects",
		"L1 [•] the single point of access scheme",
		"L1 [•] the Government-led single work-focused gateway",
		"L0 [•] the regeneration partnerships",
		"P  [2.5] The Council has also embarked",
		"H1 [4.] The social inclusion project",
		"L0 [a)] define social exclusion and understand its different causes",
		"L0 [c)] put in place a strategy and co-ordinated action plan to ensure that the Council's resources are being used to best effect",
		"H1 Annex",
		"H2 Initial membership of the Social Inclusion Working Group",
		"T  2 cols × 3 rows, 0 header rows",
		"| Tina Butterwick | Policy Officer |",
	}
	got := dump(doc)
	rest := got
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("missing (in order) %q in\n%s", w, got)
		}
		rest = rest[i+len(w):]
	}
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, "The social inclusion project") && b.Page != 2 {
			t.Errorf("section 4 on page %d, want 2", b.Page)
		}
	}
}

func TestDecode(t *testing.T) {
	const words = "Scrutiny Committee’s review – “user focus” © 2005"
	cp1252 := []byte("Scrutiny Committee\x92s review \x96 \x93user focus\x94 \xa9 2005")
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(words))
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(words))
	noBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(words))
	cases := []struct {
		name, charset string
		data          []byte
		warn          bool
	}{
		{"UTF-8", "utf-8", []byte(words), false},
		{"UTF-8 with BOM", "utf-8", append([]byte{0xEF, 0xBB, 0xBF}, words...), false},
		{"UTF-16LE with BOM", "utf-16le", le, false},
		{"UTF-16BE with BOM", "utf-16be", be, false},
		{"UTF-16LE without BOM", "utf-16le", noBOM, true},
		{"windows-1252", "windows-1252", cp1252, false},
		{"UTF-8 with stray windows-1252 byte", "utf-8", []byte("Scrutiny Committee’s review \x96 “user focus” © 2005"), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Extract(tc.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) != 1 || doc.Blocks[0].Text != words {
				t.Fatalf("blocks:\n%s", dump(doc))
			}
			if doc.Meta["charset"] != tc.charset {
				t.Errorf("charset %q, want %q", doc.Meta["charset"], tc.charset)
			}
			if (len(doc.Warnings) > 0) != tc.warn {
				t.Errorf("warnings %q", doc.Warnings)
			}
		})
	}
}

func TestMaxLine(t *testing.T) {
	long := []byte("Action\tMilestone\n" + strings.Repeat("x", 2000) + "\n")
	_, err := Extract(long, Options{MaxLine: 1000})
	var le *layout.Error
	if !errors.As(err, &le) || le.Status != layout.StatusTooLarge || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want too-large on line 2", err)
	}
	if _, err := Extract(long, Options{}); err != nil {
		t.Fatalf("default limit: %v", err)
	}
	if _, err := Extract([]byte(strings.Repeat("y", DefaultMaxLine+1)), Options{}); !errors.As(err, &le) || le.Status != layout.StatusTooLarge {
		t.Fatalf("default limit not applied: %v", err)
	}
}

func TestSplitMarker(t *testing.T) {
	cases := []struct{ in, marker, rest string }{
		{"2.1 The consultation exercises", "2.1", "The consultation exercises"},
		{"4.3.2. Scope", "4.3.2.", "Scope"},
		{"1. Purpose", "1.", "Purpose"},
		{"12) Support GOSE", "12)", "Support GOSE"},
		{"a) define social exclusion", "a)", "define social exclusion"},
		{"(iv) setting up an internal working group", "(iv)", "setting up an internal working group"},
		{"(3) Annex", "(3)", "Annex"},
		{"2.5 million people", "", "2.5 million people"},
		{"2009 was a year", "", "2009 was a year"},
		{"1. in lower case", "", "1. in lower case"},
		{"SO1: To tackle poverty", "", "SO1: To tackle poverty"},
		{"a)", "", "a)"},
	}
	for _, c := range cases {
		m, r := SplitMarker(c.in)
		if m != c.marker || r != c.rest {
			t.Errorf("SplitMarker(%q) = %q, %q; want %q, %q", c.in, m, r, c.marker, c.rest)
		}
	}
}

func TestEdgeCases(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"only blank lines and tabs", "\n\t\n  \t \n", nil},
		{"one line with a tab is prose", "Total:\t£5,000\n", []string{"P  Total: £5,000"}},
		{"long lines are a paragraph each", strings.Repeat("The Council has been invited to join this group. ", 4) + "\n" + strings.Repeat("Membership would provide direct access to current research. ", 3) + "\n",
			[]string{"P  The Council has been invited", "P  Membership would provide"}},
		{"markup in prose", "<p>Spring, 2007</p><ul><li>one</li><li>two &amp; three</li></ul>\n", []string{"P  Spring, 2007", "L0 [•] one", "L0 [•] two & three"}},
		{"a three-cell line is a table", "a\tb\tc\n\nd\te\n", []string{"T  3 cols × 1 rows, 0 header rows", "| a | b | c |"}},
		{"short rows padded", "Name\tRole\tDirectorate\nJudith Pears\tHead of Information Technology\n", []string{"| Judith Pears | Head of Information Technology |  |"}},
		{"Markdown headings and pipe tables", "## 1. Purpose\n\n| Name | Role |\n|------|:----:|\n| Judith Pears | Head of Information Technology |\n| Geoff Beck | Head of Regulatory<br>Services |\n",
			[]string{"H2 [1.] Purpose", "T  2 cols × 3 rows, 1 header rows", "| Name | Role |", "| Geoff Beck | Head of Regulatory ¶ Services |"}},
		{"nul and control bytes", "Spring\x00 2008\x01\n", []string{"P  Spring 2008"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Extract([]byte(tc.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(doc); err != nil {
				t.Fatal(err)
			}
			got := dump(doc)
			if tc.want == nil && len(doc.Blocks) != 0 {
				t.Errorf("want no blocks:\n%s", got)
			}
			rest := got
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("missing (in order) %q in\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func BenchmarkFixtures(b *testing.B) {
	var data [][]byte
	for _, name := range fixtures {
		d, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	for b.Loop() {
		for _, d := range data {
			if _, err := Extract(d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
