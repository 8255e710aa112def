package pdf

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Predefined CJK CMaps. Older Japanese, Chinese and Korean PDFs set text in
// a composite font whose /Encoding names one of Adobe's predefined CMaps
// for a legacy character set (90ms-RKSJ-H is Shift-JIS, GBK-EUC-H is GBK,
// KSCms-UHC-H is Korean, ETen-B5-H is Big5): its codes are one byte for
// ASCII and two for the rest, not the two bytes of Identity-H, and the
// bytes are text in that character set. The CMap's name says both, so
// codes are cut by the set's lead bytes and, without a ToUnicode map,
// decoded with golang.org/x/text's decoder for the set (already a
// dependency). Widths come from the default width (/DW), half of it for a
// one-byte code, since the code is not the CID the /W array is keyed by.

// cjkCMap is a predefined CMap's character set.
type cjkCMap struct {
	lead func(b byte) bool // the first byte of a two-byte code
	enc  encoding.Encoding
}

func between(lo, hi byte) func(byte) bool {
	return func(b byte) bool { return b >= lo && b <= hi }
}

// predefinedCMap recognises a predefined CMap by its name (Adobe's names,
// -H or -V); nil for Identity, UCS-2/UTF-16 CMaps and names it does not
// know.
func predefinedCMap(name string) *cjkCMap {
	switch {
	case strings.Contains(name, "RKSJ"):
		return &cjkCMap{lead: func(b byte) bool { return b >= 0x81 && b <= 0x9F || b >= 0xE0 && b <= 0xFC }, enc: japanese.ShiftJIS}
	case strings.HasPrefix(name, "EUC-") || strings.HasPrefix(name, "Ext-EUC") || strings.HasPrefix(name, "Add-EUC"):
		return &cjkCMap{lead: func(b byte) bool { return b == 0x8E || b >= 0xA1 && b <= 0xFE }, enc: japanese.EUCJP}
	case strings.HasPrefix(name, "GB") && strings.Contains(name, "EUC"):
		return &cjkCMap{lead: between(0x81, 0xFE), enc: simplifiedchinese.GBK}
	case strings.HasPrefix(name, "KSC") && (strings.Contains(name, "EUC") || strings.Contains(name, "UHC")):
		return &cjkCMap{lead: between(0x81, 0xFE), enc: korean.EUCKR}
	case strings.Contains(name, "B5"):
		return &cjkCMap{lead: between(0x81, 0xFE), enc: traditionalchinese.Big5}
	}
	return nil
}

// cut splits a shown string into codes: two bytes after a lead byte, else one.
func (m *cjkCMap) cut(s string, out []string) []string {
	for i := 0; i < len(s); {
		n := 1
		if m.lead(s[i]) && i+1 < len(s) {
			n = 2
		}
		out = append(out, s[i:i+n])
		i += n
	}
	return out
}

// decode is a code's text in the CMap's character set, or U+FFFD.
func (m *cjkCMap) decode(c string) string {
	t, err := m.enc.NewDecoder().String(c)
	if err != nil || t == "" || !utf8.ValidString(t) || strings.ContainsRune(t, utf8.RuneError) {
		return "\ufffd"
	}
	return t
}
