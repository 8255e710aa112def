package export

import (
	"strings"
	"unicode/utf8"
)

// maxCell is the most characters a spreadsheet cell holds (Excel's limit is
// 32,767 UTF-16 units; we stay under it in runes and mark the cut).
const maxCell = 32000

// cellText makes untrusted text safe for any cell: invalid UTF-8 becomes
// U+FFFD, control characters other than tab and newline are dropped (XML
// 1.0 cannot carry them and Excel refuses the file), carriage returns
// become newlines, and overlong text is cut with an ellipsis.
func cellText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean && len(s) <= maxCell {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case r == '\t' || r == '\n':
		case r < 0x20, r >= 0x7f && r < 0xa0, r == 0xfffe, r == 0xffff:
			continue
		}
		if n == maxCell {
			b.WriteRune('…')
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// csvCell neutralises text a spreadsheet would run as a formula: a cell
// starting with =, +, -, @, tab or carriage return gets a leading
// apostrophe (the OWASP advice for CSV injection).
func csvCell(s string) string {
	s = cellText(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
