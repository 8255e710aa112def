package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

func zipOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestIdentifySamples: every bundled sample is identified from its content.
func TestIdentifySamples(t *testing.T) {
	for name, want := range map[string]layout.Format{
		"east-of-england-regional-social-strategy-action-plan-2007-2010.pdf": layout.PDF,
		"south-east-social-inclusion-partnership-report-2002-2003.pdf":       layout.PDF,
		"south-east-social-inclusion-partnership-report-2002-2003.docx":      layout.DOCX,
		"oxfordshire-executive-2005-03-15-social-inclusion.html":             layout.HTML,
		"milton-keynes-tackling-social-exclusion.html":                       layout.HTML,
		"scotland-equal-communities-action-plan-2009-2011.html":              layout.HTML,
		"gold/README.md": layout.Text,
		"gold/south-east-social-inclusion-partnership-report-2002-2003.jsonl": layout.Unknown,
		"gold/organisations.json": layout.Unknown,
	} {
		if got := Identify(corpustest.ReadSample(t, name)); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
}

// TestIdentifyShared: the real-world benchmark documents, including an
// Excel workbook (a monitoring return).
func TestIdentifyShared(t *testing.T) {
	dir := corpustest.Shared(t, "bench/real-docs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]layout.Format{".pdf": layout.PDF, ".xlsx": layout.XLSX, ".md": layout.Text}[e.Name()[strings.LastIndex(e.Name(), "."):]]
		if got := Identify(data); got != want {
			t.Errorf("%s: %s, want %s", e.Name(), got, want)
		}
	}
}

func TestIdentifyGenerated(t *testing.T) {
	docx := corpustest.ReadSample(t, "south-east-social-inclusion-partnership-report-2002-2003.docx")
	odt := storedFirst(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", strings.Repeat("<text:p>filler</text:p>", 2000), "styles.xml", strings.Repeat("<style:style/>", 2000))
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i*i*31)
	}
	utf16html := []byte{0xFF, 0xFE}
	for _, r := range "<html><body><p>Hi</p></body></html>" {
		utf16html = append(utf16html, byte(r), 0)
	}
	crowded := func(prefix string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := range maxZipEntries + 1 {
			// stored, not deflated: a flate writer per entry is slow
			if _, err := zw.CreateHeader(&zip.FileHeader{Name: prefix + strings.Repeat("x", i%7) + string(rune('a'+i%26)), Method: zip.Store}); err != nil {
				t.Fatal(err)
			}
		}
		zw.Close()
		return buf.Bytes()
	}
	cases := []struct {
		name string
		data []byte
		want layout.Format
	}{
		{"empty", nil, layout.Unknown},
		{"Word package with too many entries: judged by its local headers", crowded("word/media/"), layout.DOCX},
		{"other zip with too many entries", crowded("data/"), layout.Unknown},
		{"PDF with junk before the header", append([]byte("\r\n\x00junk from a download\n"), []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj")...), layout.PDF},
		{"PDF header too late", append(bytes.Repeat([]byte("x"), 2000), []byte("%PDF-1.4")...), layout.Text},
		{"zip that is a .xlsx", zipOf(t, "[Content_Types].xml", `<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`, "xl/workbook.xml", "<workbook/>"), layout.XLSX},
		{"Excel workbook part elsewhere", zipOf(t, "[Content_Types].xml", `<Types><Override PartName="/book/main.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`, "book/main.xml", "<workbook/>"), layout.XLSX},
		{"Excel package without xl/workbook.xml", zipOf(t, "[Content_Types].xml", `<Types/>`, "xl/styles.xml", "<styleSheet/>"), layout.XLSX},
		{"binary Excel workbook (.xlsb)", zipOf(t, "[Content_Types].xml", `<Types><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`, "xl/workbook.bin", "\x00\x01"), layout.Unknown},
		{"zip that is an .odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>"), layout.ODT},
		{"truncated .odt: its stored mimetype is first", odt[:len(odt)/2], layout.ODT},
		{".odt whose mimetype is not first", zipOf(t, "content.xml", "<office:document-content/>", "mimetype", "application/vnd.oasis.opendocument.text"), layout.ODT},
		{"OpenDocument text template (.ott)", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text-template", "content.xml", "<x/>"), layout.ODT},
		{".odt without a mimetype: content.xml has office:text", zipOf(t, "content.xml", `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text><text:p>Hi</text:p></office:text></office:body></office:document-content>`), layout.ODT},
		{"OpenDocument spreadsheet (.ods)", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content><office:body><office:spreadsheet/></office:body></office:document-content>"), layout.Unknown},
		{"OpenDocument spreadsheet without a mimetype", zipOf(t, "content.xml", `<office:document-content xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>`), layout.Unknown},
		{"plain zip archive", zipOf(t, "notes.txt", "hello"), layout.Unknown},
		{"Word package without word/document.xml", zipOf(t, "[Content_Types].xml", `<Types/>`, "word/styles.xml", "<w:styles/>"), layout.DOCX},
		{"Word main part elsewhere", zipOf(t, "[Content_Types].xml", `<Types><Override PartName="/doc/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`, "doc/main.xml", "<w:document/>"), layout.DOCX},
		{"truncated .docx", docx[:len(docx)/2], layout.DOCX},
		{"OLE compound file", ole, layout.Unknown},
		{"Word 97-2003 document", corpustest.CFB(corpustest.Stream{Name: "1Table", Data: make([]byte, 600)}, corpustest.Stream{Name: "WordDocument", Data: wordFIB(0)}), layout.DOC},
		{"Excel 97-2003 workbook", corpustest.CFB(corpustest.Stream{Name: "Workbook", Data: make([]byte, 5000)}), layout.Unknown},
		{"compound file whose stream text mentions WordDocument", corpustest.CFB(corpustest.Stream{Name: "Workbook", Data: append(make([]byte, 512), append(utf16le("WordDocument"), 0, 0)...)}), layout.Unknown},
		{"encrypted OOXML package", corpustest.CFB(corpustest.Stream{Name: "EncryptionInfo", Data: make([]byte, 200)}, corpustest.Stream{Name: "EncryptedPackage", Data: make([]byte, 5000)}), layout.Unknown},
		{"HTML with doctype", []byte("<!DOCTYPE html>\n<html lang=en><title>x</title>"), layout.HTML},
		{"HTML without doctype", []byte("\n  <HTML>\n<HEAD><TITLE>Agenda</TITLE></HEAD>"), layout.HTML},
		{"HTML after BOM and comment", []byte("\xef\xbb\xbf<!-- saved from url=(0040) -->\n<p>Item 1</p><p>Item 2</p>"), layout.HTML},
		{"HTML fragment with a table", []byte("<table>\n\t<tr>\n\t\t<td>Action</td>\n\t\t<td>Lead</td>\n\t</tr>\n</table>"), layout.HTML},
		{"XHTML", []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`), layout.HTML},
		{"UTF-16 HTML", utf16html, layout.HTML},
		{"tab-separated text with <p> markup", []byte("<p>Action</p>\t<p>Lead</p>\t<p>Date</p>\n<p>Promote work</p><p>Pilot</p>\t<p>JCP</p>\t<p>Spring, 2008</p>\n"), layout.Text},
		{"text with tab rows and markup later", []byte("Regional Social Strategy\n\nAction\tMilestone\tLead\n1. Promote work\t<p>Pilot</p><p>Review</p>\tJCP\n"), layout.Text},
		{"text mentioning a <header> tag", []byte("Notes on markup: the <header> of a page.\n"), layout.Text},
		{"saved page with a line before <html>", []byte("Saved from the council website\n<html><body>"), layout.HTML},
		{"plain UTF-8 text", []byte("Équipe — plan d’action 2009–2011\n"), layout.Text},
		{"windows-1252 text", []byte("Council\x92s plan \x96 2005\n"), layout.Text},
		{"UTF-16 text", []byte{0xFF, 0xFE, 'H', 0, 'i', 0}, layout.Text},
		{"binary garbage", garbage, layout.Unknown},
		{"JSON Lines (annotations)", []byte(`{"ref": "1", "action": "Promote work"}` + "\n" + `{"ref": "2"}` + "\n"), layout.Unknown},
		{"pretty-printed JSON array", []byte("[\n  {\n    \"canonical\": \"Jobcentre Plus\"\n  }\n]\n"), layout.Unknown},
		{"text that starts with a bracket", []byte("[Draft] Action plan 2009-11\n\n1. Promote work\n"), layout.Text},
		{"text that starts with a brace", []byte("{Appendix} Actions\n"), layout.Text},
		{"PNG image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), layout.Unknown},
		{"RTF", []byte(`{\rtf1\ansi\deff0 {\fonttbl}`), layout.RTF},
	}
	for _, c := range cases {
		if got := Identify(c.data); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// storedFirst writes a package as ODF requires: every entry stored (so a
// half of it still holds whole local headers), mimetype first.
func storedFirst(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: parts[i], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzIdentify(f *testing.F) {
	f.Add([]byte("%PDF-1.7"))
	f.Add([]byte("PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x27\x00\x00\x00\x27\x00\x00\x00\x08\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text"))
	f.Add([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"))
	f.Add([]byte("<p>a</p>\t<p>b</p>\n<p>c</p>\t<p>d</p>"))
	f.Add([]byte("\xff\xfe<\x00h\x00"))
	f.Add([]byte(`{\rtf1\ansi Action 1}`))
	word := corpustest.CFB(corpustest.Stream{Name: "WordDocument", Data: wordFIB(0x0100)})
	f.Add(word)
	f.Add(word[:3000])
	f.Fuzz(func(t *testing.T, data []byte) {
		switch Identify(data) {
		case layout.PDF, layout.DOCX, layout.XLSX, layout.ODT, layout.DOC, layout.RTF, layout.HTML, layout.Text, layout.Unknown:
		default:
			t.Fatal("not a format")
		}
		// the compound-file checks Read makes must not panic either
		encryptedWord(data)
		oleTruncated(data)
		oleStreamCut(data, oleStream(data, "WordDocument"))
	})
}

// wordFIB is the start of a WordDocument stream: a File Information Block
// (magic A5EC, nFib 193 as Word 97 writes) with the given flags at offset
// 10, padded to 4096 bytes so it is stored in ordinary sectors.
func wordFIB(flags uint16) []byte {
	b := make([]byte, 4096)
	binary.LittleEndian.PutUint16(b, 0xA5EC)
	binary.LittleEndian.PutUint16(b[2:], 193)
	binary.LittleEndian.PutUint16(b[10:], flags)
	return b
}
