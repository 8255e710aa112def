package tablescore

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func full(rows ...[]string) *Expected { return &Expected{Match: "full", Rows: rows} }

func TestNormalise(t *testing.T) {
	for _, c := range []struct {
		in      string
		lenient bool
		want    string
	}{
		{"  a\r\n b\t c  ", false, "a b c"},
		{"ﬁnal", false, "final"}, // NFKC ligature
		{"Total   .\n .\n .  .  .", false, "Total . . . . ."},
		{"Total   .\n .\n .  .  .", true, "Total"},
		{"3.5", true, "3.5"},
		{"\u00a0x\u2003", false, "x"},
	} {
		if got := Normalise(c.in, c.lenient); got != c.want {
			t.Errorf("Normalise(%q, %v) = %q, want %q", c.in, c.lenient, got, c.want)
		}
	}
}

func TestCompareExact(t *testing.T) {
	exp := full([]string{"Name", "Age"}, []string{"Ann", "31"}, []string{"Bob", "40"})
	s := Compare(exp, [][]string{{"Name", "Age"}, {"Ann", "31"}, {"Bob", "40"}}, Options{})
	if s.F1 != 1 || s.RowSim != 1 || s.ColSim != 1 {
		t.Fatalf("identical tables scored %+v", s)
	}
}

func TestCompareWhitespaceAndEmpties(t *testing.T) {
	// A multi-line cell joined with \n, a spacer row and a sliver column
	// must not cost anything.
	exp := full([]string{"Lead\norganisation", "Due"}, []string{"EEDA", "2008"})
	got := [][]string{
		{"", "Lead organisation", "Due"},
		{"", "", ""},
		{"", "EEDA ", " 2008"},
	}
	s := Compare(exp, got, Options{})
	if s.F1 != 1 {
		t.Fatalf("F1 = %v, want 1 (%+v)", s.F1, s)
	}
}

func TestCompareExtraTitleRow(t *testing.T) {
	// A title row the peer did not include must not shift the rows below it.
	exp := full([]string{"a", "1"}, []string{"b", "2"}, []string{"c", "3"})
	got := [][]string{{"Table 5: things", ""}, {"a", "1"}, {"b", "2"}, {"c", "3"}}
	s := Compare(exp, got, Options{})
	if s.Recall != 1 || s.Precision != 1 {
		t.Fatalf("title row shifted the alignment: %+v", s)
	}
}

func TestCompareWrongCells(t *testing.T) {
	exp := full([]string{"a", "1"}, []string{"b", "2"})
	// One cell wrong and one cell extra: 3 of 4 correct, 3 of 5 extracted.
	got := [][]string{{"a", "1", "x"}, {"b", "3"}}
	s := Compare(exp, got, Options{})
	if s.Correct != 3 || s.Expected != 4 || s.Extracted != 5 {
		t.Fatalf("counts %+v", s)
	}
	if !near(s.Recall, 0.75) || !near(s.Precision, 0.6) || !near(s.F1, 2*0.75*0.6/1.35) {
		t.Fatalf("scores %+v", s)
	}
	if s.RowSim >= 1 || s.RowSim < 0.5 {
		t.Fatalf("row similarity %v, want a near miss", s.RowSim)
	}
}

func TestColumnSimilarityMergedHeader(t *testing.T) {
	// The peer splits a 2-line header into 2 rows; an extractor that keeps
	// it in one cell loses cell matches but not column text.
	exp := full([]string{"Payroll", "One"}, []string{"Period", "Allowance"}, []string{"Weekly", "$71.15"})
	got := [][]string{{"Payroll Period", "One Allowance"}, {"Weekly", "$71.15"}}
	s := Compare(exp, got, Options{})
	if s.ColSim != 1 {
		t.Fatalf("column similarity %v, want 1", s.ColSim)
	}
	if s.F1 == 1 {
		t.Fatalf("merged header scored a perfect cell match")
	}
}

