package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// textLine makes a Line of words at x on baseline base, 5 points per rune.
func textLine(text string, x, base, size float64, font string) Line {
	var ws []Word
	for _, f := range strings.Fields(text) {
		w := Word{Text: f, Font: font, Size: size, X0: x, X1: x + float64(len([]rune(f)))*size/2,
			Top: base - 0.8*size, Bot: base + 0.2*size, Base: base}
		ws = append(ws, w)
		x = w.X1 + size/4
	}
	return lines(ws)[0]
}

func pageOf(n int, ls ...Line) pageResult {
	pt := &pageText{Number: n, Width: 600, Height: 800, Lines: ls}
	for _, l := range ls {
		pt.Words = append(pt.Words, l.Words...)
	}
	return pageResult{n: n, text: pt}
}

func TestFurnitureFindsRunningLines(t *testing.T) {
	var pages []pageResult
	free := map[int][]Line{}
	for n := 1; n <= 6; n++ {
		ls := []Line{
			textLine("Regional Action Plan 2007", 50, 30, 9, "Arial"),
			textLine(fmt.Sprintf("Action %d:", n*n), 50, 70, 10, "Arial"), // body text at the top, numbers not page-like
			textLine("Some body text on the page", 50, 400, 10, "Arial"),
			textLine(fmt.Sprintf("East of England Plan | Page %d", n+2), 50, 780, 9, "Arial"),
			textLine(fmt.Sprintf("- %d -", n), 300, 770, 9, "Arial"),
		}
		pages = append(pages, pageOf(n, ls...))
		free[n] = ls
	}
	f := findFurniture(pages, free)
	if f.meta["header"] != "Regional Action Plan 2007" {
		t.Errorf("header %q", f.meta["header"])
	}
	if f.meta["footer"] != "East of England Plan | Page 3" {
		t.Errorf("footer %q", f.meta["footer"])
	}
	for n := 1; n <= 6; n++ {
		if !f.drop[n][0] || !f.drop[n][3] || !f.drop[n][4] {
			t.Errorf("page %d: running lines kept", n)
		}
		if f.drop[n][1] || f.drop[n][2] {
			t.Errorf("page %d: body text dropped", n)
		}
	}
}

func TestPageBlocks(t *testing.T) {
	body := bodyInfo{size: 10}
	ls := []Line{
		textLine("Summary of Actions", 50, 60, 16, "Arial-Bold"),
		// two columns
		textLine("Left column first line of text", 50, 100, 10, "Arial"),
		textLine("left column second line.", 50, 112, 10, "Arial"),
		textLine("Right column first line", 320, 100, 10, "Arial"),
		textLine("right column second line", 320, 112, 10, "Arial"),
		// a full-width list below
		textLine("• First bullet item that runs across the page width here", 50, 160, 10, "Arial"),
		textLine("2.1 A numbered paragraph across the page width as well", 50, 180, 10, "Arial"),
		textLine("a) a lettered item", 70, 200, 10, "Arial"),
	}
	// cut the two-column lines at their gutter
	var merged []Line
	merged = append(merged, ls[0])
	for i := 1; i <= 2; i++ {
		l := ls[i]
		r := ls[i+2]
		l.Words = append(l.Words, r.Words...)
		l.X1 = r.X1
		merged = append(merged, l)
	}
	merged = append(merged, ls[5:]...)
	pt := &pageText{Number: 1, Width: 600, Height: 800, Lines: merged}
	bs := pageBlocks(pt, merged, nil, body)
	var got []string
	for _, b := range bs {
		got = append(got, fmt.Sprintf("%s|%d|%s|%s", b.Kind, b.Level, b.Marker, b.Text))
	}
	want := []string{
		"heading|0||Summary of Actions",
		"paragraph|0||Left column first line of text left column second line.",
		"paragraph|0||Right column first line right column second line",
		"list-item|0|•|First bullet item that runs across the page width here",
		"list-item|0|2.1|A numbered paragraph across the page width as well",
		"list-item|1|a)|a lettered item",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if bs[0].Kind == layout.Heading {
		assignHeadingLevels(bs, body)
		if bs[0].Level != 1 {
			t.Errorf("heading level %d", bs[0].Level)
		}
	}
}

func TestJoinLinesAndMarkers(t *testing.T) {
	if got := joinLines([]string{"increased understanding of over-", "indebtedness in the region"}); got != "increased understanding of over-indebtedness in the region" {
		t.Errorf("joinLines = %q", got)
	}
	if got := joinLines([]string{"A -", "b"}); got != "A - b" {
		t.Errorf("joinLines dash = %q", got)
	}
	// The South East report's cells wrap "Sub-Group", "See-Online" and
	// "decision-making" at the hyphen.
	for in, want := range map[[2]string]string{
		{"SIPSE Communications Sub-", "Group has taken on"}: "SIPSE Communications Sub-Group has taken on",
		{"examples from BURA on See-", "Online to 1,000"}:   "examples from BURA on See-Online to 1,000",
		{"shaping decision-", "making processes"}:           "shaping decision-making processes",
		{"the 2002-", "2012 strategy"}:                      "the 2002-2012 strategy",
		{"GOSE -", "Government Office"}:                     "GOSE - Government Office",
		{"-", "Item"}:                                       "- Item",
	} {
		if got := joinLines(in[:]); got != want {
			t.Errorf("joinLines(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range []struct{ in, marker, rest string }{
		{"1. Promote work", "1.", "Promote work"},
		{"•Text glued", "•", "Text glued"},
		{"of people", "", "of people"},
		{"(NSS) and", "", "(NSS) and"},
		{"(iv) fourth", "(iv)", "fourth"},
	} {
		m, r := splitMarker(c.in)
		if numMarker.MatchString(c.marker) || c.marker == "" || gluedBullet([]rune(c.marker)[0]) {
			if m != c.marker || r != c.rest {
				t.Errorf("splitMarker(%q) = %q, %q", c.in, m, r)
			}
		}
	}
}
