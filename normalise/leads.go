package normalise

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/planmap/planmap/normalise/orgs"
)

// Leads come from a lead column when the table has one. Otherwise they are
// taken only from what the text itself says ("Support SEEDA in ...", "the
// steering group will ...", "delivered in partnership with SURF"): a text
// that names no owner gets no lead.

// leadPhrases open an action whose responsible body follows.
var leadPhrases = []struct {
	re *regexp.Regexp
	// whole: the name must fill the captured words ("Support LSP
	// development in" names no body).
	whole bool
}{
	{regexp.MustCompile(`^(?:Support|Assist|Help)\s+(.+?)\s+(?:in|with|to)\b`), true},
	{regexp.MustCompile(`^Work(?:ing)?\s+closely\s+with\s+(.+)$`), false},
}

// leadsFromText returns the bodies an action's own words make responsible.
// Only names that read as organisations count ("Support SEEDA in", "Assist
// the Assembly with"): "Help Families to insulate their homes" names the
// people helped, not a body.
func leadsFromText(text string, reg *orgs.Registry) []string {
	for _, lp := range leadPhrases {
		m := lp.re.FindStringSubmatch(strings.TrimSpace(text))
		if m == nil {
			continue
		}
		names, whole := orgPhrases(m[1])
		var found []string
		for _, name := range names {
			// "the Assembly": a capitalised noun after "the" refers to a body.
			if orgs.Like(name, reg) || strings.HasPrefix(name, "the ") {
				found = append(found, name)
			}
		}
		if len(found) > 0 && len(found) == len(names) && (whole || !lp.whole) {
			return found
		}
	}
	return nil
}

var nameConnector = map[string]bool{"of": true, "for": true, "and": true, "&": true, "the": true, "on": true, "in": true}

// orgPhrases reads the capitalised name(s) at the start of s: "the
// Assembly and GOSE" → [the Assembly, GOSE]; "SEEDA and other partners" →
// [SEEDA]; "the development of ..." → none.
func orgPhrases(s string) (names []string, whole bool) {
	words := strings.Fields(s)
	var cur []string
	article := false
	flush := func() {
		// drop trailing connectors
		for len(cur) > 0 && nameConnector[strings.ToLower(cur[len(cur)-1])] {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			name := strings.Join(cur, " ")
			if article && len(cur) == 1 && !allCapsWord(cur[0]) {
				name = "the " + name
			}
			names = append(names, name)
		}
		cur, article = nil, false
	}
	for i, w := range words {
		clean := strings.Trim(w, ",;:()")
		low := strings.ToLower(clean)
		if strings.HasPrefix(w, "(") && len(cur) > 0 && allCapsWord(clean) {
			// "Scottish Poverty Information Unit (SPIU)": the short form
			// printed after the name belongs to it.
			cur = append(cur, "("+clean+")")
			continue
		}
		switch {
		case i == 0 && low == "the", len(cur) == 0 && low == "the":
			article = true
			continue
		case isNameWord(clean):
			cur = append(cur, clean)
		case low == "and" && len(cur) > 0 && i+1 < len(words):
			next := strings.Trim(words[i+1], ",;:()")
			if allCapsWord(next) || strings.ToLower(next) == "the" || allCapsWord(cur[len(cur)-1]) {
				flush()
				continue
			}
			if isNameWord(next) {
				cur = append(cur, clean)
				continue
			}
			flush()
			return names, false
		case nameConnector[low] && len(cur) > 0:
			cur = append(cur, clean)
		default:
			flush()
			return names, false
		}
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") {
			flush()
			return names, i == len(words)-1
		}
	}
	flush()
	return names, true
}

// isNameWord reports a capitalised word or an acronym.
func isNameWord(w string) bool {
	if w == "" {
		return false
	}
	r := []rune(w)
	return r[0] >= 'A' && r[0] <= 'Z'
}

// allCapsWord reports an all-capitals word of two or more letters ("GOSE",
// "GO-East" is not one).
func allCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '-' || r == '&' || (r >= '0' && r <= '9'):
		default:
			return false
		}
	}
	return n >= 2
}

