package normalise

import (
	"regexp"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/orgs"
)

// Forms such as equality impact assessments lay their actions out as
// label/value rows: "c) Mitigating Actions for Age" | the actions,
// "d) Responsible Officer for Mitigating Actions – Age" | the owner. Each
// paragraph of an actions value is an action; the owner row that follows
// names their lead; a row with an empty label continues the value above.

var (
	actionLabel = regexp.MustCompile(`(?i)\b(mitigating actions?|actions?( to be taken| planned| required)?|next steps|planned activit(y|ies))\b`)
	ownerLabel  = regexp.MustCompile(`(?i)\b(responsible (officer|person|lead|owner|team)|action owner|lead officer|owner|led by)\b`)
	noValue     = regexp.MustCompile(`(?i)^(n/?a|none|no|nil|not applicable|-+|tbc)\.?$`)
)

// formTable reads a label/value table; it reports whether the table was
// one.
func (n *normaliser) formTable(t *layout.Table, no int) bool {
	if t.Columns < 2 || t.Columns > 3 {
		return false
	}
	labelText := func(r layout.Row) string {
		if len(r.Cells) == 0 || r.Cells[0].Covered {
			return ""
		}
		return layout.Clean(r.Cells[0].Text())
	}
	isForm := false
	for _, r := range t.Rows {
		l := labelText(r)
		if actionLabel.MatchString(l) && !ownerLabel.MatchString(l) && len(strings.Fields(l)) <= 12 && valueCell(r) != nil {
			isForm = true
			break
		}
	}
	if !isForm {
		return false
	}
	var open []*draft // actions of the last actions label, waiting for an owner
	mode := ""        // "actions" while reading an actions value
	for i, r := range t.Rows {
		l := labelText(r)
		v := valueCell(r)
		switch {
		case l != "" && v == nil:
			// A spanning section row ("19. Negative Impacts and Mitigating
			// actions for Age") titles what follows.
			mode = ""
			n.formTitle = strings.TrimSpace(strings.TrimLeft(l, "0123456789.) "))
		case l != "" && ownerLabel.MatchString(l):
			mode = ""
			if v == nil {
				continue
			}
			owner := layout.Clean(v.Text())
			if owner == "" || noValue.MatchString(owner) {
				continue
			}
			owner = strings.TrimRight(owner, ".")
			leads, partners := orgs.SplitOrgs(owner)
			for _, d := range open {
				d.a.Leads = addUnique(d.a.Leads, leads...)
				d.a.Partners = addUnique(d.a.Partners, partners...)
			}
			open = nil
		case l != "" && actionLabel.MatchString(l) && len(strings.Fields(l)) <= 12:
			mode = "actions"
			open = nil
			n.formActions(v, l, no, i+1, r.Page, &open)
		case l == "" && mode == "actions":
			n.formActions(v, "", no, i+1, r.Page, &open)
		case l != "":
			mode = ""
		}
	}
	return true
}

// valueCell is the last uncovered cell after the label, or nil.
func valueCell(r layout.Row) *layout.Cell {
	for i := len(r.Cells) - 1; i >= 1; i-- {
		if !r.Cells[i].Covered && !r.Cells[i].Empty() {
			return &r.Cells[i]
		}
	}
	return nil
}

// formActions turns each paragraph of an actions value into an action.
func (n *normaliser) formActions(v *layout.Cell, label string, table, row, page int, open *[]*draft) {
	if v == nil {
		return
	}
	for _, p := range v.Paragraphs {
		t := layout.Clean(p.Text)
		if t == "" || noValue.MatchString(t) {
			continue
		}
		if k := len(*open); k > 0 && lowerStart(t) && !endsSentence((*open)[k-1].a.Text) {
			last := (*open)[k-1]
			last.a.Text = joinSplit(last.a.Text, t)
			continue
		}
		if len(strings.Fields(t)) < 4 && !endsSentence(t) {
			continue // a sub-heading inside the value ("Millmead")
		}
		title := n.formTitle
		if title == "" {
			title = strings.TrimSpace(strings.TrimLeft(label, "abcdefghij) "))
		}
		d := newDraft(Action{Text: t, Objective: Objective{Title: title}, Source: Source{File: n.file, Page: page, Table: table, Row: row}})
		d.a.Due = n.findDue(t)
		d.table = table
		d.leadCol = true
		n.add(d)
		*open = append(*open, d)
	}
}
