package pdf

import (
	"math"
	"sort"

	"github.com/planmap/planmap/extract/layout"
)

// seg is a ruling reduced to one axis: a horizontal segment at y=pos from
// x=a to x=b, or a vertical one at x=pos from y=a to y=b.
type seg struct{ pos, a, b float64 }

// latticeTol holds the tolerances of the ruled-table finder, scaled to the
// page's body font size so the same rules fit small print and slides.
type latticeTol struct {
	snap float64 // rulings this close on their cross axis are one line
	join float64 // collinear pieces this close end to end are one line
	edge float64 // how far a ruling may stop short of a crossing
}

func newLatticeTol(fontSize float64) latticeTol {
	s := math.Min(math.Max(0.3*fontSize, 1.5), 4)
	// edge stays below the inset of a table nested in a form's cell (about
	// half an em), so the inner table is a set of its own.
	return latticeTol{snap: s, join: s, edge: math.Max(s, 0.3*fontSize)}
}

// latticeTable is a ruled table found on the page, with the box that its
// words came from.
type latticeTable struct {
	box  layout.Box
	grid *cellGrid
}

// findLattice finds ruled tables: connected rulings that form at least a 2×2
// grid of cells. Cell borders are the distinct ruling positions; a border
// that is not drawn between two grid positions joins them into one spanning
// cell. Words go to the cell holding their box centre.
func findLattice(p *pageText, words []Word, fontSize float64) []latticeTable {
	tol := newLatticeTol(fontSize)
	h, v := splitRulings(p.Rulings, tol.snap)
	h = mergeSegs(h, tol.snap, tol.join)
	v = mergeSegs(v, tol.snap, tol.join)
	if len(h)*len(v) > 4_000_000 {
		return nil // a hatched or dotted drawing, not a table
	}
	groups := connectRulings(h, v, tol.edge)
	// Smallest first: a table nested in a form's cell takes its words before
	// the form does, so they are not read twice.
	sort.SliceStable(groups, func(i, j int) bool { return groupArea(groups[i]) < groupArea(groups[j]) })
	var out []latticeTable
	for _, g := range groups {
		if len(g.h) < 2 && len(g.v) < 2 {
			continue
		}
		g.v = mergeStaggered(g.v, 2.5*fontSize, tol.snap)
		if t, ok := buildLattice(g, words, tol, fontSize); ok {
			out = append(out, t)
			words = outside(words, t.box)
		}
	}
	return out
}

// groupArea is the area of the box around a set of rulings.
func groupArea(g rulingGroup) float64 {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range g.h {
		x0, x1, y0, y1 = math.Min(x0, s.a), math.Max(x1, s.b), math.Min(y0, s.pos), math.Max(y1, s.pos)
	}
	for _, s := range g.v {
		x0, x1, y0, y1 = math.Min(x0, s.pos), math.Max(x1, s.pos), math.Min(y0, s.a), math.Max(y1, s.b)
	}
	return (x1 - x0) * (y1 - y0)
}

// outside returns the words whose centre is not in box.
func outside(ws []Word, box layout.Box) []Word {
	out := make([]Word, 0, len(ws))
	for _, w := range ws {
		if !inBox(w, box) {
			out = append(out, w)
		}
	}
	return out
}

