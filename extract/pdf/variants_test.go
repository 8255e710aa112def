package pdf

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

// The samples as other producers print them (corpus/variants): a browser
// prints a web page's table without borders and draws list bullets as
// shapes, and planmap must still see the rows and the lists a person sees.

const eoe = "east-of-england-regional-social-strategy-action-plan-2007-2010.pdf"

func variant(t *testing.T, producer, name string) string {
	t.Helper()
	return filepath.Join(corpustest.Root(t), "corpus", "variants", producer, name)
}

// TestBorderlessTableRows: a borderless table's rows are the rows of the
// same table printed with borders, not one row per text line: a row starts
// where the key (Action) column starts a new entry, lines set between its
// lines in other columns join it, and an objective band is a row of its
// own across the table.
func TestBorderlessTableRows(t *testing.T) {
	cases := []struct {
		name           string
		page, ruled    int      // the page in the borderless and in the bordered print
		rows           int      // rows of the page's table
		firsts         []string // how each row's first cell starts
		bandRow, bandW int      // a band row and its column span (0: none)
	}{
		{
			name: "page 2", page: 2, ruled: 2, rows: 8,
			firsts:  []string{"Action", "3. Pilot actions", "4. Promote diversity", "SO2: To promote access", "1. Pilot activities", "2. Co-ordinate", "3. Develop", "4. Promote the Train"},
			bandRow: 3, bandW: 5,
		},
		{name: "page 1", page: 1, ruled: 1, rows: 4, firsts: []string{"Action", "SO1: To tackle poverty", "1. Promote work", "2. Increase understanding"}, bandRow: 1, bandW: 5},
		{name: "page 4", page: 4, ruled: 4, rows: 5},
		// Page gutters between the columns: not two columns of prose.
		{name: "page 5", page: 5, ruled: 5, rows: 5},
		{name: "page 7", page: 7, ruled: 7, rows: 8},
		{name: "page 9", page: 9, ruled: 9, rows: 8},
		{name: "page 10", page: 10, ruled: 10, rows: 8},
		{name: "page 12", page: 12, ruled: 12, rows: 7},
		{name: "page 13", page: 13, ruled: 13, rows: 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := readTables(t, variant(t, "chromium-borderless", eoe), c.page)
			if len(ts) != 1 {
				t.Fatalf("%d tables on page %d, want 1", len(ts), c.page)
			}
			tb := ts[0].Table
			ruled := readTables(t, variant(t, "chromium", eoe), c.ruled)
			if len(ruled) != 1 {
				t.Fatalf("bordered print: %d tables on page %d, want 1", len(ruled), c.ruled)
			}
			want := ruled[0].Table.Grid()
			if c.rows > 0 && len(want) != c.rows {
				t.Fatalf("bordered print: %d rows, want %d", len(want), c.rows)
			}
			got := tb.Grid()
			if len(got) != len(want) {
				t.Errorf("%d rows, the bordered print has %d", len(got), len(want))
			}
			for i, p := range c.firsts {
				if i >= len(got) || !strings.HasPrefix(got[i][0], p) {
					t.Errorf("row %d starts %q, want %q", i, got[min(i, len(got)-1)][0], p)
				}
			}
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("row %d:\n got %q\nwant %q", i, got[i], want[i])
					}
				}
			}
			if c.bandW > 0 {
				if cs := tb.Rows[c.bandRow].Cells[0].ColSpan; cs != c.bandW {
					t.Errorf("band row %d spans %d columns, want %d", c.bandRow, cs, c.bandW)
				}
			}
		})
	}
}

