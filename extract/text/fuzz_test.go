package text

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planmap/planmap/extract/layout/layouttest"
)

// FuzzText: no input may panic or produce a document that breaks the layout
// model's invariants; a refusal is always a *layout.Error.
func FuzzText(f *testing.F) {
	for _, name := range fixtures {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"\xff\xfe",
		"\xfe\xff\x00a",
		"a\x00b\x00c\x00d\x00",
		"\t\t\t\n\t\t\n",
		"a\tb\tc\n\nSO1: x\n\n\td\te\n",
		"a\tb\n<p>x</p>\t<ul><li>y<ol><li>z</ol>after</ul>\n",
		"Title\n=====\n---\n- \n* x\n  o Y\n\f\f\fz",
		"1. Introduction\n2.1 The Council\n(iv) item\n",
		"<li>orphan</li></ol></ul><p>&amp;&#0;&#x110000;</p>",
		"\r\r\n\r\n\xa9\x92\x96",
		"| a | b |\n|---|:-:|\n| c \\| d |\n|\n||\n# x\n###### y ##\n#",
		"|---|\n|---|\n| x |",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract(data, Options{MaxLine: 4096})
		layouttest.CheckExtract(t, doc, err)
		for _, b := range doc.Blocks {
			if b.Page < 0 || b.Page > max(doc.Pages, 1) {
				t.Fatalf("block on page %d of %d", b.Page, doc.Pages)
			}
		}
	})
}
