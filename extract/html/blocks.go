package html

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/text"
)

// builder walks the content element in document order and emits blocks.
// Inline text gathers into lines (a <br> starts a new line); a block element
// ends the current paragraph. Inside a list item, paragraphs join into the
// item; inside a table cell, every paragraph, line and list item becomes one
// layout.Para of the cell.
type builder struct {
	blocks   []layout.Block
	warnings []string
	err      *layout.Error

	lines []*line // the paragraph being gathered
	sums  map[*xhtml.Node]summary

	bold    int // depth of <b>/<strong>
	link    int // depth of <a>
	heading int // 1..6 while inside <hN>
	address bool
	item    *item // the list item being gathered
	cell    *cellSink

	listDepth   int
	lastHeading int // level of the last real <hN>
	gridCells   int // table positions made so far
}

// line is one line of a paragraph with what we know about how it was marked
// up.
type line struct {
	b strings.Builder
	marks
	sealed bool // a <br> ended it
}

// marks counts how much of a line is bold and how much is link text.
type marks struct {
	bold, plain          int // non-space characters inside / outside <b>
	linked, unlinked     int // non-space characters inside / outside <a>
	navLinks, otherLinks int // links that navigate the site / that do not
}

func (m marks) add(o marks) marks {
	return marks{m.bold + o.bold, m.plain + o.plain, m.linked + o.linked,
		m.unlinked + o.unlinked, m.navLinks + o.navLinks, m.otherLinks + o.otherLinks}
}

type item struct {
	marker  string
	level   int
	ordered bool
	emitted bool
}

type cellSink struct {
	paras    []layout.Para
	listBase int
}

func newBuilder(sums map[*xhtml.Node]summary) *builder { return &builder{sums: sums} }

func (b *builder) walk(n *xhtml.Node) {
	for c := n.FirstChild; c != nil && b.err == nil; c = c.NextSibling {
		b.node(c)
	}
}

func (b *builder) node(c *xhtml.Node) {
	switch c.Type {
	case xhtml.TextNode:
		b.text(c.Data)
	case xhtml.ElementNode:
		b.element(c)
	}
}

func (b *builder) element(n *xhtml.Node) {
	if dropTags[n.DataAtom] || hidden(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		b.lineBreak()
	case atom.Hr:
		b.flush()
	case atom.Img, atom.Wbr:
	case atom.B, atom.Strong:
		b.bold++
		b.walk(n)
		b.bold--
	case atom.A:
		b.anchor(n)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.flush()
		prev := b.heading
		b.heading = int(n.Data[1] - '0')
		b.walk(n)
		b.flush()
		b.heading = prev
		if b.cell == nil {
			b.lastHeading = int(n.Data[1] - '0')
		}
	case atom.Ul, atom.Ol, atom.Menu:
		b.list(n)
	case atom.Li:
		// A list item outside any list.
		b.listItem(n, "•", b.level(), false)
	case atom.Table:
		b.table(n)
	case atom.Address:
		b.flush()
		prev := b.address
		b.address = true
		b.walk(n)
		b.flush()
		b.address = prev
	case atom.Pre:
		b.flush()
		b.pre(n)
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header,
		atom.Footer, atom.Nav, atom.Aside, atom.Form, atom.Center, atom.Figure,
		atom.Figcaption, atom.Details, atom.Summary, atom.Fieldset, atom.Legend,
		atom.Blockquote, atom.Dl, atom.Dt, atom.Dd, atom.Caption, atom.Hgroup,
		atom.Tr, atom.Td, atom.Th, atom.Thead, atom.Tbody, atom.Tfoot:
		b.blockBreak()
		b.walk(n)
		b.blockBreak()
	default:
		b.walk(n)
	}
}

// A link whose text is a download offer ("download as .doc file") is
// furniture of the page, not of the report: it is cut out together with the
// brackets round it.
var downloadRe = regexp.MustCompile(`(?i)^\W*(download|view|open)\b.*\b(doc|docx|pdf|rtf|odt|xls|xlsx|csv|ppt|pptx|file|version)\b|^\W*download\b|^\W*(pdf|docx?|rtf|odt|xlsx?)\b\W*(\d+(\.\d+)?\s*[kmg]b)?\W*$`)

