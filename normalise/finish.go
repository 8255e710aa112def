package normalise

import (
	"strconv"
	"strings"

	"github.com/planmap/planmap/normalise/themes"
)

// The last stages: every draft becomes an action with its leads resolved
// to canonical organisations (through the orgs Registry), a due found in
// its own words when it has none, its themes (through the themes Taxonomy)
// and a stable ID; the plan lists the organisations it names.

// finish turns drafts into actions: leads resolved, milestone leads kept
// only where they differ, themes, IDs.
func (n *normaliser) finish() {
	for _, d := range n.drafts {
		a := &d.a
		n.finishLeads(d)
		// A joint publication: where the publisher leads an action it
		// did not take from a lead column, its co-publishers lead too.
		if len(n.copublishers) > 0 && !d.leadCol {
			for _, l := range a.Leads {
				if l == n.publisher() {
					a.Leads = addUnique(a.Leads, n.copublishers...)
					break
				}
			}
		}
		if a.Outcomes == nil {
			a.Outcomes = []string{}
		}
		if a.Leads == nil {
			a.Leads = []string{}
		}
		if a.Partners == nil {
			a.Partners = []string{}
		}
		if a.Milestones == nil {
			a.Milestones = []Milestone{}
		}
		if a.Due.Text == "" && len(a.Milestones) == 0 {
			// A deadline printed in the action's own words.
			a.Due = n.findDue(a.Text)
		}
		for i := range a.Milestones {
			m := &a.Milestones[i]
			if m.Source.File == "" {
				m.Source = a.Source
			}
			m.LeadOrgs = nil
			for _, l := range m.Leads {
				m.LeadOrgs = append(m.LeadOrgs, n.resolve(l))
			}
		}
		for _, l := range a.Leads {
			a.LeadOrgs = append(a.LeadOrgs, n.resolve(l))
		}
		for _, p := range a.Partners {
			a.PartnerOrgs = append(a.PartnerOrgs, n.resolve(p))
		}
		a.Themes, a.ThemeEvidence = n.opt.Themes.ClassifyAction(themes.Action{
			Text:      a.Text,
			Objective: strings.TrimSpace(a.Objective.Code + " " + a.Objective.Title),
			Leads:     append(append([]string{}, a.Leads...), a.LeadOrgs...),
			Document:  n.plan.Meta.Title,
		})
		a.ThemeRules = themes.Rules(a.ThemeEvidence)
		a.Region = n.plan.Meta.Region
		n.plan.Actions = append(n.plan.Actions, *a)
	}
	n.mergeVariants()
	n.assignIDs()
	n.collectOrganisations()
	owners := map[string]bool{}
	for _, d := range n.drafts {
		if d.owner != "" && len(d.a.Leads) == 1 && d.a.Leads[0] == d.owner {
			owners[n.resolve(d.owner)] = true
		}
	}
	n.markWithin(owners)
}

// assignIDs gives each action a stable ID: the document and its reference
// (with the objective code when references restart per objective), else its
// position.
func (n *normaliser) assignIDs() {
	seen := map[string]int{}
	for i := range n.plan.Actions {
		a := &n.plan.Actions[i]
		key := ""
		if a.Ref != "" {
			key = a.Ref
			if a.Objective.Code != "" && a.Objective.Code != refNumber(a.Ref) {
				key = a.Objective.Code + "." + a.Ref
			}
		} else {
			key = strconv.Itoa(i + 1)
		}
		seen[key]++
		if seen[key] > 1 {
			key += "-" + strconv.Itoa(seen[key])
		}
		a.ID = n.name + "#" + key
		a.Document = n.name
		if a.Source.File == "" {
			a.Source.File = n.file
		}
	}
}

// resolve returns the canonical name of a printed organisation.
func (n *normaliser) resolve(name string) string {
	o := n.opt.Orgs.Resolve(name, n.plan.Acronyms)
	if o.Canonical == "" {
		return name
	}
	return o.Canonical
}

// collectOrganisations lists every organisation named as a lead, partner
// or milestone lead, under the canonical names the actions carry.
func (n *normaliser) collectOrganisations() {
	seen := map[string]int{}
	add := func(printed, canonical []string) {
		for i, name := range printed {
			o := n.opt.Orgs.Resolve(name, n.plan.Acronyms)
			if i < len(canonical) && canonical[i] != "" {
				if canonical[i] != o.Canonical {
					o.Kind = n.opt.Orgs.Resolve(canonical[i], n.plan.Acronyms).Kind
				}
				o.Canonical = canonical[i]
			}
			if o.Canonical == "" {
				o.Canonical = name
			}
			i, ok := seen[o.Canonical]
			if !ok {
				seen[o.Canonical] = len(n.plan.Organisations)
				n.plan.Organisations = append(n.plan.Organisations, Organisation{Canonical: o.Canonical, Kind: o.Kind})
				i = len(n.plan.Organisations) - 1
			}
			org := &n.plan.Organisations[i]
			if name != org.Canonical {
				org.Aliases = addUnique(org.Aliases, name)
			}
		}
	}
	for _, a := range n.plan.Actions {
		add(a.Leads, a.LeadOrgs)
		add(a.Partners, a.PartnerOrgs)
		for _, m := range a.Milestones {
			add(m.Leads, m.LeadOrgs)
		}
	}
}
