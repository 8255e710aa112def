package normalise

import (
	"regexp"
	"strings"

	"github.com/planmap/planmap/normalise/orgs"
)

// An owner label under a list of actions ("Responsible Officer for
// Mitigating Actions – Age") names who leads the actions above it.

// proseOwner matches a heading or label that names who owns the actions
// above it ("Responsible Officer for Mitigating Actions – Age").
var proseOwner = regexp.MustCompile(`(?i)^(responsible (officers?|persons?|leads?|owners?|bod(y|ies)|teams?)|lead officers?|lead (organisations?|bod(y|ies))|action owners?|accountable officers?|owners?|officer responsible|who is responsible)\b[^.]{0,60}?:?\s*`)

// owner gives the owner a label names to the actions read since the last
// label that have no lead.
func (n *normaliser) owner(text string) {
	p := &n.prose
	leads, partners := orgs.SplitOrgs(text)
	if len(leads) == 0 {
		return
	}
	// "Alyson Waggett & Sharon Howard": two people, not one body.
	var people []string
	for _, l := range leads {
		people = append(people, splitPeople(l)...)
	}
	leads = people
	for _, d := range p.drafts[min(p.ownerFrom, len(p.drafts)):] {
		if len(d.a.Leads) == 0 {
			d.a.Leads = append([]string{}, leads...)
			d.a.Partners = addUnique(d.a.Partners, partners...)
			d.owned = true
		}
	}
	p.ownerFrom = len(p.drafts)
	n.decide(text, false, "names the owner of the actions above it")
}

// personName matches a personal name: two or three capitalised words,
// optionally followed by a short upper-case unit ("Alyson Waggett ASCH").
var personName = regexp.MustCompile(`^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}(?: [A-Z]{2,6})?$`)

// splitPeople splits "A B & C D" into the two people when both read as
// names.
func splitPeople(s string) []string {
	for _, sep := range []string{" & ", " and "} {
		parts := strings.Split(s, sep)
		if len(parts) < 2 {
			continue
		}
		ok := true
		for _, p := range parts {
			if !personName.MatchString(strings.TrimSpace(p)) {
				ok = false
			}
		}
		if ok {
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			return parts
		}
	}
	return []string{s}
}
