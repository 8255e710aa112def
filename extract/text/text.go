// Package text reads plain text into the layout model, including the
// converted-document form whose tables are tab-separated rows with <p>/<li>
// markup inside the cells.
//
// Paragraphs are separated by blank lines (or are one per line when the
// lines are too long to be hard-wrapped). Short lines that look like titles
// become headings; lines that start with a bullet or an item number become
// list items, nested by their indent. Consecutive lines holding TAB
// characters are table rows (table.go). A form feed, as pdftotext writes
// between pages, starts a new page (Document.Pages and Block.Page are then
// set; otherwise they are 0).
//
// Numbering, as the HTML extractor does it:
//   - "2.1 The consultation …" is a Paragraph with Marker "2.1" (SplitMarker).
//   - "1. Introduction" (a short title) is a Heading with Marker "1." and a
//     level from the number's depth; "1. A long paragraph …" and "a) …",
//     "(iv) …" lines are ListItems with the number as printed as Marker.
//   - Any bullet glyph (•, -, *, o, …) gives Marker "•"; Level comes from
//     the indent.
//   - In table cells numbers stay in the text; <li> items get Marker "•" or
//     "1.", and a cell paragraph printed "• text" gets Marker "•".
package text

import (
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// Options limits what is read.
type Options struct {
	MaxLine int // refuse lines longer than this many bytes (0 = a safe default)
}

// DefaultMaxLine is the longest line read when Options.MaxLine is 0. A
// converted table row with all its cells on one line can be long, but not
// a megabyte.
const DefaultMaxLine = 1 << 20

// Extract reads one plain-text document.
func Extract(data []byte, opt Options) (*layout.Document, error) {
	maxLine := opt.MaxLine
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	s, charset, warning := decode(data)
	lines, pages, err := splitLines(s, maxLine)
	if err != nil {
		return nil, err
	}
	doc := &layout.Document{Format: layout.Text, Meta: map[string]string{"charset": charset}}
	if warning != "" {
		doc.Warnings = append(doc.Warnings, "charset: "+warning)
	}
	if pages > 1 {
		doc.Pages = pages
	}
	p := &parser{lines: lines}
	p.run()
	doc.Blocks = p.blocks
	if pages <= 1 {
		for i := range doc.Blocks {
			doc.Blocks[i].Page = 0
			if t := doc.Blocks[i].Table; t != nil {
				for r := range t.Rows {
					t.Rows[r].Page = 0
				}
			}
		}
	}
	if len(doc.Blocks) > 0 && doc.Blocks[0].Kind == layout.Heading {
		doc.Title = strings.TrimSpace(doc.Blocks[0].Marker + " " + doc.Blocks[0].Text)
	}
	return doc, nil
}

// srcLine is one line of the file with the page it is on.
type srcLine struct {
	text string
	page int
	no   int // 1-based line number
}

// splitLines cuts the text into lines, treating CR LF, CR and LF alike, and
// counts pages at form feeds. A line longer than maxLine bytes is refused.
func splitLines(s string, maxLine int) ([]srcLine, int, error) {
	var out []srcLine
	page, no := 1, 0
	for len(s) > 0 || no == 0 {
		i := strings.IndexAny(s, "\r\n")
		var l string
		if i < 0 {
			l, s = s, ""
		} else {
			l = s[:i]
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			s = s[i+1:]
		}
		no++
		if len(l) > maxLine {
			return nil, 0, layout.Errorf(layout.StatusTooLarge, "line %d is %d bytes long, over the limit of %d", no, len(l), maxLine)
		}
		// A form feed ends a page; text after it on the same line is on the
		// next page.
		for {
			j := strings.IndexByte(l, '\f')
			if j < 0 {
				break
			}
			if before := l[:j]; strings.TrimSpace(before) != "" {
				out = append(out, srcLine{text: before, page: page, no: no})
			}
			out = append(out, srcLine{text: "", page: page, no: no}) // a page end separates paragraphs
			page++
			l = l[j+1:]
		}
		out = append(out, srcLine{text: l, page: page, no: no})
		if len(s) == 0 {
			break
		}
	}
	// A trailing form feed opens no page.
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1].text) == "" {
		out = out[:len(out)-1]
	}
	last := 1
	if len(out) > 0 {
		last = out[len(out)-1].page
	}
	return out, last, nil
}
