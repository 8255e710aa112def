package pdf

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"math/rand"
	"regexp"
	"strings"
	"testing"

	tifflzw "golang.org/x/image/tiff/lzw"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract/layout"
)

// lzwEncode is a test-only LZW encoder as PDF writers use it (MSB first,
// a clear code first, an EOD code last); early widens the codes one code
// early, PDF's default (/EarlyChange 1).
func lzwEncode(data []byte, early bool) []byte {
	const clear, eod = 256, 257
	var out []byte
	var acc uint64
	var nbits uint
	width := 9
	put := func(code int) {
		acc = acc<<uint(width) | uint64(code)
		nbits += uint(width)
		for nbits >= 8 {
			out = append(out, byte(acc>>(nbits-8)))
			nbits -= 8
		}
		acc &= 1<<nbits - 1
	}
	var dict map[string]int
	next := 0
	reset := func() {
		dict = map[string]int{}
		for i := 0; i < 256; i++ {
			dict[string([]byte{byte(i)})] = i
		}
		width, next = 9, 258
	}
	reset()
	put(clear)
	w := ""
	for _, c := range data {
		wc := w + string([]byte{c})
		if _, ok := dict[wc]; ok {
			w = wc
			continue
		}
		put(dict[w])
		dict[wc] = next
		next++
		w = string([]byte{c})
		// the decoder adds its entries one code behind: it widens after
		// the code that makes next reach 1<<width (early) or pass it
		limit := 1 << width
		if !early {
			limit++
		}
		if next >= limit {
			if width < 12 {
				width++
			} else {
				put(clear)
				reset()
			}
		}
	}
	if w != "" {
		put(dict[w])
	}
	put(eod)
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}

// TestLZWEncoderRoundTrip: the test encoder agrees with both decoders, on
// text long enough to widen the codes to 12 bits and clear the table.
func TestLZWEncoderRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var b bytes.Buffer
	words := strings.Fields("BT /F1 12 Tf 72 700 Td (Regional Action Plan) Tj ET q 1 0 0 1 cm Q re f S")
	for b.Len() < 200_000 {
		b.WriteString(words[rng.Intn(len(words))])
		b.WriteByte(byte(' ' + rng.Intn(3)))
	}
	src := b.Bytes()
	for _, early := range []bool{true, false} {
		var r io.Reader
		if early {
			r = tifflzw.NewReader(bytes.NewReader(lzwEncode(src, true)), tifflzw.MSB, 8)
		} else {
			r = lzw.NewReader(bytes.NewReader(lzwEncode(src, false)), lzw.MSB, 8)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, src) {
			t.Fatalf("early %v: %v, %d bytes of %d", early, err, len(got), len(src))
		}
	}
}

// lzwCopy rewrites every FlateDecode stream of a PDF in LZWDecode (every
// other one with /EarlyChange 0), with a direct /Length, and a correct
// cross-reference table.
func lzwCopy(t *testing.T, data []byte) []byte {
	t.Helper()
	re := regexp.MustCompile(`(?s)<</Length (\d+ 0 R|\d+)/Filter/FlateDecode>>\r?\nstream\r?\n`)
	var out bytes.Buffer
	from, n := 0, 0
	for _, m := range re.FindAllIndex(data, -1) {
		e := bytes.Index(data[m[1]:], []byte("endstream"))
		zr, err := zlib.NewReader(bytes.NewReader(data[m[1] : m[1]+e]))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		early := n%2 == 0
		parms := ""
		if !early {
			parms = "/DecodeParms<</EarlyChange 0>>"
		}
		enc := lzwEncode(plain, early)
		out.Write(data[from:m[0]])
		fmt.Fprintf(&out, "<</Length %d/Filter/LZWDecode%s>>\nstream\n", len(enc), parms)
		out.Write(enc)
		out.WriteString("\n")
		from = m[1] + e
		n++
	}
	if n < 10 {
		t.Fatalf("only %d streams rewritten", n)
	}
	out.Write(data[from:])
	return withClassicXref(t, out.Bytes())
}

// TestLZWDecode: the East of England sample with every stream (page
// contents, fonts, ToUnicode maps) in LZWDecode reads ok with the same
// blocks and tables as the original; so does an ASCIIHexDecode and
// RunLengthDecode copy of its first stream.
func TestLZWDecode(t *testing.T) {
	good := corpustest.ReadSample(t, eastOfEngland)
	want, err := Extract(context.Background(), good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Extract(context.Background(), lzwCopy(t, good), Options{})
	if err != nil {
		t.Fatalf("status %s: %v", layout.StatusOf(err), err)
	}
	if g, w := docDump(got), docDump(want); g != w {
		t.Errorf("blocks differ from the original:\n%s", firstDiff(g, w))
	}
}

func TestSimpleFilters(t *testing.T) {
	if got := string(asciiHex([]byte("48 65 6c6C6f 2>"))); got != "Hello " {
		t.Errorf("asciiHex: %q", got)
	}
	if got := string(runLength([]byte{2, 'a', 'b', 'c', 254, 'x', 128, 'z'})); got != "abcxxx" {
		t.Errorf("runLength: %q", got)
	}
	content := "BT /F1 12 Tf 72 700 Td (Hello filters) Tj ET"
	hexed := fmt.Sprintf("%x>", content)
	for _, c := range []struct{ filter, data string }{
		{"/ASCIIHexDecode", hexed},
		{"[/ASCIIHexDecode /LZWDecode]", fmt.Sprintf("%x>", lzwEncode([]byte(content), true))},
		{"/RunLengthDecode", string(append(append([]byte{byte(len(content) - 1)}, content...), 128))},
	} {
		pdf := synthPDF("", content)
		pdf = bytes.Replace(pdf, []byte(fmt.Sprintf("<< /Length %d >>\nstream\n%s\n", len(content)+1, content)),
			[]byte(fmt.Sprintf("<< /Length %d /Filter %s >>\nstream\n%s\n", len(c.data)+1, c.filter, c.data)), 1)
		doc, err := Extract(context.Background(), withClassicXref(t, pdf), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.filter, err)
			continue
		}
		if got := strings.TrimSpace(blockText(doc)); got != "Hello filters" {
			t.Errorf("%s: %q", c.filter, got)
		}
	}
}
