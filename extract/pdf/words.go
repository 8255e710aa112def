package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words and lines from positioned glyphs. PDFs often draw no space
// characters and their widths can be off, so a word ends at a gap that is
// large for the font size, not only at a space. Glyphs are first grouped
// into lines by baseline (a superscript or subscript joins the line it sits
// on); within a line, glyphs are followed in drawing order and the runs so
// found are read left to right (see lineWords).

const (
	wordGap  = 0.16 // a gap wider than this many ems ends a word
	baseTol  = 0.25 // baselines closer than this many ems share a line
	dupTol   = 0.12 // a same-text glyph this close is an overprint (fake bold)
	scriptSz = 0.9  // a glyph smaller than this share of the line size may be a script
)

// sglyph is a glyph with its place in the content stream: the order in
// which a producer draws text keeps overlapping texts apart.
type sglyph struct {
	Glyph
	seq int
}

// glyphLine is glyphs sharing a baseline, before words are cut.
type glyphLine struct {
	gs   []sglyph
	base float64 // baseline of the line's largest glyphs
	size float64 // largest size
	top  float64
	bot  float64
}

// words cuts the page's glyphs into words, in line order (top to bottom,
// then left to right).
func words(gs []Glyph) []Word {
	ws, _ := wordsAndLines(gs)
	return ws
}

// wordsAndLines cuts glyphs into words and keeps the lines the glyphs were
// grouped in, so that a footnote mark moved onto the line it belongs to
// stays there.
func wordsAndLines(gs []Glyph) ([]Word, []Line) {
	var ws []Word
	var ls []Line
	for _, gl := range glyphLines(gs) {
		lw := lineWords(gl.gs)
		if len(lw) == 0 {
			continue
		}
		l := Line{Words: lw, X0: lw[0].X0, X1: lw[0].X1, Top: lw[0].Top, Bot: lw[0].Bot, Base: gl.base}
		for _, w := range lw {
			l.X0, l.X1 = math.Min(l.X0, w.X0), math.Max(l.X1, w.X1)
			l.Top, l.Bot = math.Min(l.Top, w.Top), math.Max(l.Bot, w.Bot)
		}
		ws = append(ws, lw...)
		ls = append(ls, l)
	}
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Base < ls[j].Base })
	return ws, ls
}

// lines groups words that share a baseline, top to bottom, each left to
// right. Words from words() come line by line already; the grouping is
// redone here so that any word slice gives consistent lines.
func lines(ws []Word) []Line {
	if len(ws) == 0 {
		return nil
	}
	idx := make([]int, len(ws))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ws[idx[a]].Base < ws[idx[b]].Base })
	var out []Line
	var cur *Line
	var curSize float64
	for _, i := range idx {
		w := ws[i]
		if cur != nil && sameLine(cur.Base, curSize, cur.Top, cur.Bot, w.Base, w.Size, w.Top, w.Bot) {
			cur.Words = append(cur.Words, w)
			if w.Size > curSize {
				curSize = w.Size
				cur.Base = w.Base
			}
			cur.X0, cur.X1 = math.Min(cur.X0, w.X0), math.Max(cur.X1, w.X1)
			cur.Top, cur.Bot = math.Min(cur.Top, w.Top), math.Max(cur.Bot, w.Bot)
			continue
		}
		out = append(out, Line{Words: []Word{w}, X0: w.X0, X1: w.X1, Top: w.Top, Bot: w.Bot, Base: w.Base})
		cur = &out[len(out)-1]
		curSize = w.Size
	}
	for i := range out {
		sort.SliceStable(out[i].Words, func(a, b int) bool { return out[i].Words[a].X0 < out[i].Words[b].X0 })
	}
	return out
}

// sameLine reports whether a glyph or word (base b, size s, box t..u) sits
// on the line with baseline lb, size ls and box lt..lu: close baselines, or
// a smaller script inside the bigger text's band.
func sameLine(lb, ls, lt, lu, b, s, t, u float64) bool {
	big := math.Max(ls, s)
	if math.Abs(b-lb) <= baseTol*big {
		return true
	}
	pad := 0.15 * big
	switch {
	case s < scriptSz*ls: // a script on the line
		return t >= lt-pad && u <= lu+pad
	case ls < scriptSz*s: // the line so far is a script before bigger text
		return lt >= t-pad && lu <= u+pad
	}
	return false
}

