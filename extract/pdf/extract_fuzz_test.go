package pdf

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// FuzzExtract: damaged PDFs give an error or a document, never a panic.
func FuzzExtract(f *testing.F) {
	f.Add(synthPDF("", "BT /F1 12 Tf 72 700 Td (Hello world) Tj ET 0 0 m 100 0 l S"))
	f.Add(synthPDF("/Rotate 90", "BT /F1 12 Tf 0 1 -1 0 100 72 Tm [(A) -300 (B)] TJ ET", "q 1 0 0 1 5 5 cm 0 0 10 10 re f Q"))
	// the repair path: offsets shifted, the xref table and trailer gone,
	// junk around the file
	ok := synthPDF("", "BT /F1 12 Tf 72 700 Td (Hello world) Tj ET")
	f.Add(append([]byte("%PDF-1.4\n% shifted\n"), ok[9:]...))
	f.Add(ok[:bytes.LastIndex(ok, []byte("xref"))])
	f.Add(append(append([]byte("HTTP/1.1 200 OK\r\n\r\n"), ok...), make([]byte, 64)...))
	// fonts: a ToUnicode map over a named encoding, Type 3 glyph names,
	// a CID font with no map, rotated and right-to-left text
	cmap := streamObj(cmapHead + "1 beginbfrange <01> <04> [<0050> <006C> <> <05D0>] endbfrange 1 beginbfchar <05> <00660069> endbfchar\n" + cmapTail)
	f.Add(fontPDF("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>", []string{cmap},
		`BT /F1 12 Tf 0 1 -1 0 72 700 Tm (\001\002\003\004\005) Tj ET`))
	f.Add(fontPDF("<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 1 /LastChar 2 /Widths [600 300] /Encoding << /Differences [1 /uni05D0 /a71] >> >>", nil,
		`BT /F1 12 Tf 0.7 0.7 -0.7 0.7 72 700 Tm (\001\002\001) Tj ET`))
	f.Add(fontPDF("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Subtype /CIDFontType2 /CIDToGIDMap 5 0 R >>] >>", []string{streamObj("\x00\x01\x00\x02")},
		`BT /F1 12 Tf 72 700 Td <00010002> Tj ET`))
	f.Add(fontPDF("<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light /Encoding /90ms-RKSJ-H /DescendantFonts [<< /Subtype /CIDFontType0 /DW 1000 >>] >>", nil,
		`BT /F1 12 Tf 72 700 Td (\215s\223\256\214v\211\346 2010 \201) Tj ET`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(context.Background(), data, Options{Workers: 2, MaxPages: 50})
		if err == nil && doc == nil {
			t.Fatal("no document and no error")
		}
	})
}

// FuzzRepair: the repair stages on their own (faster than whole
// extraction, so the fuzzer gets deeper into them) never panic, and what
// they return still starts at the header they found.
func FuzzRepair(f *testing.F) {
	ok := synthPDF("/VP [<< /U (\\ ) >>]", "BT /F1 12 Tf 72 700 Td (Hello world) Tj ET")
	f.Add(ok)
	f.Add(append([]byte("%PDF-1.4\n% shifted\n"), ok[9:]...))
	f.Add(ok[:bytes.LastIndex(ok, []byte("xref"))])
	f.Add([]byte("%PDF-2.0\x001 0 obj<</Type/ObjStm/N 1/First 4/Length 8>>stream\n2 0 <<>>\nendstream endobj 3 0 obj<</Filter[/ASCIIHexDecode/RunLengthDecode]/Length 3>>stream\n41>\nendstream endobj"))
	f.Add(rc440PDF(""))
	// a finding: an RC4 key length under 8 bits made a nil cipher
	f.Add(bytes.Replace(rc440PDF(""), []byte("/Length 40 "), []byte("/Length 4 "), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		fixed, _ := repairBytes(data)
		if dec, ok := decryptEmptyPassword(fixed); ok {
			fixed = dec
		}
		if dec, n := decodeForeignStreams(fixed); n > 0 {
			fixed = dec
		}
		if fx, n := fixEscapes(fixed); n > 0 {
			fixed = fx
		}
		if rb, ok := rebuildXref(fixed); ok && !bytes.HasPrefix(rb, fixed) {
			t.Fatal("the rebuilt file does not keep the bytes it was built on")
		}
		xrefSuspect(fixed)
		truncated(fixed)
	})
}

// FuzzFontText: the ToUnicode parser, glyph names and the bidi reordering
// on arbitrary input never panic, and reordering keeps every text.
func FuzzFontText(f *testing.F) {
	f.Add([]byte(cmapHead+"2 beginbfrange <01> <02> [<0050> <006C>] <0000> <FFFF> <D800> endbfrange 1 beginbfchar <05> <00660069> endbfchar\n"+cmapTail), "uni00410042_a71.sc", "abc שלום 12 עולם")
	f.Add([]byte("1 beginbfchar <01> /bullet endbfchar 1 beginbfrange <00> <01> <> endbfrange"), "u1F600", "ﻋﻨﺪﻱ 47 ﻗﻄﻂ Jeremy")
	f.Fuzz(func(t *testing.T, cmap []byte, name, line string) {
		parseToUnicode(cmap)
		glyphText(name, true)
		ts := strings.Fields(line)
		got := visualToLogical(ts, rtlLine(ts))
		if len(got) != len(strings.Join(ts, "")) {
			t.Fatalf("reordering %q lost text: %q", ts, got)
		}
	})
}
