package pdf

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
	"golang.org/x/image/font/sfnt"
)

// A font's text: what Unicode each character code stands for. The PDF
// library's encoder reads a ToUnicode map only when the font has no named
// /Encoding, ignores /BaseEncoding, knows no Symbol or ZapfDingbats glyphs
// and gives U+FFFD for every byte of a CID font without a map. Here, as
// the spec and pdftotext have it, each code is looked up in order:
//
//  1. the ToUnicode map, when it maps the code (an empty or broken map
//     maps nothing, and the next sources answer);
//  2. simple fonts: the encoding (/BaseEncoding or the font's built-in
//     one: Symbol and ZapfDingbats have their own) with /Differences,
//     whose glyph names go through the Adobe Glyph List (uniXXXX names
//     too), as Type 3 fonts name their glyphs;
//  3. composite (CID) fonts: a UCS-2 CMap gives Unicode itself; with
//     Identity-H, the embedded TrueType font's cmap (through /CIDToGIDMap)
//     or its glyph names, then the Adobe collection the font names
//     (cidcoll.go); otherwise one U+FFFD per code, never per byte, which
//     the garbled-page check counts, and a page warning says what was
//     missing.

// fontText is a font's code → text table, built once per font.
type fontText struct {
	toUni   map[int]string // ToUnicode, nil when absent or empty
	simple  *[256]string   // simple fonts: encoding with differences
	ucs2    bool           // composite font whose codes are UTF-16 units
	cjk     *cjkCMap       // composite font with a predefined legacy CJK CMap
	cidText map[int]string // composite fonts: CID → text from the embedded font
	coll    []rune         // composite fonts: the Adobe collection's CID → Unicode
	// lack says, for a composite font whose codes nothing maps, what
	// would have (a page warning names it)
	lack string
}

// maxCMapEntries bounds a ToUnicode map (a hostile range could claim
// millions of codes).
const maxCMapEntries = 1 << 17

func newFontText(v lpdf.Value, name string, twoByte bool) *fontText {
	ft := &fontText{}
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		ft.toUni = parseToUnicode(streamBytes(tu, 4<<20))
		if len(ft.toUni) == 0 {
			ft.toUni = nil
		}
	}
	if twoByte {
		enc := v.Key("Encoding").Name()
		if strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16") {
			ft.ucs2 = true
		} else if ft.cjk = predefinedCMap(enc); ft.cjk != nil {
			// codes are text in the CMap's character set
		} else if ft.toUni == nil {
			d := v.Key("DescendantFonts").Index(0)
			ft.cidText = embeddedCIDText(d)
			identity := enc == "Identity-H" || enc == "Identity-V"
			ord := d.Key("CIDSystemInfo").Key("Ordering").RawString()
			if identity && knownCollections[ord] {
				ft.coll = cidCollection(ord)
			}
			switch {
			case ft.cidText != nil || ft.coll != nil:
			case identity && knownCollections[ord]:
				ft.lack = "no ToUnicode map, and the Adobe-" + ord + " table is not installed (poppler-data)"
			case identity:
				ft.lack = "no ToUnicode map and no embedded TrueType font to read"
			default:
				ft.lack = "no ToUnicode map, and CMap " + enc + " is not read"
			}
		}
		return ft
	}
	ft.simple = simpleEncoding(v, name)
	return ft
}

// text returns the Unicode text of code n, and whether any source knew it.
func (ft *fontText) text(n int, twoByte bool) (string, bool) {
	if t, ok := ft.toUni[n]; ok {
		return t, true
	}
	if !twoByte {
		if n < 256 && ft.simple != nil && ft.simple[n] != "" {
			return ft.simple[n], true
		}
		return "", false
	}
	if ft.ucs2 {
		if n >= 0xD800 && n < 0xE000 {
			return "\ufffd", false
		}
		return string(rune(n)), true
	}
	if ft.cjk != nil {
		t := ft.cjk.decode(codeBytes(n))
		return t, t != "\ufffd"
	}
	if t, ok := ft.cidText[n]; ok {
		return t, true
	}
	if n < len(ft.coll) && ft.coll[n] > 0 {
		return string(ft.coll[n]), true
	}
	return "\ufffd", false
}

