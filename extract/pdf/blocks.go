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

// Paragraphs, headings and list items from the lines that no table took.
// Lines are first cut at wide gaps into segments (so that columns stay
// apart), segments are stacked into text boxes, boxes become blocks, and
// blocks are put in reading order with the page's tables.

// bodyInfo is what the whole document says about its running text.
type bodyInfo struct {
	size float64 // the commonest font size, by characters
}

// bodyStats finds the body font size: the commonest size, by characters,
// of the text outside tables (table text is often set smaller and, in an
// action plan, outweighs the prose), or of all text when tables hold it all.
func bodyStats(pages []pageResult, free map[int][]Line) bodyInfo {
	count := map[float64]int{}
	total := 0
	for _, ls := range free {
		for _, l := range ls {
			for _, w := range l.Words {
				n := utf8.RuneCountInString(w.Text)
				count[math.Round(w.Size*2)/2] += n
				total += n
			}
		}
	}
	if total < 200 {
		for _, p := range pages {
			if p.text == nil {
				continue
			}
			for _, w := range p.text.Words {
				count[math.Round(w.Size*2)/2] += utf8.RuneCountInString(w.Text)
			}
		}
	}
	best, n := 10.0, -1
	for s, c := range count {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return bodyInfo{size: best}
}

// segment is a run of a line's words with no wide gap inside.
type segment struct {
	words    []Word
	x0, x1   float64
	top, bot float64
	base     float64
	size     float64 // largest word size
	bold     bool    // every word bold
}

func (s segment) text() string {
	parts := make([]string, len(s.words))
	for i, w := range logicalWords(s.words) {
		parts[i] = w.Text
	}
	return strings.Join(parts, " ")
}

func makeSegment(ws []Word) segment {
	s := segment{words: ws, x0: ws[0].X0, x1: ws[0].X1, top: ws[0].Top, bot: ws[0].Bot, base: ws[0].Base, size: ws[0].Size, bold: true}
	chars, boldChars := 0, 0
	for _, w := range ws {
		s.x0, s.x1 = math.Min(s.x0, w.X0), math.Max(s.x1, w.X1)
		s.top, s.bot = math.Min(s.top, w.Top), math.Max(s.bot, w.Bot)
		if w.Size > s.size {
			s.size, s.base = w.Size, w.Base
		}
		n := utf8.RuneCountInString(w.Text)
		chars += n
		if isBold(w.Font) {
			boldChars += n
		}
	}
	s.bold = chars > 0 && boldChars*10 >= chars*9
	return s
}

// isBold reads the weight from the font name, the only place most PDFs
// keep it.
func isBold(font string) bool {
	f := strings.ToLower(font)
	for _, k := range []string{"bold", "black", "heavy", "semibold", "demi", ",b", "-bd", "extrabold"} {
		if strings.Contains(f, k) {
			return true
		}
	}
	return false
}

// splitSegments cuts lines at gaps wider than colGap ems.
func splitSegments(ls []Line) []segment {
	const colGap = 1.2
	var out []segment
	for _, l := range ls {
		start := 0
		for i := 1; i <= len(l.Words); i++ {
			if i < len(l.Words) {
				a, b := l.Words[i-1], l.Words[i]
				if b.X0-a.X1 <= colGap*math.Max(a.Size, b.Size) {
					continue
				}
				// a list marker set off by a tab stays with its text
				if i-1 == start && (isListBullet(a.Text) || numMarker.MatchString(a.Text)) && b.X0-a.X1 < 8*a.Size {
					continue
				}
			}
			out = append(out, makeSegment(l.Words[start:i]))
			start = i
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if math.Abs(out[i].base-out[j].base) > 0.5 {
			return out[i].base < out[j].base
		}
		return out[i].x0 < out[j].x0
	})
	return out
}

// textBox is segments stacked into one paragraph-like block.
type textBox struct {
	segs   []segment
	x0, x1 float64
	top    float64
	bot    float64
	size   float64
	marker bool // starts with a list marker
	head   bool // looks like a heading
}

func (b *textBox) last() segment { return b.segs[len(b.segs)-1] }

func (b *textBox) add(s segment) {
	b.segs = append(b.segs, s)
	b.x0, b.x1 = math.Min(b.x0, s.x0), math.Max(b.x1, s.x1)
	b.bot = math.Max(b.bot, s.bot)
}

// headingLike reports whether a segment's look sets it apart from body text.
func headingLike(s segment, body float64) bool {
	if s.size >= 1.15*body {
		return true
	}
	return s.bold && s.size >= 0.95*body && len(s.words) <= 16
}

// joins reports whether segment s continues box b.
func joins(b *textBox, s segment, body float64) bool {
	l := b.last()
	em := math.Max(l.size, s.size)
	if math.Abs(l.size-s.size) > 0.12*em {
		return false
	}
	if hl := headingLike(s, body); hl != b.head {
		// a bold lead-in that wraps on into plain text mid-sentence is one
		// paragraph; otherwise a change of look ends the block
		r, _ := utf8.DecodeRuneInString(s.text())
		if !(b.head && !hl && unicode.IsLower(r) && l.size == s.size) {
			return false
		}
	}
	if startsList(s) {
		return false
	}
	// vertical: the next line at the box's own pitch, or a normal leading
	// for the second line
	pitch := s.base - l.base
	if pitch < 0.5*em {
		return false
	}
	limit := 1.6 * em
	// the box's own pitch: between its last two distinct baselines
	for k := len(b.segs) - 2; k >= 0; k-- {
		if p := l.base - b.segs[k].base; p > 0.5 {
			limit = math.Min(limit, p*1.25+0.5)
			break
		}
	}
	if pitch > limit {
		return false
	}
	// horizontal: overlapping, and not a new indented paragraph
	// (against the box's last line, which may be several segments)
	lx0, lx1 := l.x0, l.x1
	for k := len(b.segs) - 2; k >= 0 && math.Abs(b.segs[k].base-l.base) < 0.5; k-- {
		lx0, lx1 = math.Min(lx0, b.segs[k].x0), math.Max(lx1, b.segs[k].x1)
	}
	ov := math.Min(lx1, s.x1) - math.Max(lx0, s.x0)
	if ov < 0.3*math.Min(lx1-lx0, s.x1-s.x0) && math.Abs(s.x0-b.x0) > em {
		return false
	}
	if b.marker {
		// a list item's lines hang at or right of its text
		if s.x0 < b.segs[0].x0-0.5*em {
			return false
		}
	} else if len(b.segs) >= 2 && s.x0 > l.x0+1.5*em && s.x0 < l.x0+8*em && s.x1 > lx1-2*em &&
		math.Abs(l.x0-b.segs[0].x0) < 0.5*em {
		return false // an indented first line starts a paragraph (centred text is not indented)
	}
	// the line before stopped well short of the text's right edge after a
	// full stop: a paragraph ended
	left, right := math.Min(b.x0, s.x0), math.Max(b.x1, s.x1)
	t := strings.TrimRight(l.text(), ")\"'’”")
	if lx1 < right-0.35*(right-left) && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")) {
		return false
	}
	return true
}

