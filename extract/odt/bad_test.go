package odt

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// TestBadPackages: each kind of damage or hostility gets its own status,
// never a panic or an untyped error.
func TestBadPackages(t *testing.T) {
	good := odtOf(t, "", `<text:p>Hello</text:p>`, "")
	encryptedManifest := strings.Replace(manifestXML, `manifest:media-type="text/xml"/>`,
		`manifest:media-type="text/xml" manifest:size="1234"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>`, 1)
	deep := strings.Repeat(`<text:section>`, 3000) + `<text:p>x</text:p>` + strings.Repeat(`</text:section>`, 3000)
	// 80 rows, each 256 repeated cells repeated 100 times: 2 million cells
	// from a few kilobytes
	wide := `<table:table>` + strings.Repeat(`<table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="256"><text:p>x</text:p></table:table-cell></table:table-row>`, 80) + `</table:table>`
	var crowded bytes.Buffer
	zw := zip.NewWriter(&crowded)
	for i := range 10001 {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: "Pictures/" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()

	cases := []struct {
		name string
		data []byte
		want layout.Status
	}{
		{"empty", nil, layout.StatusCorrupt},
		{"not a ZIP", []byte("hello world"), layout.StatusCorrupt},
		{"truncated", good[:len(good)/2], layout.StatusCorrupt},
		{"password-protected", zipOf(t, "mimetype", textMime, "content.xml", "\x8a\x13binary ciphertext", "META-INF/manifest.xml", encryptedManifest), layout.StatusEncrypted},
		{"no content.xml", zipOf(t, "mimetype", textMime, "META-INF/manifest.xml", manifestXML), layout.StatusCorrupt},
		{"spreadsheet, not text", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", content("", "")), layout.StatusUnsupported},
		{"content.xml without office:text", zipOf(t, "mimetype", textMime, "content.xml", `<office:document-content `+odfNS+`><office:body><office:spreadsheet/></office:body></office:document-content>`), layout.StatusCorrupt},
		{"malformed XML", zipOf(t, "mimetype", textMime, "content.xml", `<office:document-content `+odfNS+`><office:body><office:text><text:p>a</text:q><`), layout.StatusCorrupt},
		{"zip bomb", zipOf(t, "mimetype", textMime, "content.xml", content("", "<text:p>"+strings.Repeat(" ", 20<<20)+"</text:p>")), layout.StatusTooLarge},
		{"too many entries", crowded.Bytes(), layout.StatusTooLarge},
		{"nested too deep", odtOf(t, "", deep, ""), layout.StatusTooLarge},
		{"too many table cells", odtOf(t, "", wide, ""), layout.StatusTooLarge},
	}
	for _, c := range cases {
		doc, err := Extract(c.data, Options{})
		if got := statusOf(err); got != c.want {
			t.Errorf("%s: status %s (%v, %d blocks), want %s", c.name, got, err, len(blocksOf(doc)), c.want)
		}
	}
}

func blocksOf(doc *layout.Document) []layout.Block {
	if doc == nil {
		return nil
	}
	return doc.Blocks
}

// TestMinimalPackage: content.xml alone is enough, even with its prefixes
// undeclared.
func TestMinimalPackage(t *testing.T) {
	// no mimetype, no manifest, no meta
	doc := mustExtract(t, zipOf(t, "content.xml", content("", `<text:h>Plan</text:h><text:p>Text</text:p>`)))
	if doc.Title != "Plan" || len(doc.Blocks) != 2 || doc.Pages != 1 || doc.Blocks[0].Level != 1 {
		t.Errorf("title %q, pages %d, blocks %+v", doc.Title, doc.Pages, doc.Blocks)
	}
	// undeclared prefixes, as a careless writer leaves them
	doc = mustExtract(t, zipOf(t, "content.xml", `<office:document-content><office:body><office:text><text:p>Bare</text:p></office:text></office:body></office:document-content>`))
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "Bare" {
		t.Errorf("blocks %+v", doc.Blocks)
	}
}
