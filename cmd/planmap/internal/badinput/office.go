package badinput

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"strings"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

func init() { Cases = append(Cases, officeCases...) }

// officeCases are the hazards of the other office formats: Excel
// workbooks, OpenDocument text, Word 97-2003 and RTF, and encrypted OOXML.
// None of them needs LibreOffice to get its status: what is wrong with a
// .doc or .rtf here is found before it would be started.
var officeCases = []Case{
	{Name: "truncated.xlsx", Want: []layout.Status{corrupt}, Why: "a valid workbook cut at 60%: its ZIP directory is lost",
		Make: func() []byte { b := workbook(); return b[:len(b)*6/10] }},
	{Name: "zip-bomb.xlsx", Want: []layout.Status{tooLarge}, Why: "a worksheet that inflates ~1000 times (8 MB of spaces)",
		Make: workbookBomb},
	{Name: "not-a-workbook.xlsx", Want: []layout.Status{unsupported}, Why: "a ZIP archive of CSV files named .xlsx",
		Make: csvArchive},
	{Name: "web-export.xls", Want: []layout.Status{ok}, Why: "an HTML table saved as .xls, as web applications export 'to Excel': read as the HTML it is",
		Make: htmlExport},
	{Name: "truncated.odt", Want: []layout.Status{corrupt}, Why: "a valid OpenDocument text cut at 60%",
		Make: func() []byte {
			b := odtPackage("application/vnd.oasis.opendocument.text", odtContent(odtPlan))
			return b[:len(b)*6/10]
		}},
	{Name: "zip-bomb.odt", Want: []layout.Status{tooLarge}, Why: "content.xml inflates ~1000 times (8 MB of spaces)",
		Make: func() []byte {
			return odtPackage("application/vnd.oasis.opendocument.text", odtContent(odtPlan+strings.Repeat(" ", 8<<20)))
		}},
	{Name: "spreadsheet.odt", Want: []layout.Status{unsupported}, Why: "an OpenDocument spreadsheet (.ods) named .odt",
		Make: func() []byte {
			return odtPackage("application/vnd.oasis.opendocument.spreadsheet", `<?xml version="1.0" encoding="UTF-8"?>`+
				`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>`)
		}},
	{Name: "encrypted.docx", Want: []layout.Status{encrypted}, Why: "a password-protected Word file: an OLE compound file holding EncryptionInfo and EncryptedPackage, not a ZIP",
		Make: encryptedOOXML},
	{Name: "encrypted.doc", Want: []layout.Status{encrypted}, Why: "a Word 97-2003 document whose File Information Block says fEncrypted",
		Make: func() []byte { return word97(0x0100, 0) }},
	{Name: "truncated.doc", Want: []layout.Status{corrupt}, Why: "a Word 97-2003 document cut inside its WordDocument stream",
		Make: func() []byte { b := word97(0, 8192); return b[:3000] }},
	{Name: "truncated.rtf", Want: []layout.Status{corrupt}, Why: "an RTF file cut short, groups left open (LibreOffice refuses such files; planmap says why without it)",
		Make: func() []byte { return []byte(rtfPlan[:len(rtfPlan)*6/10]) }},
	{Name: "web-page.doc", Want: []layout.Status{ok}, Why: "a web page saved with a .doc name, as Word's 'Web Page' files often are: read as HTML",
		Make: webPageDoc},
}

// zipStored writes parts into a ZIP file; "mimetype" is stored, as ODF
// requires of its first entry. Times are zero, so the output is the same
// from run to run.
func zipStored(parts ...[2]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		method := zip.Deflate
		if p[0] == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p[0], Method: method})
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
		w.Write([]byte(p[1]))
	}
	zw.Close()
	return b.Bytes()
}

const sheetRows = `<row r="1"><c r="A1" t="inlineStr"><is><t>Action</t></is></c><c r="B1" t="inlineStr"><is><t>Lead</t></is></c><c r="C1" t="inlineStr"><is><t>Due</t></is></c></row>` +
	`<row r="2"><c r="A2" t="inlineStr"><is><t>Extend the neighbourhood warden scheme to three estates</t></is></c><c r="B2" t="inlineStr"><is><t>Community Safety Partnership</t></is></c><c r="C2" t="inlineStr"><is><t>March 2010</t></is></c></row>` +
	`<row r="3"><c r="A3" t="inlineStr"><is><t>Agree an information sharing protocol</t></is></c><c r="B3" t="inlineStr"><is><t>Thames Valley Police</t></is></c><c r="C3" t="inlineStr"><is><t>June 2010</t></is></c></row>`

