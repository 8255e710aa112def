package pdf

import (
	"math"
	"sort"
)

// Rotated text: a vertical table header, a label up the side of a chart,
// a name written down a column. Its glyphs do not run left to right on the
// upright page, so the line finder leaves them out (they would tangle the
// lines); here each other direction (text running up or down, upside
// down or at a slant) is read on its own by turning the page that way, cutting words
// and lines as for upright text, and putting each run of words back on the
// page as one word whose box is where the run lies. A run in a ruled
// table's cell is that cell's text; elsewhere each run is a line of its
// own, so it becomes its own block, placed by its box in reading order.

// inverse returns the inverse of an affine matrix (the frames below are
// rotations, always invertible).
func (m matrix) inverse() matrix {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 {
		return identity
	}
	a, b, c, d := m[3]/det, -m[1]/det, -m[2]/det, m[0]/det
	return matrix{a, b, c, d, -(m[4]*a + m[5]*c), -(m[4]*b + m[5]*d)}
}

// rotatedLines reads the glyphs that are not upright on the page (as
// placed by pm, of size w × h) into lines of one word per run, in page
// coordinates. Glyphs are grouped by direction, to the degree; each group
// is read in a frame turned so that it is upright.
func rotatedLines(raw []rawGlyph, pm matrix, w, h float64) []Line {
	groups := map[int][]rawGlyph{}
	var keys []int
	for _, g := range raw {
		if _, ok := placeGlyph(g, pm, w, h); ok {
			continue
		}
		x0, y0 := pm.apply(g.x0, g.y0)
		ux := pm[0]*g.ux + pm[2]*g.uy
		uy := pm[1]*g.ux + pm[3]*g.uy
		size := math.Hypot(ux, uy)
		if size < 0.5 || size > 500 || math.IsNaN(size+x0+y0) || x0 < -1 || x0 > w+1 || y0 < -1 || y0 > h+1 {
			continue
		}
		deg := int(math.Round(math.Atan2(ux, -uy) * 180 / math.Pi))
		if deg == -180 {
			deg = 180
		}
		if _, ok := groups[deg]; !ok {
			keys = append(keys, deg)
		}
		groups[deg] = append(groups[deg], g)
	}
	sort.Ints(keys)
	var out []Line
	d := w + h // frame coordinates stay positive
	for _, k := range keys {
		gs := groups[k]
		// the frame: x along the first glyph's baseline, y down its up vector
		ux := pm[0]*gs[0].ux + pm[2]*gs[0].uy
		uy := pm[1]*gs[0].ux + pm[3]*gs[0].uy
		n := math.Hypot(ux, uy)
		ux, uy = ux/n, uy/n
		vx, vy := -uy, ux
		frame := matrix{vx, -ux, vy, -uy, d, d}
		back := frame.inverse()
		_, ls := wordsAndLines(uprightGlyphs(gs, pm.mul(frame), 2*d, 2*d))
		for _, l := range ls {
			for _, run := range wordRuns(l.Words) {
				out = append(out, runLine(run, back))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Base < out[j].Base })
	return out
}

// wordRuns cuts a line's words (left to right) where the gap between two
// is wider than an em: separate labels or cells.
func wordRuns(ws []Word) [][]Word {
	var out [][]Word
	for i, w := range ws {
		if i == 0 || w.X0-ws[i-1].X1 > math.Max(w.Size, ws[i-1].Size) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], w)
	}
	return out
}

// runLine puts a run of words read in a turned frame back on the page as
// a line holding one word: its text in reading order, its box the run's.
func runLine(run []Word, back matrix) Line {
	l := Line{Words: run}
	text := lineText(l)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	size := 0.0
	for _, w := range run {
		size = math.Max(size, w.Size)
		for _, p := range [4][2]float64{{w.X0, w.Top}, {w.X1, w.Top}, {w.X0, w.Bot}, {w.X1, w.Bot}} {
			x, y := back.apply(p[0], p[1])
			x0, x1 = math.Min(x0, x), math.Max(x1, x)
			y0, y1 = math.Min(y0, y), math.Max(y1, y)
		}
	}
	word := Word{Text: text, Font: run[0].Font, Size: size, X0: x0, X1: x1, Top: y0, Bot: y1, Base: y1}
	return Line{Words: []Word{word}, X0: x0, X1: x1, Top: y0, Bot: y1, Base: y1}
}

// rotatedWords lists the words of rotated lines.
func rotatedWords(ls []Line) []Word {
	var out []Word
	for _, l := range ls {
		out = append(out, l.Words...)
	}
	return out
}
