package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Paragraph numbers printed as text ("2.1 The consultation …", "1. Purpose",
// "a) Support GOSE …") are split off into Block.Marker by both the plain-text
// and the HTML extractor, so that normalise finds references in one place.
// Only forms that are unambiguous at the start of a paragraph are taken:
//
//	2.1 / 4.3.2 / 2.1.   dotted section numbers, before a capital letter
//	1. / 12)             a number with a full stop or bracket, before a capital
//	(3) (a) a) (iv) iv)  bracketed numbers, letters and roman numerals
//
// "2.5 million people" and "2009 was …" keep their numbers as text.
var (
	sectionRe = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})+\.?)\s+`)
	numberRe  = regexp.MustCompile(`^(\d{1,3}[.)])\s+`)
	bracketRe = regexp.MustCompile(`^(\(\d{1,3}\)|\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)\))\s+`)
)

// SplitMarker splits a leading paragraph number from s. It returns ("", s)
// when s does not start with one.
func SplitMarker(s string) (marker, rest string) {
	if m := sectionRe.FindStringSubmatch(s); m != nil {
		if r := s[len(m[0]):]; startsCapital(r) {
			return m[1], r
		}
	}
	if m := numberRe.FindStringSubmatch(s); m != nil {
		if r := s[len(m[0]):]; startsCapital(r) {
			return m[1], r
		}
	}
	if m := bracketRe.FindStringSubmatch(s); m != nil {
		if r := s[len(m[0]):]; hasLetter(r) {
			return m[1], r
		}
	}
	return "", s
}

// startsCapital reports text that begins like a sentence or a title: a
// capital letter, possibly after an opening quote or bracket.
func startsCapital(s string) bool {
	s = strings.TrimLeft(s, "\"'‘“(")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
