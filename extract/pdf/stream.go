package pdf

import (
	"math"
	"sort"

	"github.com/planmap/planmap/extract/layout"
)

// chunk is a run of words on one line with no gap wide enough to be a
// column gutter.
type chunk struct {
	words  []Word
	x0, x1 float64
}

// sLine is one text line seen by the stream finder: its chunks, left to
// right.
type sLine struct {
	chunks         []chunk
	x0, x1         float64
	top, bot, size float64
}

func (l sLine) words() []Word {
	var ws []Word
	for _, c := range l.chunks {
		ws = append(ws, c.words...)
	}
	return ws
}

// gutterGap is the smallest gap between words, as a share of the font size,
// that can separate two table columns. Word spaces are about a quarter of
// the font size, and justified text rarely stretches them past half.
const gutterGap = 0.65

// splitChunks cuts a line's words at gaps wider than gutterGap × font size.
// Dot leaders are removed first: they bridge the gutter between a row label
// and its first figure.
func splitChunks(ws []Word) []chunk {
	ws = dropLeaders(ws)
	var out []chunk
	for i, w := range ws {
		size := w.Size
		if size <= 0 {
			size = w.Bot - w.Top
		}
		lone := len(out) > 0 && len(out[len(out)-1].words) == 1 && isBulletWord(out[len(out)-1].words[0].Text)
		if i == 0 || (w.X0-ws[i-1].X1 > gutterGap*math.Max(size, ws[i-1].Size) && !lone) {
			// A bullet and the tab after it are not a column gutter.
			out = append(out, chunk{x0: w.X0, x1: w.X1})
		}
		c := &out[len(out)-1]
		c.words = append(c.words, w)
		c.x1 = math.Max(c.x1, w.X1)
	}
	return out
}

func makeSLine(ws []Word) sLine {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].X0 < ws[j].X0 })
	l := sLine{chunks: splitChunks(ws), top: math.Inf(1), bot: math.Inf(-1), x0: math.Inf(1), x1: math.Inf(-1)}
	for _, w := range ws {
		l.top, l.bot = math.Min(l.top, w.Top), math.Max(l.bot, w.Bot)
		l.x0, l.x1 = math.Min(l.x0, w.X0), math.Max(l.x1, w.X1)
		l.size = math.Max(l.size, w.Size)
	}
	return l
}

// interval is one column's horizontal extent.
type interval struct{ x0, x1 float64 }

// streamTable is a table found from text alignment alone.
type streamTable struct {
	box  layout.Box
	grid *cellGrid
}

