package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// maxDepth bounds XML element nesting in document.xml; real documents stay
// under 50.
const maxDepth = 2000

// body walks word/document.xml as a token stream (never a whole tree, so a
// large document costs little memory) and builds the layout blocks.
type body struct {
	st    *styles
	num   *numbering
	notes *notes // footnotes and endnotes by id; nil when there are none

	blocks []layout.Block
	paras  []*paraBuilder  // open paragraphs; more than one inside text boxes
	tables []*tableBuilder // open tables; more than one when nested
	fields []bool          // open complex fields: true while in the instruction part

	runHidden bool
	page      int
	// fresh is true at the top of a page, before any text: a
	// lastRenderedPageBreak there repeats the explicit break just seen.
	fresh bool

	title string // text of the first Title-style paragraph
	cells int    // grid cells made so far, against maxCells
}

// maxCells bounds the table grids of one document (a hostile gridSpan could
// otherwise make millions of empty cells from a few bytes).
const maxCells = 2_000_000

// paraBuilder collects one w:p.
type paraBuilder struct {
	props    paraProps
	segments []strings.Builder // split by line breaks inside table cells
	page     int               // page of the first visible text, 0 until then
	startPg  int
	notes    []layout.Note // footnotes and endnotes cited, in order
}

type paraProps struct {
	style           string
	numID, ilvl     int // -1 when the paragraph sets none
	indent          int // -1 when the paragraph sets none
	outline         int // outlineLvl+1, 0 when not set
	pageBreakBefore bool
	sectionBreak    bool // a section that starts on a new page ends here
}

func (b *body) walk(d *xml.Decoder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return layout.Errorf(layout.StatusCorrupt, "word/document.xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return layout.Errorf(layout.StatusTooLarge, "word/document.xml nests elements more than %d deep", maxDepth)
			}
			skipped, err := b.start(d, t)
			if err != nil {
				return err
			}
			if skipped {
				depth--
			}
		case xml.EndElement:
			depth--
			if err := b.end(t); err != nil {
				return err
			}
		}
	}
	// A truncated stream leaves elements open: keep what was read.
	for len(b.paras) > 0 {
		b.endParagraph()
	}
	for len(b.tables) > 0 {
		if err := b.endTable(); err != nil {
			return err
		}
	}
	return nil
}

// start handles a start tag; skipped reports that its whole element was
// consumed.
func (b *body) start(d *xml.Decoder, t xml.StartElement) (skipped bool, err error) {
	if t.Name.Space == nsMC {
		if t.Name.Local == "Fallback" {
			// the Choice already holds the same content
			return true, d.Skip()
		}
		return false, nil
	}
	if t.Name.Space == nsMath && t.Name.Local == "t" {
		// an equation's text (Office Math) reads inline
		text, err := readText(d)
		b.addText(text)
		return true, err
	}
	if !isW(t.Name) {
		return false, nil
	}
	switch t.Name.Local {
	case "p":
		b.paras = append(b.paras, &paraBuilder{props: paraProps{numID: -1, ilvl: -1, indent: -1}, startPg: b.page})
	case "pPr":
		if p := b.para(); p != nil {
			props, err := readParaProps(d)
			if err != nil {
				return true, err
			}
			p.props = props
			if props.pageBreakBefore {
				b.pageBreak()
				p.startPg = b.page
			}
			return true, nil
		}
		return true, d.Skip()
	case "r":
		b.runHidden = false
	case "rPr":
		hidden, err := readRunHidden(d)
		b.runHidden = hidden
		return true, err
	case "t":
		text, err := readText(d)
		if err != nil {
			return true, err
		}
		b.addText(text)
		return true, nil
	case "tab":
		b.addText("\t")
	case "noBreakHyphen":
		b.addText("-")
	case "sym":
		if s := symbolText(t); s != "" {
			b.addText(s)
		}
	case "br", "cr":
		kind, _ := attr(t, "type")
		switch kind {
		case "page":
			b.addBreak()
			b.pageBreak()
		default:
			b.addBreak()
		}
	case "lastRenderedPageBreak":
		if !b.fresh {
			b.page++
		}
		b.fresh = true
	case "fldChar":
		switch v, _ := attr(t, "fldCharType"); v {
		case "begin":
			b.fields = append(b.fields, true)
		case "separate":
			if n := len(b.fields); n > 0 {
				b.fields[n-1] = false
			}
		case "end":
			if n := len(b.fields); n > 0 {
				b.fields = b.fields[:n-1]
			}
		}
	case "del", "moveFrom", "instrText", "delText", "delInstrText", "sdtPr", "sdtEndPr",
		"tblPr", "tblPrEx", "sectPr", "commentReference",
		"rPrChange", "pPrChange", "tblGridChange", "tcPrChange", "trPrChange":
		return true, d.Skip()
	case "footnoteReference", "endnoteReference":
		kind := footnote
		if t.Name.Local == "endnoteReference" {
			kind = endnote
		}
		if p := b.para(); p != nil && b.visible() {
			if note, ok := b.notes.cite(kind, t); ok {
				p.notes = append(p.notes, note)
			}
		}
		return true, d.Skip()
	case "tbl":
		b.tables = append(b.tables, &tableBuilder{page: b.page})
	case "tblGrid":
		if tb := b.table(); tb != nil {
			n, err := countGridCols(d)
			tb.gridCols = n
			return true, err
		}
		return true, d.Skip()
	case "tr":
		if tb := b.table(); tb != nil {
			tb.rows = append(tb.rows, tableRow{page: b.page})
		}
	case "trPr":
		if tb := b.table(); tb != nil && len(tb.rows) > 0 {
			err := readRowProps(d, &tb.rows[len(tb.rows)-1])
			return true, err
		}
		return true, d.Skip()
	case "tc":
		if tb := b.table(); tb != nil {
			tb.startCell()
		}
	case "tcPr":
		if tb := b.table(); tb != nil {
			if c := tb.cell(); c != nil {
				return true, readCellProps(d, c)
			}
		}
		return true, d.Skip()
	}
	return false, nil
}

