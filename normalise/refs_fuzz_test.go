package normalise

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRefs: the reference and objective parsers never panic, and what they
// return is a tidy part of what they were given.
func FuzzRefs(f *testing.F) {
	for _, s := range []string{
		"1", "1a", "12e(v)", "13b (v)", "10b(ii)", "2.", "(cont.)", "4.3 Lead the work", "2008 will see",
		"SO1: To tackle poverty", "S07: Housing", "Issue 1: How to", "9-14: Local Economies", "((((", "1.2.3.4.5",
		"\xff", "a)", "iv) fourth", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ref, _, ok := parseRefCell(s); ok {
			if strings.ContainsAny(ref, " \t\n") {
				t.Errorf("parseRefCell(%q) = %q: spaces left", s, ref)
			}
		}
		ref, rest := splitLeadingRef(s)
		if ref == "" && rest != s {
			t.Errorf("splitLeadingRef(%q): no reference but text changed to %q", s, rest)
		}
		if ref != "" && !strings.HasSuffix(s, rest) {
			t.Errorf("splitLeadingRef(%q) = %q, %q: rest is not the tail", s, ref, rest)
		}
		if o, ok := parseObjective(s); ok {
			if o.Code == "" || (utf8.ValidString(s) && !utf8.ValidString(o.Code+o.Title)) {
				t.Errorf("parseObjective(%q) = %+v", s, o)
			}
		}
		if n := refNumber(ref); strings.Trim(n, "0123456789") != "" {
			t.Errorf("refNumber(%q) = %q", ref, n)
		}
	})
}
