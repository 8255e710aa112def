package odt

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// The generators below build small ODT packages in memory, so each test
// states the XML it is about next to what it expects.

const odfNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
	`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
	`xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
	`xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
	`xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ` +
	`xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
	`xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`

// zipOf writes the named parts, in order, into a ZIP file; a part named
// "mimetype" is stored uncompressed, as ODF requires of the first entry.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		method := zip.Deflate
		if parts[i] == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: parts[i], Method: method})
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

const manifestXML = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`

// content wraps a body (the inside of office:text) and automatic styles in
// a content.xml.
func content(styles, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ` + odfNS + ` office:version="1.3"><office:automatic-styles>` + styles +
		`</office:automatic-styles><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`
}

// odtOf makes a package as LibreOffice lays it out: mimetype stored first,
// then content.xml, meta.xml and the manifest. meta is the inside of
// office:meta ("" leaves meta.xml out).
func odtOf(t testing.TB, styles, body, meta string) []byte {
	t.Helper()
	parts := []string{"mimetype", "application/vnd.oasis.opendocument.text", "content.xml", content(styles, body)}
	if meta != "" {
		parts = append(parts, "meta.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-meta `+odfNS+`><office:meta>`+meta+`</office:meta></office:document-meta>`)
	}
	parts = append(parts, "META-INF/manifest.xml", manifestXML)
	return zipOf(t, parts...)
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
