package pdf

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

// withClassicXref returns data with its cross-reference section and
// trailer replaced by a correct classic table, found by a plain scan for
// object headers: how a test builds a well-formed file after editing
// objects (the damage under test is the edit, not the offsets).
func withClassicXref(t *testing.T, data []byte) []byte {
	t.Helper()
	trailer := regexp.MustCompile(`(?s)trailer\s*(<<.*>>)\s*startxref`).FindSubmatch(data)
	if trailer == nil {
		t.Fatal("no trailer")
	}
	keep := regexp.MustCompile(`/(Root|Info) \d+ 0 R`).FindAll(trailer[1], -1)
	cut := bytes.LastIndex(data, []byte("\nxref"))
	if cut < 0 {
		t.Fatal("no xref")
	}
	body := data[:cut+1]
	offs := map[int]int{}
	maxNum := 0
	for _, m := range regexp.MustCompile(`(?m)^(\d+) 0 obj`).FindAllSubmatchIndex(body, -1) {
		var n int
		fmt.Sscan(string(body[m[2]:m[3]]), &n)
		offs[n] = m[0]
		maxNum = max(maxNum, n)
	}
	var b bytes.Buffer
	b.Write(body)
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", maxNum+1)
	for n := 1; n <= maxNum; n++ {
		if o, ok := offs[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", o)
		} else {
			b.WriteString("0000000000 00000 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d %s>>\nstartxref\n%d\n%%%%EOF\n", maxNum+1, bytes.Join(keep, []byte(" ")), x)
	return b.Bytes()
}

// docDump is what a damaged copy must give as the original does: every
// block's kind, page and text, and every table's cells.
func docDump(doc *layout.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		fmt.Fprintf(&b, "%s p%d %s\n", bl.Kind, bl.Page, bl.Text)
		if bl.Table != nil {
			for _, r := range bl.Table.Grid() {
				fmt.Fprintf(&b, "  %q\n", r)
			}
		}
	}
	return b.String()
}

// TestDamagedCopiesRead: each kind of damage that real files carry, and
// that mutool and pdftotext read through, made fresh from the East of
// England sample: the copy reads ok, with the same blocks and tables as
// the original.
func TestDamagedCopiesRead(t *testing.T) {
	good := corpustest.ReadSample(t, eastOfEngland)
	want, err := Extract(context.Background(), good, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Warnings) != 0 {
		t.Fatalf("the original has warnings: %q", want.Warnings)
	}
	lastXref := bytes.LastIndex(good, []byte("\nxref"))
	sx := regexp.MustCompile(`startxref\s+(\d+)`).FindSubmatchIndex(good)
	replace := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("sample has no %q", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	cases := []struct {
		name string
		data []byte
	}{
		{"bytes after %%EOF", cat(good, []byte("\n<!-- served by cache-7 in 12 ms -->\n<html><body>Thank you</body></html>\n"))},
		{"NUL padding", cat(good, make([]byte, 4096-len(good)%4096+4096))},
		{"HTTP response header before %PDF", cat([]byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: %d\r\n\r\n", len(good))), good)},
		{"%PDF-2.0 header", replace("%PDF-1.6\n", "%PDF-2.0\n")},
		{"NUL after the header", replace("%PDF-1.6\n", "%PDF-1.6\x00")},
		{"every offset shifted", cat(good[:9], []byte("% a line a mail gateway inserted\n"), good[9:])},
		{"startxref pointing at nonsense", cat(good[:sx[2]], []byte("12345"), good[sx[3]:])},
		{"xref table and trailer missing", good[:lastXref+1]},
		{"trailer /Size smaller than the highest object", replace("/Size 116", "/Size 40")},
		{"/DecodeParms <</Predictor 1>>", withClassicXref(t, bytes.ReplaceAll(good, []byte("/Filter/FlateDecode>>"), []byte("/Filter/FlateDecode/DecodeParms<</Predictor 1>>>>")))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Extract(context.Background(), c.data, Options{Workers: 2})
			if err != nil {
				t.Fatalf("status %s: %v", layout.StatusOf(err), err)
			}
			if got.Pages != want.Pages {
				t.Errorf("%d pages, want %d", got.Pages, want.Pages)
			}
			if g, w := docDump(got), docDump(want); g != w {
				t.Errorf("blocks differ from the original:\n%s", firstDiff(g, w))
			}
			if !reflect.DeepEqual(got.Meta, want.Meta) {
				t.Errorf("meta %v, want %v", got.Meta, want.Meta)
			}
			t.Logf("warnings: %q", got.Warnings)
		})
	}
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\n got: %s\nwant: %s", i+1, a, b)
		}
	}
	return ""
}

// TestTruncatedInsideAnObject: a file cut inside an object (a download
// that stopped) has lost text; it is corrupt, never read as complete.
func TestTruncatedInsideAnObject(t *testing.T) {
	good := corpustest.ReadSample(t, eastOfEngland)
	for _, cut := range []int{len(good) / 2, bytes.LastIndex(good, []byte("endobj"))} {
		_, err := Extract(context.Background(), good[:cut], Options{})
		if layout.StatusOf(err) != layout.StatusCorrupt || !strings.Contains(fmt.Sprint(err), "truncated") {
			t.Errorf("cut at %d: %v, want corrupt: truncated", cut, err)
		}
	}
}

// TestInvalidEscapeInADictionary: "(AutoCAD\ 2012)" in a page dictionary
// (AutoCAD's viewport measures): the spec ignores the backslash, the PDF
// library refused the page and the document had no pages.
func TestInvalidEscapeInADictionary(t *testing.T) {
	data := synthPDF(`/VP [<< /Measure << /U (\ ) /R (1\ mm) >> >>]`, "BT /F1 12 Tf 72 700 Td (Drawing notes) Tj ET")
	doc, err := Extract(context.Background(), data, Options{})
	if err != nil {
		t.Fatalf("status %s: %v", layout.StatusOf(err), err)
	}
	if got := strings.TrimSpace(blockText(doc)); got != "Drawing notes" {
		t.Errorf("text %q", got)
	}
	fixed, n := fixEscapes([]byte(`1 0 obj << /A (a\ b\(c\)\\) /B (x\qy) >> endobj 2 0 obj << /Length 4 >> stream
\ \q
endstream endobj`))
	want := `1 0 obj << /A (a b\(c\)\\) /B (xqy) >> endobj 2 0 obj << /Length 4 >> stream
\ \q
endstream endobj`
	if n != 2 || string(fixed) != want {
		t.Errorf("fixEscapes: %d, %q", n, fixed)
	}
}
