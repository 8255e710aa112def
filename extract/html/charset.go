package html

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/planmap/planmap/extract/text"
)

// decoded is a page turned into UTF-8 text, with the character set that was
// used and any doubt about it.
type decoded struct {
	text    string
	charset string // canonical name, e.g. "utf-8", "windows-1252"
	warning string
}

// decode turns the raw bytes of a page into UTF-8. The order follows what
// browsers do: a byte-order mark wins, then a declared charset (<meta charset>,
// <meta http-equiv>, or an XML declaration), then the bytes themselves. Old
// council pages are often windows-1252 with no declaration, or declare UTF-8
// while carrying pasted windows-1252 bytes, so invalid UTF-8 is read byte by
// byte as windows-1252 rather than turned into replacement characters.
func decode(data []byte) decoded {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return utf8OrRepair(data[3:], "byte-order mark")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le")
	}
	label := declaredCharset(data)
	if label == "" {
		return utf8OrRepair(data, "")
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		d := utf8OrRepair(data, "")
		d.warning = joinWarn(d.warning, "unknown declared charset "+quote(label)+", read as "+d.charset)
		return d
	}
	// A page can only declare an ASCII-compatible encoding in a <meta>; the
	// HTML standard reads a declared UTF-16 as UTF-8.
	if name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return utf8OrRepair(data, "declared")
	}
	// A legacy declaration on bytes that are valid, non-ASCII UTF-8 is
	// almost always a template that lies (a CMS converted the pages to
	// UTF-8 and kept the old <meta>): windows-1252 text very rarely forms
	// valid multi-byte UTF-8 sequences, and GBK, Big5, Shift_JIS or EUC
	// text forms a few at most by chance, never a page's worth. Decoded as
	// declared, such a page is mojibake with no error to show for it, so
	// the valid UTF-8 reading wins: always over a single-byte declaration,
	// over a multi-byte one when there are several sequences or the
	// declared decoding could not map every byte.
	if utf8.Valid(data) && text.HasMultibyte(data) {
		if singleByte(name) || utf8Sequences(data, 4) >= 4 || !cleanDecode(data, enc) {
			return decoded{text: string(data), charset: "utf-8",
				warning: "declared charset " + name + " but the bytes are UTF-8; read as UTF-8"}
		}
	}
	return decodeWith(data, enc, name)
}

// utf8Sequences counts multi-byte UTF-8 sequences in data, up to limit.
func utf8Sequences(data []byte, limit int) int {
	n := 0
	for len(data) > 0 && n < limit {
		if data[0] < utf8.RuneSelf {
			data = data[1:]
			continue
		}
		r, size := utf8.DecodeRune(data)
		if r != utf8.RuneError || size > 1 {
			n++
		}
		data = data[size:]
	}
	return n
}

// cleanDecode reports whether enc maps every byte of data to a character:
// x/text decoders put U+FFFD where a byte sequence has no character.
func cleanDecode(data []byte, enc encoding.Encoding) bool {
	out, err := enc.NewDecoder().Bytes(data)
	return err == nil && !bytes.ContainsRune(out, utf8.RuneError)
}

func decodeWith(data []byte, enc encoding.Encoding, name string) decoded {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		d := utf8OrRepair(data, "")
		d.warning = joinWarn(d.warning, "cannot decode as "+name+": "+err.Error())
		return d
	}
	return decoded{text: string(out), charset: name}
}

// utf8OrRepair returns valid UTF-8 as it is; otherwise every byte that is not
// part of a valid UTF-8 sequence is read as windows-1252.
func utf8OrRepair(data []byte, why string) decoded {
	if utf8.Valid(data) {
		return decoded{text: string(data), charset: "utf-8"}
	}
	repaired, bad := text.RepairUTF8(data)
	if !text.HasMultibyte(data) {
		// No valid multi-byte sequence at all: a windows-1252 page.
		w := ""
		if why != "" {
			w = "declared UTF-8 but the bytes are windows-1252"
		}
		return decoded{text: repaired, charset: "windows-1252", warning: w}
	}
	return decoded{text: repaired, charset: "utf-8",
		warning: strconv.Itoa(bad) + " bytes of invalid UTF-8 read as windows-1252"}
}

// singleByte reports the WHATWG names of single-byte legacy encodings.
func singleByte(name string) bool {
	for _, p := range []string{"windows-", "iso-8859-", "koi8-", "macintosh", "ibm866", "x-mac-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

var xmlDeclRe = regexp.MustCompile(`^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)

// prescanLimit bounds how much of the page is searched for a declaration:
// browsers look at the first 1024 bytes; generous authors put scripts and
// styles before the <meta>, so we look further but stop at <body>.
const prescanLimit = 64 << 10

// declaredCharset finds the charset a page declares for itself, or "".
func declaredCharset(data []byte) string {
	if len(data) > prescanLimit {
		data = data[:prescanLimit]
	}
	if m := xmlDeclRe.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	z := xhtml.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if !hasAttr {
					continue
				}
				var httpEquiv, content, cs string
				for {
					k, v, more := z.TagAttr()
					switch strings.ToLower(string(k)) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						httpEquiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
					if !more {
						break
					}
				}
				if cs = strings.TrimSpace(cs); cs != "" {
					return cs
				}
				if httpEquiv == "content-type" {
					if c := charsetParam(content); c != "" {
						return c
					}
				}
			}
		}
	}
}

// charsetParam extracts the charset parameter of a Content-Type value.
func charsetParam(content string) string {
	i := strings.Index(strings.ToLower(content), "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(content[i+len("charset"):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.Trim(strings.TrimLeft(rest[1:], " \t"), `"'`)
	if j := strings.IndexAny(rest, `;"' `); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

func joinWarn(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

func quote(s string) string { return `"` + s + `"` }
