package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/planmap/planmap/extract/layout"
)

// cellLine is one text line inside a table cell: the cell's words that share
// a baseline, left to right.
type cellLine struct {
	words      []Word
	x0, x1     float64
	top, bot   float64
	base, size float64
}

// cellLines groups a cell's words into lines. Words join a line when their
// boxes overlap vertically by half the smaller height, so superscripts stay
// on the line they annotate.
func cellLines(ws []Word) []cellLine {
	if len(ws) == 0 {
		return nil
	}
	ws = append([]Word(nil), ws...)
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Top < ws[j].Top })
	var lines []cellLine
	for _, w := range ws {
		placed := false
		for k := len(lines) - 1; k >= 0 && k >= len(lines)-2; k-- {
			l := &lines[k]
			ov := math.Min(l.bot, w.Bot) - math.Max(l.top, w.Top)
			if ov >= 0.5*math.Min(l.bot-l.top, w.Bot-w.Top) {
				l.words = append(l.words, w)
				l.x0, l.x1 = math.Min(l.x0, w.X0), math.Max(l.x1, w.X1)
				if w.Size > l.size {
					l.size, l.base = w.Size, w.Base
					l.top, l.bot = math.Min(l.top, w.Top), math.Max(l.bot, w.Bot)
				}
				placed = true
				break
			}
		}
		if !placed {
			lines = append(lines, cellLine{words: []Word{w}, x0: w.X0, x1: w.X1, top: w.Top, bot: w.Bot, base: w.Base, size: w.Size})
		}
	}
	for i := range lines {
		sort.SliceStable(lines[i].words, func(a, b int) bool { return lines[i].words[a].X0 < lines[i].words[b].X0 })
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].base < lines[j].base })
	return lines
}

// isLeader reports whether a word is only dots: part of a dot leader, which
// carries no text.
func isLeader(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '.' && r != '…' && r != '·' && r != ' ' {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 2 || s == "."
}

// dropLeaders removes dot leaders ("Total . . . . ." → "Total"): a run of at
// least two dot-only words, one word of three or more dots, or dots trailing
// a word's text.
func dropLeaders(ws []Word) []Word {
	out := ws[:0:0]
	for i := 0; i < len(ws); i++ {
		if isLeader(ws[i].Text) {
			j := i
			for j < len(ws) && isLeader(ws[j].Text) {
				j++
			}
			if j-i >= 2 || utf8.RuneCountInString(ws[i].Text) >= 3 {
				i = j - 1
				continue
			}
		}
		w := ws[i]
		if cut := leaderStart(w.Text); cut > 0 {
			// Shrink the box with the text, so the dots do not bridge a gutter.
			n := utf8.RuneCountInString(w.Text)
			keep := utf8.RuneCountInString(w.Text[:cut])
			w.X1 = w.X0 + (w.X1-w.X0)*float64(keep)/float64(n)
			w.Text = w.Text[:cut]
		}
		out = append(out, w)
	}
	return out
}

// leaderStart returns where a trailing dot leader (two or more dots, with
// or without spaces, at the end) starts in s, or -1.
func leaderStart(s string) int {
	dots, i := 0, len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r == '.' || r == '…' || r == '·' {
			dots++
		} else if r != ' ' && r != '\t' && r != '\u00a0' {
			break
		}
		i -= n
	}
	if dots < 2 {
		return -1
	}
	return i
}

var (
	// Bullets include the private-use code points that Symbol and
	// Wingdings bullets decode to (U+F0B7, U+F0A7, U+F0D8, ...).
	// A lone "o" is Word's second-level bullet (Courier New).
	bulletRe = regexp.MustCompile(`^[•●▪■◦○‣∙⁃◆◇►▶➢✓✔□❖\-–—*o\x{E000}-\x{F8FF}]$`)
	// paraNumRe matches a paragraph or list number standing alone ("1.18",
	// "2.", "(b)", "iv)").
	paraNumRe = regexp.MustCompile(`^(\(?\d{1,3}(\.\d{1,3})*[.)]?|\(?[A-Za-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)])$`)
	numberRe  = regexp.MustCompile(`^(\(?\d{1,2}(\.\d{1,2})*[.)]|\(?[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)])$`)
)

// isBulletGlyph reports whether a word is a bullet glyph (not a dash, which in a
// table of figures is a value).
func isBulletGlyph(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && (strings.ContainsRune("•●▪■◦○‣∙⁃◆◇►▶➢✓✔□❖", r) || (r >= 0xE000 && r <= 0xF8FF))
}

// isBulletWord reports whether a whole word is a bullet: a bullet glyph, or
// the letter "o" that Word sets as its second-level bullet.
func isBulletWord(t string) bool { return t == "o" || isBulletGlyph(t) }

// isMarker reports whether a word is a bullet or a list number.
func isMarker(t string) bool { return bulletRe.MatchString(t) || numberRe.MatchString(t) }

// marker returns the bullet or number a line starts with, if it is one.
// A marker needs text after it: a cell that is only "-" is a value.
func marker(l cellLine) string {
	if len(l.words) < 2 {
		return ""
	}
	t := l.words[0].Text
	if bulletRe.MatchString(t) || numberRe.MatchString(t) {
		return t
	}
	return ""
}

