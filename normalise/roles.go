package normalise

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/dates"
	"github.com/planmap/planmap/normalise/orgs"
)

// A column's role is decided from two kinds of evidence: its header text
// (RoleOf, a broad vocabulary) and what its cells hold. A new template
// names its columns in words no list foresees ("Deliverable", "By whom",
// "Key tasks"), or prints no header at all; its cells still read as dates,
// organisations, verb clauses, RAG words or reference codes. Every column
// gets a score for every role, the header's role is kept where it has one,
// content fills the columns the header leaves unnamed, and each decision
// keeps its reasons so that planmap explain can show them.

// ColumnEvidence is the decision for one column.
type ColumnEvidence struct {
	Header  string             `json:"header"`
	Role    Role               `json:"-"`
	RoleStr string             `json:"role"`
	Score   float64            `json:"score"`
	Scores  map[string]float64 `json:"scores,omitempty"`
	Reasons []string           `json:"reasons"`
}

// TableDecision explains how one table was read.
type TableDecision struct {
	Table      int              `json:"table"`
	Page       int              `json:"page"`
	HeaderRows int              `json:"header_rows"`
	Columns    []ColumnEvidence `json:"columns"`
	Plan       bool             `json:"action_table"`
	Why        string           `json:"why"`
}

// cellStats is what a column's body cells hold, as shares of its filled
// cells.
type cellStats struct {
	filled, short                          int
	date, org, verb, rag, ref, num, clause float64
	meanWords                              float64
}

var (
	ragWords       = regexp.MustCompile(`(?i)^(red|amber|green|r|a|g|blue|grey|complete[d]?|on track|off track|at risk|not started|in progress|ongoing|delayed|behind|ahead|achieved|not achieved|partially achieved|met|not met|open|closed|done|accept(ed)?|accept in part|accepted in part|partially accepted|reject(ed)?|not accepted|agree[d]?|agreed in part|noted|under consideration|to be decided.*|amber/green|red/amber|green/amber|amber/red)\.?$`)
	timescaleWords = regexp.MustCompile(`(?i)^(ongoing|on-going|tbc|tbd|immediate(ly)?|short[- ]term|medium[- ]term|long[- ]term|annual(ly)?|quarterly|monthly|continuous|as required|\d+\s*[-–]\s*\d+\s+(years?|months?)|\d+\s+(years?|months?)|year\s*\d+.*|q[1-4].*|quarter\s*[1-4].*|by\s.+|from\s.+|end of .+|within .+|\d{4}\s*[-–/]\s*\d{2,4}|\d{4}.*|(spring|summer|autumn|winter)\b.*)$`)
	verbStart      = regexp.MustCompile(`(?i)^(to\s+)?(develop|deliver|establish|ensure|provide|support|work|review|improve|increase|implement|create|promote|introduce|publish|set|explore|build|continue|embed|extend|expand|launch|consult|commission|undertake|agree|produce|identify|monitor|roll|strengthen|encourage|raise|reduce|map|assess|train|recruit|fund|invest|pilot|test|engage|enable|maintain|prepare|design|run|hold|carry|complete|evaluate|consider|share|offer|make|help|use|bring|focus|lead|target|tackle|address|update|refresh|seek|secure|give|take|reform|simplify|streamline|align|allocate|invite|enhance|facilitate|coordinate|co-ordinate|collaborate|partner|integrate|adopt|apply|invest|analyse|analyze|measure|collect|report|communicate|celebrate|recognise|protect|prevent|respond|manage|grow|attract|retain|inform|influence|lobby|campaign|revise|write|draft|submit|hold|host|scope|investigate|research|learn|act|move|replace|upgrade|procure|negotiate|rationalise|reorganise|deploy|modernise|digitise|transform)\w*\b`)
	postOrOrg      = regexp.MustCompile(`(?i)\b(council|department|dept|directorate|team|officer|manager|director|head|lead|leads|board|service|services|partnership|agency|authority|authorities|nhs|trust|group|unit|office|commissioner|consultant|coordinator|co-ordinator|chair|executive|ministry|government|police|constabulary|fire|university|college|school|schools|forum|network|panel|committee|alliance|association|commission|programme manager|officers|cabinet|mayor|health|icb|partners)\b`)
	notOrgWords    = regexp.MustCompile(`(?i)\b(objectives?|polic(y|ies)|strateg(y|ies)|plans?|outcomes?|priorit(y|ies)|targets?|indicators?|measures?|SO\d+|\d+\s*[-–]\s*\d+)\b`)
	numericCell    = regexp.MustCompile(`^[-–(£$€%\d.,\s)kmbn]+$`)
	willClauseRe   = regexp.MustCompile(`(?i)\b(will|shall|should|must|to be)\b`)
)