func TestPartial(t *testing.T) {
	five := 5
	exp := &Expected{
		Match:                "partial",
		NRows:                &five,
		Rows:                 [][]string{{"NoticeDate", "x y"}, {"", "last", ""}},
		RowIndices:           []int{0, -1},
		Cells:                []CellCheck{{Row: -2, Col: -2, Text: "Uncommon"}},
		SpaceInsensitiveCols: []int{0},
	}
	got := [][]string{
		{"Notice Date", "x  y", ""},
		{"1", "Uncommon", "z"},
		{"3", "4", "5"},
		{"3", "Uncommon", "5"},
		{"", "last", ""},
	}
	s := Compare(exp, got, Options{})
	// 3 row cells + 1 cell + n_rows: all hold.
	if s.Correct != 5 || s.Expected != 5 || s.F1 != 1 {
		t.Fatalf("partial %+v", s)
	}
	s = Compare(exp, got[:4], Options{})
	if s.F1 >= 1 {
		t.Fatalf("a missing row still scored %+v", s)
	}
}

func TestBestPicksMatchingTable(t *testing.T) {
	exp := full([]string{"a", "1"}, []string{"b", "2"})
	tables := [][][]string{{{"x", "y"}}, {{"a", "1"}, {"b", "2"}}}
	s, i := Best(exp, tables, Options{})
	if i != 1 || s.F1 != 1 {
		t.Fatalf("Best = %d %+v", i, s)
	}
	if s, i := Best(exp, nil, Options{}); i != -1 || s.F1 != 0 || s.Expected != 4 {
		t.Fatalf("no tables: %d %+v", i, s)
	}
}

// TestExpectedScoresItself loads every case of the shared benchmark and
// checks the scorer gives each expected table a perfect score against itself.
func TestExpectedScoresItself(t *testing.T) {
	dir := corpustest.Shared(t, "bench/pdf-tables")
	cases, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 29 {
		t.Fatalf("%d cases, want 29", len(cases))
	}
	for _, c := range cases {
		if c.Want.Partial() {
			continue
		}
		if s := Compare(c.Want, c.Want.Rows, Options{}); s.F1 != 1 {
			t.Errorf("%s scored %+v against itself", c.ID, s)
		}
	}
}

// TestLevenshteinBitParallel checks the bit-parallel distance against the
// textbook program on strings around the 64-rune block boundaries.
func TestLevenshteinBitParallel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab c|é12ﬁ")
	gen := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return r
	}
	for _, n := range []int{0, 1, 5, 63, 64, 65, 127, 128, 129, 200} {
		for range 30 {
			a, b := gen(n), gen(rng.IntN(2*n+2))
			if got, want := newPattern(a).distance(b), levenshteinDP(a, b); got != want {
				t.Fatalf("distance(%q, %q) = %d, want %d", string(a), string(b), got, want)
			}
		}
	}
	if d := newPattern([]rune("kitten")).distance([]rune("sitting")); d != 3 {
		t.Fatalf("kitten/sitting = %d", d)
	}
}

func TestLenientForgivesLeftPackedRows(t *testing.T) {
	// tabula packs a spanning header to the left; the page draws it with a
	// gap. Strict scoring counts the shift, lenient scoring does not.
	exp := full([]string{"", "HARVEST", "VARIATION", ""}, []string{"COTTON", "1.393,4", "886,7", "(35,8)"})
	got := [][]string{{"", "HARVEST", "", "VARIATION"}, {"COTTON", "1.393,4", "886,7", "(35,8)"}}
	if s := Compare(exp, got, Options{}); s.Correct != 5 {
		t.Errorf("strict counted %d cells, want 5", s.Correct)
	}
	if s := Compare(exp, got, Options{Lenient: true}); s.Correct != 6 {
		t.Errorf("lenient counted %d cells, want 6", s.Correct)
	}
}
