package text

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode turns the bytes of a text file into UTF-8: a byte-order mark says
// UTF-8 or UTF-16; UTF-16 without one is recognised by its zero bytes; valid
// UTF-8 is taken as it is; anything else is windows-1252, the encoding of
// text saved on Windows in English, byte by byte where the rest is UTF-8.
func decode(data []byte) (text, charset, warning string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16(data, unicode.LittleEndian, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16(data, unicode.BigEndian, "utf-16be")
	default:
		if e, ok := utf16Guess(data); ok {
			t, cs, w := utf16(data, e, "utf-16")
			if w == "" {
				w = "no byte-order mark; read as UTF-16 from its zero bytes"
			}
			return t, cs, w
		}
	}
	if utf8.Valid(data) {
		return string(data), "utf-8", ""
	}
	s, bad := RepairUTF8(data)
	if !HasMultibyte(data) {
		return s, "windows-1252", ""
	}
	return s, "utf-8", strconv.Itoa(bad) + " bytes of invalid UTF-8 read as windows-1252"
}

func utf16(data []byte, e unicode.Endianness, name string) (string, string, string) {
	out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil {
		s, _ := RepairUTF8(data)
		return s, "windows-1252", "cannot decode as " + name + ": " + err.Error()
	}
	s := strings.TrimPrefix(string(out), "\ufeff")
	if e == unicode.LittleEndian {
		return s, "utf-16le", ""
	}
	return s, "utf-16be", ""
}

// utf16Guess recognises UTF-16 without a byte-order mark: in English text
// every other byte is zero.
func utf16Guess(data []byte) (unicode.Endianness, bool) {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return unicode.BigEndian, false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*4 && even*10 < half:
		return unicode.LittleEndian, true
	case even*10 >= half*4 && odd*10 < half:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// RepairUTF8 decodes data as UTF-8, reading each byte that is not part of a
// valid UTF-8 sequence as windows-1252; it returns the text and the number of
// bytes so read. The HTML extractor uses it too: pages that mix a UTF-8
// template with pasted windows-1252 text are common.
func RepairUTF8(data []byte) (string, int) {
	dec := charmap.Windows1252
	var b strings.Builder
	b.Grow(len(data) + len(data)/4)
	bad := 0
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(dec.DecodeByte(data[0]))
			bad++
			data = data[1:]
			continue
		}
		b.WriteRune(r)
		data = data[n:]
	}
	return b.String(), bad
}

// HasMultibyte reports whether data holds at least one valid multi-byte
// UTF-8 sequence: bytes that are not UTF-8 but hold none are windows-1252
// throughout.
func HasMultibyte(data []byte) bool {
	for len(data) > 0 {
		if data[0] < utf8.RuneSelf {
			data = data[1:]
			continue
		}
		r, n := utf8.DecodeRune(data)
		if r != utf8.RuneError || n > 1 {
			return true
		}
		data = data[1:]
	}
	return false
}
