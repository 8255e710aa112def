package normalise

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// A table block is decided before its rows are read: an action table (by
// the roles of its columns, roles.go), the continuation of the one before,
// a small table of dated steps under a commitment, a box of text read as
// prose, a label/value form, or none of these. Every decision is kept for
// planmap explain.

// table reads one table: an action table by its header row, or the
// continuation of the action table before it.
func (n *normaliser) table(t *layout.Table, no, page int) {
	if len(t.Rows) == 0 {
		return
	}
	hdrRows := t.HeaderRows
	if hdrRows == 1 && captionRow(t.Rows[0]) {
		hdrRows = 0 // "Principles and actions" across the table: a caption
	}
	if hdrRows == 1 && bodyLikeHeader(t.Rows[0]) {
		hdrRows = 0 // a first row that names no role and reads as a row of the plan
	}
	// A caption printed inside the table above its header row.
	if h := findHeaderRow(t); h > hdrRows && (hdrRows == 0 || !isActionTableHeader(headerTexts(t, hdrRows), columnRoles(headerTexts(t, hdrRows)))) {
		hdrRows = h
	}
	header := headerTexts(t, hdrRows)
	dec := TableDecision{Table: no, Page: page, HeaderRows: hdrRows}
	roles, ev := decideRoles(t, hdrRows, n.opt.Orgs, n.opt.Columns)
	refColumns(t, hdrRows, roles)
	leadColumns(t, max(hdrRows, 1), roles)
	for i := range ev {
		if ev[i].Role != roles[i] {
			ev[i].Reasons = append(ev[i].Reasons, fmt.Sprintf("cells → %s", roles[i]))
			ev[i].Role, ev[i].RoleStr = roles[i], roles[i].String()
		}
	}
	dec.Columns = ev
	defer func() { n.plan.Decisions = append(n.plan.Decisions, dec) }()
	if bad, why := notAPlan(t, header); bad && len(n.opt.Columns) == 0 {
		dec.Why = "not a plan: " + why
		n.reader = nil
		return
	}
	if hdrRows == 0 && isActionTableHeader(header, columnRoles(header)) && !bodyLikeHeader(t.Rows[0]) && !captionRow(t.Rows[0]) {
		hdrRows = 1
		dec.HeaderRows = 1
	}
	start := hdrRows
	if hdrRows > 0 && (n.reader == nil || !n.reader.sameLayout(roles)) && n.milestoneTable(t, hdrRows, roles) {
		dec.Why = "a small table of dated steps with no verbs: milestones of the commitment above it"
		n.reader = nil
		return
	}
	switch {
	case isActionTableHeader(header, roles) && (hdrRows > 0 || isActionTable(roles)):
		// With no header row the roles come from the cells and every row
		// is read.
		dec.Plan, dec.Why = true, "an action column and "+otherRoles(roles)
		if n.reader != nil && n.reader.sameLayout(roles) {
			n.reader.table = no
			dec.Why += "; continues table " + strconv.Itoa(n.reader.table)
		} else {
			n.reader = newTableReader(n, no, readerHeader(header, hdrRows), roles)
		}
	case hdrRows <= 1 && !isActionTableHeader(header, roles) && codedActions(t, roles):
		// No header: reference codes beside clauses ("A1 | Departmental
		// boards will include ...") are a list of actions.
		dec.Plan, dec.Why = true, "no header; reference codes beside action clauses"
		n.reader = newTableReader(n, no, readerHeader(header, hdrRows), roles)
	case n.reader != nil && t.Columns == len(n.reader.roles):
		// No header of its own: the rows continue the table before.
		dec.Plan, dec.Why = true, "no header of its own: continues the table before"
		n.reader.table = no
		start = 0
	default:
		dec.Why = "no action column with a lead, due, status or other plan column"
		n.reader = nil
		switch {
		case n.formTable(t, no):
			dec.Why = "a label/value form"
		case n.boxTable(t):
			dec.Why = "a box of text, read as prose: " + dec.Why
		default:
			n.proseTable(t)
		}
		return
	}
	if compoundRefs(t, n.reader) {
		n.reader.compound = true
	}
	for i := start; i < len(t.Rows); i++ {
		n.reader.readRow(t.Rows[i], i+1)
	}
}

