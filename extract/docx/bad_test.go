package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"github.com/planmap/planmap/extract/zippkg"
	"strings"
	"sync"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

const southEast = "south-east-social-inclusion-partnership-report-2002-2003.docx"

// bombSize is what the generated bomb inflates to: well past the 1 MB an
// entry may always inflate to, from about 4 KB.
const bombSize = 4 << 20

var bombs sync.Map // lie → []byte, made once per test binary

// bomb makes a package whose document.xml inflates to bombSize bytes of
// spaces from a few kilobytes. When lie is set, the headers claim the part
// is tiny, so only counting the bytes actually inflated can catch it.
func bomb(t testing.TB, lie bool) []byte {
	t.Helper()
	if b, ok := bombs.Load(lie); ok {
		return b.([]byte)
	}
	size := bombSize
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	head := `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>`
	fw.Write([]byte(head))
	chunk := bytes.Repeat([]byte(" "), 1<<16)
	for n := 0; n < size; n += len(chunk) {
		fw.Write(chunk)
	}
	fw.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	hdr := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: uint64(size + 100)}
	if lie {
		hdr.UncompressedSize64 = 100
	}
	w, err := zw.CreateRaw(hdr)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()
	bombs.Store(lie, buf.Bytes())
	return buf.Bytes()
}

// TestBadInputs: malformed and hostile packages give a *layout.Error with
// the right status and a clear message, never a panic or a huge allocation.
func TestBadInputs(t *testing.T) {
	sample := corpustest.ReadSample(t, southEast)
	manyEntries := func() []byte {
		parts := []string{"word/document.xml", `<w:document ` + wNS + `><w:body/></w:document>`}
		for i := range 50 {
			parts = append(parts, "word/media/x"+itoa(i)+".txt", "x")
		}
		return zipOf(t, parts...)
	}()
	// An OLE compound file's signature, then the stream names UTF-16LE.
	oleHeader := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	encrypted := append(append([]byte{}, oleHeader...), utf16leTest("EncryptionInfo\x00EncryptedPackage")...)
	cases := []struct {
		name   string
		data   []byte
		opt    Options
		status layout.Status
		msg    string
	}{
		{"empty file", nil, Options{}, layout.StatusCorrupt, "not a ZIP package"},
		{"not a zip", []byte("Just some text, not a Word document at all."), Options{}, layout.StatusCorrupt, "not a ZIP package"},
		{"truncated zip", sample[:len(sample)/2], Options{}, layout.StatusCorrupt, "truncated or damaged"},
		{"zip without word/document.xml", zipOf(t, "[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`, "word/styles.xml", `<w:styles `+wNS+`/>`), Options{}, layout.StatusCorrupt, "not a Word document: no word/document.xml"},
		{"an .xlsx", zipOf(t, "[Content_Types].xml", `<Types/>`, "xl/workbook.xml", `<workbook/>`), Options{}, layout.StatusCorrupt, "no word/document.xml"},
		{"zip bomb by ratio", bomb(t, false), Options{}, layout.StatusTooLarge, "inflates more than 200 times"},
		{"zip bomb with lying headers", bomb(t, true), Options{}, layout.StatusTooLarge, "zip bomb"},
		{"over the total limit", sample, Options{MaxUnzipped: 64 << 10}, layout.StatusTooLarge, "more than 65536 bytes"},
		{"over the entry limit", manyEntries, Options{MaxEntries: 40}, layout.StatusTooLarge, "more than 40 entries"},
		{"legacy .doc (OLE)", oleHeader, Options{}, layout.StatusUnsupported, "Word 97-2003"},
		{"encrypted .docx (OLE)", encrypted, Options{}, layout.StatusEncrypted, "password-protected"},
		{"broken XML", zipOf(t, "word/document.xml", `<w:document `+wNS+`><w:body><w:p><w:r><w:t>half`), Options{}, layout.StatusCorrupt, "word/document.xml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract(c.data, c.opt)
			if err == nil {
				t.Fatalf("no error; got %d blocks", len(doc.Blocks))
			}
			if got := statusOf(err); got != c.status {
				t.Errorf("status %s, want %s (%v)", got, c.status, err)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not say %q", err, c.msg)
			}
		})
	}
}

// TestBombInflatesLittle checks the limit is enforced while inflating: a
// 4 MB part is refused after at most the ratio allowance is inflated.
func TestBombInflatesLittle(t *testing.T) {
	for _, lie := range []bool{false, true} {
		p, err := openPackage(bomb(t, lie), Options{}.withDefaults())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Read("word/document.xml"); statusOf(err) != layout.StatusTooLarge {
			t.Fatalf("lie=%v: read: %v", lie, err)
		}
		var f *zip.File
		for _, e := range p.Entries() {
			if e.Name == "word/document.xml" {
				f = e
			}
		}
		allowance := max(int64(DefaultMaxRatio*float64(f.CompressedSize64)), ratioFloor)
		if p.Inflated() > allowance+1 || p.Inflated() >= bombSize {
			t.Errorf("lie=%v: inflated %d bytes before refusing; the allowance was %d", lie, p.Inflated(), allowance)
		}
	}
}

// TestCountEntries counts central directory records without archive/zip,
// and stops at the limit.
func TestCountEntries(t *testing.T) {
	sample := corpustest.ReadSample(t, southEast)
	many := func(n int) []byte {
		parts := make([]string, 0, 2*n)
		for i := range n {
			parts = append(parts, "p/"+itoa(i), "")
		}
		return zipOf(t, parts...)
	}
	prepended := append([]byte("#!/bin/sh\nexit 0\n"), sample...)
	cases := []struct {
		name  string
		data  []byte
		limit int
		want  int
	}{
		{"the South East report", sample, 100, 11},
		{"prepended data", prepended, 100, 11},
		{"stops past the limit", many(500), 100, 101},
		{"all of them", many(500), 1000, 500},
		{"truncated", sample[:len(sample)/2], 100, 0},
		{"not a zip", []byte("hello"), 100, 0},
	}
	for _, c := range cases {
		if got := zippkg.CountEntries(c.data, c.limit); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// TestDeepNesting refuses absurd XML nesting instead of growing without end.
func TestDeepNesting(t *testing.T) {
	body := strings.Repeat("<w:sdt><w:sdtContent>", 3000) + p("", "deep") + strings.Repeat("</w:sdtContent></w:sdt>", 3000)
	_, err := Extract(docxOf(t, body, "", ""), Options{})
	if statusOf(err) != layout.StatusTooLarge {
		t.Errorf("status %s (%v), want too-large", statusOf(err), err)
	}
}

func utf16leTest(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}
