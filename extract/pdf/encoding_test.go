package pdf

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// fontPDF builds a one-page PDF whose font /F1 is the dictionary font
// (object 3); objs are further objects, numbered from 5 (the page is 4,
// its content 5+len(objs)). Each case below is one cause of wrong text
// seen in other readers' test files, made small.
func fontPDF(font string, objs []string, content string) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
	obj(font)
	obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+len(objs)))
	for _, o := range objs {
		obj(o)
	}
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content))
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, x)
	return b.Bytes()
}

func streamObj(data string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
}

const cmapHead = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def 1 begincodespacerange <00> <FF> endcodespacerange\n"
const cmapTail = "endcmap CMapName currentdict /CMap defineresource pop end end"

// lineTexts reads page 1's lines, as words are cut and ordered.
func lineTexts(t *testing.T, data []byte) string {
	t.Helper()
	pt, err := readPage(openPDF(t, data), 1)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range pt.Lines {
		out = append(out, lineText(l))
	}
	return strings.Join(out, "\n")
}

// goGlyphs returns the glyph indices of s in the Go Regular font, as the
// 2-byte codes of an Identity-H font whose CIDs are those glyphs.
func goGlyphs(t *testing.T, s string) string {
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var hex strings.Builder
	for _, r := range s {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		fmt.Fprintf(&hex, "%04X", int(g))
	}
	return "<" + hex.String() + ">"
}

func TestFontText(t *testing.T) {
	type1 := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
	cases := []struct {
		name, font string
		objs       []string
		content    string
		want       string
	}{
		{"ToUnicode wins over a named encoding",
			type1 + "/Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>",
			[]string{streamObj(cmapHead + "4 beginbfchar <01> <0050> <02> <006C> <03> <0061> <04> <006E> endbfchar\n" + cmapTail)},
			`BT /F1 12 Tf 72 700 Td (\001\002\003\004) Tj ET`, "Plan"},
		{"ToUnicode bfrange with an array and a ligature",
			type1 + "/ToUnicode 5 0 R >>",
			[]string{streamObj(cmapHead + "3 beginbfrange <01> <02> [<0050> <006C>] <03> <03> <0061> <04> <04> <006E> endbfrange 1 beginbfchar <05> <00660069> endbfchar\n" + cmapTail)},
			`BT /F1 12 Tf 72 700 Td (\001\002\003\004 \005nance) Tj ET`, "Plan finance"},
		{"an empty ToUnicode map falls back to the encoding",
			type1 + "/Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>",
			[]string{streamObj(cmapHead + cmapTail)},
			`BT /F1 12 Tf 72 700 Td (Action plan) Tj ET`, "Action plan"},
		{"differences over a base encoding, glyph names and uni names",
			type1 + "/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /P /l /uni0061 /n 200 /bullet] >> >>",
			nil, `BT /F1 12 Tf 72 700 Td (\310 \001\002\003\004 B) Tj ET`, "• Plan B"},
		{"ZapfDingbats bullets by code and by name",
			"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats /Encoding << /Differences [1 /a71] >> >>",
			nil, `BT /F1 12 Tf 72 700 Td (l \001) Tj ET`, "● ●"},
		{"Symbol bullet",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>",
			nil, `BT /F1 12 Tf 72 700 Td (\267 abg) Tj ET`, "• αβγ"},
		{"Type 3 font without ToUnicode reads its glyph names",
			"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << >> /Resources << >> /FirstChar 1 /LastChar 5 /Widths [600 300 500 550 250] /Encoding << /Type /Encoding /Differences [1 /P /l /a /n /space] >> >>",
			nil, `BT /F1 12 Tf 72 700 Td (\001\002\003\004\005\001\002\003\004) Tj ET`, "Plan Plan"},
		{"Identity-H without ToUnicode reads the embedded TrueType cmap",
			"<< /Type /Font /Subtype /Type0 /BaseFont /GoRegular /Encoding /Identity-H /DescendantFonts [5 0 R] >>",
			[]string{"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GoRegular /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /CIDToGIDMap /Identity >>",
				"<< /Type /FontDescriptor /FontName /GoRegular /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>",
				fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(goregular.TTF), goregular.TTF)},
			"", "Action plan"},
	}
	for _, c := range cases {
		content := c.content
		if content == "" {
			content = "BT /F1 12 Tf 72 700 Td " + goGlyphs(t, "Action") + " Tj 60 0 Td " + goGlyphs(t, "plan") + " Tj ET"
		}
		if got := lineTexts(t, fontPDF(c.font, c.objs, content)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestCIDFontWithoutAnyMap: an Identity-H font with no ToUnicode map and
// no embedded font to read says nothing about its text: one U+FFFD per
// 2-byte code (never one per byte), and a page of them is flagged garbled
// rather than read as text.
func TestCIDFontWithoutAnyMap(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /MSGothic /Encoding /Identity-H /DescendantFonts [5 0 R] >>"
	objs := []string{"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MSGothic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"}
	line := "<" + strings.Repeat("3042304430463048304A", 3) + ">"
	var content strings.Builder
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&content, "BT /F1 12 Tf 72 %d Td %s Tj ET\n", 700-20*i, line)
	}
	data := fontPDF(font, objs, content.String())
	r := openPDF(t, data)
	pt, err := readPage(r, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pt.Glyphs); n != 60 {
		t.Errorf("%d glyphs, want 60 (one per 2-byte code)", n)
	}
	for _, g := range pt.Glyphs {
		if g.Text != "\ufffd" {
			t.Fatalf("glyph %q, want one U+FFFD", g.Text)
		}
	}
	_, err = Extract(context.Background(), data, Options{})
	if err == nil || !strings.Contains(err.Error(), "garbled") || !strings.Contains(err.Error(), "MSGothic (no ToUnicode map and no embedded TrueType font to read)") {
		t.Errorf("got %v, want the garbled text layer reported, naming the font", err)
	}
}

