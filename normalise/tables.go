package normalise

import (
	"regexp"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/orgs"
)

// An action table is read row by row with one reader per table (or per run
// of tables that continue each other over pages). The reader keeps what the
// rows above have set: the objective in force, the action a continuation
// row adds to, and the lettered-item state of an annotated plan.

type tableReader struct {
	n      *normaliser
	table  int // 1-based table number in the document
	roles  []Role
	header []string
	cols   map[Role][]int

	// compound is set when the table's references have sub-parts ("1a",
	// "12e(v)"): their numbers are objective numbers, and a bare "1" is
	// the objective's own row.
	compound bool
	obj      Objective // objective set by a spanning row or an objective column
	cur      *draft    // the action continuation rows add to
	items    itemState
	rowNo    int
	page     int
	pending  []string // a lead-in paragraph that a page break left alone
	// listed counts the items added to an action whose text ends with a
	// lead-in ("Services involved in this activity include:").
	listed int
	// measures is set when the milestone column is a column of measures.
	measures bool
	// lastLeads are the leads of the last row that printed some, for a
	// lead cell merged down from it.
	lastLeads []string
}

// covered reports whether the row's cell in the role's column is merged
// from the row above.
func (tr *tableReader) covered(row layout.Row, role Role) bool {
	for _, i := range tr.cols[role] {
		if i < len(row.Cells) && row.Cells[i].Covered && row.Cells[i].ColSpan <= 1 {
			return true
		}
	}
	return false
}

func newTableReader(n *normaliser, table int, header []string, roles []Role) *tableReader {
	tr := &tableReader{n: n, table: table, roles: roles, header: header, cols: map[Role][]int{}}
	for i, r := range roles {
		tr.cols[r] = append(tr.cols[r], i)
		if r == RoleMilestone && i < len(header) && measureHeader.MatchString(header[i]) && !milestoneHeader.MatchString(header[i]) {
			tr.measures = true
		}
	}
	return tr
}

// A measure column ("Measure", "How will we know", "KPI") lists what an
// action is judged by: its outcomes. Only the measures that carry a date
// of their own ("Key decisions taken by July 2025") are milestones too.
var (
	measureHeader   = regexp.MustCompile(`(?i)\b(measur(e|es|ed|ing)|indicators?|kpis?|evidence of success|success criteria|how will we know)\b`)
	milestoneHeader = regexp.MustCompile(`(?i)\b(milestones?|key steps|deliverables?)\b`)
)

// sameLayout reports whether another table's header gives the same roles,
// so its rows continue this one's (a plan printed one table per page).
func (tr *tableReader) sameLayout(roles []Role) bool {
	if len(roles) != len(tr.roles) {
		return false
	}
	for i := range roles {
		if roles[i] != tr.roles[i] {
			return false
		}
	}
	return true
}

// cellParas returns the paragraphs of the first column with the role in a
// row, with bullets and list markers kept apart from the text.
func (tr *tableReader) cellParas(row layout.Row, role Role) []layout.Para {
	var out []layout.Para
	for _, i := range tr.cols[role] {
		if i >= len(row.Cells) || row.Cells[i].Covered {
			continue
		}
		for _, p := range row.Cells[i].Paragraphs {
			t := layout.Clean(p.Text)
			mk := strings.TrimSpace(p.Marker)
			if t == "" && mk == "" {
				continue
			}
			// A bullet typed as text ("• number of ...") is a marker.
			if mk == "" {
				for _, b := range []string{"•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "–", "-", "*"} {
					if strings.HasPrefix(t, b+" ") || (b != "-" && b != "–" && b != "*" && strings.HasPrefix(t, b)) {
						mk = b
						t = strings.TrimSpace(strings.TrimPrefix(t, b))
						break
					}
				}
			}
			// A paragraph that stops on a word no sentence ends with ("...
			// take-up of Work and") runs on into the next line, whatever
			// the extractor made of the line break.
			if k := len(out); k > 0 && mk == "" && (danglingWord(out[k-1].Text) || (lowerStart(t) && !endsSentence(out[k-1].Text) && out[k-1].Marker == "" && !startsItem(t))) {
				out[k-1].Text = joinSplit(out[k-1].Text, t)
				continue
			}
			out = append(out, layout.Para{Text: t, Marker: mk, Level: p.Level})
		}
	}
	return out
}