// navTextRe recognises the words of links that move about the site.
var navTextRe = regexp.MustCompile(`(?i)^\W*(return|back|go back|go to|jump|skip|top|up|next|previous|prev|home)\b|\b(top of (the )?page|back to top)\b`)

// cutMark stands in the text for a removed download link until the line is
// finished, so that the brackets round it can go too.
const cutMark = '\uE000'

var cutRe = regexp.MustCompile(`\s*\(\s*\x{E000}\s*\)|\x{E000}`)

func (b *builder) anchor(n *xhtml.Node) {
	t := nodeText(n)
	if t != "" && len(t) < 120 && downloadRe.MatchString(t) {
		b.text(string(cutMark))
		return
	}
	l := b.cur()
	href := strings.TrimSpace(attr(n, "href"))
	if strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") || navTextRe.MatchString(t) {
		l.navLinks++
	} else {
		l.otherLinks++
	}
	b.link++
	b.walk(n)
	b.link--
}

// level is the nesting depth of the list being read, relative to the table
// cell when inside one.
func (b *builder) level() int {
	base := 0
	if b.cell != nil {
		base = b.cell.listBase
	}
	return max(b.listDepth-1-base, 0)
}

func (b *builder) cur() *line {
	if len(b.lines) == 0 || b.lines[len(b.lines)-1].sealed {
		b.lines = append(b.lines, &line{})
	}
	return b.lines[len(b.lines)-1]
}

func (b *builder) text(s string) {
	l := b.cur()
	l.b.WriteString(s)
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) && r != cutMark {
			n++
		}
	}
	if b.bold > 0 {
		l.bold += n
	} else {
		l.plain += n
	}
	if b.link > 0 {
		l.linked += n
	} else {
		l.unlinked += n
	}
}

// lineBreak handles <br>: inside a list item or heading it is a space;
// elsewhere it ends the line.
func (b *builder) lineBreak() {
	if (b.item != nil || b.heading > 0) && b.cell == nil {
		b.text(" ")
		return
	}
	b.cur().sealed = true
}

// blockBreak ends a paragraph, except inside a list item (whose paragraphs
// make one item) or a heading.
func (b *builder) blockBreak() {
	if b.heading > 0 || (b.item != nil && b.cell == nil) {
		b.text(" ")
		return
	}
	if b.cell != nil && b.item != nil {
		b.text(" ")
		return
	}
	b.flush()
}

// finished is a line's text, cleaned, with its mark-up counts.
type finished struct {
	text string
	marks
}

func (b *builder) take() []finished {
	var out []finished
	for _, l := range b.lines {
		raw := l.b.String()
		if strings.ContainsRune(raw, cutMark) {
			raw = cutRe.ReplaceAllString(raw, "")
		}
		if t := layout.Clean(raw); t != "" {
			out = append(out, finished{text: t, marks: l.marks})
		}
	}
	b.lines = b.lines[:0]
	return out
}

