package export

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/places"
)

// actionRef points at one action of an analysed document.
type actionRef struct {
	doc *docView
	i   int
}

func (r actionRef) action() *normalise.Action { return &r.doc.actions[r.i] }
func (r actionRef) id() string                { return r.doc.ids[r.i] }

// allActions lists the analysed actions in input order.
func (ds *dataset) allActions() []actionRef {
	var out []actionRef
	for _, d := range ds.analysed() {
		for i := range d.actions {
			out = append(out, actionRef{d, i})
		}
	}
	return out
}

// themeCounts is the Regions × Themes matrix: region → theme → actions.
func (ds *dataset) themeCounts() map[string]map[string]int {
	m := map[string]map[string]int{}
	for _, r := range ds.regions {
		m[r] = map[string]int{}
	}
	for _, d := range ds.analysed() {
		for _, a := range d.actions {
			for _, t := range actionThemes(a) {
				m[d.region][t]++
			}
		}
	}
	return m
}

// Gap types, in the order the Gaps sheet lists them.
const (
	gapTheme       = "theme not covered"
	gapNoLead      = "action without lead"
	gapNoDue       = "milestone without due date"
	gapPartnerOnly = "organisation only a partner"
	gapObjective   = "objective without actions"
	gapPastDue     = "milestone past due"
	gapNoPlace     = "document with no place"
)

// gap is one finding of the Gaps sheet.
type gap struct {
	kind    string
	region  string
	doc     *docView // nil for findings about the batch as a whole
	id      string
	subject string
	detail  string
	page    int
	// evidence says why the finding holds: the rule and what was looked
	// at, so an analyst can accept or reject it from the row.
	evidence string
}

// gaps lists the findings, type by type, each in input order.
func (ds *dataset) gaps(yield func(gap) bool) {
	docs := ds.analysed()
	if len(ds.regions) > 1 {
		counts := ds.themeCounts()
		actionsIn := map[string]int{}
		for _, r := range ds.allActions() {
			actionsIn[r.doc.region]++
		}
		for _, t := range ds.themes {
			if t == unclassified {
				continue
			}
			var have []string
			for _, r := range ds.regions {
				if counts[r][t] > 0 {
					have = append(have, r)
				}
			}
			if len(have) == 0 || len(have) == len(ds.regions) {
				continue
			}
			for _, r := range ds.regions {
				if counts[r][t] > 0 {
					continue
				}
				detail := fmt.Sprintf("covered by %d of %d regions: %s", len(have), len(ds.regions), listSome(have, 6))
				n := actionsIn[r]
				ev := fmt.Sprintf("none of the region's %d actions has the theme %q (each action's theme evidence is on the Actions sheet)", n, t)
				if !yield(gap{kind: gapTheme, region: r, subject: t, detail: detail, evidence: ev}) {
					return
				}
			}
		}
	}
	for _, d := range docs {
		for i, a := range d.actions {
			if len(orgNames(a.Leads, a.LeadOrgs)) == 0 {
				ev := a.LeadWhy
				if ev == "" {
					ev = "no lead printed for it"
				}
				if !yield(gap{kind: gapNoLead, region: d.region, doc: d, id: d.ids[i], subject: a.Text,
					detail: objectiveLabel(a.Objective), page: a.Source.Page, evidence: ev}) {
					return
				}
			}
		}
	}
	for _, d := range docs {
		for i, a := range d.actions {
			for k, m := range a.Milestones {
				// Work already done needs no due date.
				if hasDue(m.Due) || m.Status == "done" {
					continue
				}
				page := m.Source.Page
				if page == 0 {
					page = a.Source.Page
				}
				ev := "no date in the milestone's words or in a due cell of its row"
				if m.Status != "" {
					ev += fmt.Sprintf("; status %q (not done)", m.Status)
				}
				if !yield(gap{kind: gapNoDue, region: d.region, doc: d, id: d.ids[i], subject: m.Text,
					detail: fmt.Sprintf("milestone %d of %d", k+1, len(a.Milestones)), page: page, evidence: ev}) {
					return
				}
			}
		}
	}
	for _, o := range ds.orgs.list {
		// A post of a publisher is not a partner organisation, and a
		// publisher owns its plan whatever role its rows give it.
		// Named in a lead cell beside the lead ("EERA with Housing
		// Corporation") is sharing the lead's work, not only partnering.
		if o.leads == 0 && o.msLeads == 0 && o.partners > 0 && o.within == "" && !o.publishes && o.joint == 0 {
			regions := sortedKeys(o.regions)
			detail := fmt.Sprintf("partner on %d actions in %s; never a lead", o.partners, listSome(regions, 6))
			ev := fmt.Sprintf("a partner on %s; never printed as the lead of an action or a milestone", listSome(o.partnerOn, 5))
			if !yield(gap{kind: gapPartnerOnly, region: strings.Join(regions, "; "), subject: o.canonical, detail: detail, evidence: ev}) {
				return
			}
		}
	}
	for _, d := range docs {
		used := map[string]bool{}
		for _, a := range d.actions {
			used[codeKey(a.Objective.Code)] = true
		}
		// A code of the shape the actions use ("SO9" beside "SO1") is an
		// objective. A bare number ("3", "1.2") may be a report's section instead: one
		// before the plan ("1 Purpose", "2 Background") or after it ("8
		// Legal implications") is not counted, only one between objectives
		// in use. A range such as "9-14" is a heading over objectives.
		first, last := -1, -1
		shapes := map[string]bool{}
		for k, o := range d.Plan.Objectives {
			if o.Code != "" && used[codeKey(o.Code)] {
				if first < 0 {
					first = k
				}
				last = k
				shapes[codeShape(o.Code)] = true
			}
		}
		for k, o := range d.Plan.Objectives {
			if o.Code == "" || used[codeKey(o.Code)] || codeRange.MatchString(o.Code) || !shapes[codeShape(o.Code)] {
				continue
			}
			if bareNumber.MatchString(o.Code) && (k < first || k > last) {
				continue
			}
			ev := fmt.Sprintf("objective %s is printed and its code has the shape of those in use; no action carries that code", o.Code)
			if !yield(gap{kind: gapObjective, region: d.region, doc: d, subject: objectiveLabel(o),
				detail: "no action is filed under this objective", evidence: ev}) {
				return
			}
		}
	}
	for _, d := range docs {
		date, from := documentDate(d), "document dated"
		if ds.asOf != "" {
			date, from = ds.asOf, "as of"
		}
		if date == "" {
			continue
		}
		for i, a := range d.actions {
			for k, m := range a.Milestones {
				if m.Status == "done" || m.Due.End == "" || m.Due.End >= date {
					continue
				}
				page := m.Source.Page
				if page == 0 {
					page = a.Source.Page
				}
				detail := fmt.Sprintf("due %q (by %s), %s %s; milestone %d", m.Due.Text, m.Due.End, from, date, k+1)
				status := m.Status
				if status == "" {
					status = "none printed"
				}
				ev := fmt.Sprintf("the due ends %s, before %s (%s); status %s, not done", m.Due.End, date, from, status)
				if !yield(gap{kind: gapPastDue, region: d.region, doc: d, id: d.ids[i], subject: m.Text, detail: detail, page: page, evidence: ev}) {
					return
				}
			}
		}
	}
	// A document nothing placed is compared under "(unknown)": say what
	// was tried, so the analyst can name its area in a manifest.
	for _, d := range docs {
		if d.area.Name == places.Unknown {
			if !yield(gap{kind: gapNoPlace, region: d.region, doc: d, subject: d.Title,
				detail:   d.area.Evidence + "; name its area with --manifest",
				evidence: "no gazetteer area matched the manifest, the publisher, the title or the places the text names most"}) {
				return
			}
		}
	}
}