// splitBullet separates a bullet glued to its first word ("•Text").
func splitBullet(l *cellLine) {
	if len(l.words) == 0 {
		return
	}
	w := l.words[0]
	r, n := utf8.DecodeRuneInString(w.Text)
	if n == len(w.Text) || !isBulletGlyph(string(r)) {
		return
	}
	width := (w.X1 - w.X0) / float64(utf8.RuneCountInString(w.Text))
	b, rest := w, w
	b.Text, b.X1 = string(r), w.X0+width
	rest.Text, rest.X0 = w.Text[n:], w.X0+width
	l.words = append([]Word{b, rest}, l.words[1:]...)
}

// cellParas turns the words of one cell into its paragraphs. Lines are joined
// with spaces; a new paragraph starts at a leading bullet or number, after a
// vertical gap wider than the table's line pitch, or after a line that ended
// short although the next line's first word would have fitted on it (a hard
// break in the source). avail, when known (> 0), is the width the cell's
// text may fill: a line holding one word that fills it was broken inside
// that word ("SO1,SO2,SO" / "3", "Timescal" / "e"), and the two parts are
// joined without a space.
func cellParas(ws []Word, pitch, avail float64) []layout.Para {
	lines := cellLines(dropLeaders(ws))
	if len(lines) == 0 {
		return nil
	}
	for i := range lines {
		splitBullet(&lines[i])
	}
	// wrap is the width lines were wrapped at: at least the widest line,
	// and the cell's own width when it is known.
	minX, wrap := math.Inf(1), avail
	for _, l := range lines {
		minX = math.Min(minX, l.x0)
		wrap = math.Max(wrap, l.x1-l.x0)
	}
	var paras []layout.Para
	var cur []string
	var curMarker string
	curLevel := 0
	flush := func() {
		if t := layout.Clean(joinLines(cur)); t != "" || curMarker != "" {
			paras = append(paras, layout.Para{Text: t, Marker: curMarker, Level: curLevel})
		}
		cur, curMarker, curLevel = nil, "", 0
	}
	for i, l := range lines {
		m := marker(l)
		words := l.words
		brk := i > 0 && hardBreak(lines[i-1], l, pitch, wrap)
		if m != "" && i > 0 && !brk && !bulletRe.MatchString(m) {
			// "(Phase" / "2) complete": a number that wrapped onto a
			// line is not a list number.
			m = ""
		}
		if i > 0 && (m != "" || brk) {
			flush()
		}
		if m != "" && len(cur) == 0 {
			curMarker = m
			words = words[1:]
			curLevel = 1 + int(math.Round((l.x0-minX)/(2*l.size)))
		}
		if i > 0 && len(cur) > 0 && len(words) > 0 && midWordBreak(lines[i-1], words[0].Text, avail) {
			cur[len(cur)-1] += words[0].Text
			words = words[1:]
		}
		for _, w := range logicalWords(words) {
			cur = append(cur, w.Text)
		}
	}
	flush()
	return paras
}

// midWordBreak reports whether line a is one word as wide as the cell and
// the next line's first word continues it: a code list set without spaces
// ("SO1,SO2,SO" / "3,SO5", "SO1,SO2," / "SO3"). Only such codes are joined;
// a header word that fills a narrow column ("Serial" / "No.") is a word.
func midWordBreak(a cellLine, next string, avail float64) bool {
	if avail <= 0 || len(a.words) != 1 || next == "" {
		return false
	}
	w := a.words[0]
	if w.X1-w.X0 < avail-0.6*math.Max(w.Size, 1) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(w.Text)
	first, _ := utf8.DecodeRuneInString(next)
	code := strings.ContainsAny(w.Text, ",/;")
	switch {
	case unicode.IsLetter(last) && unicode.IsDigit(first):
		return code || unicode.IsDigit(lastDigitBefore(w.Text))
	case unicode.IsLetter(last) && unicode.IsLetter(first) && code:
		// "SO5,S" / "O6": a code cut between its letters
		return strings.IndexFunc(next, unicode.IsDigit) > 0
	case last == ',' || last == '/' || last == ';':
		return code && strings.ContainsAny(w.Text[:len(w.Text)-1], ",/;")
	}
	return false
}

// lastDigitBefore returns the last digit in s, or 0.
func lastDigitBefore(s string) rune {
	var d rune
	for _, r := range s {
		if unicode.IsDigit(r) {
			d = r
		}
	}
	return d
}

// hardBreak reports whether line b starts a new paragraph after line a: a gap
// clearly wider than the usual line pitch, or a line a that stopped short
// although b's first word would have fitted within the widest line's width.
func hardBreak(a, b cellLine, pitch, wrap float64) bool {
	size := math.Max(a.size, b.size)
	if size <= 0 {
		size = 10
	}
	d := b.base - a.base
	limit := 1.45 * size
	if pitch > 0 {
		limit = math.Max(limit, 1.3*pitch)
	}
	if d > limit {
		return true
	}
	if len(b.words) == 0 {
		return false
	}
	first := b.words[0]
	need := (a.x1 - a.x0) + 0.3*size + (first.X1 - first.X0)
	return need < wrap-0.5*size
}

// tablePitch is the most common baseline distance between consecutive lines
// inside cells: the table's single line spacing, against which paragraph gaps
// are judged.
func tablePitch(cells [][]Word) float64 {
	var ds []float64
	for _, ws := range cells {
		ls := cellLines(ws)
		for i := 1; i < len(ls); i++ {
			if d := ls[i].base - ls[i-1].base; d > 0.5*ls[i].size && d < 3*ls[i].size {
				ds = append(ds, d)
			}
		}
	}
	if len(ds) == 0 {
		return 0
	}
	sort.Float64s(ds)
	// The lower quartile: paragraph gaps make the upper part longer.
	return ds[len(ds)/4]
}