// buildBoxes stacks segments into boxes.
func buildBoxes(segs []segment, body float64) []*textBox {
	var boxes []*textBox
	var open []*textBox
	for _, s := range segs {
		// close boxes the segment is well below
		keep := open[:0]
		for _, b := range open {
			if s.top-b.bot < 3*math.Max(b.size, s.size) {
				keep = append(keep, b)
			}
		}
		open = keep
		var best *textBox
		bestOv := math.Inf(-1)
		for _, b := range open {
			if !joins(b, s, body) {
				continue
			}
			l := b.last()
			ov := math.Min(l.x1, s.x1) - math.Max(l.x0, s.x0)
			if ov > bestOv {
				best, bestOv = b, ov
			}
		}
		if best != nil {
			best.add(s)
			if best.head && !headingLike(s, body) {
				best.head = false // a lead-in, not a heading
			}
			continue
		}
		b := &textBox{segs: []segment{s}, x0: s.x0, x1: s.x1, top: s.top, bot: s.bot, size: s.size,
			marker: startsList(s), head: headingLike(s, body)}
		boxes = append(boxes, b)
		open = append(open, b)
	}
	return boxes
}

// pblock is a block with what heading levels are ranked by.
type pblock struct {
	layout.Block
	size float64
	bold bool
	x0   float64 // list marker position, for list levels
}