// statsOf measures column i over the body rows.
func statsOf(t *layout.Table, i, from int, reg *orgs.Registry) cellStats {
	var s cellStats
	words := 0
	for _, row := range t.Rows[min(from, len(t.Rows)):] {
		if i >= len(row.Cells) || row.Cells[i].Covered || row.Cells[i].Empty() {
			continue
		}
		c := row.Cells[i]
		if c.ColSpan > 1 && c.ColSpan >= len(row.Cells)-1 && len(row.Cells) > 2 {
			continue // a band row across the table says nothing of one column
		}
		text := layout.Clean(c.Text())
		if text == "" {
			continue
		}
		s.filled++
		w := len(strings.Fields(text))
		words += w
		first := text
		if ps := c.Paragraphs; len(ps) > 0 {
			first = layout.Clean(ps[0].Text)
		}
		first = strings.TrimLeft(first, "•·▪◦‣●○■□–-* ")
		if w <= 14 && (dates.FindText(text) != "" || timescaleWords.MatchString(first)) {
			s.date++
		}
		if w <= 12 && !startsVerb(first) && orgCell(first, reg) {
			s.org++
		}
		if w >= 4 && (startsVerb(first) || willClauseRe.MatchString(text)) {
			s.verb++
		}
		if w >= 6 && (strings.ContainsAny(text, ".;") || w >= 10) {
			s.clause++
		}
		if w <= 6 && ragWords.MatchString(strings.Trim(first, " .")) {
			s.rag++
		}
		if w <= 3 {
			s.short++
			if _, _, ok := parseRefCell(text); ok {
				s.ref++
			}
		}
		if numericCell.MatchString(text) {
			s.num++
		}
	}
	if s.filled == 0 {
		return s
	}
	f := float64(s.filled)
	s.meanWords = float64(words) / f
	s.date /= f
	s.org /= f
	s.verb /= f
	s.clause /= f
	s.rag /= f
	// A reference column also holds the band rows that the extractor
	// did not mark as spanning ("Principle 1 – ..."): judge it by its
	// short cells, when they are a third of it.
	if s.short >= 3 && s.short*3 >= s.filled {
		s.ref /= float64(s.short)
	} else {
		s.ref /= f
	}
	s.num /= f
	return s
}

// orgCell reports a short text that names a body or a post: one the
// registry knows, an acronym, or a name with a body or post noun.
func orgCell(s string, reg *orgs.Registry) bool {
	s = strings.Trim(s, " .;:,")
	if s == "" || notOrgWords.MatchString(s) {
		return false
	}
	if reg.Resolves(s) {
		return true
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '/' || r == ',' || r == '&' }) {
		if orgs.IsAcronym(strings.Trim(w, "()")) {
			return true
		}
	}
	return postOrOrg.MatchString(s) || orgs.GuessKind(s) != orgs.KindOther
}

