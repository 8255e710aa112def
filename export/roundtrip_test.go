package export

import (
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/planmap/planmap/normalise"
)

// TestOrganisationsSheetFeedsBack: the Organisations sheet is read back by
// --orgs (normalise.LoadRegistry), so an alias seen in one run resolves in
// the next.
func TestOrganisationsSheetFeedsBack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "orgs.xlsx")
	if err := Write(out, fixtureDocs()); err != nil {
		t.Fatal(err)
	}
	reg, err := normalise.LoadRegistry(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"NLHB", "Lighthouse Board"} {
		if got := reg.Resolve(name, nil); got.Canonical != "Norfolk Lighthouse Board" || got.Kind != "other" {
			t.Errorf("Resolve(%q) = %+v", name, got)
		}
	}
}

// FuzzCellText: whatever text a document holds, a cell gets valid UTF-8
// with no control character but tab and newline, and a CSV cell never
// starts a formula.
func FuzzCellText(f *testing.F) {
	for _, s := range []string{"", "=1+1", "+", "-", "@", "\t=x", "\r\n=y", "a\x00b", "\xff\xfe", "é\x7f\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := cellText(s)
		if !utf8.ValidString(c) {
			t.Fatalf("cellText(%q) = %q: invalid UTF-8", s, c)
		}
		for _, r := range c {
			if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0) {
				t.Fatalf("cellText(%q) keeps %U", s, r)
			}
		}
		v := csvCell(s)
		if v != "" && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r') {
			t.Fatalf("csvCell(%q) = %q starts a formula", s, v)
		}
	})
}