// pageBlocks builds one page's blocks in reading order.
func pageBlocks(pt *pageText, free []Line, tables []PageTable, body bodyInfo) []pblock {
	boxes := buildBoxes(splitSegments(free), body.size)
	items := make([]orderItem, 0, len(boxes)+len(tables))
	for _, b := range boxes {
		items = append(items, orderItem{box: layout.Box{X0: b.x0, Y0: b.top, X1: b.x1, Y1: b.bot}, text: b})
	}
	for i := range tables {
		items = append(items, orderItem{box: tables[i].Box, table: &tables[i]})
	}
	items = readingOrder(items, pt.Width)
	var out []pblock
	for _, it := range items {
		if it.table != nil {
			box := it.table.Box
			out = append(out, pblock{Block: layout.Block{Kind: layout.TableKind, Page: pt.Number, Table: it.table.Table, Box: &box}})
			continue
		}
		out = append(out, boxBlock(it.text, pt.Number, body.size))
	}
	listLevels(out)
	return out
}

// boxBlock turns a text box into a heading, list item or paragraph.
func boxBlock(b *textBox, page int, body float64) pblock {
	var parts []string
	for _, s := range b.segs {
		parts = append(parts, s.text())
	}
	text := joinLines(parts)
	box := layout.Box{X0: b.x0, Y0: b.top, X1: b.x1, Y1: b.bot}
	pb := pblock{Block: layout.Block{Kind: layout.Paragraph, Page: page, Box: &box}, size: b.size, bold: b.segs[0].bold, x0: b.x0}
	nLines, nWords := 0, len(strings.Fields(text))
	for i, sg := range b.segs {
		if i == 0 || math.Abs(sg.base-b.segs[i-1].base) > 0.5 {
			nLines++
		}
	}
	// a larger size makes a heading of up to a few lines; bold at body
	// size only a short one
	isHead := b.head && !strings.HasSuffix(text, ".") && letters(text) >= 2 &&
		((b.size >= 1.15*body && nWords <= 30) || (nLines <= 2 && nWords <= 16))
	if b.marker {
		m, rest := splitMarker(text)
		if r, _ := utf8.DecodeRuneInString(m); r >= 0xE000 && r <= 0xF8FF {
			m = "•" // a symbol-font bullet with no Unicode mapping
		}
		pb.Kind, pb.Marker, text = layout.ListItem, m, rest
		if isHead && numMarker.MatchString(m) && (nLines == 1 || nLines <= 3 && b.size >= 1.15*body) {
			// a numbered heading: "1. Introduction", or a larger one
			// wrapped over a few lines
			pb.Kind = layout.Heading
		}
	} else if isHead {
		pb.Kind = layout.Heading
	}
	pb.Text = layout.Clean(text)
	return pb
}

// joinLines joins a block's or a cell's lines, closing a line-end hyphen
// before a continuation ("over-" + "indebtedness", "Sub-" + "Group",
// "decision-" + "making"). The hyphen is kept: office documents are rarely
// hyphenated by the typesetter, so a hyphen at a line end is the author's.
// A dash after a space ("GOSE -") is punctuation and keeps its space.
func joinLines(ls []string) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev := ls[i-1]
			r, _ := utf8.DecodeRuneInString(l)
			if strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, " -") && len(prev) > 1 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteString(l)
				continue
			}
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

var (
	numMarker = regexp.MustCompile(`^(\(?\d{1,3}(\.\d{1,3})*[.)]|\d{1,3}(\.\d{1,3})+|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,5}[.)]|\((\d{1,3}|[a-z]|[ivx]{1,5})\))$`)
)