func buildLattice(g rulingGroup, words []Word, tol latticeTol, fontSize float64) (latticeTable, bool) {
	var xs, ys []float64
	for _, s := range g.v {
		xs = append(xs, s.pos)
	}
	for _, s := range g.h {
		ys = append(ys, s.pos)
	}
	// Borders drawn double, or a cell's shading inset a few points from its
	// border, are one border: cluster positions closer than half an em and
	// move the segments onto their cluster.
	near := math.Max(tol.snap, 0.6*fontSize)
	xs, ys = chainPositions(xs, near), chainPositions(ys, near)
	g.v, g.h = snapTo(g.v, xs, near), snapTo(g.h, ys, near)
	// An unframed table has no outer verticals (or horizontals): the other
	// rulings' ends bound its edge columns (rows).
	minA, maxB := math.Inf(1), math.Inf(-1)
	for _, s := range g.h {
		minA, maxB = math.Min(minA, s.a), math.Max(maxB, s.b)
	}
	if len(xs) > 0 && minA < xs[0]-fontSize {
		xs = append([]float64{minA}, xs...)
	}
	if len(xs) > 0 && maxB > xs[len(xs)-1]+fontSize {
		xs = append(xs, maxB)
	}
	minA, maxB = math.Inf(1), math.Inf(-1)
	for _, s := range g.v {
		minA, maxB = math.Min(minA, s.a), math.Max(maxB, s.b)
	}
	if len(ys) > 0 && minA < ys[0]-fontSize {
		ys = append([]float64{minA}, ys...)
	}
	if len(ys) > 0 && maxB > ys[len(ys)-1]+fontSize {
		ys = append(ys, maxB)
	}
	if len(xs) < 3 || len(ys) < 3 {
		return latticeTable{}, false
	}
	nr, nc := len(ys)-1, len(xs)-1
	if nr*nc > 250_000 {
		return latticeTable{}, false
	}
	// Union grid positions whose shared border is not drawn.
	parent := newUnionFind(nr * nc)
	const drawn = 0.5
	for i := range nr {
		for j := range nc {
			if j+1 < nc && covered(g.v, xs[j+1], ys[i], ys[i+1], tol.snap) < drawn {
				parent.union(i*nc+j, i*nc+j+1)
			}
			if i+1 < nr && covered(g.h, ys[i+1], xs[j], xs[j+1], tol.snap) < drawn {
				parent.union(i*nc+j, (i+1)*nc+j)
			}
		}
	}
	grid := newCellGrid(nr, nc)
	groups := map[int]int{}
	for i := range nr {
		for j := range nc {
			r := parent.find(i*nc + j)
			id, ok := groups[r]
			if !ok {
				id = grid.group()
				groups[r] = id
			}
			grid.ids[i][j] = id
		}
	}
	grid.colX = append([]float64(nil), xs[:nc]...)
	grid.span = map[int][2]float64{}
	for i := range nr {
		for j := range nc {
			id := grid.ids[i][j]
			sp, ok := grid.span[id]
			if !ok {
				sp = [2]float64{xs[j], xs[j+1]}
			}
			grid.span[id] = [2]float64{min(sp[0], xs[j]), max(sp[1], xs[j+1])}
		}
	}
	box := layout.Box{X0: xs[0], Y0: ys[0], X1: xs[nc], Y1: ys[nr]}
	for _, w := range words {
		cx, cy := (w.X0+w.X1)/2, (w.Top+w.Bot)/2
		if cx < box.X0 || cx > box.X1 || cy < box.Y0 || cy > box.Y1 {
			continue
		}
		j := sort.SearchFloat64s(xs, cx) - 1
		i := sort.SearchFloat64s(ys, cy) - 1
		j = min(max(j, 0), nc-1)
		i = min(max(i, 0), nr-1)
		id := grid.ids[i][j]
		grid.words[id] = append(grid.words[id], w)
	}
	// Evidence of a table: at least four cells, two of them with text (a
	// framed text box or a box with a title bar is not a table).
	filled := 0
	for _, ws := range grid.words {
		if len(ws) > 0 {
			filled++
		}
	}
	if filled < 2 || len(grid.words) < 4 || coarse(grid) {
		return latticeTable{}, false
	}
	return latticeTable{box: box, grid: grid}, true
}

// coarse reports whether the rulings only frame a table whose columns are
// set by white space: a quarter or more of the words inside cells sit on
// lines (at least three) of several chunks separated by gutters, as when
// only the header and the table's ends are ruled, or when shaded stripes
// mark every other row. The stream finder reads such a table better.
func coarse(g *cellGrid) bool {
	words, multiWords, multi := 0, 0, 0
	for _, ws := range g.words {
		for _, l := range cellLines(dropLeaders(ws)) {
			words += len(l.words)
			cs := splitChunks(l.words)
			if len(cs) > 1 && len(cs[0].words) == 1 && isMarker(cs[0].words[0].Text) {
				cs = cs[1:] // a bullet and its tab are not a gutter
			}
			if len(cs) > 1 {
				multi++
				multiWords += len(l.words)
			}
		}
	}
	return multi >= 3 && multiWords*4 >= words
}
