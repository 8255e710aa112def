package normalise

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/planmap/planmap/normalise/orgs"
)

// Accountability a reader plainly sees but no lead cell prints:
//
//   - a heading that names who owns the rows below it ("Shared outcome 1:
//     Give children the best start in life ~ CYPE input", "Led by the
//     Regional Housing Forum", "Lead: Public Health") leads every action
//     under it that has no lead of its own;
//   - a milestone whose subject is a body ("RAISE to produce a report",
//     "SEEDA will add a funding portal", "GOSE has begun mapping") is led
//     by that body, which is then an organisation in its own right.
//
// Each lead keeps the reason it was given (Action.LeadWhy), so a missing
// or surprising lead can be checked against the page.

// ownerSuffix matches the part of a heading after a separator that names
// a contributor: "~ CYPE input", "– Public Health contribution".
var ownerSuffix = regexp.MustCompile(`(?i)(?:^|\s[~|–—:-]\s*|~\s*)([A-Z][\w&'’.,/ -]{0,60}?)\s+(input|contributions?|commitments|responsibilities)\s*$`)

// headOwnerLabel matches a heading or band that names a lead outright: "Led
// by X", "Lead: X", "Owner: X", "Responsible: X".
var headOwnerLabel = regexp.MustCompile(`(?i)(?:^|[~|–—:(-]\s*)(?:led by|lead(?: organisation| body| officer| partner)?s?\s*:|owner\s*:|responsible(?: body| officer| lead)?\s*:|accountable\s*:)\s*([^():~|]{2,80}?)\s*\)?\s*$`)

// genericOwner are words that fill the owner slot of a heading without
// naming anyone: "Key commitments", "Our responsibilities".
var genericOwner = regexp.MustCompile(`(?i)^(?:key|our|their|your|main|other|further|additional|new|planned|agreed|proposed|partner|partners|stakeholder|summary|overview|specific|general|headline|priority|all|each|any)$`)

// headingOwner returns the owner a heading names, if any.
func headingOwner(text string) string {
	text = strings.TrimSpace(text)
	if m := headOwnerLabel.FindStringSubmatch(text); m != nil {
		owner := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(m[1], "the "), "The "))
		if ownerWords(owner) {
			return owner
		}
	}
	if m := ownerSuffix.FindStringSubmatch(text); m != nil {
		owner := strings.TrimSpace(m[1])
		if ownerWords(owner) {
			return owner
		}
	}
	return ""
}

// ownerWords reports a short name: one to six words, each capitalised
// but for connectors ("Children, Young People and Education"), that is not
// a generic word ("Key commitments", "Summary of …").
func ownerWords(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 6 {
		return false
	}
	for i, x := range w {
		x = strings.Trim(x, ",.")
		if x == "" {
			continue
		}
		switch strings.ToLower(x) {
		case "and", "of", "for", "&", "the":
			if i == 0 || i == len(w)-1 {
				return false
			}
			continue
		}
		r := []rune(x)
		if !(r[0] >= 'A' && r[0] <= 'Z') {
			return false
		}
		if i == 0 && genericOwner.MatchString(x) {
			return false
		}
	}
	return true
}

// sectionOwner is the owner named by the innermost open heading that names
// one, with that heading's text.
func (n *normaliser) sectionOwner() (owner, heading string) {
	for i := len(n.headings) - 1; i >= 0; i-- {
		if n.headings[i].owner != "" {
			return n.headings[i].owner, n.headings[i].text
		}
	}
	return "", ""
}

// msSubject matches a milestone that opens with its doer: "RAISE to
// produce …", "SEEDA will add …", "GOSE has begun …", "Commitment by SEEDA
// to …", "RAISE commissioned and published …".
var msSubject = regexp.MustCompile(`^(?:(?:A |The )?[Cc]ommitment (?:by|from) )?(.{2,80}?)\s+(?:(to)\s+([a-z]+)|(will|has|have|is to|are to|agreed to|intends to|plans to)\b|(commissioned|published|produced|held|hosted|launched|agreed|began|completed|developed|established|submitted|prepared|organised|organized|led|funded|appointed|undertook|carried out|set up|committed|delivered|ran|convened|reviewed))\b`)