// TestAdobeCollection: an Identity-H font of the Adobe-Japan1 collection
// without a ToUnicode map reads through the collection's public table
// when poppler-data has installed it; without it, the page warns that
// the table is missing.
func TestAdobeCollection(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPro-Regular /Encoding /Identity-H /DescendantFonts [5 0 R] >>"
	objs := []string{"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPro-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /DW 1000 >>"}
	// CIDs 842-845 are ぁあぃい in Adobe-Japan1; then the plan text in Helvetica
	content := "BT /F1 12 Tf 72 700 Td <034A034B034C034D> Tj ET"
	data := fontPDF(font, objs, content)
	if cidCollection("Japan1") == nil {
		doc, err := Extract(context.Background(), data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "page 1: 4 characters unreadable in font KozMinPro-Regular (no ToUnicode map, and the Adobe-Japan1 table is not installed") {
			t.Errorf("without poppler-data: warnings %q, want one naming the missing table", doc.Warnings)
		}
		t.Skip("poppler-data is not installed: the Adobe-Japan1 table cannot be read")
	}
	if got := lineTexts(t, data); got != "ぁあぃい" {
		t.Errorf("got %q, want ぁあぃい", got)
	}
}

// TestPredefinedCJKCMaps: composite fonts whose /Encoding is one of
// Adobe's predefined CMaps for a legacy character set, without a
// ToUnicode map: one-byte and two-byte codes cut by the set's lead bytes
// and read in that set.
func TestPredefinedCJKCMaps(t *testing.T) {
	cases := []struct{ cmap, ordering, shown, want string }{
		{"90ms-RKSJ-H", "Japan1", `\215s\223\256\214v\211\346 2010`, "行動計画 2010"},
		{"GBK-EUC-H", "GB1", `\320\320\266\257\274\306\273\256 2010`, "行动计划 2010"},
		{"KSCms-UHC-H", "Korea1", `\307\340\265\277 \260\350\310\271 2010`, "행동 계획 2010"},
		{"ETen-B5-H", "CNS1", `\246\346\260\312\255p\265e 2010`, "行動計畫 2010"},
	}
	for _, c := range cases {
		font := "<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light /Encoding /" + c.cmap + " /DescendantFonts [5 0 R] >>"
		objs := []string{"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (" + c.ordering + ") /Supplement 2 >> /DW 1000 >>"}
		if got := lineTexts(t, fontPDF(font, objs, "BT /F1 12 Tf 72 700 Td ("+c.shown+") Tj ET")); got != c.want {
			t.Errorf("%s: got %q, want %q", c.cmap, got, c.want)
		}
	}
}