// otherRoles names the roles beside the action column.
func otherRoles(roles []Role) string {
	var out []string
	for _, r := range roles {
		if r != RoleAction && r != RoleNone {
			out = append(out, r.String())
		}
	}
	if len(out) == 0 {
		return "a header that says it lists actions"
	}
	return strings.Join(out, ", ")
}

// codedActions reports a headerless table whose reference column codes
// most of the rows that have an action clause.
func codedActions(t *layout.Table, roles []Role) bool {
	ri, ai := -1, -1
	for i, r := range roles {
		if r == RoleRef && ri < 0 {
			ri = i
		}
		if r == RoleAction && ai < 0 {
			ai = i
		}
	}
	if ri < 0 || ai < 0 {
		return false
	}
	coded := 0
	for _, row := range t.Rows {
		if ri < len(row.Cells) && ai < len(row.Cells) && !row.Cells[ri].Empty() && !row.Cells[ai].Empty() && !row.Cells[ri].Covered {
			coded++
		}
	}
	return coded >= 2
}

// refColumns gives the reference role to an unnamed column whose cells
// are mostly references ("No." left blank above 1, 2, 3 ...).
func refColumns(t *layout.Table, hdrRows int, roles []Role) {
	if hdrRows == 0 {
		hdrRows = 1
	}
	for i, r := range roles {
		if r != RoleNone {
			continue
		}
		refs, filled := 0, 0
		for _, row := range t.Rows[min(hdrRows, len(t.Rows)):] {
			if i >= len(row.Cells) || row.Cells[i].Covered || row.Cells[i].Empty() {
				continue
			}
			filled++
			if _, _, ok := parseRefCell(layout.Clean(row.Cells[i].Text())); ok {
				refs++
			}
		}
		if filled >= 2 && refs*10 >= filled*6 {
			roles[i] = RoleRef
		}
	}
}

// compoundRefs reports whether a table prints references with sub-parts
// ("1a", "12e(v)") in its reference column.
func compoundRefs(t *layout.Table, tr *tableReader) bool {
	for _, row := range t.Rows {
		for _, i := range tr.cols[RoleRef] {
			if i < len(row.Cells) && !row.Cells[i].Covered {
				if ref, _, ok := parseRefCell(layout.Clean(row.Cells[i].Text())); ok && refNumber(ref) != "" && refNumber(ref) != ref && !strings.Contains(ref, ".") {
					return true
				}
			}
		}
	}
	return false
}

// headerTexts joins the header rows column by column.
func headerTexts(t *layout.Table, rows int) []string {
	if rows <= 0 {
		rows = 1
	}
	out := make([]string, t.Columns)
	for r := 0; r < rows && r < len(t.Rows); r++ {
		for i, c := range t.Rows[r].Cells {
			if i < len(out) && !c.Covered {
				out[i] = strings.TrimSpace(out[i] + " " + layout.Clean(c.Text()))
			}
		}
	}
	return out
}

// captionRow reports a row with one filled cell across the table.
func captionRow(r layout.Row) bool {
	filled := filledCells(r)
	return len(r.Cells) > 1 && len(filled) == 1 && r.Cells[filled[0]].ColSpan >= len(r.Cells)-1 && r.Cells[filled[0]].ColSpan > 1
}