// finishLeads settles an action's leads: the distinct organisations of its
// rows and milestones in printed order, each milestone keeping its own only
// when they differ; actions without a lead column take the bodies their
// text names.
func (n *normaliser) finishLeads(d *draft) {
	a := &d.a
	where := "the action"
	if d.table > 0 {
		where = fmt.Sprintf("table %d", d.table)
	}
	switch {
	case len(a.Leads) == 0:
	case d.leadCol:
		d.leadWhy = "printed in the lead column of " + where
	case d.owned:
		d.leadWhy = "an owner label after the list names it"
	case d.commit || d.listed:
		d.leadWhy = "the party the commitment names (\"we\" is the publisher)"
	default:
		d.leadWhy = "named where the action was read"
	}
	if !d.leadCol && len(a.Leads) == 0 {
		a.Leads = leadsFromText(a.Text, n.opt.Orgs)
		if len(a.Leads) > 0 {
			d.leadWhy = "named in the action's own words"
		}
	}
	// A row or item that names the party committing to it ("Cabinet
	// Office will offer leaner tendering") is that party's. A bare group
	// ("Departments will ...") names no one in particular.
	if !d.leadCol && len(a.Leads) == 0 && d.table > 0 {
		if party, _, ok := commitParty(a.Text); ok && !selfParty(party) && !bareGroup(party) {
			a.Leads = []string{n.partyLead(party)}
			d.leadWhy = fmt.Sprintf("the row commits %q", party)
		}
	}
	// A lead printed once for a block of rows: the heading above names
	// who owns them ("… ~ CYPE input", "Led by X").
	if len(a.Leads) == 0 && d.owner != "" {
		a.Leads = []string{d.owner}
		d.leadWhy = fmt.Sprintf("the heading %q names the owner of the rows under it", d.ownerHeading)
	}
	// A row of a table of actions under a heading that announces the
	// document's own actions ("Part 6: The 14 actions"), with no lead
	// column and no party named, is the publisher's.
	if !d.leadCol && len(a.Leads) == 0 && d.table > 0 && d.chapter {
		if p := n.publisher(); p != "" {
			a.Leads = []string{p}
			d.leadWhy = "a table of the publisher's own actions (its heading announces them)"
		}
	}
	// Milestone leads.
	var all []string
	same := true
	for i, l := range d.msLeads {
		if i < len(a.Milestones) {
			all = n.appendOrgs(all, l...)
		}
		if i > 0 && !n.sameOrgs(l, d.msLeads[0]) {
			same = false
		}
	}
	a.Leads = n.appendOrgs(all, a.Leads...)
	if !same {
		for i := range a.Milestones {
			if i < len(d.msLeads) {
				a.Milestones[i].Leads = d.msLeads[i]
				a.Milestones[i].Lead = strings.Join(d.msLeads[i], "/")
			}
		}
	}
	for i, l := range a.Leads {
		a.Leads[i] = n.expandGeneric(l)
	}
	n.dropFragments(d)
	if len(a.Leads) > 0 && d.leadWhy == "" {
		d.leadWhy = "printed for its milestones"
		if d.leadCol {
			d.leadWhy = "printed in the lead column of " + where + ", beside its milestones"
		}
	}
	if len(a.Leads) == 0 && !strings.Contains(d.leadWhy, "names no one body") {
		col := "no lead column in " + where
		if d.leadCol {
			col = "an empty lead cell in " + where
		}
		d.leadWhy = col + ", no owner heading or label above it, and no body named in its words"
	}
	a.LeadWhy = d.leadWhy
	n.milestoneDoers(a)
}

// appendOrgs appends names whose organisation is not yet in the list.
func (n *normaliser) appendOrgs(list []string, names ...string) []string {
	for _, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		dup := false
		for _, x := range list {
			if n.sameOrg(x, name) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, name)
		}
	}
	return list
}

func (n *normaliser) sameOrgs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !n.sameOrg(a[i], b[i]) {
			return false
		}
	}
	return true
}

var parenAcronym = regexp.MustCompile(`^(.*?)\s*\(([^()]+)\)$`)

// sameOrg reports whether two printed names are one organisation: equal
// ignoring case, resolved to the same canonical name, or one is the other's
// bracketed short form ("Government Office for the East of England
// (GO-East)" and "GO-East").
func (n *normaliser) sameOrg(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	forms := func(s string) []string {
		out := []string{strings.ToLower(s)}
		if m := parenAcronym.FindStringSubmatch(s); m != nil {
			out = append(out, strings.ToLower(m[1]), strings.ToLower(m[2]))
		}
		if long, ok := n.plan.Acronyms[s]; ok {
			out = append(out, strings.ToLower(long))
		}
		return out
	}
	fa, fb := forms(a), forms(b)
	for _, x := range fa {
		for _, y := range fb {
			if x == y {
				return true
			}
		}
	}
	ca, cb := n.resolve(a), n.resolve(b)
	return ca != "" && strings.EqualFold(ca, cb) && !strings.EqualFold(ca, a) || (ca != "" && strings.EqualFold(ca, cb) && !strings.EqualFold(cb, b))
}

var genericBody = regexp.MustCompile(`^(?i)the\s+((?:county |borough |city |district |town |parish )?council)$`)

// expandGeneric names the body behind a generic reference: "the Council"
// in a council's own report is that council.
func (n *normaliser) expandGeneric(name string) string {
	if genericBody.MatchString(name) && strings.HasSuffix(n.plan.Meta.Body, "Council") {
		return n.plan.Meta.Body
	}
	return name
}

// fullName expands a generic reference ("the steering group", "working
// group") to the full name the document prints for it ("Equality and
// Social Inclusion Steering Group"); other names are returned unchanged.
func (n *normaliser) fullName(name string) string {
	generic := strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
	if generic == "" || !lowerStart(generic) || n.doc == nil {
		return name
	}
	words := strings.Fields(generic)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	title := strings.Join(words, " ")
	re, err := regexp.Compile(`((?:[A-Z][\w'’-]*\s+(?:(?:and|&|of|for)\s+)?)+)` + regexp.QuoteMeta(title) + `\b`)
	if err != nil {
		return name
	}
	counts := map[string]int{}
	best := ""
	for _, t := range documentTexts(n.doc) {
		for _, m := range re.FindAllStringSubmatch(t, -1) {
			full := strings.TrimSpace(m[1]) + " " + title
			// a leading article or sentence-initial word is not part of the name
			for _, lead := range []string{"The ", "A ", "An ", "This ", "Our "} {
				full = strings.TrimPrefix(full, lead)
			}
			counts[full]++
			if best == "" || counts[full] > counts[best] {
				best = full
			}
		}
	}
	if best == "" {
		return name
	}
	return best
}

// bareGroup reports a subject that is a plural noun for many bodies
// ("Departments", "All Departments", "Local authorities", "Policy teams").
func bareGroup(s string) bool {
	w := strings.Fields(strings.ToLower(strings.TrimSpace(s)))
	if len(w) == 0 {
		return true
	}
	last := w[len(w)-1]
	if !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") {
		return false
	}
	for _, x := range w[:len(w)-1] {
		if x != "all" && x != "the" && x != "local" && x != "policy" && x != "government" && x != "other" && x != "relevant" {
			return false
		}
	}
	return true
}