// codeRange matches an objective code that spans others: "9-14", "1–3".
var codeRange = regexp.MustCompile(`^\s*\d+\s*[-–]\s*\d+\s*$`)

var bareNumber = regexp.MustCompile(`^\s*\d+(?:\.\d+)*\.?\s*$`)

// codeShape is a code with its digits and letter case folded: "SO1" and
// "so 12" → "so9".
func codeShape(code string) string {
	var b strings.Builder
	digit := false
	for _, r := range strings.ToLower(codeKey(code)) {
		if r >= '0' && r <= '9' {
			if !digit {
				b.WriteByte('9')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(r)
	}
	return b.String()
}

// documentDate is the date a document speaks from: the end of its
// publication date as parsed by normalise ("" when unknown).
//
// A progress report with no printed date speaks from the end of the period
// it reports on ("Report on Activities between July 2002 and June 2003" →
// 2003-06-30): its planned milestones due before then are past due.
func documentDate(d *docView) string {
	m := d.Plan.Meta
	if p := m.Published; p.End != "" || p.Start != "" {
		if p.End != "" {
			return p.End
		}
		return p.Start
	}
	if strings.Contains(m.Type, "report") {
		return m.Period.End
	}
	return ""
}

func objectiveLabel(o normalise.Objective) string {
	switch {
	case o.Code == "":
		return o.Title
	case o.Title == "":
		return o.Code
	}
	return o.Code + ": " + o.Title
}

func codeKey(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// listSome joins up to n names and says how many more there are.
func listSome(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

// countList prints "A (3 actions); B (1 action)", largest first.
func countList(m map[string]int, unit string) string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if m[names[i]] != m[names[j]] {
			return m[names[i]] > m[names[j]]
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, n := range names {
		u := unit
		if m[n] != 1 {
			u += "s"
		}
		parts[i] = fmt.Sprintf("%s (%d %s)", n, m[n], u)
	}
	return strings.Join(parts, "; ")
}

func boolSet(m map[string]int) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