// milestoneTable reads a small table of dated steps ("Statement of Common
// Ground | 31 March 2018") printed under a commitment as that
// commitment's milestones. It reports whether the table was one.
func (n *normaliser) milestoneTable(t *layout.Table, hdrRows int, roles []Role) bool {
	ai, di := -1, -1
	for i, r := range roles {
		switch r {
		case RoleAction:
			ai = i
		case RoleDue:
			di = i
		case RoleLead, RolePartners, RoleStatus, RoleMilestone, RoleProgress, RolePlanned:
			return false
		}
	}
	if ai < 0 || di < 0 || len(t.Rows)-hdrRows > 12 {
		return false
	}
	st := statsOf(t, ai, hdrRows, n.opt.Orgs)
	if st.filled < 2 || st.verb > 0.2 || st.meanWords > 7 {
		return false
	}
	// The commitment is the lead-in the table follows ("... will enter
	// into a joint plan ... to the following timeline:"), else the action
	// read just before it.
	if p := &n.prose; p.listActive && p.leadIn != "" {
		if party, ok := leadInParty(p.leadIn); ok && party != "" {
			n.proseAction(strings.TrimSuffix(strings.TrimSpace(p.leadIn), ":"), p.leadInRef, n.findDue(p.leadIn), n.partyLead(party))
			p.drafts[len(p.drafts)-1].listed = true
			p.listActive = false
		}
	}
	k := len(n.prose.drafts)
	if k == 0 || n.prose.drafts[k-1].a.Source.Page < n.curPage-1 {
		return false
	}
	d := n.prose.drafts[k-1]
	for i := hdrRows; i < len(t.Rows); i++ {
		r := t.Rows[i]
		if ai >= len(r.Cells) || di >= len(r.Cells) {
			continue
		}
		text := layout.Clean(r.Cells[ai].Text())
		due := layout.Clean(r.Cells[di].Text())
		if text == "" {
			continue
		}
		m := Milestone{Text: text, Source: Source{File: n.file, Page: r.Page, Table: n.tableNo, Row: i + 1}}
		if due != "" {
			m.Due = n.parseDue(due)
		}
		d.a.Milestones = append(d.a.Milestones, m)
	}
	return true
}

// bodyLikeHeader reports a first row that an extractor took for a header
// but that names no role and holds a clause: a body row of a table
// printed without a header.
func bodyLikeHeader(r layout.Row) bool {
	long := false
	for _, c := range r.Cells {
		if c.Covered || c.Empty() {
			continue
		}
		t := layout.Clean(c.Text())
		if len(strings.Fields(t)) <= 12 && RoleOf(t) != RoleNone {
			return false
		}
		if len(strings.Fields(t)) >= 8 {
			long = true
		}
	}
	return long
}

// readerHeader is the header a table reader skips repeats of: none when
// the table has no header row.
func readerHeader(header []string, hdrRows int) []string {
	if hdrRows > 0 {
		return header
	}
	return make([]string, len(header))
}

// boxTable reads a one-column table, a box of text ("Our commitments"
// above a list), as the prose it holds: its title can announce actions and
// its paragraphs can be a lead-in and items. The document's own headings
// and lead-in are as they were after the box. It reports whether the table
// was a box.
func (n *normaliser) boxTable(t *layout.Table) bool {
	if t.Columns != 1 {
		return false
	}
	saved := n.prose
	saved.drafts = nil
	first := true
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Covered {
				continue
			}
			for _, p := range c.Paragraphs {
				text := layout.Clean(p.Text)
				if text == "" {
					continue
				}
				mk := p.Marker
				for _, g := range []string{"•", "●", "▪", "■", "◦", "–", "-"} {
					if mk == "" && strings.HasPrefix(text, g+" ") {
						mk, text = g, strings.TrimSpace(strings.TrimPrefix(text, g))
					}
				}
				b := layout.Block{Kind: layout.Paragraph, Page: r.Page, Text: text, Marker: mk, Level: p.Level}
				switch {
				case mk != "":
					b.Kind = layout.ListItem
					n.listItem(&b)
				case first && isTitleText(text):
					n.prose.heading(text)
				default:
					n.paragraph(&b)
				}
				first = false
			}
		}
	}
	drafts := n.prose.drafts
	n.prose = saved
	n.prose.drafts = drafts
	return true
}