func (tr *tableReader) cellText(row layout.Row, role Role) string {
	var parts []string
	for _, p := range tr.cellParas(row, role) {
		t := p.Text
		if p.Marker != "" && !bulletMarker(p.Marker) {
			t = p.Marker + " " + t
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

func bulletMarker(m string) bool {
	switch m {
	case "•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "–", "-", "*", "o":
		return true
	}
	return false
}

// filledCells lists the grid positions with text.
func filledCells(row layout.Row) []int {
	var out []int
	for i, c := range row.Cells {
		if !c.Covered && !c.Empty() {
			out = append(out, i)
		}
	}
	return out
}

var titleLike = regexp.MustCompile(`^[A-Z0-9][^.;!?]*$`)

// readRow reads one body row.
func (tr *tableReader) readRow(row layout.Row, rowNo int) {
	tr.rowNo, tr.page = rowNo, row.Page
	texts := rowTexts(row)
	filled := filledCells(row)
	if len(filled) == 0 || sameHeader(texts, tr.header) {
		return
	}
	// An objective row: one filled cell spanning the table, or a lone cell
	// that prints an objective code ("SO1: ..."). Not while an action's
	// list is open: its items are short lone cells too.
	listOpen := tr.cur != nil && (tr.listed > 0 || strings.HasSuffix(strings.TrimSpace(tr.cur.a.Text), ":"))
	if len(filled) == 1 && !(listOpen && tr.roles[filled[0]] == RoleAction) {
		i := filled[0]
		c := row.Cells[i]
		t := texts[i]
		spans := c.ColSpan > 1 && c.ColSpan >= len(row.Cells)-1
		if o, ok := parseObjective(t); ok && (spans || i == 0 || tr.roles[i] != RoleAction || len(strings.Fields(t)) < 40) {
			tr.setObjective(o)
			return
		}
		// Only the first cell filled, with a short title in it: an
		// objective row that does not span ("Theme 2 Housing").
		if i == 0 && len(row.Cells) > 2 && !spans && upperStart(t) && len(strings.Fields(t)) <= 15 && !endsSentence(t) {
			if r, _ := splitLeadingRef(t); r == "" && (tr.cur == nil || !danglingWord(tr.cur.a.Text)) && tr.roles[0] != RoleRef {
				tr.setObjective(objectiveFromTitle(t))
				return
			}
		}
		if spans && tr.roles[i] != RoleObjective {
			tr.setObjective(objectiveFromTitle(t))
			return
		}
		// A section title alone in the action column of a table that has a
		// reference column: "Linkages and Work with Local Partners".
		if tr.roles[i] == RoleAction && len(tr.cols[RoleRef]) > 0 && len(strings.Fields(t)) <= 10 && titleLike.MatchString(t) && !endsSentence(t) {
			tr.setObjective(Objective{Title: t})
			tr.cur = nil
			return
		}
	}
	// The objective column of an annotated plan.
	if len(tr.cols[RoleObjective]) > 0 {
		tr.readObjectiveCell(row)
	}
	actionParas := tr.cellParas(row, RoleAction)
	refText := ""
	if len(tr.cols[RoleRef]) > 0 {
		refText = tr.cellText(row, RoleRef)
	}
	ref, cont, refOK := parseRefCell(refText)
	if !refOK {
		ref = ""
	}
	actionText := joinParas(actionParas)
	if cont || strings.TrimSpace(actionText) == "" || isContinuationText(actionText) {
		if tr.cur != nil {
			tr.fill(tr.cur, row, true)
		}
		return
	}
	if hasItems(actionParas) || (tr.items.last != nil && len(actionParas) > 0 && lowerStart(actionParas[0].Text)) {
		tr.readItems(row, actionParas)
		return
	}
	// An action that ends on a lead-in ("... include:") takes the rows
	// below it that name only an item, with no lead, date or milestone of
	// their own, as its list: "Library Services" there is not an action.
	if ref == "" && listOpen {
		if tr.onlyAction(row) && len(strings.Fields(actionText)) <= 12 {
			sep := " "
			if tr.listed > 0 {
				sep = "; "
			}
			tr.cur.a.Text += sep + strings.TrimSpace(actionText)
			tr.listed++
			return
		}
	}
	tr.listed = 0
	// The rest of an action cell that a page break split: no reference of
	// its own, and it starts lower-case or the text above stops on a word
	// that cannot end it ("... developing the" + "Framework for ...").
	if ref == "" && tr.cur != nil && len(actionParas) > 0 && !cont {
		if first := actionParas[0].Text; lowerStart(first) || danglingWord(tr.cur.a.Text) {
			if _, _, ok := itemOf(actionParas[0]); !ok {
				if r, _ := splitLeadingRef(actionText); r == "" {
					tr.cur.a.Text = joinSplit(tr.cur.a.Text, actionText)
					tr.fill(tr.cur, row, true)
					return
				}
			}
		}
	}
	// A short title paragraph above the action text names the section,
	// unless it is itself a step ("Commission a footfall survey" above
	// "Publish the results"): a line that starts with a verb is action.
	if len(actionParas) > 1 && isSectionTitle(actionParas[0].Text) && !startsVerb(actionParas[0].Text) {
		actionParas = actionParas[1:]
		actionText = joinParas(actionParas)
	}
	if ref == "" {
		if r, rest := splitLeadingRef(actionText); r != "" {
			ref, actionText = r, rest
		}
	}
	if !hasWords(actionText, 2) {
		return // numbers or symbols only: not an action
	}
	d := newDraft(Action{
		Ref:    ref,
		Text:   actionText,
		Source: tr.source(),
	})
	d.table = tr.table
	d.a.Objective = tr.objectiveFor(ref)
	d.leadCol = len(tr.cols[RoleLead]) > 0 || len(tr.cols[RolePartners]) > 0
	d.chapter = tr.n.inActionChapter()
	tr.n.add(d)
	tr.cur = d
	tr.fill(d, row, false)
}

// splitPiece reports whether next, at the top of a continuation row, is
// the rest of the paragraph prev that a page break cut: prev does not end
// a sentence and next starts lower-case, or prev stops on a comma or on a
// word no sentence ends with.
func splitPiece(prev, next string) bool {
	if endsSentence(prev) {
		return false
	}
	return lowerStart(next) || strings.HasSuffix(strings.TrimSpace(prev), ",") || danglingWord(prev)
}

// startsItem reports a paragraph that opens with a lettered or roman item
// marker ("a) ...", "iv) ...").
func startsItem(t string) bool {
	_, _, ok := itemOf(layout.Para{Text: t})
	return ok
}

// hasWords reports whether s has at least n words with letters.
func hasWords(s string, n int) bool {
	k := 0
	for _, w := range strings.Fields(s) {
		for _, r := range w {
			if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') {
				k++
				break
			}
		}
	}
	return k >= n
}

// danglingWord reports a text that stops on a word no sentence ends with.
func danglingWord(s string) bool {
	switch strings.ToLower(finalWord(s)) {
	case "the", "of", "and", "to", "for", "in", "with", "a", "an", "by", "on", "or", "its", "their", "from", "at", "as":
		return true
	}
	return false
}

// readObjectiveCell reads the objective column of a row ("1. The Task
// Group ..."); a cell that starts lower-case continues the title above.
func (tr *tableReader) readObjectiveCell(row layout.Row) {
	t := layout.Clean(tr.cellText(row, RoleObjective))
	if t == "" {
		return
	}
	if o, ok := parseObjective(t); ok {
		tr.setObjective(o)
		tr.items = itemState{num: refNumber(o.Code)}
		return
	}
	if m := numberedTitle.FindStringSubmatch(t); m != nil {
		o := Objective{Code: strings.ReplaceAll(m[1], " ", ""), Title: m[2]}
		tr.setObjective(o)
		tr.items = itemState{num: refNumber(o.Code)}
		return
	}
	if lowerStart(t) && tr.obj.Title != "" {
		tr.obj.Title = joinSplit(tr.obj.Title, t)
		tr.n.updateObjective(tr.obj)
	}
}

func (tr *tableReader) setObjective(o Objective) {
	tr.obj = o
	tr.cur = nil
	tr.n.addObjective(o)
}

// objectiveFor returns the objective of an action with reference ref: the
// one in force, or, when none with a code is, the ref's own number (a plan
// whose references are "4f", "12e(v)").
func (tr *tableReader) objectiveFor(ref string) Objective {
	o := tr.obj
	if o.Code == "" {
		if h := tr.n.headingObjective(); h.Code != "" || o.Title == "" {
			o = h
		}
	}
	if tr.compound && (o.Code == "" || (strings.Contains(o.Code, "-") && refNumber(ref) != "")) {
		if num := refNumber(ref); num != "" {
			o = Objective{Code: num, Title: tr.n.objectiveTitle(num, o.Title)}
		}
	}
	return o
}

func (tr *tableReader) source() Source {
	return Source{File: tr.n.file, Page: tr.page, Table: tr.table, Row: tr.rowNo}
}

func joinParas(ps []layout.Para) string {
	var b []string
	for _, p := range ps {
		t := p.Text
		if p.Marker != "" && !bulletMarker(p.Marker) {
			t = p.Marker + " " + t
		}
		b = append(b, t)
	}
	return layout.Clean(strings.Join(b, " "))
}

// isSectionTitle reports a short heading-like paragraph: few words, no
// sentence punctuation, capitalised.
func isSectionTitle(s string) bool {
	w := strings.Fields(s)
	return len(w) > 0 && len(w) <= 6 && titleLike.MatchString(s) && !endsSentence(s)
}

// fill reads the non-action columns of a row into d.
func (tr *tableReader) fill(d *draft, row layout.Row, cont bool) {
	src := tr.source()
	// Leads of this row: an empty lead cell repeats the row above.
	leadParas := tr.leadParas(row)
	// Milestones from a milestone column, paired with the due column.
	ms := milestoneTexts(tr.cellParas(row, RoleMilestone))
	dues := paraTexts(tr.cellParas(row, RoleDue))
	if tr.measures && len(dues) <= 1 {
		// Measures are outcomes; those with a date of their own are also
		// milestones.
		var dated []string
		for _, t := range ms {
			d.a.Outcomes = append(d.a.Outcomes, t)
			if tr.ownDeadline(t) != "" || tr.n.findDue(t).Text != "" {
				dated = append(dated, t)
			}
		}
		ms = dated
	}
	if cont && len(ms) > 0 {
		if i, ok := d.lastMs[RoleMilestone]; ok && splitPiece(d.a.Milestones[i].Text, ms[0]) {
			d.a.Milestones[i].Text = joinSplit(d.a.Milestones[i].Text, ms[0])
			ms = ms[1:]
		}
	}
	rowLeads, perMs := tr.rowLeads(d, leadParas, len(ms))
	// A lead cell merged down from the row above (one lead printed for
	// two actions) leads this row too.
	if len(leadParas) == 0 && !cont && tr.covered(row, RoleLead) {
		rowLeads = tr.lastLeads
		d.rowLeads = rowLeads
	}
	if len(rowLeads) > 0 {
		tr.lastLeads = rowLeads
	}
	if len(ms) > 0 {
		for i, t := range ms {
			due := ""
			switch {
			case i < len(dues):
				due = dues[i]
			case len(dues) > 0:
				due = dues[len(dues)-1]
			}
			m := Milestone{Text: t, Source: src}
			if due != "" {
				m.Due = tr.n.parseDue(due)
			}
			// A step that names its own deadline ("Key decisions taken by
			// July 2025") is due then, whatever the row's timescale says.
			if own := tr.ownDeadline(t); own != "" && (len(dues) != len(ms) || due == "") {
				m.Due = tr.n.parseDue(own)
				// The deadline printed at the end is the milestone's due,
				// not part of what is to be done.
				if rest := strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(t, " .;"), own)); rest != strings.TrimRight(t, " .;") && hasWords(rest, 2) {
					m.Text = strings.TrimRight(rest, " ,–-")
				}
			}
			leads := rowLeads
			if perMs != nil {
				leads = perMs[i]
			}
			d.addMilestone(m, leads, RoleMilestone)
		}
	}
	// The row's timescale, as printed, is the action's due as well as its
	// milestones' ("Dec 2025 March 2025 / Ongoing Elements").
	if len(dues) > 0 && d.a.Due.Text == "" && !cont {
		d.a.Due = tr.n.parseDue(strings.Join(dues, " "))
	}
	if len(ms) == 0 {
		d.addLeads(rowLeads)
	}
	// Progress and planned columns: milestones done and still to do, each
	// dated by the date printed in it.
	for _, st := range []struct {
		role   Role
		status string
	}{{RoleProgress, "done"}, {RolePlanned, "planned"}} {
		ps := milestoneTexts(tr.cellParas(row, st.role))
		if cont && len(ps) > 0 {
			if i, ok := d.lastMs[st.role]; ok && splitPiece(d.a.Milestones[i].Text, ps[0]) {
				d.a.Milestones[i].Text = joinSplit(d.a.Milestones[i].Text, ps[0])
				d.a.Milestones[i].Due = tr.n.findDue(d.a.Milestones[i].Text)
				ps = ps[1:]
			}
		}
		for _, t := range ps {
			m := Milestone{Text: t, Status: st.status, Source: src, Due: tr.n.findDue(t)}
			d.addMilestone(m, rowLeads, st.role)
		}
	}
	// Outcomes, one per paragraph.
	outs := milestoneTexts(tr.cellParas(row, RoleOutcome))
	if cont && len(outs) > 0 && len(d.a.Outcomes) > 0 {
		last := len(d.a.Outcomes) - 1
		if splitPiece(d.a.Outcomes[last], outs[0]) {
			d.a.Outcomes[last] = joinSplit(d.a.Outcomes[last], outs[0])
			outs = outs[1:]
		}
	}
	d.a.Outcomes = append(d.a.Outcomes, outs...)
	// Partners column.
	for _, p := range paraTexts(tr.cellParas(row, RolePartners)) {
		l, pa := orgs.SplitOrgs(p)
		d.a.Partners = addUnique(d.a.Partners, l...)
		d.a.Partners = addUnique(d.a.Partners, pa...)
	}
	if pr := paraTexts(tr.cellParas(row, RolePriority)); len(pr) > 0 && d.a.Priority == "" {
		d.a.Priority = strings.Join(pr, " ")
	}
	if st := paraTexts(tr.cellParas(row, RoleStatus)); len(st) > 0 && d.a.Status == "" {
		d.a.Status = strings.Join(st, " ")
		// A recommendation the document accepts, in a table with no lead
		// column, is the publisher's to carry out.
		if !d.leadCol && len(d.a.Leads) == 0 && accepted.MatchString(d.a.Status) {
			if p := tr.n.publisher(); p != "" {
				d.a.Leads = []string{p}
			}
		}
	}
}