// glyphLines sorts glyphs into lines by baseline.
func glyphLines(gs []Glyph) []glyphLine {
	keep := make([]sglyph, 0, len(gs))
	for i, g := range gs {
		if g.Size > 0 && !math.IsNaN(g.X0+g.X1+g.Base+g.Top+g.Bot) && !math.IsInf(g.X0+g.X1+g.Base+g.Top+g.Bot, 0) {
			keep = append(keep, sglyph{Glyph: g, seq: i})
		}
	}
	sort.SliceStable(keep, func(i, j int) bool { return keep[i].Base < keep[j].Base })
	var out []glyphLine
	for _, g := range keep {
		if n := len(out); n > 0 {
			l := &out[n-1]
			if sameLine(l.base, l.size, l.top, l.bot, g.Base, g.Size, g.Top, g.Bot) {
				l.gs = append(l.gs, g)
				if g.Size > l.size*1.05 {
					l.size, l.base = g.Size, g.Base
				}
				l.top, l.bot = math.Min(l.top, g.Top), math.Max(l.bot, g.Bot)
				continue
			}
		}
		out = append(out, glyphLine{gs: []sglyph{g}, base: g.Base, size: g.Size, top: g.Top, bot: g.Bot})
	}
	for i := range out {
		gs := out[i].gs
		sort.SliceStable(gs, func(a, b int) bool { return gs[a].X0 < gs[b].X0 })
	}
	moveScripts(out)
	for len(out) > 0 && len(out[len(out)-1].gs) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// moveScripts moves a superscript or subscript that was grouped with a
// neighbouring line (another table cell at a nearby baseline, or a line of
// its own between two lines of text) to the line whose text it touches: a
// small glyph with no neighbour on its own line, right after (or, for a
// leading footnote mark, right before) a bigger glyph of a line just above
// or below.
func moveScripts(ls []glyphLine) {
	for i := range ls {
		gs := ls[i].gs
		// a line of small glyphs between bigger lines is all script
		scriptLine := false
		for _, k := range []int{i - 1, i + 1} {
			if k >= 0 && k < len(ls) && ls[i].size < scriptSz*ls[k].size {
				scriptLine = true
			}
		}
		for j := 0; j < len(gs); j++ {
			g := gs[j]
			if !scriptLine && g.Size >= scriptSz*ls[i].size {
				continue
			}
			if j > 0 && g.X0-gs[j-1].X1 < wordGap*g.Size {
				continue // attached on its own line
			}
			for _, k := range []int{i - 1, i + 1, i - 2, i + 2} {
				if k < 0 || k >= len(ls) || k == i || !touches(ls[k], g) {
					continue
				}
				ls[k].gs = append(ls[k].gs, g)
				sort.SliceStable(ls[k].gs, func(a, b int) bool { return ls[k].gs[a].X0 < ls[k].gs[b].X0 })
				gs = append(gs[:j], gs[j+1:]...)
				j--
				break
			}
		}
		ls[i].gs = gs
	}
	// drop lines emptied by the moves
	k := 0
	for _, l := range ls {
		if len(l.gs) > 0 {
			ls[k] = l
			k++
		}
	}
	for i := k; i < len(ls); i++ {
		ls[i] = glyphLine{}
	}
}

// touches reports whether line l has a bigger glyph ending just where g
// starts (or starting just where g ends), with g inside that glyph's band.
func touches(l glyphLine, g sglyph) bool {
	for _, h := range l.gs {
		bigger := h.Size > g.Size/scriptSz || math.Abs(h.Size-g.Size) < 0.01 && h.Size < scriptSz*l.size
		if !bigger || g.Top < h.Top-0.3*h.Size || g.Bot > h.Bot+0.3*h.Size {
			continue
		}
		after := g.X0-h.X1 > -0.1*h.Size && g.X0-h.X1 < wordGap*h.Size
		before := h.X0-g.X1 > -0.1*h.Size && h.X0-g.X1 < 0.5*h.Size
		if after || before {
			return true
		}
	}
	return false
}

// glyphKind sorts a glyph's text: printable, a space, or a stray control
// character to drop (some producers map codes to "\n" inside words).
func glyphKind(s string) (space, drop bool) {
	if s == "" {
		return false, true
	}
	allSpace, allCtl := true, true
	for _, r := range s {
		isCtl := r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
		if r == '\t' {
			isCtl = false
		}
		if !isCtl {
			allCtl = false
		}
		if !unicode.IsSpace(r) && r != '\u200b' {
			allSpace = false
		}
	}
	if allCtl {
		return false, true
	}
	return allSpace, false
}

// piece is a run of glyphs drawn one after another, each starting where
// the one before ended.
type piece struct {
	gs                      []sglyph
	x0, x1                  float64
	spaceBefore, spaceAfter bool // an explicit space glyph was drawn there
}

func (p *piece) text() string {
	var b strings.Builder
	for _, g := range p.gs {
		b.WriteString(g.Text)
	}
	return b.String()
}

// lineWords cuts one line's glyphs into words, left to right. Glyphs are
// first followed in drawing order, so two texts drawn over each other stay
// apart; the runs are then put left to right, and touching runs (a word
// drawn a few letters at a time, in any order) are joined.
func lineWords(gs []sglyph) []Word {
	order := append([]sglyph(nil), gs...)
	sort.SliceStable(order, func(a, b int) bool { return order[a].seq < order[b].seq })
	var pieces []piece
	cur := -1
	spacePending := false
	for _, g := range order {
		space, drop := glyphKind(g.Text)
		if drop {
			continue
		}
		if space {
			if cur >= 0 {
				// a space drawn back over the glyph before it (a
				// ligature's width repaired with a space, as InDesign
				// does) is not a gap between words
				last := pieces[cur].gs[len(pieces[cur].gs)-1]
				if g.X0 < last.X1-0.1*math.Max(last.Size, g.Size) && g.X0 > last.X0 {
					continue
				}
				pieces[cur].spaceAfter = true
			}
			cur, spacePending = -1, true
			continue
		}
		if cur >= 0 {
			p := &pieces[cur]
			last := p.gs[len(p.gs)-1]
			em := math.Max(last.Size, g.Size)
			if g.Text == last.Text && math.Abs(g.X0-last.X0) < dupTol*em && math.Abs(g.Base-last.Base) < dupTol*em {
				continue // drawn twice to look bold
			}
			if footnoteMark(last, g) {
				// a raised number after a word is a footnote reference, a
				// word of its own, as pdftotext has it
				pieces = append(pieces, piece{gs: []sglyph{g}, x0: g.X0, x1: g.X1, spaceBefore: true})
				cur, spacePending = len(pieces)-1, false
				continue
			}
			if gap := g.X0 - last.X1; gap >= -0.25*em && gap <= wordGap*em {
				p.gs = append(p.gs, g)
				p.x0, p.x1 = math.Min(p.x0, g.X0), math.Max(p.x1, g.X1)
				continue
			}
		}
		pieces = append(pieces, piece{gs: []sglyph{g}, x0: g.X0, x1: g.X1, spaceBefore: spacePending})
		cur, spacePending = len(pieces)-1, false
	}
	sort.SliceStable(pieces, func(a, b int) bool { return pieces[a].x0 < pieces[b].x0 })
	var groups [][]sglyph
	var prev *piece
	for i := range pieces {
		p := &pieces[i]
		if prev != nil {
			em := math.Max(prev.gs[len(prev.gs)-1].Size, p.gs[0].Size)
			if math.Abs(p.x0-prev.x0) < dupTol*em && math.Abs(p.x1-prev.x1) < dupTol*em && p.text() == prev.text() {
				continue // a whole run drawn twice
			}
			gap := p.x0 - prev.x1
			if !prev.spaceAfter && !p.spaceBefore && gap >= -0.1*em && gap <= wordGap*em {
				groups[len(groups)-1] = append(groups[len(groups)-1], p.gs...)
				prev = p
				continue
			}
		}
		groups = append(groups, append([]sglyph(nil), p.gs...))
		prev = p
	}
	out := make([]Word, 0, len(groups))
	rtl, anyRTL := false, false
	for _, g := range gs {
		if hasRTL(g.Text) {
			anyRTL = true
			break
		}
	}
	if anyRTL {
		ts := make([]string, len(gs))
		for i, g := range gs {
			ts[i] = g.Text
		}
		rtl = rtlLine(ts)
	}
	var b strings.Builder
	var ts []string
	for _, g := range groups {
		b.Reset()
		w := Word{Font: g[0].Font, X0: g[0].X0, X1: g[0].X1, Top: g[0].Top, Bot: g[0].Bot, Base: g[0].Base, Size: g[0].Size}
		if anyRTL {
			// glyphs left to right on the page, then in reading order
			sort.SliceStable(g, func(a, b int) bool { return g[a].X0 < g[b].X0 })
			ts = ts[:0]
			for _, x := range g {
				ts = append(ts, x.Text)
			}
			b.WriteString(visualToLogical(ts, rtl))
		}
		for _, x := range g {
			if !anyRTL {
				b.WriteString(x.Text)
			}
			w.X0, w.X1 = math.Min(w.X0, x.X0), math.Max(w.X1, x.X1)
			w.Top, w.Bot = math.Min(w.Top, x.Top), math.Max(w.Bot, x.Bot)
			if x.Size > w.Size*1.05 {
				w.Size, w.Base, w.Font = x.Size, x.Base, x.Font
			}
		}
		if w.Text = cleanWord(b.String()); w.Text != "" {
			out = append(out, w)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].X0 < out[b].X0 })
	return out
}

// cleanWord folds compatibility characters that are layout artefacts
// (ligatures such as "ﬁ", full-width forms) with NFKC, leaving ellipses
// and fractions as printed, and drops control characters and spaces left
// inside a glyph's text.
func cleanWord(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || unicode.IsSpace(r) || r == '\u200b' || r == '\u00ad':
		case r >= 0xFB00 && r <= 0xFB4F, r >= 0xFF00 && r <= 0xFFEF:
			b.WriteString(norm.NFKC.String(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// footnoteMark reports whether g, drawn right after last, starts a
// footnote reference: a smaller, raised digit after a non-digit ("threats.¹"
// but not "1st").
func footnoteMark(last, g sglyph) bool {
	r, _ := utf8.DecodeRuneInString(g.Text)
	l, _ := utf8.DecodeLastRuneInString(last.Text)
	return unicode.IsDigit(r) && !unicode.IsDigit(l) && g.Size < scriptSz*last.Size && last.Base-g.Base > 0.15*last.Size
}
