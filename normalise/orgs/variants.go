package orgs

import (
	"regexp"
	"strings"
)

// Posts and bodies printed with words around their name: "CPH lead", "CPH
// leads for each area", "Linked CPH" are the CPH; "each Directorate" and
// "all partners" are no one body.

// postQualifierHead and postQualifierTail are words printed around a post
// or body that do not change who it is.
var (
	postQualifierHead = regexp.MustCompile(`(?i)^(?:linked|named|nominated|designated|relevant)\s+`)
	postQualifierTail = regexp.MustCompile(`(?i)\s+(?:(?:leads?|lead officers?|representatives?|colleagues)(?:\s+(?:for|in|from|across)\s+(?:each|every|all|the)\s+[\w\s]+)?|(?:for|in|across)\s+(?:each|every|all)\s+[\w\s]+)$`)
)

// Core strips the qualifiers around a printed post or body: "CPH leads for
// each area" → "CPH", "Linked CPH" → "CPH". It returns s unchanged when
// nothing is left or nothing was stripped.
func Core(s string) string {
	s = strings.TrimSpace(s)
	out := s
	for i := 0; i < 3; i++ {
		next := postQualifierTail.ReplaceAllString(out, "")
		next = postQualifierHead.ReplaceAllString(next, "")
		next = strings.TrimSpace(next)
		if next == out || next == "" {
			break
		}
		out = next
	}
	return out
}

// quantified matches a name that opens with a quantifier: "each
// Directorate", "all partners", "various agencies".
var quantified = regexp.MustCompile(`^(?:(?:each|every|all|any|various|relevant|appropriate|other|some|several|many)\s+\S|(?:Each|Every|All|Any|Various|Relevant|Appropriate|Other|Some|Several|Many)\s+[a-z])`)

// Fragment reports a printed lead that names no one body: a quantified
// group ("each Directorate", "All partners") the registry does not know;
// "All Party Parliamentary Group" is a name.
func (r *Registry) Fragment(s string) bool {
	s = strings.TrimSpace(s)
	if !quantified.MatchString(s) {
		return false
	}
	return r == nil || !r.known(s)
}

// IsHeadNoun reports a word that ends the name of a body ("assembly",
// "council", "agency"), in any case.
func IsHeadNoun(w string) bool { return headNouns[singular(strings.ToLower(w))] }

// IsPost reports whether a name is a post rather than a body: "Head of
// Economy", "PH Consultant", "Family Hub Service Managers".
func IsPost(s string) bool { return isRole(s) }
