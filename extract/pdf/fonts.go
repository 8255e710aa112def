package pdf

import (
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// font is what the interpreter needs from a PDF font, read once: how to cut
// a shown string into character codes, how wide each code is, and its text.
// The library's Font re-reads its dictionary on every call and indexes the
// widths of two-byte (CID) fonts by single bytes, so we keep our own.
type font struct {
	name    string
	twoByte bool      // composite (Type0) font: 2-byte codes
	text    *fontText // code → Unicode (encoding.go)
	first   int
	widths  []float64       // simple fonts: widths from FirstChar
	cidW    map[int]float64 // composite fonts: widths from /W
	dw      float64         // default width for codes without one
	scale   float64         // glyph space → text space (1/1000, or Type 3 FontMatrix)
	cache   map[string]string
}

// fontCache keeps fonts across the pages one worker reads, keyed by the
// font dictionary, so a document's fonts are parsed once.
type fontCache map[string]*font

func (fc fontCache) get(v lpdf.Value) *font {
	if v.Kind() != lpdf.Dict {
		return nil
	}
	key := fontKey(v)
	if f, ok := fc[key]; ok {
		return f
	}
	f := loadFont(v)
	fc[key] = f
	return f
}

func loadFont(v lpdf.Value) *font {
	f := &font{scale: 0.001, cache: map[string]string{}}
	lf := lpdf.Font{V: v}
	f.name = lf.BaseFont()
	if i := strings.IndexByte(f.name, '+'); i >= 0 {
		f.name = f.name[i+1:]
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.twoByte = true
		f.text = newFontText(v, f.name, true)
		d := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if dw := d.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
			f.dw = dw.Float64()
		}
		f.cidW = cidWidths(d.Key("W"))
		if f.name == "" {
			f.name = d.Key("BaseFont").Name()
		}
		return f
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() > 0 {
			f.scale = m.Index(0).Float64()
		}
		if f.name == "" {
			f.name = "Type3"
		}
	}
	f.text = newFontText(v, f.name, false)
	f.first = int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	f.widths = make([]float64, w.Len())
	for i := range f.widths {
		f.widths[i] = w.Index(i).Float64()
	}
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if f.dw == 0 {
		f.dw = 500 // standard 14 fonts come without widths: assume half an em
		if strings.Contains(strings.ToLower(f.name), "courier") {
			f.dw = 600
		}
	}
	return f
}

// cidWidths reads a CIDFont /W array: "c [w1 w2 ...]" and "c1 c2 w" runs.
func cidWidths(w lpdf.Value) map[int]float64 {
	m := map[int]float64{}
	n := w.Len()
	budget := 1 << 20 // widths set in all; a CID font has at most 65536 codes
	for i := 0; i < n && budget > 0; {
		c := int(w.Index(i).Int64())
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			for j := 0; j < next.Len() && j < 65536; j++ {
				m[c+j] = next.Index(j).Float64()
				budget--
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		c2 := int(next.Int64())
		wd := w.Index(i + 2).Float64()
		for k := c; k <= c2 && k-c < 65536; k++ {
			m[k] = wd
			budget--
		}
		i += 3
	}
	return m
}

// codes cuts a shown string into character codes.
func (f *font) codes(s string, out []string) []string {
	out = out[:0]
	if f.twoByte && f.text.cjk != nil {
		return f.text.cjk.cut(s, out)
	}
	if f.twoByte {
		for i := 0; i+1 < len(s); i += 2 {
			out = append(out, s[i:i+2])
		}
		return out
	}
	for i := 0; i < len(s); i++ {
		out = append(out, s[i:i+1])
	}
	return out
}

// code returns the numeric value of one character code.
func code(c string) int {
	n := 0
	for i := 0; i < len(c); i++ {
		n = n<<8 | int(c[i])
	}
	return n
}

// width is the advance of one code in glyph units (1000 per em).
func (f *font) width(c string) float64 {
	n := code(c)
	if f.twoByte && f.text.cjk != nil {
		// the code is not the CID /W is keyed by
		if len(c) == 1 {
			return f.dw / 2
		}
		return f.dw
	}
	if f.twoByte {
		if w, ok := f.cidW[n]; ok {
			return w
		}
		return f.dw
	}
	if i := n - f.first; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i]
	}
	if n == ' ' {
		return 250
	}
	return f.dw
}

// decode returns the Unicode text of one code, cached. A code of a simple
// font that no source maps reads as its byte (Latin-1, with cp1252's
// characters in the C1 range), as it always has.
func (f *font) decode(c string) string {
	if t, ok := f.cache[c]; ok {
		return t
	}
	t, ok := f.text.text(code(c), f.twoByte)
	if !ok && !f.twoByte {
		t = string(rune(c[0]))
	}
	t = fixC1(t)
	f.cache[c] = t
	return t
}

// cp1252 maps the C1 control range to what WinAnsiEncoding prints there.
// An encoding with /Differences leaves unlisted codes as raw bytes, and a
// byte such as 0x96 (an en dash) then reads as an invisible control.
var cp1252 = [32]rune{
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
}

func fixC1(t string) string {
	for _, r := range t {
		if r >= 0x80 && r < 0xA0 {
			return strings.Map(func(r rune) rune {
				if r >= 0x80 && r < 0xA0 {
					return cp1252[r-0x80]
				}
				return r
			}, t)
		}
	}
	return t
}

// fontKey identifies a font dictionary cheaply. An embedded subset's name
// ("ABCDEF+Arial") is unique within a file, so with its type, encoding and
// character range it names the font; fonts without such a name (Type 3,
// standard fonts) are keyed by their whole dictionary as written.
func fontKey(v lpdf.Value) string {
	name := v.Key("BaseFont").Name()
	sub := v.Key("Subtype").Name()
	if i := strings.IndexByte(name, '+'); i != 6 || sub == "Type3" {
		return v.String()
	}
	enc := v.Key("Encoding")
	e := enc.Name()
	if enc.Kind() == lpdf.Dict {
		e = enc.String()
	}
	return name + "|" + sub + "|" + e + "|" + v.Key("FirstChar").String() + "|" + v.Key("LastChar").String()
}