// flush emits the paragraph gathered so far.
func (b *builder) flush() {
	if len(b.lines) == 0 {
		return
	}
	lines := b.take()
	if len(lines) == 0 {
		return
	}
	switch {
	case b.cell != nil:
		for _, l := range lines {
			p := layout.Para{Text: l.text}
			if b.item != nil {
				p.Level = b.item.level
				if !b.item.emitted {
					p.Marker = b.item.marker
					b.item.emitted = true
				}
			}
			b.cell.paras = append(b.cell.paras, p)
		}
	case b.heading > 0:
		l := join(lines, " ")
		marker, rest := text.SplitMarker(l.text)
		b.emit(layout.Block{Kind: layout.Heading, Level: b.heading, Marker: marker, Text: rest})
	case b.item != nil:
		l := join(lines, " ")
		if navOnly(l) {
			return
		}
		blk := layout.Block{Kind: layout.ListItem, Level: b.item.level, Text: l.text}
		if !b.item.emitted {
			blk.Marker = b.item.marker
			b.item.emitted = true
			if b.item.ordered && pseudoHeading(l) {
				// A numbered item that is only a bold title: committee
				// reports number their section headings with the paragraphs.
				blk.Kind, blk.Level = layout.Heading, b.pseudoLevel()
			}
		}
		b.emit(blk)
	case b.address:
		b.emit(layout.Block{Kind: layout.Paragraph, Text: joinAddress(lines)})
	default:
		for _, l := range joinProse(lines) {
			if navOnly(l) {
				continue
			}
			marker, rest := text.SplitMarker(l.text)
			blk := layout.Block{Kind: layout.Paragraph, Marker: marker, Text: rest}
			if pseudoHeading(l) {
				blk.Kind, blk.Level = layout.Heading, b.pseudoLevel()
			}
			b.emit(blk)
		}
	}
}

func (b *builder) emit(blk layout.Block) {
	if blk.Text == "" && blk.Marker == "" && blk.Table == nil {
		return
	}
	b.blocks = append(b.blocks, blk)
}

// pseudoLevel is the level given to a bold paragraph acting as a heading:
// one below the last real heading.
func (b *builder) pseudoLevel() int {
	return min(b.lastHeading+1, 6)
}

// pseudoHeading reports a short paragraph that is wholly bold and does not
// end like a sentence: "Social Inclusion Strategy", "RECOMMENDATIONS".
func pseudoHeading(l finished) bool {
	if l.bold == 0 || l.plain > 0 {
		return false
	}
	if len(strings.Fields(l.text)) > 12 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l.text)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	return strings.IndexFunc(l.text, unicode.IsLetter) >= 0
}

// navOnly reports a paragraph made only of a short link that moves about the
// site ("Return to Agenda", "Return to TOP", "Back to top").
func navOnly(l finished) bool {
	return l.unlinked == 0 && l.linked > 0 && l.navLinks > 0 && l.otherLinks == 0 &&
		len(strings.Fields(l.text)) <= 6
}

// join makes one line of several, joined by sep.
func join(lines []finished, sep string) finished {
	texts := make([]string, len(lines))
	var m marks
	for i, l := range lines {
		texts[i] = l.text
		m = m.add(l.marks)
	}
	return finished{text: strings.Join(texts, sep), marks: m}
}

// joinProse rejoins lines that a <br> broke mid-sentence (the next line
// starts in lower case and the previous does not end a clause); other lines
// are separate paragraphs ("Contact Officers:<br>John Parry, …").
func joinProse(lines []finished) []finished {
	var out []finished
	start := 0
	for i := 1; i <= len(lines); i++ {
		if i < len(lines) {
			last, _ := utf8.DecodeLastRuneInString(lines[i-1].text)
			first, _ := utf8.DecodeRuneInString(lines[i].text)
			if unicode.IsLower(first) && !strings.ContainsRune(".!?:;", last) {
				continue
			}
		}
		out = append(out, join(lines[start:i], " "))
		start = i
	}
	return out
}

// joinAddress writes an address one line after another, separated by
// commas unless a line already ends in punctuation.
func joinAddress(lines []finished) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1].text
			last, _ := utf8.DecodeLastRuneInString(prev)
			if strings.ContainsRune(",;:.", last) {
				b.WriteByte(' ')
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

var blankLineRe = regexp.MustCompile(`\n\s*\n`)

// pre keeps preformatted text's paragraphs: blank lines separate them.
func (b *builder) pre(n *xhtml.Node) {
	raw := rawText(n)
	for _, chunk := range blankLineRe.Split(raw, -1) {
		if t := layout.Clean(chunk); t != "" {
			b.text(t)
			b.cur().sealed = true
			if b.cell == nil {
				b.flush()
			}
		}
	}
	b.flush()
}

func rawText(n *xhtml.Node) string {
	var sb strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			sb.WriteString(n.Data)
		}
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Br {
			sb.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}