func (b *body) end(t xml.EndElement) error {
	if !isW(t.Name) {
		return nil
	}
	switch t.Name.Local {
	case "p":
		b.endParagraph()
	case "r":
		b.runHidden = false
	case "tc":
		if tb := b.table(); tb != nil {
			tb.endCell()
		}
	case "tbl":
		return b.endTable()
	}
	return nil
}

func (b *body) para() *paraBuilder {
	if n := len(b.paras); n > 0 {
		return b.paras[n-1]
	}
	return nil
}

func (b *body) table() *tableBuilder {
	if n := len(b.tables); n > 0 {
		return b.tables[n-1]
	}
	return nil
}

// inCell reports whether paragraphs now go into a table cell.
func (b *body) inCell() bool {
	tb := b.table()
	return tb != nil && tb.cell() != nil
}

// visible reports whether run text is printed: not hidden, not a field
// instruction.
func (b *body) visible() bool {
	if b.runHidden {
		return false
	}
	for _, instr := range b.fields {
		if instr {
			return false
		}
	}
	return true
}

func (b *body) addText(s string) {
	p := b.para()
	if p == nil || !b.visible() {
		return
	}
	if len(p.segments) == 0 {
		p.segments = append(p.segments, strings.Builder{})
	}
	p.segments[len(p.segments)-1].WriteString(s)
	if strings.TrimSpace(s) != "" {
		if p.page == 0 {
			p.page = b.page
		}
		b.fresh = false
	}
}

// addBreak ends a line: inside a table cell it starts a new paragraph (cells
// use line breaks to separate entries), elsewhere it is a space.
func (b *body) addBreak() {
	p := b.para()
	if p == nil || !b.visible() {
		return
	}
	if b.inCell() && len(b.paras) == 1 {
		p.segments = append(p.segments, strings.Builder{})
		return
	}
	b.addText(" ")
}

func (b *body) pageBreak() {
	if !b.fresh {
		b.page++
	}
	b.fresh = true
}

func (b *body) endParagraph() {
	n := len(b.paras)
	if n == 0 {
		return
	}
	p := b.paras[n-1]
	b.paras = b.paras[:n-1]
	pr := p.props

	numID, ilvl := pr.numID, pr.ilvl
	if numID < 0 || ilvl < 0 {
		sNum, sLvl := b.st.numbering(pr.style)
		if numID < 0 {
			numID = sNum
		}
		if ilvl < 0 {
			ilvl = sLvl
		}
	}
	ilvl = max(ilvl, 0)
	marker := ""
	if numID > 0 {
		marker = b.num.next(numID, ilvl)
	}
	page := p.page
	if page == 0 {
		page = p.startPg
	}
	var texts []string
	for i := range p.segments {
		if t := layout.Clean(p.segments[i].String()); t != "" {
			texts = append(texts, t)
		}
	}
	if pr.sectionBreak {
		defer b.pageBreak()
	}
	if len(texts) == 0 {
		b.attachNotes(p.notes)
		return
	}

	if b.inCell() {
		level := ilvl
		if marker == "" {
			indent := pr.indent
			if indent < 0 {
				indent = b.st.indent(pr.style)
			}
			level = indentLevel(indent)
		}
		c := b.table().cell()
		for i, t := range texts {
			para := layout.Para{Text: t, Level: level}
			if i == 0 {
				para.Marker = marker
			}
			c.paras = append(c.paras, para)
		}
		c.paras[len(c.paras)-1].Notes = p.notes
		return
	}

	text := strings.Join(texts, " ")
	if b.title == "" && b.st.isTitle(pr.style) {
		b.title = text
	}
	level := pr.outline
	if level == 0 {
		level = b.st.headingLevel(pr.style)
	}
	blk := layout.Block{Kind: layout.Paragraph, Page: page, Text: text, Marker: marker, Notes: p.notes}
	switch {
	case level > 0:
		blk.Kind, blk.Level = layout.Heading, level
	case marker != "":
		blk.Kind, blk.Level = layout.ListItem, ilvl
	}
	b.blocks = append(b.blocks, blk)
}

