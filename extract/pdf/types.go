// Package pdf reads text-based PDF files into the layout model, in stages
// that can each be inspected on their own, as in pdfplumber's pipeline:
// glyphs → words → lines → rulings → cells → tables → blocks.
//
// Files: lexer.go and interp.go walk content streams (glyphs and paths),
// fonts.go reads fonts and encoding.go their text (ToUnicode, encodings
// and glyph names from glyphnames.go, embedded fonts, the Adobe
// collections in cidcoll.go), page.go puts a page upright (readPage),
// words.go builds words and lines, bidi.go puts right-to-left text in
// reading order, rotated.go reads text set in other directions; tables.go and its siblings find tables;
// furniture.go, blocks.go and order.go build paragraphs, headings and list
// items in reading order; join.go joins tables across pages; pdf.go is the
// public API and runs pages in parallel.
package pdf

import "github.com/planmap/planmap/extract/layout"

// Options says which pages to read and how.
type Options struct {
	Pages    []int // 1-based pages to read; nil means all
	MaxPages int   // refuse documents with more pages (0 = no limit)
	Workers  int   // pages parsed in parallel (0 = 1)
}

// Glyph is one character as drawn, in top-left-origin points on the upright
// (rotation-corrected) page.
type Glyph struct {
	Text     string
	Font     string
	Size     float64 // font size in points
	X0, X1   float64
	Top, Bot float64 // Top < Bot: y grows downwards
	Base     float64 // baseline y
}

// Word is a run of glyphs with no gap wider than a fraction of the font size.
type Word struct {
	Text     string
	Font     string
	Size     float64
	X0, X1   float64
	Top, Bot float64
	Base     float64
}

// Line is the words sharing a baseline, left to right.
type Line struct {
	Words    []Word
	X0, X1   float64
	Top, Bot float64
	Base     float64
}

// Ruling is a drawn horizontal or vertical line segment (a stroked path or a
// thin filled rectangle), in the same coordinates as Glyph, with X0 <= X1
// and Y0 <= Y1.
type Ruling struct {
	X0, Y0, X1, Y1 float64
	// Fill marks an edge of a filled rectangle (a shaded cell or box) rather
	// than a drawn line: evidence of a cell, weaker than a border.
	Fill bool
}

// PageTable is one table found on one page, before tables that continue
// across pages are joined.
type PageTable struct {
	Page   int
	Method string // "lattice" (ruled) or "stream" (aligned text)
	Box    layout.Box
	Table  *layout.Table
	// ColX is the left edge of each grid column, when the finder knows it:
	// how a table continued on the next page is recognised.
	ColX []float64
}

// pageText is one page after the glyph, word, line and ruling stages: the
// input of table finding and of paragraph building.
type pageText struct {
	Number        int     // 1-based
	Width, Height float64 // upright page size in points
	Glyphs        []Glyph
	Words         []Word
	Lines         []Line
	// Rotated holds the text that does not run left to right on the
	// upright page, one line of one word per run (rotated.go): kept out
	// of Lines, read into ruled tables' cells and into blocks of its own.
	Rotated []Line
	// Unmapped counts the characters, per font, that no map turned into
	// text, with the reason (a page warning)
	Unmapped map[string]int
	Rulings  []Ruling
}
