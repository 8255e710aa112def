package odt

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// walker walks content.xml as a token stream and builds the layout blocks.
type walker struct {
	st *styles

	blocks []layout.Block
	paras  []*para    // open paragraphs; more than one inside text boxes
	lists  []*listCtx // open lists, outermost first
	tables []*table   // open tables; more than one when nested
	last   map[string]*counters
	recent *counters // the last top-level list, for continue-numbering

	page    int
	sawText bool // office:text was met
	inBody  bool // inside office:text
	cells   int  // grid positions made so far, against maxCells
}

// para collects one text:p or text:h.
type para struct {
	heading bool
	level   int    // heading level, or list depth for a list item
	list    bool   // the first paragraph of a list item
	marker  string // list or heading number as printed
	segs    []strings.Builder
	page    int
	cell    *cell         // the table cell it belongs to, nil in the body
	notes   []layout.Note // footnotes and endnotes it cites, in order
}

// listCtx is one open text:list.
type listCtx struct {
	c     *counters
	style string
	level int
	item  *item // the open list item, nil between items
}

type item struct {
	header bool // text:list-header: no number
	start  int  // text:start-value, -1 when absent
	used   bool // its first paragraph has taken the marker
	marker string
	number bool // a text:number gave the marker as printed
}

func (w *walker) walk(d *xml.Decoder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return layout.Errorf(layout.StatusCorrupt, "content.xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return layout.Errorf(layout.StatusTooLarge, "content.xml nests elements more than %d deep", maxDepth)
			}
			skipped, err := w.start(d, t)
			if err != nil {
				return err
			}
			if skipped {
				depth--
			}
		case xml.EndElement:
			depth--
			if err := w.end(t); err != nil {
				return err
			}
		case xml.CharData:
			w.addText(string(t))
		}
	}
	// A truncated stream leaves elements open: keep what was read.
	for len(w.paras) > 0 {
		w.endParagraph()
	}
	for len(w.tables) > 0 {
		if err := w.endTable(); err != nil {
			return err
		}
	}
	return nil
}

// skipText are elements of the text namespace that hold no body text:
// declarations, index templates, tracked changes, ruby annotations. Notes
// are read apart (readNote).
var skipText = map[string]bool{
	"tracked-changes": true, "sequence-decls": true, "variable-decls": true,
	"user-field-decls": true, "dde-connection-decls": true, "ruby-text": true,
	"index-title-template": true, "alphabetical-index-auto-mark-file": true,
}

// start handles a start tag; skipped reports that its whole element was
// consumed.
func (w *walker) start(d *xml.Decoder, t xml.StartElement) (skipped bool, err error) {
	n := t.Name
	if !w.inBody {
		if n.Local == "text" && in(n, nsOffice, "office") {
			w.sawText, w.inBody = true, true
			return false, nil
		}
		return false, nil
	}
	switch {
	case in(n, nsOffice, "office"):
		if n.Local == "annotation" || n.Local == "forms" || n.Local == "event-listeners" {
			return true, d.Skip()
		}
	case in(n, nsDraw, "draw"), in(n, nsSVG, "svg"):
		if n.Local == "title" || n.Local == "desc" {
			return true, d.Skip() // alternative text, not body text
		}
	case in(n, nsText, "text"):
		return w.startText(d, t)
	case in(n, nsTable, "table"):
		w.startTable(t)
	}
	return false, nil
}

func (w *walker) startText(d *xml.Decoder, t xml.StartElement) (bool, error) {
	switch l := t.Name.Local; {
	case skipText[l] || strings.HasSuffix(l, "-source"):
		return true, d.Skip()
	case l == "note":
		note, err := readNote(d)
		if p := w.para(); p != nil && note.Text != "" {
			p.notes = append(p.notes, note)
		}
		return true, err
	case l == "p" || l == "h":
		w.startParagraph(t, l == "h")
	case l == "s", l == "tab":
		w.addText(" ")
	case l == "line-break":
		if p := w.para(); p != nil {
			p.segs = append(p.segs, strings.Builder{})
		}
	case l == "soft-page-break":
		w.page++
	case l == "number":
		text, err := readText(d)
		if err != nil {
			return true, err
		}
		text = layout.Clean(text)
		if p := w.para(); p != nil {
			if text != "" {
				p.marker = text // the number as the producer printed it
			}
		} else if it := w.item(); it != nil && !it.used && text != "" {
			it.marker, it.number = text, true
		}
		return true, nil
	case l == "list":
		w.startList(t)
	case l == "list-item" || l == "list-header":
		if top := w.list(); top != nil {
			top.item = &item{header: l == "list-header", start: -1}
			if v := attr(t, "start-value"); v != "" {
				top.item.start = intAttr(t, "start-value", 1, 1<<20)
			}
		}
	}
	return false, nil
}

