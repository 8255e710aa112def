package pdf

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text. A PDF draws glyphs where they appear, so a Hebrew or
// Arabic word read left to right by x comes out reversed. The glyph's
// direction comes from its Unicode bidi class (golang.org/x/text's
// tables); the visual order is turned back into logical order the way the
// bidi algorithm lays it out, inverted for the common cases: in a
// right-to-left line everything runs right to left except runs of
// left-to-right letters and numbers, which keep their order; in a
// left-to-right line only runs of right-to-left letters are turned. Words
// keep their boxes and their x order on the page (table and paragraph
// finding depend on it); only the order in which their texts are read is
// changed, word by word (visualToLogical) and within each line (see
// logicalWords).

// Direction classes used here: a strong right-to-left letter, a strong
// left-to-right letter, a digit (left to right inside right-to-left text,
// neutral inside left-to-right text) and anything else.
const (
	dirN byte = iota
	dirR
	dirL
	dirD
)

// textDir is the class of the first strongly directed rune of s, or a digit
// class when s holds digits and no letters.
func textDir(s string) byte {
	d := dirN
	for _, r := range s {
		switch runeDir(r) {
		case dirR:
			return dirR
		case dirL:
			return dirL
		case dirD:
			d = dirD
		}
	}
	return d
}

func runeDir(r rune) byte {
	if r < 0x80 {
		switch {
		case r >= '0' && r <= '9':
			return dirD
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			return dirL
		}
		return dirN
	}
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL:
		return dirR
	case bidi.L:
		return dirL
	case bidi.EN, bidi.AN:
		return dirD
	}
	return dirN
}

// hasRTL reports whether s holds a right-to-left letter.
func hasRTL(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x590 && runeDir(r) == dirR {
			return true
		}
		i += n
	}
	return false
}

// rtlLine reports whether a line whose item texts are ts reads right to
// left: it holds more right-to-left letters than left-to-right ones.
func rtlLine(ts []string) bool {
	nr, nl := 0, 0
	for _, t := range ts {
		for _, r := range t {
			switch runeDir(r) {
			case dirR:
				nr++
			case dirL:
				nl++
			}
		}
	}
	return nr > nl
}

// logicalPerm returns the reading order of items drawn left to right with
// the given direction classes, in a line that reads right to left (rtl) or
// left to right.
func logicalPerm(cls []byte, rtl bool) []int {
	n := len(cls)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	rev := func(lo, hi int) { // inclusive
		for ; lo < hi; lo, hi = lo+1, hi-1 {
			idx[lo], idx[hi] = idx[hi], idx[lo]
		}
	}
	// runs reverses each maximal stretch of idx[lo..hi] that starts and
	// ends with a class in ends and holds no class in stops.
	runs := func(lo, hi int, ends, stops func(byte) bool) {
		for i := lo; i <= hi; i++ {
			if !ends(cls[idx[i]]) {
				continue
			}
			last := i
			j := i + 1
			for ; j <= hi && !stops(cls[idx[j]]); j++ {
				if ends(cls[idx[j]]) {
					last = j
				}
			}
			rev(i, last)
			i = j - 1
		}
	}
	isR := func(c byte) bool { return c == dirR }
	isD := func(c byte) bool { return c == dirD }
	isLD := func(c byte) bool { return c == dirL || c == dirD }
	if rtl {
		rev(0, n-1)
		runs(0, n-1, isLD, isR)
		return idx
	}
	for i := 0; i < n; i++ {
		if !isR(cls[idx[i]]) {
			continue
		}
		last, j := i, i+1
		for ; j < n && cls[idx[j]] != dirL; j++ {
			if isR(cls[idx[j]]) {
				last = j
			}
		}
		rev(i, last)
		runs(i, last, isD, isR) // numbers inside keep their order
		i = j - 1
	}
	return idx
}

// visualToLogical joins texts drawn left to right into reading order.
func visualToLogical(ts []string, rtl bool) string {
	cls := make([]byte, len(ts))
	for i, t := range ts {
		cls[i] = textDir(t)
	}
	var b []byte
	for _, i := range logicalPerm(cls, rtl) {
		b = append(b, ts[i]...)
	}
	return string(b)
}

// logicalWords returns a line's words (left to right on the page) in
// reading order: unchanged unless some word is right to left.
func logicalWords(ws []Word) []Word {
	ts := make([]string, len(ws))
	any := false
	for i, w := range ws {
		ts[i] = w.Text
		any = any || hasRTL(w.Text)
	}
	if !any {
		return ws
	}
	cls := make([]byte, len(ws))
	for i, t := range ts {
		cls[i] = textDir(t)
	}
	out := make([]Word, len(ws))
	for k, i := range logicalPerm(cls, rtlLine(ts)) {
		out[k] = ws[i]
	}
	return out
}
