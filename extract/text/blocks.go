package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/planmap/planmap/extract/layout"
)

// parser turns lines into blocks. A group is a run of non-blank lines that
// is not a table; a group is split into headings, paragraphs and list items.
type parser struct {
	lines   []srcLine
	blocks  []layout.Block
	indents []int // indents of the open list levels
}

func (p *parser) run() {
	i := 0
	for i < len(p.lines) {
		if blank(p.lines[i].text) {
			i++
			continue
		}
		if j, tbl, page := p.pipeTable(i); j > i {
			if tbl != nil {
				p.indents = nil
				p.blocks = append(p.blocks, layout.Block{Kind: layout.TableKind, Page: page, Table: tbl})
			}
			i = j
			continue
		}
		if j, tbl, page := p.table(i); j > i {
			if tbl != nil {
				p.indents = nil
				p.blocks = append(p.blocks, layout.Block{Kind: layout.TableKind, Page: page, Table: tbl})
			}
			i = j
			continue
		}
		j := i + 1
		for j < len(p.lines) && !blank(p.lines[j].text) && !p.startsTable(j) && !pipeRow(p.lines[j].text) {
			j++
		}
		p.group(p.lines[i:j], p.followedByText(j))
		i = j
	}
}

// followedByText reports whether body text follows line j (after blank
// lines): a short line before body text can be a heading.
func (p *parser) followedByText(j int) bool {
	for j < len(p.lines) && blank(p.lines[j].text) {
		j++
	}
	if j >= len(p.lines) {
		return false
	}
	if j+1 < len(p.lines) && !blank(p.lines[j+1].text) {
		return true
	}
	return utf8.RuneCountInString(strings.TrimSpace(p.lines[j].text)) > 60
}

// headingUnit marks a unit that is a heading by its mark-up (a setext
// underline or Markdown #), with its level in indent.
const headingUnit = "\x00heading"

// unit is a paragraph or a list item being gathered from lines.
type unit struct {
	lines  []string
	item   bool
	marker string
	indent int
	page   int
}

var ruleRe = regexp.MustCompile(`^\s*(=+|-+)\s*$`)

