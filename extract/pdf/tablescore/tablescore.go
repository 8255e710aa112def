// Package tablescore scores an extracted table against an expected one, the
// way ../shared/bench/pdf-tables/README.md ("How a scorer should compare")
// describes: cells normalised (NFKC, whitespace collapsed), all-empty rows
// and columns dropped, rows aligned by an edit-distance program, then exact
// cell precision/recall/F1, row similarity and column-text similarity.
// Partial cases (only some rows or cells asserted) are scored as the share of
// their assertions that hold.
package tablescore

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Expected is one case's expected table (cases/<id>.expected.json).
type Expected struct {
	ID     string     `json:"id"`
	Page   int        `json:"page"`
	Flavor string     `json:"flavor"`
	Match  string     `json:"match"` // "full" or "partial"
	NRows  *int       `json:"n_rows"`
	Rows   [][]string `json:"rows"`
	Tags   []string   `json:"tags"`
	// KnownIssues lists where the peer's expectation differs from the page.
	KnownIssues []string `json:"known_issues"`
	// Partial cases only.
	RowIndices           []int       `json:"row_indices"`
	Cells                []CellCheck `json:"cells"`
	SpaceInsensitiveCols []int       `json:"space_insensitive_cols"`
}

// CellCheck asserts one cell; negative indices count from the end.
type CellCheck struct {
	Row  int    `json:"row"`
	Col  int    `json:"col"`
	Text string `json:"text"`
}

// Partial reports whether only some rows or cells are asserted.
func (e *Expected) Partial() bool { return e.Match == "partial" }

// Options tune the comparison.
type Options struct {
	// Lenient also strips trailing dot leaders ("Total . . . .") from cells,
	// and counts a row's cells in order when the peer packed them to the
	// left of where they are drawn (both listed in the cases' known_issues).
	Lenient bool
}

// Score is how well one extracted table matches the expected one.
type Score struct {
	Precision, Recall, F1 float64
	RowSim                float64 // mean best row similarity over expected rows
	ColSim                float64 // mean column-text similarity
	// Correct, Expected and Extracted count non-empty cells (full cases), or
	// assertions that held and assertions made (partial cases).
	Correct, Expected, Extracted int
}

var dotLeader = regexp.MustCompile(`(\s*\.){2,}\s*$`)

// Normalise applies NFKC, collapses every run of white space to one space
// and trims; lenient also drops trailing dot leaders.
func Normalise(s string, lenient bool) string {
	s = norm.NFKC.String(s)
	s = strings.Join(strings.Fields(s), " ")
	if lenient {
		s = strings.TrimSpace(dotLeader.ReplaceAllString(s, ""))
	}
	return s
}

// normGrid normalises every cell, removing all spaces in the space-insensitive
// columns (indices in the raw grid, as the peer compared them).
func normGrid(g [][]string, noSpace []int, o Options) [][]string {
	ns := map[int]bool{}
	for _, c := range noSpace {
		ns[c] = true
	}
	out := make([][]string, len(g))
	for i, r := range g {
		out[i] = make([]string, len(r))
		for j, c := range r {
			c = Normalise(c, o.Lenient)
			if ns[j] {
				c = strings.ReplaceAll(c, " ", "")
			}
			out[i][j] = c
		}
	}
	return out
}

// dropEmpty removes rows and columns that are empty in every cell, and pads
// ragged rows to one width.
func dropEmpty(g [][]string) [][]string {
	w := 0
	for _, r := range g {
		w = max(w, len(r))
	}
	keepCol := make([]bool, w)
	var rows [][]string
	for _, r := range g {
		empty := true
		for j, c := range r {
			if c != "" {
				empty = false
				keepCol[j] = true
			}
		}
		if !empty {
			rows = append(rows, r)
		}
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		for j := 0; j < w; j++ {
			if !keepCol[j] {
				continue
			}
			c := ""
			if j < len(r) {
				c = r[j]
			}
			out[i] = append(out[i], c)
		}
	}
	return out
}

// Similarity is 1 − Levenshtein distance ÷ the longer length, over runes.
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if n == 0 {
		return 1
	}
	return 1 - float64(newPattern(ra).distance(rb))/float64(n)
}

// simFrom is Similarity with the first string already prepared.
func simFrom(pa *pattern, a, b []rune) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(pa.distance(b))/float64(n)
}

func joinRow(r []string) string { return strings.Join(r, " | ") }

// alignRows returns the pairs (expected row, extracted row) chosen by an edit
// distance over rows where matching costs 1 − row similarity and leaving a
// row out costs 1. sim[i][j] is the row similarity.
func alignRows(sim [][]float64, m, n int) [][2]int {
	d := make([][]float64, m+1)
	for i := range d {
		d[i] = make([]float64, n+1)
		d[i][0] = float64(i)
	}
	for j := 0; j <= n; j++ {
		d[0][j] = float64(j)
	}
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			d[i][j] = min(d[i-1][j-1]+1-sim[i-1][j-1], d[i-1][j]+1, d[i][j-1]+1)
		}
	}
	var pairs [][2]int
	i, j := m, n
	for i > 0 && j > 0 {
		switch {
		case d[i][j] == d[i-1][j-1]+1-sim[i-1][j-1]:
			pairs = append(pairs, [2]int{i - 1, j - 1})
			i, j = i-1, j-1
		case d[i][j] == d[i-1][j]+1:
			i--
		default:
			j--
		}
	}
	for a, b := 0, len(pairs)-1; a < b; a, b = a+1, b-1 {
		pairs[a], pairs[b] = pairs[b], pairs[a]
	}
	return pairs
}

