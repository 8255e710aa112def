package normalise

import (
	"slices"
	"testing"
)

// TestLeadsFromText: an action's own words name its lead only when the
// body they name reads as an organisation, not as the people it serves.
func TestLeadsFromText(t *testing.T) {
	reg := DefaultRegistry()
	for _, c := range []struct {
		text string
		want []string
	}{
		// South East report: the partnership supports a named body.
		{"Support GOSE in: developing the regional strategy", []string{"GOSE"}},
		{"Assist the Assembly with the Regional Housing Strategy", []string{"the Assembly"}},
		{"Work closely with SEEDA and the Learning and Skills Council", []string{"SEEDA", "Learning and Skills Council"}},
		// People, not bodies.
		{"Help Families to insulate their homes", nil},
		{"Assist Residents with energy bills", nil},
		{"Support LSP development in the region", nil},
		// No lead phrase at all.
		{"Promote the uptake of Working Tax Credit", nil},
	} {
		if got := leadsFromText(c.text, reg); !slices.Equal(got, c.want) {
			t.Errorf("%q: leads %q, want %q", c.text, got, c.want)
		}
	}
}