// atxRe finds a Markdown heading: "## The Action Plan".
var atxRe = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)[\s#]*$`)

// group splits one group of lines into blocks.
func (p *parser) group(lines []srcLine, beforeText bool) {
	page := lines[0].page
	joined := make([]string, len(lines))
	for i, l := range lines {
		joined[i] = l.text
	}
	if all := strings.Join(joined, "\n"); hasMarkup(all) {
		p.markupGroup(all, page)
		return
	}
	var units []*unit
	var cur *unit
	for i, l := range lines {
		s := strings.ReplaceAll(l.text, "\t", "    ")
		// A setext underline makes the line above a heading.
		if m := ruleRe.FindStringSubmatch(s); m != nil && len(strings.TrimSpace(m[1])) >= 3 {
			if cur != nil && !cur.item && len(cur.lines) > 0 && i > 0 {
				title := cur.lines[len(cur.lines)-1]
				cur.lines = cur.lines[:len(cur.lines)-1]
				level := 1
				if strings.HasPrefix(m[1], "-") {
					level = 2
				}
				units = append(units, &unit{lines: []string{title}, marker: headingUnit, indent: level, page: l.page})
				cur = nil
			}
			continue
		}
		if m := atxRe.FindStringSubmatch(s); m != nil {
			units = append(units, &unit{lines: []string{m[2]}, marker: headingUnit, indent: len(m[1]), page: l.page})
			cur = nil
			continue
		}
		indent := indentOf(s)
		if marker, rest, ok := itemStart(s, indent); ok {
			cur = &unit{lines: []string{rest}, item: true, marker: marker, indent: indent, page: l.page}
			units = append(units, cur)
			continue
		}
		t := strings.TrimSpace(s)
		if cur != nil && cur.item && continuesItem(cur, t, indent) {
			cur.lines = append(cur.lines, t)
			continue
		}
		if cur == nil || cur.item {
			cur = &unit{page: l.page}
			units = append(units, cur)
		}
		cur.lines = append(cur.lines, t)
	}
	standalone := len(units) == 1 && beforeText
	for _, u := range units {
		switch {
		case u.marker == headingUnit:
			marker, rest := SplitMarker(plain(u.lines[0]))
			p.emit(layout.Block{Kind: layout.Heading, Level: u.indent, Marker: marker, Page: u.page, Text: rest})
		case u.item:
			p.emit(layout.Block{Kind: layout.ListItem, Level: p.level(u.indent), Marker: u.marker,
				Page: u.page, Text: plain(strings.Join(u.lines, " "))})
		default:
			p.paragraphs(u, standalone)
		}
	}
}

// continuesItem reports a line that carries on a list item's text: indented
// under it, or wrapped (the item's last line is short enough to have been
// hard-wrapped and this line does not start like a new sentence).
func continuesItem(u *unit, t string, indent int) bool {
	if indent > u.indent {
		return true
	}
	last := u.lines[len(u.lines)-1]
	r, _ := utf8.DecodeRuneInString(t)
	return utf8.RuneCountInString(last) <= 100 && !unicode.IsUpper(r)
}

// paragraphs emits a paragraph unit: one paragraph of hard-wrapped lines,
// or one paragraph per line when lines are too long to be wrapped; a title
// line on top becomes a heading.
func (p *parser) paragraphs(u *unit, standalone bool) {
	lines := u.lines
	if len(lines) == 0 {
		return // its only line became a setext heading
	}
	if len(lines) > 1 {
		if level, marker, rest, ok := headingLike(lines[0], false); ok &&
			utf8.RuneCountInString(lines[0])*10 < utf8.RuneCountInString(lines[1])*6 {
			p.emit(layout.Block{Kind: layout.Heading, Level: level, Marker: marker, Page: u.page, Text: rest})
			lines = lines[1:]
		}
	}
	if len(lines) == 1 {
		if level, marker, rest, ok := headingLike(lines[0], standalone); ok {
			p.emit(layout.Block{Kind: layout.Heading, Level: level, Marker: marker, Page: u.page, Text: rest})
			return
		}
	}
	perLine := false
	for _, l := range lines[:len(lines)-1] {
		if utf8.RuneCountInString(l) > 120 {
			perLine = true
		}
	}
	var texts []string
	if perLine {
		texts = lines
	} else {
		texts = []string{strings.Join(lines, " ")}
	}
	for _, t := range texts {
		t = plain(t)
		marker, rest := SplitMarker(t)
		p.emit(layout.Block{Kind: layout.Paragraph, Marker: marker, Page: u.page, Text: rest})
	}
}

// markupGroup emits a group that carries HTML mark-up.
func (p *parser) markupGroup(s string, page int) {
	for _, q := range splitMarkup(s) {
		if q.item {
			p.emit(layout.Block{Kind: layout.ListItem, Level: q.level, Marker: q.marker, Page: page, Text: q.text})
			continue
		}
		marker, rest := SplitMarker(q.text)
		p.emit(layout.Block{Kind: layout.Paragraph, Marker: marker, Page: page, Text: rest})
	}
}

func (p *parser) emit(b layout.Block) {
	if b.Text == "" && b.Marker == "" {
		return
	}
	if b.Kind != layout.ListItem {
		p.indents = nil
	}
	p.blocks = append(p.blocks, b)
}

// level turns an item's indent into its nesting depth: a deeper indent than
// the open level opens a new level; a shallower one closes levels.
func (p *parser) level(indent int) int {
	for len(p.indents) > 0 && indent < p.indents[len(p.indents)-1] {
		p.indents = p.indents[:len(p.indents)-1]
	}
	if len(p.indents) == 0 || indent > p.indents[len(p.indents)-1] {
		p.indents = append(p.indents, indent)
	}
	return len(p.indents) - 1
}

// indentOf counts leading spaces (tabs already expanded).
func indentOf(s string) int {
	return len(s) - len(strings.TrimLeft(s, " "))
}

// itemRe finds list-item numbers: 1. 1) (1) a) (a) iv) (iv).
var itemRe = regexp.MustCompile(`^(\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)\))\s+\S`)

// itemStart reports a line that starts a list item, with its marker (the
// number as printed, or "•" for any bullet character) and text.
func itemStart(s string, indent int) (marker, rest string, ok bool) {
	t := strings.TrimSpace(s)
	if m, r := bulletSplit(t); m != "" {
		return m, r, true
	}
	if strings.HasPrefix(t, "o ") && len(t) > 2 {
		if r, _ := utf8.DecodeRuneInString(t[2:]); indent > 0 || unicode.IsUpper(r) {
			return "•", strings.TrimSpace(t[2:]), true
		}
	}
	if m := itemRe.FindStringSubmatch(t); m != nil {
		r := strings.TrimSpace(t[len(m[1]):])
		// "1. Introduction" on its own is a heading, not an item; the
		// caller decides that for whole paragraphs, so short numbered
		// titles are left to it.
		if _, _, _, ok := headingLike(t, false); ok && strings.HasSuffix(m[1], ".") {
			return "", "", false
		}
		return m[1], r, true
	}
	return "", "", false
}

// headingLike reports a line that reads as a title: short, not ending like
// a sentence, and numbered ("1. Introduction", "2.3 Scope": level from the
// number's depth), in capitals ("RECOMMENDATIONS": level 1), or, when it
// stands alone before body text, any short capitalised line (level 2).
func headingLike(s string, standalone bool) (level int, marker, rest string, ok bool) {
	t := plain(s)
	if t == "" || utf8.RuneCountInString(t) > 100 {
		return 0, "", "", false
	}
	if m, _ := bulletSplit(t); m != "" {
		return 0, "", "", false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;:!", last) {
		return 0, "", "", false
	}
	marker, rest = SplitMarker(t)
	words := len(strings.Fields(rest))
	if words == 0 || words > 12 || countLetters(rest) < 2 {
		return 0, "", "", false
	}
	if marker != "" {
		if !numeric(marker) || words > 10 {
			return 0, "", "", false
		}
		return strings.Count(strings.TrimSuffix(marker, "."), ".") + 1, marker, rest, true
	}
	if allCaps(rest) {
		return 1, "", rest, true
	}
	if standalone && words <= 10 && startsCapital(rest) {
		return 2, "", rest, true
	}
	return 0, "", "", false
}

func numeric(marker string) bool {
	return strings.Trim(marker, "0123456789.") == ""
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// allCaps: at least three letters, nearly all of them capitals.
func allCaps(s string) bool {
	upper, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 3 && upper*10 >= letters*9
}