// findStream finds tables without rulings, from lines (top to bottom) of the
// words that no ruled table took, page column by page column. A candidate
// region is a run of closely spaced lines of which at least three hold
// several chunks; its columns come from the chunks of the lines that fill
// most columns, so a header spanning several columns does not merge them.
// Each line is a row, except where a table of text cells wraps a cell onto
// the next line, or where horizontal rules drawn across the table mark its
// rows (hrules: the page's horizontal rulings).
func findStream(lines []sLine, fontSize float64, hrules []seg) []streamTable {
	var out []streamTable
	for _, col := range splitTextColumns(lines, fontSize, 0) {
		for _, run := range streamRuns(col, fontSize) {
			if t, ok := buildStream(run, fontSize, hrules); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// streamRuns cuts the lines into runs that may each be a table: a run starts
// at a line with several chunks, continues while lines stay close, and
// stops at a large vertical gap or at a block of wide single-chunk lines
// (a paragraph of prose).
func streamRuns(lines []sLine, fontSize float64) [][]sLine {
	var runs [][]sLine
	start, n := -1, 0 // the current run is lines[start : start+n]
	prevEnd := 0      // lines before this belong to an earlier run
	wideSingles := 0
	end := func() {
		cur := lines[start : start+n]
		// Trailing single-chunk lines belong to what follows the table,
		// unless they continue a cell: close below and narrower than it.
		x0, x1 := runExtent(cur)
		for len(cur) > 1 && len(cur[len(cur)-1].chunks) < 2 {
			l, prev := cur[len(cur)-1], cur[len(cur)-2]
			if l.top-prev.bot <= 0.8*math.Max(l.size, fontSize*0.5) && (l.x1-l.x0 <= 0.6*(x1-x0) || inRunColumn(l, cur[:len(cur)-1], fontSize)) {
				break
			}
			cur = cur[:len(cur)-1]
		}
		multi := 0
		for _, l := range cur {
			if len(l.chunks) >= 2 {
				multi++
			}
		}
		if multi >= 3 {
			// Header lines above the first full row: close, and narrower
			// than the table.
			for k := start - 1; k >= prevEnd && start-k <= 6; k-- {
				l, next := lines[k], lines[k+1]
				size := math.Max(math.Max(l.size, next.size), fontSize*0.5)
				if next.top-l.bot > 1.2*size || l.x1-l.x0 > 0.6*(x1-x0) || l.x0 < x0-size || l.x1 > x1+size {
					break
				}
				cur = lines[k : start+len(cur)]
				start = k
			}
			runs = append(runs, cur)
			prevEnd = start + len(cur)
		}
		start, n, wideSingles = -1, 0, 0
	}
	for i, l := range lines {
		// Display type three times the body size or more (a giant
		// letter that the title and caption beside it were set around)
		// is no table row, and a table does not run across it.
		if l.size >= 3*fontSize {
			if start >= 0 {
				end()
			}
			prevEnd = i + 1
			continue
		}
		if start < 0 {
			if len(l.chunks) >= 2 {
				start, n = i, 1
			}
			continue
		}
		last := lines[start+n-1]
		size := math.Max(math.Max(l.size, last.size), fontSize*0.5)
		if l.top-last.bot > 2.2*size {
			end()
			if len(l.chunks) >= 2 {
				start, n = i, 1
			}
			continue
		}
		if len(l.chunks) < 2 {
			x0, x1 := runExtent(lines[start : start+n])
			// A wide line of one chunk is prose, unless it keeps inside
			// one column of the run's rows: a cell of a wide column
			// wrapping on (a description beside a short status column).
			if l.x1-l.x0 > 0.6*(x1-x0) && !inRunColumn(l, lines[start:start+n], fontSize) {
				wideSingles++
				if wideSingles >= 2 {
					n -= wideSingles - 1
					end()
					continue
				}
			} else {
				wideSingles = 0
			}
		} else {
			wideSingles = 0
		}
		n++
	}
	if start >= 0 {
		end()
	}
	return runs
}

// inRunColumn reports whether the single-chunk line l keeps inside one
// column of the run: some recent line of the run with several chunks has
// a chunk starting where l starts (not the line's first chunk, so a
// paragraph at the table's left edge is not taken), and l ends before that
// line's next chunk starts, or within the run when it is the last.
func inRunColumn(l sLine, run []sLine, fontSize float64) bool {
	tol := 0.5 * math.Max(l.size, fontSize*0.5)
	_, rx1 := runExtent(run)
	seen := 0
	for i := len(run) - 1; i >= 0 && seen < 8; i-- {
		m := run[i]
		if len(m.chunks) < 2 {
			continue
		}
		seen++
		for k := 1; k < len(m.chunks); k++ {
			if math.Abs(m.chunks[k].x0-l.x0) > tol {
				continue
			}
			if k+1 < len(m.chunks) {
				if l.x1 < m.chunks[k+1].x0-tol {
					return true
				}
			} else if l.x1 <= rx1+tol {
				return true
			}
		}
	}
	return false
}

func runExtent(ls []sLine) (x0, x1 float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, l := range ls {
		x0, x1 = math.Min(x0, l.x0), math.Max(x1, l.x1)
	}
	return x0, x1
}

// streamColumns derives column intervals from the lines that fill most
// columns: the union of their chunks, then cut at valleys where few chunks
// cross a gap that many chunks on both sides respect. A header spanning two
// columns, or two figures printed too close together, then does not merge
// the columns.
func streamColumns(run []sLine) []interval {
	most := 0
	for _, l := range run {
		most = max(most, len(l.chunks))
	}
	need := max(2, (most+1)/2)
	var cs []chunk
	for _, l := range run {
		if len(l.chunks) >= need {
			cs = append(cs, l.chunks...)
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].x0 < cs[j].x0 })
	var union []interval
	for _, c := range cs {
		if n := len(union); n > 0 && c.x0 <= union[n-1].x1 {
			union[n-1].x1 = math.Max(union[n-1].x1, c.x1)
			continue
		}
		union = append(union, interval{c.x0, c.x1})
	}
	var cols []interval
	for _, u := range union {
		cols = append(cols, splitValleys(u, cs)...)
	}
	return cols
}

// splitValleys cuts one merged interval where the number of chunks covering
// an x position drops to a quarter (at least to one) of the peaks on both
// sides of it.
func splitValleys(u interval, cs []chunk) []interval {
	const bin = 1.0
	n := int(math.Ceil((u.x1-u.x0)/bin)) + 1
	if n < 3 || n > 10000 {
		return []interval{u}
	}
	cov := make([]int, n)
	for _, c := range cs {
		if c.x1 < u.x0 || c.x0 > u.x1 {
			continue
		}
		a := max(0, int((c.x0-u.x0)/bin))
		b := min(n-1, int((c.x1-u.x0)/bin))
		for k := a; k <= b; k++ {
			cov[k]++
		}
	}
	left, right := make([]int, n), make([]int, n)
	for k := range n {
		left[k] = cov[k]
		if k > 0 {
			left[k] = max(left[k], left[k-1])
		}
	}
	for k := n - 1; k >= 0; k-- {
		right[k] = cov[k]
		if k < n-1 {
			right[k] = max(right[k], right[k+1])
		}
	}
	low := func(k int) bool {
		p := min(left[k], right[k])
		return cov[k] < p && float64(cov[k]) <= math.Max(1, 0.25*float64(p))
	}
	var out []interval
	start := -1
	for k := 0; k <= n; k++ {
		if k < n && !low(k) {
			if start < 0 {
				start = k
			}
			continue
		}
		if start >= 0 {
			out = append(out, interval{u.x0 + float64(start)*bin, math.Min(u.x1, u.x0+float64(k)*bin)})
			start = -1
		}
	}
	if len(out) == 0 {
		return []interval{u}
	}
	return out
}