// Compare scores one extracted table (rows of cell strings) against exp.
func Compare(exp *Expected, got [][]string, o Options) Score {
	if exp.Partial() {
		return comparePartial(exp, got, o)
	}
	e := dropEmpty(normGrid(exp.Rows, exp.SpaceInsensitiveCols, o))
	x := dropEmpty(normGrid(got, exp.SpaceInsensitiveCols, o))
	var s Score
	for _, r := range e {
		for _, c := range r {
			if c != "" {
				s.Expected++
			}
		}
	}
	if len(e) == 0 || len(x) == 0 {
		return s
	}
	xj := make([][]rune, len(x))
	for j, r := range x {
		xj[j] = []rune(joinRow(r))
	}
	sim := make([][]float64, len(e))
	for i, r := range e {
		ej := []rune(joinRow(r))
		pe := newPattern(ej)
		sim[i] = make([]float64, len(x))
		best := 0.0
		for j := range x {
			sim[i][j] = simFrom(pe, ej, xj[j])
			best = max(best, sim[i][j])
		}
		s.RowSim += best
	}
	s.RowSim /= float64(len(e))

	for _, p := range alignRows(sim, len(e), len(x)) {
		er, xr := e[p[0]], x[p[1]]
		for _, c := range xr {
			if c != "" {
				s.Extracted++
			}
		}
		n := 0
		for k, c := range er {
			if c != "" && k < len(xr) && xr[k] == c {
				n++
			}
		}
		if o.Lenient {
			// a row the peer packed to the left still counts its cells
			n = max(n, lcs(nonEmpty(er), nonEmpty(xr)))
		}
		s.Correct += n
	}
	s.Precision = ratio(s.Correct, s.Extracted)
	s.Recall = ratio(s.Correct, s.Expected)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.ColSim = columnSimilarity(e, x)
	return s
}

// columnSimilarity joins each column's non-empty cells top to bottom and
// compares it with the extracted column at the same position, so a header
// merged into one cell equals the same header split over several rows.
func columnSimilarity(e, x [][]string) float64 {
	col := func(g [][]string, k int) string {
		var parts []string
		for _, r := range g {
			if k < len(r) && r[k] != "" {
				parts = append(parts, r[k])
			}
		}
		return strings.Join(parts, " ")
	}
	if len(e) == 0 || len(e[0]) == 0 {
		return 0
	}
	total := 0.0
	for k := range e[0] {
		total += Similarity(col(e, k), col(x, k))
	}
	return total / float64(len(e[0]))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// comparePartial checks each asserted row at its index (falling back to the
// best-matching row anywhere, for extractors that merged header rows), each
// asserted cell, and the row count. Score.F1 is the share that held.
func comparePartial(exp *Expected, got [][]string, o Options) Score {
	raw := normGrid(got, exp.SpaceInsensitiveCols, o)
	x := dropEmpty(raw)
	var s Score
	e := normGrid(exp.Rows, exp.SpaceInsensitiveCols, o)
	for k, er := range e {
		want := nonEmpty(er)
		s.Expected += len(want)
		best := 0
		if k < len(exp.RowIndices) {
			if i := index(exp.RowIndices[k], len(x)); i >= 0 {
				best = lcs(want, nonEmpty(x[i]))
			}
		}
		if best < len(want) {
			for _, xr := range x {
				best = max(best, lcs(want, nonEmpty(xr)))
			}
		}
		s.Correct += best
		s.RowSim += rowSim(er, x)
	}
	if len(e) > 0 {
		s.RowSim /= float64(len(e))
	}
	for _, c := range exp.Cells {
		s.Expected++
		want := Normalise(c.Text, o.Lenient)
		if cellAt(raw, c.Row, c.Col) == want || cellAt(x, c.Row, c.Col) == want {
			s.Correct++
		}
	}
	if exp.NRows != nil {
		s.Expected++
		if len(x) == *exp.NRows {
			s.Correct++
		}
	}
	s.Extracted = s.Expected
	s.Precision = ratio(s.Correct, s.Expected)
	s.Recall, s.F1 = s.Precision, s.Precision
	return s
}

func rowSim(er []string, x [][]string) float64 {
	best := 0.0
	a := joinRow(nonEmpty(er))
	for _, xr := range x {
		best = max(best, Similarity(a, joinRow(nonEmpty(xr))))
	}
	return best
}

func nonEmpty(r []string) []string {
	var out []string
	for _, c := range r {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// lcs counts the expected cells found in order in the extracted row: a
// partial row is asserted by its text, not by the peer's column offsets.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func index(i, n int) int {
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return -1
	}
	return i
}

func cellAt(g [][]string, r, c int) string {
	if r = index(r, len(g)); r < 0 {
		return "\x00"
	}
	if c = index(c, len(g[r])); c < 0 {
		return "\x00"
	}
	return g[r][c]
}

// Best scores every extracted table on the page and returns the best score
// (by F1, then row similarity) and its index, or -1 when there are none.
func Best(exp *Expected, tables [][][]string, o Options) (Score, int) {
	best, at := Score{}, -1
	for i, t := range tables {
		s := Compare(exp, t, o)
		if at < 0 || s.F1 > best.F1 || (s.F1 == best.F1 && s.RowSim > best.RowSim) {
			best, at = s, i
		}
	}
	if at < 0 {
		best = Compare(exp, nil, o)
	}
	return best, at
}
