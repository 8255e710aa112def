package badinput

import (
	"bytes"
	"fmt"
	"strings"
)

// pdfFile writes a PDF from object bodies (object n is objs[n-1]) with a
// correct cross-reference table, so that each bad case is bad in exactly
// one way.
func pdfFile(objs []string, root int, trailerExtra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, root, trailerExtra, xref)
	return b.Bytes()
}

// stream is a stream object body.
func stream(dict string, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// textPage is a one-page PDF whose page shows lines of Helvetica text;
// extra objects (numbered from 6) and catalog entries can be added.
func textPage(lines []string, catalogExtra string, extra ...string) []byte {
	var content bytes.Buffer
	content.WriteString("BT /F1 12 Tf 72 760 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", l)
	}
	content.WriteString("ET")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R" + catalogExtra + " >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		stream("", content.String()),
	}
	return pdfFile(append(objs, extra...), 1, "")
}

// validPDF is a small action plan page: the source of the encrypted and
// truncated cases.
func validPDF() []byte {
	return textPage([]string{
		"Regional Action Plan 2007-2010",
		"Objective 1: To tackle poverty and disadvantage",
		"Action 1.1 Publish a housing strategy by Spring 2008. Lead: Regional Assembly",
		"Action 1.2 Review advice services by March 2009. Lead: County Council",
	}, "")
}

// imageOnlyPDF is a scan: one page that draws an image and has no text.
func imageOnlyPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
		stream("/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8",
			"\x00\x40\x80\xff\x40\x80\xff\x00\x80\xff\x00\x40\xff\x00\x40\x80"),
		stream("", "q 400 0 0 560 97 141 cm /Im1 Do Q"),
	}
	return pdfFile(objs, 1, "")
}

// hexHangPDF has a content stream that ends inside a hex string: a lexer
// that reads past the end as white space loops for ever.
func hexHangPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		stream("", "BT /F1 12 Tf 72 760 Td (Action plan) Tj 0 -14 Td <416374696F6E20"),
	}
	return pdfFile(objs, 1, "")
}

// hugeSizePDF has a cross-reference stream that declares four billion
// objects: a reader that allocates its table from /Size asks for about
// 100 GB.
func hugeSizePDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	o1 := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	o2 := b.Len()
	b.WriteString("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
	o3 := b.Len()
	// entries for objects 0-3: type (1 byte), offset (4 bytes), generation (1 byte)
	var rows bytes.Buffer
	rows.Write([]byte{0, 0, 0, 0, 0, 0xff})
	for _, off := range []int{o1, o2, 0} {
		rows.Write([]byte{1, byte(off >> 24), byte(off >> 16), byte(off >> 8), byte(off), 0})
	}
	data := rows.Bytes()
	fmt.Fprintf(&b, "3 0 obj\n<< /Type /XRef /Size 4000000000 /Index [0 4] /W [1 4 1] /Root 1 0 R /Length %d >>\nstream\n", len(data))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", o3)
	return b.Bytes()
}

// outlineLoopPDF is a readable page whose outline (bookmarks) has an item
// that is its own first child: a reader that walks the outline recursively
// never returns.
func outlineLoopPDF() []byte {
	return textPage([]string{
		"Action Plan with a broken table of contents",
		"Action 1 Publish the strategy by Autumn 2008. Lead: Regional Assembly",
	}, " /Outlines 6 0 R",
		"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
		"<< /Title (Contents) /Parent 6 0 R /First 7 0 R /Last 7 0 R /Count 1 /Dest [3 0 R /Fit] >>",
	)
}

// garbledPDF has a page of plan text and then, unless every page is to be
// garbled, pages set in a CID font (Identity-H) with neither a ToUnicode
// map nor an embedded font: nothing says what its codes are, so the text
// cannot be read, as in PDFs whose writer dropped the map.
func garbledPDF(allGarbled bool) []byte {
	var good bytes.Buffer
	good.WriteString("BT /F1 12 Tf 72 760 Td 14 TL\n")
	for _, l := range []string{
		"Regional Action Plan 2007-2010",
		"Action 1.1 Publish a housing strategy by Spring 2008. Lead: Regional Assembly",
	} {
		fmt.Fprintf(&good, "(%s) Tj T*\n", l)
	}
	good.WriteString("ET")
	var junk bytes.Buffer
	junk.WriteString("BT /F2 12 Tf 72 760 Td 14 TL\n")
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&junk, "<%s> Tj T*\n", strings.Repeat("0412041F0429043F0016", 4))
	}
	junk.WriteString("ET")
	first := good.String()
	if allGarbled {
		first = junk.String()
	}
	res := "<< /Font << /F1 4 0 R /F2 5 0 R >> >>"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 8 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + res + " /Contents 7 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Unknown /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Unknown /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>",
		stream("", first),
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + res + " /Contents 9 0 R >>",
		stream("", junk.String()),
	}
	return pdfFile(objs, 1, "")
}