// subjectTail are words after a body that still name it: "SIPSE partners
// to share", "Funding Forum members decided".
var subjectTail = regexp.MustCompile(`\s+(?:partners|members|officers|staff)$`)

// milestoneSubject returns the body a milestone names as its doer, or "".
// Only names that read as bodies count; a past-tense verb needs an acronym
// or a body the document or registry knows ("Action Planning Awayday
// held" is an event, not a doer).
func (n *normaliser) milestoneSubject(text string) string {
	m := msSubject.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return ""
	}
	subj := strings.TrimSpace(subjectTail.ReplaceAllString(m[1], ""))
	if strings.HasPrefix(subj, "the ") || strings.HasPrefix(subj, "The ") {
		subj = subj[4:]
	}
	// A proper name and nothing else: "Work with SIPSE" and "Secondment
	// to GOSE" are not names.
	if names, whole := orgPhrases(subj); subj == "" || strings.ContainsAny(subj, ",;:") || !whole || len(names) != 1 || names[0] != subj {
		return ""
	}
	if m[2] == "to" && m[3] == "be" { // "Conference to be held": an event
		return ""
	}
	known := n.opt.Orgs.Resolves(subj) || n.definedAcronym(subj)
	if m[5] != "" && !known && !(orgs.IsAcronym(subj) && len(subj) >= 3) {
		return ""
	}
	if !known && !orgs.Like(subj, n.opt.Orgs) {
		return ""
	}
	if len(strings.Fields(subj)) == 1 && !orgs.IsAcronym(subj) && !known {
		return ""
	}
	return subj
}

// definedAcronym reports a name the document defines, short or long.
func (n *normaliser) definedAcronym(s string) bool {
	k := orgs.NameKey(s)
	for short, long := range n.plan.Acronyms {
		if orgs.NameKey(short) == k || orgs.NameKey(long) == k {
			return true
		}
	}
	return false
}

// milestoneDoers gives each milestone without a lead of its own the body
// its words name as the doer.
func (n *normaliser) milestoneDoers(a *Action) {
	for i := range a.Milestones {
		m := &a.Milestones[i]
		if m.Lead != "" || len(m.Leads) > 0 {
			continue
		}
		if s := n.milestoneSubject(m.Text); s != "" && !n.sameOrgs([]string{s}, a.Leads) {
			m.Lead, m.Leads = s, []string{s}
		}
	}
}

// dropFragments removes leads that name no one body ("each Directorate"),
// saying so in the lead's reason.
func (n *normaliser) dropFragments(d *draft) {
	a := &d.a
	var keep, dropped []string
	for _, l := range a.Leads {
		if n.opt.Orgs.Fragment(l) {
			dropped = append(dropped, l)
		} else {
			keep = append(keep, l)
		}
	}
	if len(dropped) == 0 {
		return
	}
	a.Leads = keep
	d.leadWhy = fmt.Sprintf("printed %q, which names no one body", strings.Join(dropped, "; "))
}