func (w *walker) end(t xml.EndElement) error {
	n := t.Name
	switch {
	case in(n, nsOffice, "office") && n.Local == "text":
		w.inBody = false
	case !w.inBody:
	case in(n, nsText, "text"):
		switch n.Local {
		case "p", "h":
			w.endParagraph()
		case "list":
			if len(w.lists) > 0 && len(w.lists) > w.listBase() {
				w.lists = w.lists[:len(w.lists)-1]
			}
		case "list-item", "list-header":
			if top := w.list(); top != nil {
				top.item = nil
			}
		}
	case in(n, nsTable, "table"):
		return w.endTableElement(n.Local)
	}
	return nil
}

// para returns the innermost open paragraph.
func (w *walker) para() *para {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

// listBase is how many lists were open when the innermost table cell
// opened: lists below it belong outside the cell.
func (w *walker) listBase() int {
	if tb := w.table(); tb != nil {
		return tb.listBase
	}
	return 0
}

// list returns the innermost list of the current container.
func (w *walker) list() *listCtx {
	if len(w.lists) == 0 || len(w.lists) <= w.listBase() {
		return nil
	}
	return w.lists[len(w.lists)-1]
}

func (w *walker) item() *item {
	if l := w.list(); l != nil {
		return l.item
	}
	return nil
}

func (w *walker) startList(t xml.StartElement) {
	style := attr(t, "style-name")
	if outer := w.list(); outer != nil {
		// a sublist: same counters, one level down
		if style == "" {
			style = outer.style
		}
		w.lists = append(w.lists, &listCtx{c: outer.c, style: style, level: outer.level + 1})
		return
	}
	var c *counters
	if attr(t, "continue-numbering") == "true" || attr(t, "continue-list") != "" {
		c = w.recent
		if prev := w.last[style]; prev != nil && style != "" {
			c = prev
		}
	}
	if c == nil {
		c = &counters{style: style}
	}
	if w.last == nil {
		w.last = map[string]*counters{}
	}
	if style != "" && len(w.last) < 10000 {
		w.last[style] = c
	}
	w.recent = c
	w.lists = append(w.lists, &listCtx{c: c, style: style})
}

func (w *walker) startParagraph(t xml.StartElement, heading bool) {
	p := &para{heading: heading, page: w.page, segs: make([]strings.Builder, 1)}
	if heading {
		lv := intAttr(t, "outline-level", 1, maxLevels)
		p.level = max(1, min(lv, 6))
		if w.list() == nil && attr(t, "is-list-header") != "true" {
			start := -1
			if attr(t, "restart-numbering") == "true" || attr(t, "start-value") != "" {
				start = intAttr(t, "start-value", 1, 1<<20)
			}
			p.marker = w.st.heading(lv, start)
		}
	}
	if tb := w.table(); tb != nil {
		p.cell = tb.openCell()
	}
	if l := w.list(); l != nil && l.item != nil && !l.item.used {
		it := l.item
		it.used = true
		p.list = !heading
		if !heading {
			p.level = l.level
		}
		switch {
		case it.number:
			p.marker = it.marker
		case !it.header:
			style := l.style
			if style == "" {
				style = w.st.paragraphList(attr(t, "style-name"))
				if l.c.style == "" {
					l.c.style = style
				}
				if style == "" {
					style = l.c.style
				}
			}
			p.marker = w.st.next(l.c, style, l.level, it.start)
		}
	}
	w.paras = append(w.paras, p)
}

func (w *walker) addText(s string) {
	if p := w.para(); p != nil && w.inBody {
		p.segs[len(p.segs)-1].WriteString(s)
	}
}

func (w *walker) endParagraph() {
	if len(w.paras) == 0 {
		return
	}
	p := w.paras[len(w.paras)-1]
	w.paras = w.paras[:len(w.paras)-1]
	if p.cell != nil {
		first := true
		for i := range p.segs {
			text := layout.Clean(p.segs[i].String())
			if text == "" {
				continue
			}
			para := layout.Para{Text: text}
			if p.list {
				para.Level = p.level
			}
			if first {
				para.Marker = p.marker
				first = false
			}
			p.cell.paras = append(p.cell.paras, para)
		}
		if n := len(p.cell.paras); n > 0 && len(p.notes) > 0 {
			// on this paragraph's last line, or the cell's paragraph
			// before it when it has no text of its own
			p.cell.paras[n-1].Notes = append(p.cell.paras[n-1].Notes, p.notes...)
		}
		return
	}
	parts := make([]string, len(p.segs))
	for i := range p.segs {
		parts[i] = p.segs[i].String()
	}
	text := layout.Clean(strings.Join(parts, " "))
	if text == "" {
		if n := len(w.blocks); n > 0 && len(p.notes) > 0 && w.blocks[n-1].Kind != layout.TableKind {
			w.blocks[n-1].Notes = append(w.blocks[n-1].Notes, p.notes...)
		}
		return
	}
	b := layout.Block{Kind: layout.Paragraph, Page: p.page, Text: text, Notes: p.notes}
	switch {
	case p.heading:
		b.Kind, b.Level, b.Marker = layout.Heading, p.level, p.marker
	case p.list:
		b.Kind, b.Level, b.Marker = layout.ListItem, p.level, p.marker
	}
	w.blocks = append(w.blocks, b)
}

var errTooManyCells = errors.New("too many table cells")