// simpleEncoding builds a simple font's code → text table.
func simpleEncoding(v lpdf.Value, name string) *[256]string {
	var out [256]string
	base := &winAnsiEncoding // what the library read unknown codes as
	lname := strings.ToLower(name)
	zapf := strings.Contains(lname, "dingbats")
	switch {
	case zapf:
		base = &dingbatsEncoding
	case strings.HasPrefix(lname, "symbol") || strings.HasPrefix(lname, "standardsym"):
		base = &symbolEncoding
	}
	enc := v.Key("Encoding")
	named := enc.Name()
	if enc.Kind() == lpdf.Dict {
		named = enc.Key("BaseEncoding").Name()
	}
	switch named {
	case "WinAnsiEncoding":
		base = &winAnsiEncoding
	case "MacRomanEncoding":
		base = &macRomanEncoding
	case "StandardEncoding":
		base = &standardEncoding
	}
	for i, r := range base {
		if r != 0 {
			out[i] = string(r)
		}
	}
	if enc.Kind() == lpdf.Dict {
		d := enc.Key("Differences")
		code := -1
		for i := 0; i < d.Len() && i < 4096; i++ {
			x := d.Index(i)
			switch x.Kind() {
			case lpdf.Integer:
				code = int(x.Int64())
			case lpdf.Name:
				if code >= 0 && code < 256 {
					if t := glyphText(x.Name(), zapf); t != "" {
						out[code] = t
					}
				}
				code++
			}
		}
	}
	return &out
}

// glyphText returns the text a glyph name stands for: the Adobe Glyph
// List's rules (a suffix after "." dropped, "_" joining ligature parts,
// uniXXXX and uXXXX[XX] names), or "" for a name that says nothing
// (g123, cid45, .notdef).
func glyphText(name string, zapf bool) string {
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	if name == "" {
		return ""
	}
	var b strings.Builder
	for _, part := range strings.Split(name, "_") {
		if part == "" { // "a_", "_": a fuzzer's finding
			return ""
		}
		if zapf {
			if r, ok := zapfRunes[part]; ok {
				b.WriteRune(r)
				continue
			}
		}
		if r, ok := aglRunes[part]; ok {
			b.WriteRune(r)
			continue
		}
		if strings.HasPrefix(part, "uni") && len(part) >= 7 && (len(part)-3)%4 == 0 {
			ok := true
			for i := 3; i < len(part); i += 4 {
				n, err := strconv.ParseUint(part[i:i+4], 16, 32)
				if err != nil || (n >= 0xD800 && n < 0xE000) {
					ok = false
					break
				}
				b.WriteRune(rune(n))
			}
			if ok {
				continue
			}
			return ""
		}
		if part[0] == 'u' && len(part) >= 5 && len(part) <= 7 {
			if n, err := strconv.ParseUint(part[1:], 16, 32); err == nil && n <= 0x10FFFF && !(n >= 0xD800 && n < 0xE000) {
				b.WriteRune(rune(n))
				continue
			}
		}
		return ""
	}
	return b.String()
}

// parseToUnicode reads a ToUnicode CMap's bfchar and bfrange entries.
// Codes are keyed by value; a destination is UTF-16BE (a glyph name is
// accepted too, as some writers put one).
func parseToUnicode(b []byte) map[int]string {
	m := map[int]string{}
	lx := &lexer{b: b}
	var args []operand
	for len(m) < maxCMapEntries {
		lx.skipSpace()
		if lx.pos >= len(lx.b) {
			break
		}
		c := lx.b[lx.pos]
		if isOperandStart(c) {
			o := lx.operand(0)
			if len(args) < 3*maxCMapEntries {
				args = append(args, o)
			}
			continue
		}
		if c == ']' || c == '>' || c == ')' || c == '}' || c == '{' {
			lx.pos++
			continue
		}
		switch lx.keyword() {
		case "":
			lx.pos++
			continue
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				if args[i].kind == opString {
					if t, ok := cmapDest(args[i+1]); ok {
						m[code(args[i].str)] = t
					}
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi, dst := args[i], args[i+1], args[i+2]
				if lo.kind != opString || hi.kind != opString {
					continue
				}
				a, z := code(lo.str), code(hi.str)
				if z < a || z-a > 0xFFFF {
					continue
				}
				for k := a; k <= z && len(m) < maxCMapEntries; k++ {
					switch dst.kind {
					case opArray:
						if k-a < len(dst.arr) {
							if t, ok := cmapDest(dst.arr[k-a]); ok {
								m[k] = t
							}
						}
					case opString:
						if t, ok := utf16Plus(dst.str, k-a); ok {
							m[k] = t
						}
					}
				}
			}
		}
		args = args[:0]
	}
	return m
}