// mergeVariants gives one canonical name to the forms of one post or body
// within a document: "CPH lead", "Linked CPH" and "CPH leads for each
// area" are the CPH when the document (or the registry) knows the CPH; a
// lone "Assembly" is the one body named "… Assembly". The printed forms
// stay on the actions.
func (n *normaliser) mergeVariants() {
	names := map[string]bool{}
	each := func(f func(c *string)) {
		for i := range n.plan.Actions {
			a := &n.plan.Actions[i]
			for k := range a.LeadOrgs {
				f(&a.LeadOrgs[k])
			}
			for k := range a.PartnerOrgs {
				f(&a.PartnerOrgs[k])
			}
			for j := range a.Milestones {
				for k := range a.Milestones[j].LeadOrgs {
					f(&a.Milestones[j].LeadOrgs[k])
				}
			}
		}
	}
	each(func(c *string) { names[orgs.NameKey(*c)] = true })
	byKey := map[string]string{}
	each(func(c *string) {
		if _, ok := byKey[orgs.NameKey(*c)]; !ok {
			byKey[orgs.NameKey(*c)] = *c
		}
	})
	to := map[string]string{}
	for k, c := range byKey {
		if core := orgs.Core(c); core != c {
			ck := orgs.NameKey(core)
			if names[ck] {
				to[k] = byKey[ck]
				continue
			}
			if o, ok := n.opt.Orgs.Lookup(core); ok {
				to[k] = o.Canonical
				continue
			}
		}
		// A lone word that ends one other name: "Assembly" → "East of
		// England Regional Assembly", "Government" → "HM Government".
		if !strings.Contains(k, " ") && !orgs.IsAcronym(c) {
			found, count := "", 0
			for k2, c2 := range byKey {
				if strings.HasSuffix(k2, " "+k) {
					found, count = c2, count+1
				}
			}
			if count == 0 && orgs.IsHeadNoun(k) {
				found, count = n.namedInText(c)
			}
			if count == 1 {
				to[k] = found
			}
		}
	}
	if len(to) == 0 {
		return
	}
	each(func(c *string) {
		if t, ok := to[orgs.NameKey(*c)]; ok {
			*c = t
		}
	})
}

// markWithin says which of the plan's organisations are posts or internal
// teams of its publisher: the directorates its headings name as owners,
// posts that name no body of their own ("Head of Economy"), and, in a
// council's or health body's plan, short acronyms neither the registry nor
// the document explains ("CPH", "DDPH"): a plan spells out the partners
// outside it. Comparisons between partners count these as the publisher.
func (n *normaliser) markWithin(owners map[string]bool) {
	pub := n.publisher()
	if pub == "" {
		return
	}
	pubKind := n.opt.Orgs.Resolve(pub, n.plan.Acronyms).Kind
	internalAcronyms := pubKind == orgs.KindLocal || pubKind == orgs.KindHealth
	for i := range n.plan.Organisations {
		o := &n.plan.Organisations[i]
		if o.Canonical == pub || n.sameOrg(o.Canonical, pub) {
			continue
		}
		known := n.opt.Orgs.Resolves(o.Canonical)
		switch {
		case owners[o.Canonical]:
		case known:
			continue
		case orgs.IsPost(o.Canonical):
		case internalAcronyms && !n.definedAcronym(o.Canonical) && internalName(o.Canonical):
		default:
			continue
		}
		o.Within = pub
	}
}

// internalName reports a name a council's or health body's plan gives to
// one of its own teams or posts: short acronyms ("CPH", "FH WFD"), a post
// title followed by its remit ("Assistant Director ASC and Health") or a
// team ("People Strategy Team").
func internalName(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 {
		return false
	}
	acr := true
	for _, x := range w {
		if !orgs.IsAcronym(x) || len(x) > 5 {
			acr = false
		}
	}
	if acr {
		return true
	}
	last := strings.ToLower(w[len(w)-1])
	if last == "team" || last == "teams" || last == "unit" || last == "directorate" {
		return true
	}
	for _, x := range w[:min(3, len(w))] {
		if orgs.IsPost(x) {
			return !orgs.IsHeadNoun(w[len(w)-1])
		}
	}
	return false
}

// namedInText finds the full names the document prints that end with a
// head noun ("South East England Regional Assembly" for "the Assembly"),
// and how many different ones there are.
func (n *normaliser) namedInText(head string) (string, int) {
	head = strings.TrimPrefix(strings.TrimPrefix(head, "the "), "The ")
	if head == "" {
		return "", 0
	}
	re, err := regexp.Compile(`\b((?:[A-Z][\w'’&-]*\s+(?:of\s+|for\s+|and\s+)?){2,6})` + regexp.QuoteMeta(head) + `\b`)
	if err != nil {
		return "", 0
	}
	found := map[string]bool{}
	first := ""
	for _, b := range n.doc.Blocks {
		for _, m := range re.FindAllStringSubmatch(b.Text, -1) {
			name := strings.Join(strings.Fields(m[1]+head), " ")
			if !found[name] {
				found[name] = true
				if first == "" {
					first = name
				}
			}
		}
	}
	return first, len(found)
}
