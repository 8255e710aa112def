// Package layout is the one model every extractor produces: a document is a
// sequence of blocks (headings, paragraphs, list items and tables) in reading
// order, each stamped with the page it came from.
//
// Normalisation reads only this model, so it never needs to know whether a
// block came from a PDF, a Word file, a web page or a text file.
package layout

import "strings"

// Kind says what a Block is.
type Kind string

// The block kinds.
const (
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	ListItem  Kind = "list-item"
	TableKind Kind = "table"
)

// Format names an input format.
type Format string

// The formats planmap reads.
const (
	PDF     Format = "pdf"
	DOCX    Format = "docx"
	XLSX    Format = "xlsx"
	ODT     Format = "odt"
	DOC     Format = "doc" // Word 97-2003, read through LibreOffice
	RTF     Format = "rtf" // Rich Text Format, read through LibreOffice
	HTML    Format = "html"
	Text    Format = "text"
	Unknown Format = "unknown"
)

// Document is one input file as laid out by its extractor.
type Document struct {
	Format Format `json:"format"`
	// Pages is the number of pages, or 0 for formats without pages (HTML).
	Pages int `json:"pages"`
	// Title is the document's own title (PDF Info, DOCX core properties,
	// HTML <title>/<h1>), or "" when it has none.
	Title string `json:"title,omitempty"`
	// Meta holds what the extractor learnt about the document that is not body
	// text: running headers and footers ("furniture"), author, producer,
	// creation date, language. Keys are lower-case.
	Meta   map[string]string `json:"meta,omitempty"`
	Blocks []Block           `json:"blocks"`
	// Warnings are problems that did not stop extraction (a page that failed,
	// a table that could not be rebuilt), each carrying its page.
	Warnings []string `json:"warnings,omitempty"`
}

// Block is one unit of body text in reading order.
type Block struct {
	Kind Kind `json:"kind"`
	// Page is the 1-based page the block starts on; 0 when the format has no
	// pages.
	Page int `json:"page"`
	// Level is the heading level (1 = top) for headings and the nesting depth
	// (0 = outermost) for list items.
	Level int `json:"level,omitempty"`
	// Marker is the list or paragraph number as printed ("1.", "2.1", "a)",
	// "•"), kept apart from Text so numbering can become a reference.
	Marker string `json:"marker,omitempty"`
	// Text is the block's text with whitespace collapsed; "" for tables.
	Text string `json:"text,omitempty"`
	// Table is set when Kind is TableKind.
	Table *Table `json:"table,omitempty"`
	// Box is the block's position on its page in PDF points (origin top-left),
	// when the format has positions.
	Box *Box `json:"box,omitempty"`
	// Notes are the footnotes and endnotes the block cites, in the order it
	// cites them. Their text is not in Text: the block reads as printed.
	Notes []Note `json:"notes,omitempty"`
}

// Note is a footnote or endnote: the mark that cites it, as printed ("1",
// "iv", "*"; "" when unknown), and its text.
type Note struct {
	Mark string `json:"mark,omitempty"`
	Text string `json:"text"`
}

// Box is a rectangle in points with the origin at the top-left of the page.
type Box struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
}

// Table is a grid. Every Row has exactly Columns cells: a cell covered by a
// neighbour's span is present with Covered set and no text, so column i of
// any row is always Cells[i].
//
// A table that continues over several pages is one Table; each Row keeps its
// own page, and repeated header rows are already removed.
type Table struct {
	Columns int   `json:"columns"`
	Rows    []Row `json:"rows"`
	// HeaderRows counts the rows at the top that are column headers.
	HeaderRows int `json:"header_rows,omitempty"`
}

// Row is one row of a table.
type Row struct {
	Page  int    `json:"page"`
	Cells []Cell `json:"cells"`
}

// Cell is one grid position.
type Cell struct {
	// Paragraphs are the cell's separate paragraphs (or list items) in order.
	// Several milestones in one cell are several paragraphs.
	Paragraphs []Para `json:"paragraphs,omitempty"`
	RowSpan    int    `json:"row_span,omitempty"` // >1 on the top-left cell of a vertical merge
	ColSpan    int    `json:"col_span,omitempty"` // >1 on the left cell of a horizontal merge
	Covered    bool   `json:"covered,omitempty"`  // part of another cell's span
}

// Para is one paragraph inside a table cell.
type Para struct {
	Text   string `json:"text"`
	Level  int    `json:"level,omitempty"`  // indent / list depth, 0 = none
	Marker string `json:"marker,omitempty"` // bullet or number as printed
	Notes  []Note `json:"notes,omitempty"`  // footnotes and endnotes it cites
}

// Text joins the cell's paragraphs with newlines.
func (c Cell) Text() string {
	parts := make([]string, 0, len(c.Paragraphs))
	for _, p := range c.Paragraphs {
		t := p.Text
		if p.Marker != "" {
			t = p.Marker + " " + t
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, "\n")
}

// Empty reports whether the cell holds no text.
func (c Cell) Empty() bool {
	for _, p := range c.Paragraphs {
		if strings.TrimSpace(p.Text) != "" || strings.TrimSpace(p.Marker) != "" {
			return false
		}
	}
	return true
}

// Grid returns the table as rows of strings, a spanned cell's text in its
// top-left position and "" in the positions it covers: the shape that
// `planmap tables --json` prints.
func (t *Table) Grid() [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		row := make([]string, t.Columns)
		for j := 0; j < t.Columns && j < len(r.Cells); j++ {
			if !r.Cells[j].Covered {
				row[j] = r.Cells[j].Text()
			}
		}
		out[i] = row
	}
	return out
}

// NewCell makes a cell from paragraph texts, dropping empty ones.
func NewCell(paragraphs ...string) Cell {
	var c Cell
	for _, p := range paragraphs {
		if p = Clean(p); p != "" {
			c.Paragraphs = append(c.Paragraphs, Para{Text: p})
		}
	}
	return c
}

// Clean collapses runs of white space (including non-breaking spaces) to one
// space and trims the ends. Every extractor passes text through it.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff':
			space = true
			continue
		}
		if r < 0x20 || r == 0x7f {
			// other control characters never belong in body text
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
