package normalise

import (
	"regexp"
	"strings"
)

// References and objective codes as plans print them: '1', '1a', '12e(v)',
// '13b(v) cont', 'a)', 'i)', 'SO1:', 'S07:' (a zero typed for the O),
// 'Issue 1:', 'Objective 2 -', and coded references ('A1', 'R12', 'P1.2').

// refCell matches a whole reference cell, with an optional 'cont' marker
// for the part of a row that crossed a page.
var refCell = regexp.MustCompile(`(?i)^\(?([0-9]{1,3}(?:\.[0-9]{1,3})*[a-z]?(?:\s?\((?:[ivx]{1,5}|[a-z])\))?|[a-z]{1,3}[0-9]{1,3}(?:\.[0-9]{1,3})*[a-z]?|[a-z]|[ivx]{1,5})[.):]?(?:\s*\(?(cont|cont\.|contd\.?|continued)\)?\.?)?$`)

// leadingRef matches a reference printed at the start of an action's text:
// "1. Promote ...", "12e(v) Support ...", "4.3 The initial ...".
var leadingRef = regexp.MustCompile(`^(?i)([0-9]{1,3}(?:\.[0-9]{1,3})*[a-z]?(?:\((?:[ivx]{1,5})\))?)(?:[.):]\s+|\s+)(\S.*)$`)

// itemMarker matches a lettered or roman item marker: "a)", "(b)", "iv)",
// "c.".
var itemMarker = regexp.MustCompile(`^\(?([a-z]{1,4})[).]\s*(.*)$`)

// parseRefCell reads a reference cell. ok is false when the cell is not a
// reference (a section title in the reference column, say).
func parseRefCell(s string) (ref string, cont, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false, false
	}
	m := refCell.FindStringSubmatch(s)
	if m == nil || strings.Trim(m[1], "0") == "" {
		return "", false, false // "0" (a formula's empty result) numbers nothing
	}
	return normaliseRef(m[1]), m[2] != "", true
}

// isContinuationText reports cells that only say the row continues.
func isContinuationText(s string) bool {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "().:"))
	switch s {
	case "cont", "contd", "continued", "cont'd", "(cont)":
		return true
	}
	return false
}

// normaliseRef removes spaces and a trailing full stop: "2." → "2",
// "13b (v)" → "13b(v)".
func normaliseRef(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	s = strings.TrimRight(s, ".:)")
	if strings.Count(s, "(") > strings.Count(s, ")") {
		s += ")"
	}
	return strings.TrimLeft(s, "(")
}

// splitLeadingRef takes the reference off the front of an action text.
// A bare year ("2008 will see") or a number followed by a unit is not a
// reference, so the number must be small and followed by a marker or by a
// capitalised word.
func splitLeadingRef(s string) (ref, rest string) {
	m := leadingRef.FindStringSubmatch(s)
	if m == nil {
		return "", s
	}
	r := m[1]
	if len(r) >= 4 && !strings.ContainsAny(r, ".()") {
		return "", s
	}
	after := s[len(m[0])-len(m[2]):]
	sep := strings.TrimSpace(s[len(r) : len(s)-len(after)])
	if sep == "" {
		// "3 Lead the" is a reference only when the next word is capitalised
		// and the number has a sub-part ("4.3", "1a").
		if !strings.ContainsAny(r, ".abcdefghijklmnopqrstuvwxyz(") || !upperStart(m[2]) {
			return "", s
		}
	}
	return normaliseRef(r), m[2]
}

// objectiveCode matches objective lines: "SO1: To tackle ...", "S07: ...",
// "Issue 1: How to ...", "Objective 2 - ...", "Priority 3. ...", "PART 2:
// Digital Infrastructure", "Principle 1 – Improve departmental leadership".
var objectiveCode = regexp.MustCompile(`^(?i)((?:strategic\s+)?(?:objective|issue|priority|theme|aim|goal|outcome|workstream|work stream|strand|part|principle|chapter|pillar|ambition)\s+(?:[0-9]{1,2}[a-z]?|[ivx]{1,4}|[a-h]\b)|S[O0][0-9]{1,2}|[A-Z]{1,3}[0-9]{1,2})\s*[:.\-–—]\s*(\S.*)$`)

// numberedTitle matches "1. The Task Group", "9-14: Local Economies";
// sectionTitle also "1.3 How the plan is used" (a dotted number needs no
// stop after it).
var (
	numberedTitle = regexp.MustCompile(`^([0-9]{1,2}(?:\s*[-–]\s*[0-9]{1,2})?)\s*[.:)]\s*([^0-9\s.].*)$`)
	dottedTitle   = regexp.MustCompile(`^([0-9]{1,2}(?:\.[0-9]{1,2})+)\.?\s+([^0-9\s.].*)$`)
)

// parseObjective reads an objective line into code and title.
func parseObjective(s string) (Objective, bool) {
	s = strings.TrimSpace(s)
	if m := objectiveCode.FindStringSubmatch(s); m != nil {
		return Objective{Code: normaliseCode(m[1]), Title: strings.TrimSpace(m[2])}, true
	}
	return Objective{}, false
}

// normaliseCode tidies an objective code: "S07" → "SO7" (a zero typed for
// the letter O), "issue  1" → "Issue 1".
func normaliseCode(c string) string {
	c = strings.Join(strings.Fields(c), " ")
	if len(c) >= 3 && (c[0] == 'S' || c[0] == 's') && c[1] == '0' && c[2] >= '0' && c[2] <= '9' {
		c = "SO" + strings.TrimLeft(c[2:], "0")
		if c == "SO" {
			c = "SO0"
		}
	} else if len(c) >= 2 && (c[:2] == "so" || c[:2] == "So") {
		c = "SO" + c[2:]
	}
	if i := strings.IndexByte(c, ' '); i > 0 {
		c = strings.ToUpper(c[:1]) + strings.ToLower(c[1:i]) + c[i:]
	}
	return c
}

// refNumber is the leading number of a reference ("12e(v)" → "12").
func refNumber(ref string) string {
	i := 0
	for i < len(ref) && ref[i] >= '0' && ref[i] <= '9' {
		i++
	}
	return ref[:i]
}

// romanMarker reports whether a lower-case marker reads as a roman numeral.
func romanMarker(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c != 'i' && c != 'v' && c != 'x' {
			return false
		}
	}
	return true
}

func upperStart(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z'
	}
	return false
}

func lowerStart(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z'
	}
	return false
}
