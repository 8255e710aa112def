package normalise

import (
	"testing"

	"github.com/planmap/planmap/extract/layout"
)

// TestLeadColumns: a column headed "Led by" keeps its role when it holds
// bodies and posts, and loses it when it holds plans and activities (Kent's
// health and wellbeing appendix prints "Strategies / plans in place to
// deliver" and "Led by / responsible" in one header cell).
func TestLeadColumns(t *testing.T) {
	table := func(leads ...string) *layout.Table {
		tb := &layout.Table{Columns: 2, HeaderRows: 1}
		row := func(a, b string) layout.Row {
			return layout.Row{Cells: []layout.Cell{
				{Paragraphs: []layout.Para{{Text: a}}},
				{Paragraphs: []layout.Para{{Text: b}}},
			}}
		}
		tb.Rows = append(tb.Rows, row("What we have committed to", "Led by / responsible"))
		for _, l := range leads {
			tb.Rows = append(tb.Rows, row("Improve levels of physical activity", l))
		}
		return tb
	}
	for _, c := range []struct {
		name  string
		leads []string
		want  Role
	}{
		{"bodies and posts", []string{"Jobcentre Plus", "Director of Public Health", "CYPE Commissioning", "KCC/Medway Council"}, RoleLead},
		{"plans and activities", []string{"Whole system Obesity Strategy", "Support Districts and KALC in developing local plans", "Local Maternity and Neonatal System Delivery Plan", "NHS Kent and Medway"}, RoleNone},
		{"too few to judge", []string{"Whole system Obesity Strategy"}, RoleLead},
	} {
		tb := table(c.leads...)
		roles := columnRoles(headerTexts(tb, 1))
		leadColumns(tb, 1, roles)
		if roles[1] != c.want {
			t.Errorf("%s: role %s, want %s", c.name, roles[1], c.want)
		}
	}
}