// attachNotes keeps the notes cited by a paragraph without text of its
// own (a reference alone on a line) on the text just before it: the
// previous paragraph of the same cell, or the previous block.
func (b *body) attachNotes(notes []layout.Note) {
	if len(notes) == 0 {
		return
	}
	if b.inCell() {
		if c := b.table().cell(); len(c.paras) > 0 {
			c.paras[len(c.paras)-1].Notes = append(c.paras[len(c.paras)-1].Notes, notes...)
		}
		return
	}
	if n := len(b.blocks); n > 0 && b.blocks[n-1].Kind != layout.TableKind {
		b.blocks[n-1].Notes = append(b.blocks[n-1].Notes, notes...)
	}
}

// indentLevel turns a left indent in twips into a nesting depth: one level
// per quarter inch (360 twips), the common list indent step; the South East
// plan indents its i), ii) sub-items by 340.
func indentLevel(twips int) int {
	if twips <= 0 {
		return 0
	}
	return min((twips+180)/360, 8)
}

func (b *body) endTable() error {
	n := len(b.tables)
	tb := b.tables[n-1]
	b.tables = b.tables[:n-1]
	tbl, err := tb.build(&b.cells)
	if err != nil {
		return err
	}
	if tbl == nil {
		return nil
	}
	if parent := b.table(); parent != nil && parent.cell() != nil {
		// A nested table is flattened into its cell: its cells'
		// paragraphs, row by row.
		c := parent.cell()
		for _, r := range tbl.Rows {
			for _, cell := range r.Cells {
				if !cell.Covered {
					c.paras = append(c.paras, cell.Paragraphs...)
				}
			}
		}
		return nil
	}
	b.blocks = append(b.blocks, layout.Block{Kind: layout.TableKind, Page: tb.page, Table: tbl})
	return nil
}

// readParaProps reads a w:pPr element.
func readParaProps(d *xml.Decoder) (paraProps, error) {
	pr := paraProps{numID: -1, ilvl: -1, indent: -1}
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return pr, tokenErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "pStyle":
				pr.style, _ = attr(t, "val")
			case "numId":
				pr.numID = intAttr(t, "val", -1)
			case "ilvl":
				pr.ilvl = intAttr(t, "val", -1)
			case "ind":
				v, ok := attr(t, "left")
				if !ok {
					v, ok = attr(t, "start")
				}
				if ok {
					pr.indent = atoiOr(v, -1)
				}
			case "outlineLvl":
				if n := intAttr(t, "val", 9); n >= 0 && n < 9 {
					pr.outline = n + 1
				}
			case "pageBreakBefore":
				pr.pageBreakBefore = onOff(t)
			case "sectPr":
				pr.sectionBreak = true
			case "type":
				if v, _ := attr(t, "val"); v == "continuous" {
					pr.sectionBreak = false
				}
			case "rPr", "pPrChange", "tabs":
				if err := d.Skip(); err != nil {
					return pr, tokenErr(err)
				}
				depth--
			}
		case xml.EndElement:
			if depth == 0 {
				return pr, nil
			}
			depth--
		}
	}
}

// readRunHidden reads a run's w:rPr and reports hidden (w:vanish) text.
func readRunHidden(d *xml.Decoder) (bool, error) {
	hidden := false
	err := walkElement(d, func(t xml.StartElement, depth int) {
		if isW(t.Name) && t.Name.Local == "vanish" && depth == 1 {
			hidden = onOff(t)
		}
	})
	return hidden, err
}

// readText reads the character data of a w:t element.
func readText(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return sb.String(), tokenErr(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return sb.String(), nil
			}
			depth--
		}
	}
}

func tokenErr(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return layout.Errorf(layout.StatusCorrupt, "word/document.xml: %v", err)
}

// symbolText maps a w:sym character. Symbol-font bullets become "•";
// other private-use symbol codes have no text meaning and are dropped.
func symbolText(t xml.StartElement) string {
	v, _ := attr(t, "char")
	n := 0
	for _, c := range strings.ToUpper(v) {
		switch {
		case c >= '0' && c <= '9':
			n = n*16 + int(c-'0')
		case c >= 'A' && c <= 'F':
			n = n*16 + int(c-'A'+10)
		default:
			return ""
		}
		if n > 0x10FFFF {
			return ""
		}
	}
	switch n {
	case 0xF0B7, 0xF0A7, 0xF0FC, 0xF0D8, 0xF076, 0xF06E, 0xF0A8, 0x00B7:
		return "•"
	}
	if n < 0x20 || (n >= 0xE000 && n <= 0xF8FF) {
		return ""
	}
	return string(rune(n))
}
