package normalise

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/dates"
	"github.com/planmap/planmap/normalise/orgs"
	"github.com/planmap/planmap/normalise/themes"
)

// Normalise turns one document's layout into its plan. file is the input
// path, used for provenance and the document name.
//
// It reads the blocks in order: action tables (recognised by their header
// row) give actions row by row; headings set the objective in force; lists
// and sentences that state commitments give actions in prose documents.
// Then actions that several tables print under one reference are merged,
// leads are resolved, and themes and IDs are assigned.
func Normalise(doc *layout.Document, file string, opt Options) *Plan {
	if opt.Orgs == nil {
		opt.Orgs = orgs.DefaultRegistry()
	}
	if opt.Themes == nil {
		opt.Themes = themes.DefaultTaxonomy()
	}
	n := &normaliser{file: file, name: DocumentName(file), opt: opt, plan: &Plan{Document: DocumentName(file), Actions: []Action{}}}
	if doc == nil {
		return n.plan
	}
	n.doc = doc
	n.plan.Acronyms = orgs.FindAcronyms(documentTexts(doc))
	n.plan.Meta = inferMeta(doc, file, opt)
	n.dateCtx = dates.DateContext{Year: periodYear(n.plan.Meta)}
	n.walk()
	n.mergeRefs()
	n.dedupeProse()
	n.finish()
	n.publisher() // said by planmap explain, even where no "we" needed it
	return n.plan
}

// normaliser holds the state of one document's reading.
type normaliser struct {
	doc     *layout.Document
	file    string
	name    string
	opt     Options
	plan    *Plan
	dateCtx dates.DateContext
	drafts  []*draft

	headings []headingCtx // open headings, outermost first
	tableNo  int
	reader   *tableReader // the last action table, which the next may continue
	prose    proseState
	curPage  int
	// formTitle is the section title of a label/value form.
	formTitle string
	// sectionNo counts the headings read: the section prose is in.
	sectionNo int
	// pub is the publisher once known: the lead of "we".
	pub *string
	// copublishers are the other bodies of a joint publication.
	copublishers []string
}

type headingCtx struct {
	level int
	text  string
	obj   Objective
	isObj bool
}

func (n *normaliser) add(d *draft) {
	d.a.Document = n.name
	n.drafts = append(n.drafts, d)
}

// walk reads the blocks in order.
func (n *normaliser) walk() {
	blocks := n.doc.Blocks
	for i := range blocks {
		b := &blocks[i]
		n.curPage = b.Page
		switch b.Kind {
		case layout.Heading:
			n.sectionNo++
			n.heading(b, paragraphNumbered(blocks, i))
			n.reader = nil
		case layout.TableKind:
			n.tableNo++
			if b.Table != nil {
				n.table(b.Table, n.tableNo, b.Page)
			}
		case layout.ListItem:
			n.listItem(b)
		case layout.Paragraph:
			n.paragraph(b)
		}
	}
}

// heading opens a heading; one that names an objective ("Issue 1: ...",
// "3. Current research") sets the objective of what follows.
func (n *normaliser) heading(b *layout.Block, inNumbering bool) {
	lvl := b.Level
	if lvl <= 0 {
		lvl = 1
	}
	for len(n.headings) > 0 && n.headings[len(n.headings)-1].level >= lvl {
		n.headings = n.headings[:len(n.headings)-1]
	}
	text := strings.TrimSpace(b.Text)
	if b.Marker != "" {
		text = strings.TrimSpace(b.Marker + " " + text)
	}
	h := headingCtx{level: lvl, text: text}
	if inNumbering {
		// A heading numbered in the run of paragraph numbers ("12.", "13.
		// Social Inclusion Action Plan Framework", "14.") is a paragraph
		// number, not an objective code.
		text = strings.TrimSpace(b.Text)
		h.text = text
		h.obj, h.isObj = Objective{Title: text}, true
	} else if o, ok := parseObjective(text); ok {
		h.obj, h.isObj = o, true
	} else if m := numberedTitle.FindStringSubmatch(text); m != nil && !strings.Contains(m[1], "-") {
		h.obj, h.isObj = Objective{Code: m[1], Title: m[2]}, true
	} else if m := dottedTitle.FindStringSubmatch(text); m != nil {
		h.obj, h.isObj = Objective{Code: m[1], Title: m[2]}, true
	} else if m := letteredTitle.FindStringSubmatch(text); m != nil {
		// "A. Raising the status and quality of the workforce": a lettered
		// section of a numbered chapter.
		h.obj, h.isObj = Objective{Code: m[1], Title: m[2]}, true
	}
	if h.isObj {
		n.addObjective(h.obj)
		n.prose.sectionObj = Objective{} // a heading's objective replaces the text's
	}
	n.headings = append(n.headings, h)
	n.prose.heading(text)
}

// paragraphNumbered reports whether block i is numbered in the same run
// as the numbered paragraphs beside it.
func paragraphNumbered(blocks []layout.Block, i int) bool {
	num := func(b layout.Block) int {
		m := strings.TrimRight(strings.TrimSpace(b.Marker), ".)")
		v, err := strconv.Atoi(m)
		if err != nil {
			return -1
		}
		return v
	}
	me := num(blocks[i])
	if me < 0 {
		return false
	}
	if i > 0 && blocks[i-1].Kind != layout.Heading && num(blocks[i-1]) == me-1 {
		return true
	}
	return i+1 < len(blocks) && blocks[i+1].Kind != layout.Heading && num(blocks[i+1]) == me+1
}

// headingObjective is the objective of the innermost open heading that
// names one.
func (n *normaliser) headingObjective() Objective {
	for i := len(n.headings) - 1; i >= 0; i-- {
		if n.headings[i].isObj {
			return n.headings[i].obj
		}
	}
	return Objective{}
}

// sectionTitle is the innermost heading's text: the objective title of
// prose under an unnumbered heading.
// An action heading ("Activities", "What we can do") names no objective:
// the heading above it does.
func (n *normaliser) sectionTitle() string {
	for i := len(n.headings) - 1; i >= 0; i-- {
		if !actionHeadingRe.MatchString(n.headings[i].text) || i == 0 {
			return n.headings[i].text
		}
	}
	return ""
}

func (n *normaliser) addObjective(o Objective) {
	if o.Code == "" && o.Title == "" {
		return
	}
	for _, x := range n.plan.Objectives {
		if x.Code == o.Code && x.Title == o.Title {
			return
		}
	}
	n.plan.Objectives = append(n.plan.Objectives, o)
}

// updateObjective replaces the title of the last objective with o's code.
func (n *normaliser) updateObjective(o Objective) {
	for i := len(n.plan.Objectives) - 1; i >= 0; i-- {
		if n.plan.Objectives[i].Code == o.Code {
			n.plan.Objectives[i].Title = o.Title
			return
		}
	}
}

// objectiveTitle returns the title printed for an objective code, else
// fallback.
func (n *normaliser) objectiveTitle(code, fallback string) string {
	for _, o := range n.plan.Objectives {
		if o.Code == code && o.Title != "" {
			return o.Title
		}
	}
	return fallback
}

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

// documentTexts lists every text of the document, for acronym learning.
func documentTexts(doc *layout.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Text != "" {
			out = append(out, b.Text)
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					for _, p := range c.Paragraphs {
						out = append(out, p.Text)
					}
				}
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

// letteredTitle matches a heading lettered as a section: "A. Raising the
// status ...", "B) Freeing ...".
var letteredTitle = regexp.MustCompile(`^([A-H])[.)]\s+([A-Z][^.]*)$`)