// isBullet reports whether s is a bullet symbol (including the private-use
// codes Symbol and Wingdings bullets often decode to).
func isListBullet(s string) bool {
	switch s {
	case "•", "●", "▪", "■", "◦", "○", "□", "-", "–", "—", "*", "►", "▶", "➢", "➤", "✓", "✔", "◆", "♦", "·", "‣", "⁃", "o", "§", "Ø", "Ÿ", "ü":
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && r >= 0xE000 && r <= 0xF8FF
}

// startsList reports whether a segment begins with a bullet or a number
// that marks a list item.
func startsList(s segment) bool {
	if len(s.words) == 0 {
		return false
	}
	first := s.words[0].Text
	if len(s.words) == 1 {
		return false // a lone number is a page or cell number, not an item
	}
	switch first {
	case "o", "§", "Ø", "Ÿ", "ü":
		// ambiguous letters from symbol fonts count only with a gap
		return s.words[1].X0-s.words[0].X1 > 0.5*s.words[0].Size
	}
	if isListBullet(first) || numMarker.MatchString(first) {
		return true
	}
	r, n := utf8.DecodeRuneInString(first)
	return n < len(first) && gluedBullet(r)
}

// gluedBullet reports whether a rune is a bullet even with no space after
// it ("•Text"); letters never are.
func gluedBullet(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '*' && isListBullet(string(r))
}

// splitMarker cuts the marker off a list item's text.
func splitMarker(t string) (marker, rest string) {
	t = strings.TrimSpace(t)
	if i := strings.IndexByte(t, ' '); i > 0 && (isListBullet(t[:i]) || numMarker.MatchString(t[:i])) {
		return t[:i], strings.TrimSpace(t[i+1:])
	}
	r, n := utf8.DecodeRuneInString(t)
	if gluedBullet(r) {
		return string(r), strings.TrimSpace(t[n:])
	}
	return "", t
}

// listLevels sets each list item's depth from its marker's indent among the
// page's list items: the leftmost indent is level 0.
func listLevels(bs []pblock) {
	var xs []float64
	for _, b := range bs {
		if b.Kind == layout.ListItem {
			xs = append(xs, b.x0)
		}
	}
	sort.Float64s(xs)
	var stops []float64
	for _, x := range xs {
		if len(stops) == 0 || x-stops[len(stops)-1] > 6 {
			stops = append(stops, x)
		}
	}
	for i := range bs {
		if bs[i].Kind != layout.ListItem {
			continue
		}
		for j := len(stops) - 1; j >= 0; j-- {
			if bs[i].x0 >= stops[j]-0.1 {
				bs[i].Level = j
				break
			}
		}
	}
}

// assignHeadingLevels ranks the document's heading sizes: the largest size
// is level 1; bold headings at body size come after every larger size.
func assignHeadingLevels(bs []pblock, body bodyInfo) {
	sizes := map[float64]bool{}
	for _, b := range bs {
		if b.Kind == layout.Heading {
			sizes[math.Round(b.size*2)/2] = true
		}
	}
	var ranks []float64
	for s := range sizes {
		ranks = append(ranks, s)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ranks)))
	for i := range bs {
		if bs[i].Kind != layout.Heading {
			continue
		}
		s := math.Round(bs[i].size*2) / 2
		for j, r := range ranks {
			if r == s {
				bs[i].Level = min(j+1, 6)
			}
		}
	}
}

// letters counts the letters in s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// joinAcrossPages merges a paragraph that runs over a page break: the first
// text block of a page that starts in lower case continues the last text
// block of the page before when that one ends without a full stop.
func joinAcrossPages(bs []pblock) []pblock {
	out := bs[:0]
	lastText := -1 // index in out of the last paragraph or list item
	for _, b := range bs {
		if b.Kind == layout.Paragraph && lastText >= 0 && len(out) > 0 {
			prev := &out[lastText]
			r, _ := utf8.DecodeRuneInString(b.Text)
			pageStart := len(out) > 0 && out[len(out)-1].Page < b.Page
			if pageStart && prev.Page == b.Page-1 && lastText == len(out)-1 && unicode.IsLower(r) && !endsSentence(prev.Text) {
				prev.Text = joinLines([]string{prev.Text, b.Text})
				continue
			}
		}
		out = append(out, b)
		if b.Kind == layout.Paragraph || b.Kind == layout.ListItem {
			lastText = len(out) - 1
		} else {
			lastText = -1
		}
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'’”)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}
