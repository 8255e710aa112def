package docx

import (
	"slices"
	"testing"
)

// lvl is one numbering level definition.
func lvl(ilvl, start int, format, text string) string {
	return `<w:lvl w:ilvl="` + itoa(ilvl) + `"><w:start w:val="` + itoa(start) + `"/><w:numFmt w:val="` + format + `"/><w:lvlText w:val="` + text + `"/></w:lvl>`
}

func TestNumbering(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="1">` + lvl(0, 1, "decimal", "%1.") + lvl(1, 1, "lowerLetter", "%2)") + lvl(2, 1, "lowerRoman", "(%3)") + `</w:abstractNum>
<w:abstractNum w:abstractNumId="2">` + lvl(0, 9, "decimal", "%1.") + lvl(1, 1, "bullet", "\uf0b7") + `</w:abstractNum>
<w:abstractNum w:abstractNumId="3">` + lvl(0, 1, "upperRoman", "%1") + lvl(1, 1, "decimal", "%1.%2") + lvl(2, 1, "upperLetter", "%3.") + `</w:abstractNum>
<w:abstractNum w:abstractNumId="4">` + lvl(0, 1, "none", "%1") + `</w:abstractNum>
<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="4"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>`
	styles := `<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`
	body := p(numPr(1, 0), "First") +
		p(numPr(1, 1), "sub a") +
		p(numPr(1, 1), "sub b") +
		p(numPr(1, 2), "deep i") +
		p(numPr(1, 2), "deep ii") +
		p(`<w:pStyle w:val="Heading3"/>`, "A heading between") +
		p(numPr(1, 0), "Second, numbering runs on") +
		p(numPr(1, 1), "sub a again: restarted by level 0") +
		p(numPr(7, 0), "Third: another num sharing the list continues") +
		p(numPr(5, 0), "Restarted by startOverride") +
		p(numPr(2, 0), "Starts at nine") +
		p(`<w:pStyle w:val="ListBullet"/>`, "Bullet from the style") +
		p(numPr(2, 0), "Ten") +
		p(numPr(3, 0), "Roman") +
		p(numPr(3, 1), "Legal-style two levels") +
		p(numPr(3, 2), "Upper letter") +
		p(numPr(3, 0), "Roman two") +
		p(numPr(3, 2), "Level skipped") +
		p(numPr(4, 0), "Unnumbered level") +
		p(numPr(0, 0), "numId 0 is no list") +
		p(numPr(99, 0), "Unknown numId") +
		p(numPr(6, 0), "No restart one") +
		p(numPr(6, 1), "child") +
		p(numPr(6, 0), "No restart two") +
		p(numPr(6, 1), "child keeps counting")
	doc := mustExtract(t, docxOf(t, body, styles, numbering))
	want := []string{
		"list-item 1.|First",
		"list-item 1 a)|sub a",
		"list-item 1 b)|sub b",
		"list-item 2 (i)|deep i",
		"list-item 2 (ii)|deep ii",
		"heading 3|A heading between",
		"list-item 2.|Second, numbering runs on",
		"list-item 1 a)|sub a again: restarted by level 0",
		"list-item 3.|Third: another num sharing the list continues",
		"list-item 1.|Restarted by startOverride",
		"list-item 9.|Starts at nine",
		"list-item 1 •|Bullet from the style",
		"list-item 10.|Ten",
		"list-item I|Roman",
		"list-item 1 I.1|Legal-style two levels",
		"list-item 2 A.|Upper letter",
		"list-item II|Roman two",
		"list-item 2 A.|Level skipped",
		"paragraph|Unnumbered level",
		"paragraph|numId 0 is no list",
		"paragraph|Unknown numId",
		"list-item 1|No restart one",
		"list-item 1 1.1|child",
		"list-item 2|No restart two",
		"list-item 1 2.2|child keeps counting",
	}
	got := summary(doc)
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("block %d: got %q, want %q", i, g, w)
			}
		}
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {54, "decimal", "54"}, {3, "decimalZero", "03"},
		{1, "lowerLetter", "a"}, {26, "lowerLetter", "z"}, {27, "lowerLetter", "aa"}, {28, "upperLetter", "BB"},
		{4, "lowerRoman", "iv"}, {1994, "upperRoman", "MCMXCIV"}, {0, "lowerRoman", "0"},
		{1, "ordinal", "1st"}, {12, "ordinal", "12th"}, {23, "ordinal", "23rd"},
		{5, "bullet", "•"}, {5, "none", ""}, {7, "chineseCounting", "7"},
	}
	for _, c := range cases {
		if got := formatNumber(c.n, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}
