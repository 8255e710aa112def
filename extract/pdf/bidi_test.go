package pdf

import (
	"strings"
	"testing"
)

// reversed lays text out as a PDF draws right-to-left text: the glyphs in
// the order they appear left to right on the page.
func reversed(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// TestRightToLeftLines: Hebrew and Arabic lines drawn in visual order read
// back in logical order, numbers and Latin words inside them keeping their
// own order, and a Hebrew phrase inside an English line turned alone.
func TestRightToLeftLines(t *testing.T) {
	cases := []struct {
		name    string
		visual  string // left to right on the page, '|' a gap between words
		logical string
	}{
		{"hebrew sentence", reversed("ספר זה באמת התרחשו;"), "ספר זה באמת התרחשו;"},
		{"arabic with a number", reversed("ﻋﻨﺪﻱ 74 ﻗﻄﻂ"), "ﻋﻨﺪﻱ 47 ﻗﻄﻂ"},
		{"arabic with a latin word", reversed("ﺍﺳﻤﻲ ymereJ ﻓﻲ ﺍﻻﻧﺠﻠﻴﺰﻳﺔ"), "ﺍﺳﻤﻲ Jeremy ﻓﻲ ﺍﻻﻧﺠﻠﻴﺰﻳﺔ"},
		{"hebrew phrase in english", "the word " + reversed("שלום עולם") + " means", "the word שלום עולם means"},
		{"english only unchanged", "Objective 1: tackle poverty", "Objective 1: tackle poverty"},
	}
	for _, c := range cases {
		gs := glyphRun(c.visual, 50, 100, 10, 5, 3)
		ws, ls := wordsAndLines(gs)
		if len(ls) != 1 {
			t.Fatalf("%s: %d lines", c.name, len(ls))
		}
		for i := 1; i < len(ws); i++ {
			if ws[i].X0 < ws[i-1].X0 {
				t.Errorf("%s: words not left to right on the page", c.name)
			}
		}
		if got := lineText(ls[0]); got != c.logical {
			t.Errorf("%s: got %q, want %q", c.name, got, c.logical)
		}
		if got := (segment{words: ls[0].Words}).text(); got != c.logical {
			t.Errorf("%s: segment %q, want %q", c.name, got, c.logical)
		}
		if ps := cellParas(ws, 12, 0); len(ps) != 1 || ps[0].Text != strings.TrimSpace(c.logical) {
			t.Errorf("%s: cell %+v, want %q", c.name, ps, c.logical)
		}
	}
}

// TestRightToLeftPDF: a Hebrew line as a PDF draws it (glyphs left to
// right on the page, here through /Differences glyph names) reads in
// logical order, its number kept left to right.
func TestRightToLeftPDF(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [1 /afii57689 /lamed /afii57669 /finalmem /uni05DB] >> >>"
	// שלום 2010 לכולם drawn from the left: םלוכל 2010 םולש
	content := `BT /F1 12 Tf 72 700 Td (\004\002\003\005\002 2010 \004\003\002\001) Tj ET`
	got := lineTexts(t, fontPDF(font, nil, content))
	if want := "שלום 2010 לכולם"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
