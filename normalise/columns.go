package normalise

import (
	"regexp"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// A column's role comes from its header text alone, so a new plan with the
// usual headers ("Lead organisation", "Timescale", "Progress to date") is
// read without any per-document setup. To add a role, add a Role and its
// patterns to roleRules; the first rule that matches wins.

// Role is what a table column holds.
type Role int

// The column roles.
const (
	RoleNone      Role = iota
	RoleRef            // reference number ("Ref", "No.", "Action Plan Reference Number")
	RoleObjective      // objective or theme the actions serve ("Objective", "What" beside "How")
	RoleAction         // the action itself
	RoleMilestone      // dated steps
	RoleOutcome        // intended outcomes
	RoleLead           // lead organisation or officer
	RolePartners       // partners and supporting bodies
	RoleDue            // due date, timescale, completion
	RolePriority       // priority or phase
	RoleStatus         // status or RAG rating
	RoleProgress       // progress to date: milestones already done
	RolePlanned        // planned activities: milestones still to do
)

var roleNames = map[Role]string{
	RoleNone: "none", RoleRef: "ref", RoleObjective: "objective", RoleAction: "action",
	RoleMilestone: "milestone", RoleOutcome: "outcome", RoleLead: "lead",
	RolePartners: "partners", RoleDue: "due", RolePriority: "priority",
	RoleStatus: "status", RoleProgress: "progress", RolePlanned: "planned",
}

func (r Role) String() string { return roleNames[r] }

// roleRules are tried in order on the lower-cased header text. Order
// matters: "Milestone(s) completion" is a due column, "Planned activities"
// is not an action column, "Objective and agreed action points" is one.
var roleRules = []struct {
	re   *regexp.Regexp
	role Role
}{
	{regexp.MustCompile(`^(ref|ref\.|reference|no|no\.|number|#|item|id)$|reference (number|no)|^ref(erence)? ?(no|number)|^action (plan )?ref`), RoleRef},
	{regexp.MustCompile(`\b(progress|to date|achieve(d|ments)|update|done so far|completed activit)`), RoleProgress},
	{regexp.MustCompile(`\b(planned|next steps|future activit|forward plan)`), RolePlanned},
	// Measures and indicators ("How will we measure success?", "KPI") are
	// what an action is checked against: milestones, not actions.
	{regexp.MustCompile(`\b(measur(e|es|ed|ing)|indicators?|kpis?|evidence of success)\b`), RoleMilestone},
	{regexp.MustCompile(`\b(led by|lead by|delivered by|owned by|responsible|by whom|whom|responsibility|accountable|sro|action owner|lead officer|lead contact)\b`), RoleLead},
	{regexp.MustCompile(`\b(completion|complete by|completed by|by when|timescales?|time ?frames?|timelines?|deadlines?|target dates?|end dates?|due|dates?|when|timing|delivery date|quarter|by$)`), RoleDue},
	{regexp.MustCompile(`\b(actions?|action points?)\b`), RoleAction},
	{regexp.MustCompile(`\b(milestones?|targets?|outputs?|key steps|deliverables?|performance indicators?|measures? of success|success measures?)\b`), RoleMilestone},
	{regexp.MustCompile(`\b(outcomes?|impacts?|results?|benefits?)\b`), RoleOutcome},
	{regexp.MustCompile(`\b(partners?|partnerships?|supported by|support from|contributors?|other (organisations|agencies|bodies))\b`), RolePartners},
	{regexp.MustCompile(`\b(lead|leads|responsib|owner|who|accountable|officer|organisations?|agenc(y|ies)|body)\b`), RoleLead},
	{regexp.MustCompile(`\b(priority|priorities|phase|phasing)\b`), RolePriority},
	{regexp.MustCompile(`\b(status|rag|rating)\b`), RoleStatus},
	{regexp.MustCompile(`\b(activit(y|ies)|tasks?|commitments?|committed to|we will|^how|what we will do|what will (be done|happen)|interventions?|proposals?|recommendations?|initiatives?|workstreams?|description|what needs to be done|steps to be taken)\b`), RoleAction},
	{regexp.MustCompile(`\b(objectives?|aims?|goals?|what|themes?|issues?|strategic priorit)\b`), RoleObjective},
}

// RoleOf names the role of a column from its header text.
func RoleOf(header string) Role {
	h := strings.ToLower(layout.Clean(header))
	h = strings.Trim(h, " :*")
	if h == "" {
		return RoleNone
	}
	for _, r := range roleRules {
		if r.re.MatchString(h) {
			return r.role
		}
	}
	return RoleNone
}

var objectiveHeader = regexp.MustCompile(`(?i)^\s*(what|objective|aim|theme)`)

// columnRoles reads a header row. A "What" column beside a "How" column
// holds the objective and "How" the actions, as in annotated plans.
func columnRoles(header []string) []Role {
	roles := make([]Role, len(header))
	for i, h := range header {
		roles[i] = RoleOf(h)
	}
	hasAction := false
	for _, r := range roles {
		if r == RoleAction {
			hasAction = true
		}
	}
	// Without an action column, the objective column ("Objective" above a
	// list of actions) or the milestone column carries the action text.
	if !hasAction {
		for i, r := range roles {
			if r == RoleObjective {
				roles[i] = RoleAction
				hasAction = true
				break
			}
		}
	}
	// Two action columns: a What/Objective-like first one holds the objective.
	n := 0
	for _, r := range roles {
		if r == RoleAction {
			n++
		}
	}
	if n > 1 {
		for i, h := range header {
			if roles[i] == RoleAction && objectiveHeader.MatchString(h) {
				roles[i] = RoleObjective
				break
			}
		}
	}
	return roles
}

// explicitActions matches a header that says its column lists actions.
var explicitActions = regexp.MustCompile(`(?i)\b(actions?|action points?|committed to|commitments?|what we will do)\b`)

// isActionTableHeader is isActionTable, also accepting a table whose action
// column says so in its header ("What we have committed to") even when no
// other column has a role.
func isActionTableHeader(header []string, roles []Role) bool {
	if isActionTable(roles) {
		return true
	}
	filled := 0
	for _, h := range header {
		if strings.TrimSpace(h) != "" {
			filled++
		}
	}
	if filled < 2 {
		return false
	}
	for i, r := range roles {
		if r == RoleAction && explicitActions.MatchString(header[i]) && len(strings.Fields(header[i])) <= 8 {
			return true
		}
	}
	return false
}

// isActionTable says whether the roles describe an action table: an action
// column plus at least one column that only action tables have.
func isActionTable(roles []Role) bool {
	action, other := false, false
	for _, r := range roles {
		switch r {
		case RoleAction:
			action = true
		case RoleMilestone, RoleOutcome, RoleLead, RolePartners, RoleDue, RolePriority, RoleProgress, RolePlanned, RoleStatus:
			other = true
		}
	}
	return action && other
}

// rowTexts returns the text of each grid position of a row ("" when
// covered).
func rowTexts(r layout.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		if !c.Covered {
			out[i] = layout.Clean(c.Text())
		}
	}
	return out
}

// sameHeader reports whether a row repeats the header row (a page repeat):
// the same texts, or texts that each give their column's role.
func sameHeader(row, header []string) bool {
	if repeatsRoles(row, header) {
		return true
	}
	if len(row) != len(header) {
		return false
	}
	match, filled := 0, 0
	for i := range row {
		if header[i] == "" {
			continue
		}
		filled++
		if strings.EqualFold(row[i], header[i]) {
			match++
		}
	}
	return filled > 0 && match == filled
}

// repeatsRoles reports a row whose filled cells (at least two) are all
// header texts of their own column's role.
func repeatsRoles(row, header []string) bool {
	if len(row) != len(header) {
		return false
	}
	filled := 0
	for i, t := range row {
		if t == "" {
			continue
		}
		filled++
		r := RoleOf(t)
		if r == RoleNone || r != RoleOf(header[i]) || len(strings.Fields(t)) > 8 {
			return false
		}
	}
	return filled >= 2
}