// contentScores turns a column's statistics into a score per role.
func contentScores(s cellStats) map[Role]float64 {
	if s.filled == 0 {
		return nil
	}
	if s.filled < 3 {
		return nil // too few cells to judge a column by
	}
	long := min(1, s.meanWords/12)
	action := 0.6*s.verb + 0.4*long*s.clause
	if s.verb < 0.4 {
		action = 0
	}
	return map[Role]float64{
		RoleDue:    s.date * boolf(s.meanWords <= 10),
		RoleLead:   s.org * boolf(s.meanWords <= 8),
		RoleAction: action,
		RoleStatus: s.rag,
		RoleRef:    s.ref,
	}
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// notPlanHeader matches headers of tables that are not plans: budgets,
// risk registers, performance and KPI tables.
var notPlanHeader = regexp.MustCompile(`(?i)\b(likelihood|impact score|risk score|residual risk|inherent risk|mitigation score|budget|£000|£k|£m|forecast|variance|actual|baseline|spend|cost centre|revenue|capital|outturn|headcount)\b`)

// decideRoles chooses the roles of a table's columns from its header row
// and its cells, and says why.
func decideRoles(t *layout.Table, hdrRows int, reg *orgs.Registry, forced map[string]Role) ([]Role, []ColumnEvidence) {
	header := headerTexts(t, hdrRows)
	named := make([]string, len(header))
	for i, h := range header {
		// A long first row is a body row, not a header naming roles.
		if len(strings.Fields(h)) <= 12 && !(hdrRows == 0 && captionRow(t.Rows[0])) {
			named[i] = h
		}
	}
	roles := columnRoles(named)
	ev := make([]ColumnEvidence, len(roles))
	from := max(hdrRows, 1)
	if hdrRows == 0 {
		from = 0
	}
	stats := make([]cellStats, len(roles))
	for i := range roles {
		stats[i] = statsOf(t, i, from, reg)
		ev[i].Header = header[i]
		ev[i].Scores = map[string]float64{}
		if roles[i] != RoleNone {
			ev[i].Score = 1
			ev[i].Reasons = append(ev[i].Reasons, fmt.Sprintf("header %q → %s", header[i], roles[i]))
		}
		for r, v := range contentScores(stats[i]) {
			if v > 0 {
				ev[i].Scores[r.String()] = round2(v)
			}
		}
	}
	// Content fills the columns the header leaves unnamed.
	for i := range roles {
		if roles[i] != RoleNone || stats[i].filled == 0 {
			continue
		}
		best, bestScore := RoleNone, 0.0
		cs := contentScores(stats[i])
		for _, r := range []Role{RoleRef, RoleStatus, RoleDue, RoleLead, RoleAction} {
			if v := cs[r]; v > bestScore {
				best, bestScore = r, v
			}
		}
		if bestScore >= 0.55 && best != RoleAction {
			roles[i] = best
			ev[i].Score = round2(bestScore)
			ev[i].Reasons = append(ev[i].Reasons, contentReason(best, stats[i]))
		}
	}
	// No column is named the action column: the column whose cells read
	// most as clauses that do something holds the actions.
	if !hasRole(roles, RoleAction) {
		bi, bv := -1, 0.0
		for i := range roles {
			if roles[i] != RoleNone && roles[i] != RoleObjective {
				continue
			}
			v := contentScores(stats[i])[RoleAction]
			if v > bv && stats[i].meanWords >= 5 {
				bi, bv = i, v
			}
		}
		if bi >= 0 && bv >= 0.45 {
			roles[bi] = RoleAction
			ev[bi].Score = round2(bv)
			ev[bi].Reasons = append(ev[bi].Reasons, contentReason(RoleAction, stats[bi]))
		}
	}
	// A column's header is overruled by forced roles (--columns).
	for i := range roles {
		if r, ok := forced[normHeader(header[i])]; ok {
			roles[i] = r
			ev[i].Score = 1
			ev[i].Reasons = append(ev[i].Reasons, fmt.Sprintf("--columns %q → %s", header[i], r))
		}
	}
	for i := range roles {
		ev[i].Role = roles[i]
		ev[i].RoleStr = roles[i].String()
		if roles[i] == RoleNone && len(ev[i].Reasons) == 0 {
			ev[i].Reasons = append(ev[i].Reasons, noneReason(header[i], stats[i]))
		}
	}
	return roles, ev
}

func contentReason(r Role, s cellStats) string {
	pct := func(f float64) int { return int(f*100 + 0.5) }
	switch r {
	case RoleDue:
		return fmt.Sprintf("%d%% of %d cells are dates or timescales → due", pct(s.date), s.filled)
	case RoleLead:
		return fmt.Sprintf("%d%% of %d cells name bodies, posts or acronyms → lead", pct(s.org), s.filled)
	case RoleStatus:
		return fmt.Sprintf("%d%% of %d cells are status words (RAG, accept/reject) → status", pct(s.rag), s.filled)
	case RoleRef:
		return fmt.Sprintf("%d%% of %d cells are reference codes → ref", pct(s.ref), s.filled)
	case RoleAction:
		return fmt.Sprintf("%d%% of %d cells start with a verb or commit someone, %.0f words on average → action", pct(s.verb), s.filled, s.meanWords)
	}
	return ""
}

func noneReason(h string, s cellStats) string {
	if s.filled == 0 {
		return "no cells"
	}
	if strings.TrimSpace(h) == "" {
		return "no header; no role has enough evidence in its cells"
	}
	return fmt.Sprintf("header %q names no role; no role has enough evidence in its cells", h)
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

func hasRole(roles []Role, r Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// findHeaderRow finds the header row of a table whose first rows are a
// caption ("Table A.1: The Government's response ..."): the first of its
// top rows with two or more short cells that name roles. It returns the
// number of rows up to and including it, or 0.
func findHeaderRow(t *layout.Table) int {
	for r := 0; r < len(t.Rows) && r < 5; r++ {
		named, filled := 0, 0
		long := false
		for _, c := range t.Rows[r].Cells {
			if c.Covered || c.Empty() {
				continue
			}
			tx := layout.Clean(c.Text())
			filled++
			if len(strings.Fields(tx)) > 8 {
				long = true
			}
			if RoleOf(tx) != RoleNone {
				named++
			}
		}
		if !long && named >= 2 && filled >= 2 {
			return r + 1
		}
	}
	return 0
}

// notAPlan reports a table whose header or cells say it is a budget, a
// risk register or a table of figures.
func notAPlan(t *layout.Table, header []string) (bool, string) {
	for _, h := range header {
		if notPlanHeader.MatchString(h) {
			return true, fmt.Sprintf("header %q reads as a budget, risk register or performance table", h)
		}
	}
	num, filled := 0, 0
	for _, row := range t.Rows {
		for _, c := range row.Cells {
			if c.Covered || c.Empty() {
				continue
			}
			tx := layout.Clean(c.Text())
			if _, _, ok := parseRefCell(tx); ok && !strings.ContainsAny(tx, "£$€%,") {
				continue // a reference or paragraph number, not a figure
			}
			filled++
			if numericCell.MatchString(tx) {
				num++
			}
		}
	}
	if filled >= 6 && num*2 >= filled {
		return true, fmt.Sprintf("%d of %d cells are figures", num, filled)
	}
	return false, ""
}

// normHeader is a header's key in --columns: lower case, spaces collapsed.
func normHeader(h string) string {
	return strings.Join(strings.Fields(strings.ToLower(layout.Clean(h))), " ")
}

// ParseRole reads a role name as --columns gives it.
func ParseRole(s string) (Role, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for r, n := range roleNames {
		if n == s {
			return r, true
		}
	}
	switch s {
	case "ignore", "skip", "":
		return RoleNone, true
	case "partner":
		return RolePartners, true
	case "timescale", "date", "deadline":
		return RoleDue, true
	case "owner":
		return RoleLead, true
	}
	return RoleNone, false
}

// RoleNames lists the role names --columns accepts, sorted.
func RoleNames() []string {
	var out []string
	for _, n := range roleNames {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// startsVerb reports a text that opens with a verb of doing ("Develop",
// "Deliver", "Working with"), not with a noun made from one ("Adoption",
// "Development", "Submission").
func startsVerb(s string) bool {
	m := verbStart.FindString(s)
	if m == "" {
		return false
	}
	w := strings.ToLower(strings.Fields(m)[len(strings.Fields(m))-1])
	for _, suf := range []string{"ion", "ions", "ment", "ments", "ance", "ances", "ence", "ences", "ity", "er", "ers", "al", "als", "ure", "ures", "ness"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}