// leadParas returns the lead column's paragraphs, rejoining a name that a
// line break split ("Commission for" + "Equalities and Human Rights").
func (tr *tableReader) leadParas(row layout.Row) []string {
	var out []string
	for _, p := range paraTexts(tr.cellParas(row, RoleLead)) {
		if n := len(out); n > 0 && continuesName(out[n-1], p) {
			sep := " "
			if strings.HasSuffix(out[n-1], "/") || strings.HasPrefix(p, "/") {
				sep = ""
			}
			out[n-1] = out[n-1] + sep + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// continuesName reports whether b is the rest of the organisation name a.
func continuesName(a, b string) bool {
	if strings.HasSuffix(a, "/") || strings.HasSuffix(a, "&") || strings.HasSuffix(a, ",") || strings.HasPrefix(b, "/") || strings.HasPrefix(b, "&") || strings.HasPrefix(b, "(") {
		return true
	}
	if strings.Count(a, "(") > strings.Count(a, ")") {
		return true
	}
	if lowerStart(b) && !strings.HasPrefix(b, "with ") {
		return true
	}
	last := strings.ToLower(finalWord(a))
	switch last {
	case "of", "for", "and", "the", "on", "in", "to", "with":
		return true
	}
	return false
}

func finalWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// rowLeads splits a row's lead cell. When the cell has one paragraph per
// milestone and they differ, each milestone gets its own (perMs).
func (tr *tableReader) rowLeads(d *draft, paras []string, nms int) (leads []string, perMs [][]string) {
	if len(paras) == 0 {
		return d.rowLeads, nil
	}
	if nms > 1 && len(paras) == nms {
		differ := false
		for _, p := range paras[1:] {
			if p != paras[0] {
				differ = true
			}
		}
		if differ {
			perMs = make([][]string, nms)
			for i, p := range paras {
				l, pa := orgs.SplitOrgs(p)
				perMs[i] = l
				d.a.Partners = addUnique(d.a.Partners, pa...)
				d.a.JointPartners = addUnique(d.a.JointPartners, pa...)
				leads = addUnique(leads, l...)
			}
			d.rowLeads = leads
			return leads, perMs
		}
	}
	for _, p := range paras {
		l, pa := orgs.SplitOrgs(p)
		leads = addUnique(leads, l...)
		d.a.Partners = addUnique(d.a.Partners, pa...)
		d.a.JointPartners = addUnique(d.a.JointPartners, pa...)
	}
	d.rowLeads = leads
	return leads, nil
}

func (d *draft) addLeads(leads []string) {
	d.a.Leads = addUnique(d.a.Leads, leads...)
}

// paraTexts returns the paragraphs' texts with their number markers.
func paraTexts(ps []layout.Para) []string {
	var out []string
	for _, p := range ps {
		t := p.Text
		if p.Marker != "" && !bulletMarker(p.Marker) {
			t = p.Marker + " " + t
		}
		if t = layout.Clean(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// milestoneTexts turns a cell's paragraphs into milestone texts: one per
// paragraph, except that bullets under a lead-in ending in ':' each become
// lead-in + bullet.
func milestoneTexts(ps []layout.Para) []string {
	var out []string
	leadIn := ""
	for i, p := range ps {
		t := layout.Clean(p.Text)
		if t == "" {
			continue
		}
		bullet := bulletMarker(p.Marker)
		if !bullet && strings.HasSuffix(t, ":") && i+1 < len(ps) && bulletMarker(ps[i+1].Marker) {
			leadIn = t
			continue
		}
		if bullet && leadIn != "" {
			out = append(out, leadIn+" "+t)
			continue
		}
		leadIn = ""
		if p.Marker != "" && !bullet {
			t = p.Marker + " " + t
		}
		out = append(out, t)
	}
	if leadIn != "" {
		out = append(out, leadIn)
	}
	return out
}

func addUnique(list []string, items ...string) []string {
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		dup := false
		for _, x := range list {
			if strings.EqualFold(x, it) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, it)
		}
	}
	return list
}

// onlyAction reports whether a row fills no column that gives an action
// its substance: lead, partners, due date, milestone, progress. (An
// outcome code, "SO2,SO3", may sit beside a list item.)
func (tr *tableReader) onlyAction(row layout.Row) bool {
	for _, r := range []Role{RoleLead, RolePartners, RoleDue, RoleMilestone, RoleProgress, RolePlanned} {
		if len(tr.cols[r]) > 0 && strings.TrimSpace(tr.cellText(row, r)) != "" {
			return false
		}
	}
	return true
}

// accepted matches a response that accepts a recommendation.
var accepted = regexp.MustCompile(`(?i)^(accept|accepted|agree|agreed|support|supported)\b`)

// ownDeadline returns the deadline a milestone's own words give ("by July
// 2025", "no later than April 26", "from August 2024", or a month and
// year it ends on: "... agreed and in place April 26"), or "". Two-digit
// years are read as the table's timescales are.
func (tr *tableReader) ownDeadline(text string) string {
	m := deadlineIn.FindStringSubmatch(text)
	if m == nil {
		m = trailingDate.FindStringSubmatch(strings.TrimRight(text, " .;"))
	}
	if m == nil || tr.n.parseDue(m[1]).Start == "" {
		return ""
	}
	return strings.TrimSpace(m[0])
}

var trailingDate = regexp.MustCompile(`(?i)\s((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*[’'‘]?\s*(?:\d{4}|\d{2}))$`)

var deadlineIn = regexp.MustCompile(`(?i)\b(?:by|no later than|before|from|in|during)\s+((?:the\s+)?(?:end of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|winter|q[1-4]|20\d\d)[a-z]*\.?\s*[’'‘]?\s*(?:\d{2,4})?)`)