// cmapDest decodes one bfchar destination.
func cmapDest(o operand) (string, bool) {
	switch o.kind {
	case opString:
		return utf16Plus(o.str, 0)
	case opName:
		t := glyphText(o.str, false)
		return t, t != ""
	}
	return "", false
}

// utf16Plus decodes UTF-16BE bytes with add added to the last unit (how a
// bfrange steps through its destinations). A mapping to NUL says nothing,
// so the next source answers.
func utf16Plus(s string, add int) (string, bool) {
	if len(s) == 0 {
		// an explicit "no text": a shaped script's glyphs whose word is
		// mapped on one of them
		return "", true
	}
	if len(s)%2 == 1 { // a writer's one-byte destination
		if add > 0 {
			return string(rune(int(s[len(s)-1]) + add)), true
		}
		return string(rune(s[0])), s[0] != 0
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	u[len(u)-1] += uint16(add)
	t := string(utf16.Decode(u))
	if t == "\x00" {
		return "", false
	}
	return t, true
}

// streamBytes reads a stream's decoded data, at most limit bytes.
func streamBytes(v lpdf.Value, limit int64) (b []byte) {
	defer func() {
		if recover() != nil {
			b = nil
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	var buf bytes.Buffer
	_, _ = io.Copy(&buf, io.LimitReader(rc, limit))
	return buf.Bytes()
}

// embeddedCIDText maps the CIDs of a CIDFont with an embedded TrueType or
// OpenType font to text: CID → glyph (/CIDToGIDMap, Identity by default)
// → the character the font's own cmap draws with that glyph, or its
// glyph name. Nil when the font is not embedded or says nothing.
func embeddedCIDText(d lpdf.Value) map[int]string {
	fd := d.Key("FontDescriptor")
	data := streamBytes(fd.Key("FontFile2"), 32<<20)
	if len(data) == 0 && fd.Key("FontFile3").Key("Subtype").Name() == "OpenType" {
		data = streamBytes(fd.Key("FontFile3"), 32<<20)
	}
	if len(data) == 0 {
		return nil
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil
	}
	var buf sfnt.Buffer
	n := f.NumGlyphs()
	if n <= 0 || n > 65536 {
		return nil
	}
	byGID := make([]rune, n)
	found := 0
	for r := rune(0x20); r < 0x10000 && found < n; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 || int(g) >= n || byGID[g] != 0 {
			continue
		}
		// a symbolic font's cmap (3,0) puts its glyphs at U+F0xx: that
		// is no text
		if r >= 0xE000 && r < 0xF900 {
			continue
		}
		byGID[g] = r
		found++
	}
	gidText := func(g int) string {
		if g <= 0 || g >= n {
			return ""
		}
		if byGID[g] != 0 {
			return string(byGID[g])
		}
		name, err := f.GlyphName(&buf, sfnt.GlyphIndex(g))
		if err != nil {
			return ""
		}
		return glyphText(name, false)
	}
	out := map[int]string{}
	if m := d.Key("CIDToGIDMap"); m.Kind() == lpdf.Stream {
		b := streamBytes(m, 1<<17)
		for cid := 0; 2*cid+1 < len(b); cid++ {
			if t := gidText(int(b[2*cid])<<8 | int(b[2*cid+1])); t != "" {
				out[cid] = t
			}
		}
	} else {
		for g := 1; g < n; g++ {
			if t := gidText(g); t != "" {
				out[g] = t
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// codeBytes is the inverse of code for codes of one or two bytes.
func codeBytes(n int) string {
	if n < 0x100 {
		return string([]byte{byte(n)})
	}
	return string([]byte{byte(n >> 8), byte(n)})
}
