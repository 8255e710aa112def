package pdf

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
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