func workbookWith(sheetData string) []byte {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	return zipStored(
		[2]string{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		[2]string{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		[2]string{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ` + ns + `><sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		[2]string{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		[2]string{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ` + ns + `><sheetData>` + sheetData + `</sheetData></worksheet>`},
	)
}

// workbook is a small action tracker, as a spreadsheet program saves one.
func workbook() []byte { return workbookWith(sheetRows) }

func workbookBomb() []byte { return workbookWith(sheetRows + strings.Repeat(" ", 8<<20)) }

func csvArchive() []byte {
	return zipStored(
		[2]string{"actions.csv", "Action,Lead,Due\nExtend the warden scheme,Community Safety Partnership,March 2010\n"},
		[2]string{"README.txt", "Exported from the performance system.\n"},
	)
}

func htmlExport() []byte {
	return []byte(`<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Action tracker</title></head><body>
<table border="1"><tr><th>Action</th><th>Lead</th><th>Due</th></tr>
<tr><td>Extend the neighbourhood warden scheme to three estates</td><td>Community Safety Partnership</td><td>March 2010</td></tr>
<tr><td>Agree an information sharing protocol</td><td>Thames Valley Police</td><td>June 2010</td></tr>
</table></body></html>
`)
}

const odtPlan = `<text:h text:outline-level="1">Community Safety Action Plan</text:h>` +
	`<text:p>Action 1: extend the neighbourhood warden scheme to three estates by March 2010.</text:p>` +
	`<text:p>Action 2: agree an information sharing protocol with Thames Valley Police by June 2010.</text:p>`

func odtContent(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>` +
		body + `</office:text></office:body></office:document-content>`
}

func odtPackage(mime, content string) []byte {
	return zipStored(
		[2]string{"mimetype", mime},
		[2]string{"content.xml", content},
		[2]string{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="` + mime + `"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
	)
}

// encryptedOOXML is the shape Office gives a password-protected .docx: a
// compound file whose EncryptionInfo stream starts with version 4.4
// (agile encryption) and its XML descriptor, and whose EncryptedPackage
// stream is the package's size followed by ciphertext (here, seeded
// random bytes).
func encryptedOOXML() []byte {
	info := []byte{4, 0, 4, 0, 0x40, 0, 0, 0}
	info = append(info, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>`...)
	pkg := make([]byte, 8, 8+8192)
	binary.LittleEndian.PutUint64(pkg, 8000)
	pkg = append(pkg, garbage()...)
	pkg = append(pkg, garbage()...)
	return corpustest.CFB(
		corpustest.Stream{Name: "EncryptionInfo", Data: info},
		corpustest.Stream{Name: "EncryptedPackage", Data: pkg},
	)
}

// word97 is a Word 97-2003 document's container: a WordDocument stream
// (at least 4096 bytes, or size) starting with a File Information Block
// whose flags are given, and a 1Table stream.
func word97(flags uint16, size int) []byte {
	fib := make([]byte, max(size, 4096))
	binary.LittleEndian.PutUint16(fib, 0xA5EC)  // wIdent
	binary.LittleEndian.PutUint16(fib[2:], 193) // nFib, as Word 97 writes
	binary.LittleEndian.PutUint16(fib[10:], flags|0x0200)
	return corpustest.CFB(
		corpustest.Stream{Name: "WordDocument", Data: fib},
		corpustest.Stream{Name: "1Table", Data: make([]byte, 1024)},
	)
}

const rtfPlan = `{\rtf1\ansi\deff0{\fonttbl{\f0\froman Times New Roman;}}
{\pard\b Community Safety Action Plan\par}
{\pard Action 1: extend the neighbourhood warden scheme to three estates by March 2010.\par}
{\pard Action 2: agree an information sharing protocol with Thames Valley Police by June 2010.\par}
}`

func webPageDoc() []byte {
	return []byte(`<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 11"><title>Community Safety Action Plan</title></head>
<body lang=EN-GB><div class=Section1>
<h1>Community Safety Action Plan</h1>
<p class=MsoNormal>Action 1: extend the neighbourhood warden scheme to three estates by March 2010.</p>
<p class=MsoNormal>Action 2: agree an information sharing protocol with Thames Valley Police by June 2010.</p>
</div></body></html>
`)
}