// TestBorderlessTableJoined: read whole, the borderless print gives the
// bordered print's one table, row for row, with the objective bands that a
// page break left below a page's last row (SO3, SO4, SO6, SO8) in place.
func TestBorderlessTableJoined(t *testing.T) {
	grids := func(path string) [][][]string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Extract(context.Background(), data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out [][][]string
		for _, b := range doc.Blocks {
			if b.Kind == layout.TableKind {
				out = append(out, b.Table.Grid())
			} else if objectiveRe.MatchString(b.Text) {
				t.Errorf("page %d: objective outside the table: %q", b.Page, b.Text)
			}
		}
		return out
	}
	got, want := grids(variant(t, "chromium-borderless", eoe)), grids(variant(t, "chromium", eoe))
	if len(got) != 1 || len(want) != 1 {
		t.Fatalf("%d tables, the bordered print %d; want 1 each", len(got), len(want))
	}
	if len(got[0]) != len(want[0]) {
		t.Errorf("%d rows, the bordered print has %d", len(got[0]), len(want[0]))
	}
	for i := range min(len(got[0]), len(want[0])) {
		if !reflect.DeepEqual(got[0][i], want[0][i]) {
			t.Errorf("row %d:\n got %q\nwant %q", i, got[0][i], want[0][i])
		}
	}
}

// TestShapeBullets: Chromium draws a web page's list bullets as small
// filled discs, not as "•" text; the items must still come out as list
// items, one each, not as plain paragraphs or one merged paragraph.
func TestShapeBullets(t *testing.T) {
	cases := []struct {
		file  string
		after string   // the paragraph that introduces the list
		items []string // how each item starts
	}{
		{"scotland-equal-communities-action-plan-2009-2011.pdf", "In 2009-10 - 2010-11 we will:", []string{
			"manage action learning sets", "hold a series of four linked workshops", "support online discussion"}},
		{"scotland-equal-communities-action-plan-2009-2011.pdf", "It also established our principles:", []string{
			"a focus on investment", "emphasis, where resources allow", "encouraging effective joint working",
			"focused action on improving employability", "support for community empowerment"}},
		{"milton-keynes-tackling-social-exclusion.pdf", "2.4 In consequence", []string{
			"the West Bletchley pilot scheme", "the two Close to Home projects", "the single point of access scheme",
			"the Government-led single work-focused gateway", "the regeneration partnerships",
			"the Community Legal Service", "the Youth Offending Team", "the Crime and Community Safety Partnership"}},
	}
	docs := map[string]*layout.Document{}
	for _, c := range cases {
		t.Run(c.after, func(t *testing.T) {
			doc := docs[c.file]
			if doc == nil {
				data, err := os.ReadFile(variant(t, "chromium", c.file))
				if err != nil {
					t.Fatal(err)
				}
				if doc, err = Extract(context.Background(), data, Options{}); err != nil {
					t.Fatal(err)
				}
				docs[c.file] = doc
			}
			at := -1
			for i, b := range doc.Blocks {
				if strings.HasPrefix(b.Marker+" "+b.Text, c.after) || strings.HasPrefix(b.Text, c.after) {
					at = i
					break
				}
			}
			if at < 0 {
				t.Fatalf("no block %q", c.after)
			}
			for k, want := range c.items {
				i := at + 1 + k
				if i >= len(doc.Blocks) {
					t.Fatalf("item %d missing", k)
				}
				b := doc.Blocks[i]
				if b.Kind != layout.ListItem || b.Marker != "•" || !strings.HasPrefix(b.Text, want) {
					t.Errorf("block %d: %s %q %q, want a • list item %q", i, b.Kind, b.Marker, b.Text, want)
				}
			}
		})
	}
}

// TestWrappedNumberedHeading: a numbered section heading set large enough
// to wrap ("3. Current research work into social" / "exclusion") is a
// heading with its number, not a list item.
func TestWrappedNumberedHeading(t *testing.T) {
	data, err := os.ReadFile(variant(t, "chromium", "milton-keynes-tackling-social-exclusion.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(context.Background(), data, Options{Pages: []int{2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Text == "Current research work into social exclusion" {
			if b.Kind != layout.Heading || b.Marker != "3." {
				t.Errorf("%s %q %q, want a heading numbered 3.", b.Kind, b.Marker, b.Text)
			}
			return
		}
	}
	t.Error("no block 'Current research work into social exclusion'")
}
