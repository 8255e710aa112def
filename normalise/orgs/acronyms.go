package orgs

import (
	"strings"
	"unicode"
)

// Acronym definitions learnt from a document's own text with the
// Schwartz–Hearst algorithm (A. Schwartz and M. Hearst, "A simple algorithm
// for identifying abbreviation definitions in biomedical text", PSB 2003):
// a short form in brackets after its long form, "East of England Regional
// Assembly (EERA)", or the reverse, "EERA (East of England Regional
// Assembly)". The long form is the shortest run of words before the
// bracket whose letters contain the short form's letters in order, the
// first one at the start of a word.

// FindAcronyms learns "Long Form (LF)" definitions from a document's text,
// returning short form → long form. The first definition of a short form
// wins.
func FindAcronyms(texts []string) map[string]string {
	out := map[string]string{}
	for _, t := range texts {
		for _, d := range acronymDefinitions(t) {
			if _, ok := out[d[0]]; !ok {
				out[d[0]] = d[1]
			}
		}
	}
	return out
}

// acronymDefinitions returns the (short, long) pairs defined in one text.
func acronymDefinitions(text string) [][2]string {
	var out [][2]string
	for i := 0; i < len(text); i++ {
		if text[i] != '(' {
			continue
		}
		end := strings.IndexByte(text[i+1:], ')')
		if end < 0 {
			break
		}
		inner := strings.TrimSpace(text[i+1 : i+1+end])
		before := text[:i]
		// Only the clause before the bracket can hold the long form.
		if k := strings.LastIndexAny(before, ".;:()[]"); k >= 0 {
			before = before[k+1:]
		}
		if short, ok := shortForm(inner); ok {
			if long := bestLongForm(short, before); long != "" {
				out = append(out, [2]string{short, long})
			}
		} else if words := strings.Fields(before); len(words) > 0 {
			// Reverse form: "EERA (East of England Regional Assembly)".
			short := trimPossessive(strings.Trim(words[len(words)-1], ",'’\""))
			if sf, ok := shortForm(short); ok && len(strings.Fields(inner)) >= 2 {
				if long := bestLongForm(sf, inner); long != "" && nameKey(long) == nameKey(inner) {
					out = append(out, [2]string{sf, cleanName(inner)})
				}
			}
		}
		i += end
	}
	return out
}

// shortForm accepts a bracketed text as an abbreviation: one or two words,
// 2–10 characters, starting with a letter or digit, with at least one
// capital letter; not a year, a roman numeral or a list label.
func shortForm(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",;"); i > 0 { // "(LSC, 2005)"
		s = strings.TrimSpace(s[:i])
	}
	s = trimPossessive(s)
	if len(s) < 2 || len(s) > 10 || len(strings.Fields(s)) > 2 {
		return "", false
	}
	r0 := []rune(s)[0]
	if !unicode.IsLetter(r0) && !unicode.IsDigit(r0) {
		return "", false
	}
	upper, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	// Two capitals at least: "(Protect)" or "(Ofsted)" after a phrase is
	// not taken for an abbreviation.
	if letters < 2 || upper < 2 || !unicode.IsUpper(r0) && !unicode.IsDigit(r0) {
		return "", false
	}
	if isRoman(s) {
		return "", false
	}
	return s, true
}

// trimPossessive drops a trailing "'s" ("EERA's", "Unit’s").
func trimPossessive(s string) string {
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(s, p) && len(s) > len(p)+1 {
			return s[:len(s)-len(p)]
		}
	}
	return s
}

func isRoman(s string) bool {
	for _, r := range strings.ToLower(s) {
		if !strings.ContainsRune("ivxlcdm", r) {
			return false
		}
	}
	return len(s) <= 4
}

// bestLongForm runs Schwartz–Hearst's backward match of the short form's
// letters and digits over the text before the bracket, limited to
// min(|SF|+5, 2·|SF|) words. It returns "" when there is no match.
func bestLongForm(short, before string) string {
	words := strings.Fields(before)
	limit := len([]rune(short)) + 5
	if l := 2 * len([]rune(short)); l < limit {
		limit = l
	}
	if len(words) > limit {
		words = words[len(words)-limit:]
	}
	if len(words) == 0 {
		return ""
	}
	long := strings.Join(words, " ")
	lf := []rune(strings.ToLower(long))
	sf := []rune(strings.ToLower(short))
	s, l := len(sf)-1, len(lf)-1
	for ; s >= 0; s-- {
		c := sf[s]
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			continue
		}
		for l >= 0 && (lf[l] != c || (s == firstAlnum(sf) && l > 0 && isWordRune(lf[l-1]))) {
			l--
		}
		if l < 0 {
			return ""
		}
		l--
	}
	start := l + 1
	// Back to the start of the word the match began in.
	for start > 0 && isWordRune(lf[start-1]) {
		start--
	}
	// Schwartz–Hearst stops at the nearest word with the first letter; when
	// that is a small word ("for Regional Employment ... (FRESA)"), a
	// capitalised word further back with the same letter is the real start
	// ("Framework for ...").
	if start < len(lf) && unicode.IsLower([]rune(long)[start]) {
		first := sf[firstAlnum(sf)]
		rs := []rune(long)
		for k := start - 1; k >= 0; k-- {
			if (k == 0 || !isWordRune(rs[k-1])) && unicode.IsUpper(rs[k]) && unicode.ToLower(rs[k]) == first {
				start = k
				break
			}
		}
	}
	out := strings.TrimSpace(string([]rune(long)[start:]))
	out = trimPossessive(strings.Trim(out, ",'’\" "))
	if len(strings.Fields(out)) < 2 && len([]rune(out)) <= len(sf) {
		return "" // "(EU)" after "EU": no long form
	}
	if strings.Contains(strings.ToLower(out), strings.ToLower(short)) && len(strings.Fields(out)) == 1 {
		return ""
	}
	// A long form starts with a capital or digit in these documents; drop
	// leading lower-case words ("the", "by the").
	ws := strings.Fields(out)
	for len(ws) > 1 {
		r := []rune(ws[0])[0]
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			break
		}
		if strings.EqualFold(string([]rune(ws[0])[0]), string(sf[firstAlnum(sf)])) {
			break
		}
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

func firstAlnum(rs []rune) int {
	for i, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
	}
	return 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// DocumentAcronyms is FindAcronyms plus the acronyms the registry knows
// that the texts use without defining them ("SEERA" → South East England
// Regional Assembly). The document's own definitions win. With it, Resolve
// can read "the Assembly" in a document that only ever writes "SEERA".
func (r *Registry) DocumentAcronyms(texts []string) map[string]string {
	out := FindAcronyms(texts)
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(t, func(c rune) bool {
			return !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '&' || c == '\'' || c == '’')
		}) {
			w = trimPossessive(strings.Trim(w, "-'’"))
			if _, ok := out[w]; ok || !IsAcronym(w) {
				continue
			}
			if o, ok := r.Lookup(w); ok && nameKey(o.Canonical) != nameKey(w) {
				out[w] = o.Canonical
			}
		}
	}
	return out
}
