package pdf

import (
	"math"
	"sort"
	"unicode"
)

// Bullets drawn as shapes. Chromium prints a web page's list bullets as
// small filled paths (a disc of 16 straight sides, a square), and other
// producers may do the same, so the text layer holds the items' words but
// no "•": the list reads as one paragraph, or as paragraphs that are not
// list items. A small
// filled shape, glyph-sized, just left of the first word of a text line and
// centred on that line's x-height, becomes a "•" glyph on the line, and the
// later stages see a bulleted list as they do when the bullet is text.

// mark is a small filled shape's box on the upright page.
type mark struct{ x0, top, x1, bot float64 }

// uprightMarks maps the interpreter's marks onto the upright page.
func uprightMarks(raw []rawMark, pm matrix) []mark {
	out := make([]mark, 0, len(raw))
	for _, r := range raw {
		ax, ay := pm.apply(r.x0, r.y0)
		bx, by := pm.apply(r.x1, r.y1)
		out = append(out, mark{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)})
	}
	return out
}

// bulletGlyphs returns a "•" glyph for each mark that is a list bullet: its
// size between an eighth and 0.45 of the font size of the glyph right of
// it, which starts between 0.3 and 2.5 ems after it (a chart legend's
// swatch is bigger and hugs its label) and begins a word or words of three
// letters or more (not a point labelled "a" in a figure, nor a figure); its
// centre within a fifth of an em of the middle of that glyph's x-height; no
// glyph overlapping it, none on the line just left of it (a separator dot
// between words), and no other mark beside it on the line (text drawn as
// outlines). The glyph takes the line's font, size and baseline.
func bulletGlyphs(ms []mark, gs []Glyph) []Glyph {
	if len(ms) == 0 || len(gs) == 0 {
		return nil
	}
	byBase := make([]int, len(gs))
	for i := range byBase {
		byBase[i] = i
	}
	sort.Slice(byBase, func(a, b int) bool { return gs[byBase[a]].Base < gs[byBase[b]].Base })
	// near returns the glyphs whose baseline lies in [lo, hi], at most
	// maxNear of them (a hostile page stacks glyphs on one baseline).
	const maxNear = 4096
	near := func(lo, hi float64) []int {
		k := sort.Search(len(byBase), func(i int) bool { return gs[byBase[i]].Base >= lo })
		var out []int
		for ; k < len(byBase) && gs[byBase[k]].Base <= hi && len(out) < maxNear; k++ {
			out = append(out, byBase[k])
		}
		return out
	}
	byMid := make([]int, len(ms))
	for i := range byMid {
		byMid[i] = i
	}
	mid := func(i int) float64 { return (ms[i].top + ms[i].bot) / 2 }
	sort.Slice(byMid, func(a, b int) bool { return mid(byMid[a]) < mid(byMid[b]) })
	// alone reports whether no other mark lies beside mark mi on its line;
	// a crowded line (more than maxNear marks) is not alone.
	alone := func(mi int, tol, reach float64) bool {
		cy, cx := mid(mi), (ms[mi].x0+ms[mi].x1)/2
		k := sort.Search(len(byMid), func(i int) bool { return mid(byMid[i]) >= cy-tol })
		for n := 0; k < len(byMid) && mid(byMid[k]) <= cy+tol; k, n = k+1, n+1 {
			j := byMid[k]
			if n >= maxNear || j != mi && math.Abs((ms[j].x0+ms[j].x1)/2-cx) < reach {
				return false
			}
		}
		return true
	}
	var out []Glyph
	for mi, m := range ms {
		cy := (m.top + m.bot) / 2
		d := math.Max(m.x1-m.x0, m.bot-m.top)
		cand := near(cy, cy+8*d+2)
		next := -1
		for _, i := range cand {
			g := gs[i]
			s := g.Size
			if g.X0-m.x1 < 0.3*s || g.X0-m.x1 > 2.5*s || d > 0.45*s || d < 0.125*s ||
				math.Abs(cy-(g.Base-0.27*s)) > 0.2*s {
				continue
			}
			if next < 0 || g.X0 < gs[next].X0 {
				next = i
			}
		}
		if next < 0 {
			continue
		}
		g := gs[next]
		s := g.Size
		ok, letters := true, 0
		for _, i := range cand {
			k := gs[i]
			if math.Abs(k.Base-g.Base) > 0.25*s {
				continue
			}
			if k.X0 >= g.X0 && k.X0 < g.X0+3*s {
				letters += countLetters(k.Text)
			}
			// a glyph over the mark, or text just left of it
			if k.X1 > m.x0 && k.X0 < m.x1 || k.X1 <= m.x0 && m.x0-k.X1 < s {
				ok = false
				break
			}
		}
		if ok && letters >= 3 && alone(mi, 0.25*s, 2*s) {
			out = append(out, Glyph{Text: "•", Font: g.Font, Size: s, X0: m.x0, X1: m.x1, Top: g.Top, Bot: g.Bot, Base: g.Base})
		}
	}
	return out
}

// countLetters counts the letters in s.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
