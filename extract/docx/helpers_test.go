package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// The generators below build small Word packages in memory, so each test
// states the XML it is about next to what it expects.

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// zipOf writes the named parts, in order, into a ZIP file.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxOf makes a package whose document body is body; styles and numbering
// are the inner XML of those parts ("" leaves the part out).
func docxOf(t testing.TB, body, styles, numbering string) []byte {
	t.Helper()
	parts := []string{
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	if styles != "" {
		parts = append(parts, "word/styles.xml", `<w:styles `+wNS+`>`+styles+`</w:styles>`)
	}
	if numbering != "" {
		parts = append(parts, "word/numbering.xml", `<w:numbering `+wNS+`>`+numbering+`</w:numbering>`)
	}
	return zipOf(t, parts...)
}

// p is a paragraph with optional properties and one plain run per text.
func p(pPr string, texts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if pPr != "" {
		b.WriteString("<w:pPr>" + pPr + "</w:pPr>")
	}
	for _, t := range texts {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + t + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

func numPr(numID, ilvl int) string {
	return `<w:numPr><w:ilvl w:val="` + itoa(ilvl) + `"/><w:numId w:val="` + itoa(numID) + `"/></w:numPr>`
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func mustExtract(t testing.TB, data []byte) *layout.Document {
	t.Helper()
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return doc
}

func statusOf(err error) layout.Status {
	var le *layout.Error
	if errors.As(err, &le) {
		return le.Status
	}
	if err == nil {
		return layout.StatusOK
	}
	return "untyped"
}

// texts lists the blocks as "kind level marker|text" lines.
func summary(doc *layout.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Kind == layout.TableKind {
			out = append(out, "table")
			continue
		}
		s := string(b.Kind)
		if b.Level != 0 {
			s += " " + itoa(b.Level)
		}
		if b.Marker != "" {
			s += " " + b.Marker
		}
		out = append(out, s+"|"+b.Text)
	}
	return out
}
