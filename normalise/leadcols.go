package normalise

import (
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// A header can name a lead column that the body does not fill with leads:
// "Strategies / plans in place to deliver — Led by / responsible" holds
// plans and activities ("Whole system Obesity Strategy", "Support Districts
// in developing local plans"). Reading those as organisations would put
// strategies into the partner map, so such a column is judged by its cells
// and loses the lead role when most of them read as activities or plan
// titles rather than bodies or posts.

// planWords end the title of a plan or strategy, not of a body.
var planWords = map[string]bool{
	"strategy": true, "strategies": true, "plan": true, "plans": true,
	"programme": true, "programmes": true, "framework": true, "policy": true,
	"animations": true, "campaign": true, "pathway": true, "model": true,
}

// activityVerbs open an activity, never an organisation's name.
var activityVerbs = map[string]bool{
	"support": true, "establish": true, "explore": true, "develop": true,
	"deliver": true, "publication": true, "publish": true, "provide": true,
	"ensure": true, "improve": true, "increase": true, "reduce": true,
	"promote": true, "work": true, "working": true, "create": true,
	"implement": true, "review": true, "continue": true, "targeted": true,
	"undertake": true, "introduce": true, "build": true, "encourage": true,
}

// activityLike reports whether a lead-column paragraph reads as an
// activity or a plan title rather than a body or post.
func activityLike(s string) bool {
	words := strings.Fields(strings.Trim(s, " .;:"))
	if len(words) == 0 {
		return false
	}
	if len(words) > 12 {
		return true
	}
	if activityVerbs[strings.ToLower(words[0])] && len(words) > 2 {
		return true
	}
	return planWords[strings.ToLower(strings.Trim(words[len(words)-1], ".,;:()"))]
}

// leadColumns takes the lead role from columns whose cells are mostly
// activities (see above). It needs three paragraphs to judge.
func leadColumns(t *layout.Table, hdrRows int, roles []Role) {
	for i, r := range roles {
		if r != RoleLead {
			continue
		}
		paras, activities := 0, 0
		for _, row := range t.Rows[min(hdrRows, len(t.Rows)):] {
			if i >= len(row.Cells) || row.Cells[i].Covered {
				continue
			}
			for _, p := range row.Cells[i].Paragraphs {
				for _, line := range strings.Split(p.Text, "\n") {
					if line = strings.TrimSpace(line); line == "" {
						continue
					}
					paras++
					if activityLike(line) {
						activities++
					}
				}
			}
		}
		if paras >= 3 && activities*2 > paras {
			roles[i] = RoleNone
		}
	}
}
