package export

import (
	"github.com/planmap/planmap/normalise"
	"slices"
	"sort"
	"strings"
)

// orgStat is what the batch says about one canonical organisation.
type orgStat struct {
	canonical    string
	kind         string
	aliases      map[string]bool
	leads        int      // actions it leads
	partners     int      // actions it is a partner on
	msLeads      int      // milestones it leads ("RAISE to produce …")
	partnerOn    []string // IDs of the actions it is a partner on
	joint        int      // actions it is named on in the lead cell, beside the lead
	within       string   // the body a post or internal team belongs to
	publishes    bool     // publisher of a document it appears in
	leadTheme    map[string]int
	partnerTheme map[string]int
	regions      map[string]bool
	leadRegions  map[string]map[string]int // theme → region → actions led
}

// orgIndex holds every organisation of the analysed documents, sorted by
// canonical name.
type orgIndex struct {
	list  []*orgStat
	byKey map[string]*orgStat
}

// get returns the organisation of a canonical name. Names that differ only
// in case, punctuation, "&"/"and" or spaced initials ("P H Consultant" and
// "PH Consultant", left unresolved by the registry) are one organisation,
// under the spelling met first.
func (ix *orgIndex) get(name string) *orgStat {
	key := normalise.NameKey(name)
	o := ix.byKey[key]
	if o == nil {
		o = &orgStat{canonical: name, aliases: map[string]bool{}, leadTheme: map[string]int{},
			partnerTheme: map[string]int{}, regions: map[string]bool{}, leadRegions: map[string]map[string]int{}}
		ix.byKey[key] = o
		ix.list = append(ix.list, o)
	}
	return o
}

// buildOrgs counts, over the analysed documents, how often each canonical
// organisation leads or partners, by theme and region, and gathers the
// names it was printed as.
func buildOrgs(ds *dataset) *orgIndex {
	ix := &orgIndex{byKey: map[string]*orgStat{}}
	for _, d := range ds.docs {
		if !d.analysed {
			continue
		}
		for _, o := range d.Plan.Organisations {
			if strings.TrimSpace(o.Canonical) == "" {
				continue
			}
			st := ix.get(o.Canonical)
			if st.kind == "" {
				st.kind = o.Kind
			}
			if st.within == "" {
				st.within = o.Within
			}
			if publishes(d.Plan, o) {
				st.publishes = true
			}
			for _, a := range o.Aliases {
				if a != st.canonical && strings.TrimSpace(a) != "" {
					st.aliases[a] = true
				}
			}
		}
		for ai, a := range d.actions {
			themes := actionThemes(a)
			joint := map[string]bool{}
			for i, p := range a.Partners {
				if slices.Contains(a.JointPartners, p) {
					c := strings.TrimSpace(p)
					if i < len(a.PartnerOrgs) && strings.TrimSpace(a.PartnerOrgs[i]) != "" {
						c = strings.TrimSpace(a.PartnerOrgs[i])
					}
					joint[c] = true
				}
			}
			for _, m := range a.Milestones {
				for _, n := range orgNames(m.Leads, m.LeadOrgs) {
					st := ix.get(n)
					st.regions[d.region] = true
					st.msLeads++
				}
			}
			roles := []struct {
				printed, canonical []string
				lead               bool
			}{{a.Leads, a.LeadOrgs, true}, {a.Partners, a.PartnerOrgs, false}}
			for _, r := range roles {
				names := orgNames(r.printed, r.canonical)
				for _, n := range names {
					st := ix.get(n)
					st.regions[d.region] = true
					if r.lead {
						st.leads++
					} else {
						st.partners++
						st.partnerOn = append(st.partnerOn, d.ids[ai])
						if joint[n] {
							st.joint++
						}
					}
					for _, t := range themes {
						if r.lead {
							st.leadTheme[t]++
							if st.leadRegions[t] == nil {
								st.leadRegions[t] = map[string]int{}
							}
							st.leadRegions[t][d.region]++
						} else {
							st.partnerTheme[t]++
						}
					}
				}
				if len(r.canonical) == len(r.printed) {
					for i, p := range r.printed {
						c := strings.TrimSpace(r.canonical[i])
						if c != "" && p != c && strings.TrimSpace(p) != "" {
							ix.get(c).aliases[strings.TrimSpace(p)] = true
						}
					}
				}
			}
		}
	}
	sort.Slice(ix.list, func(i, j int) bool {
		a, b := strings.ToLower(ix.list[i].canonical), strings.ToLower(ix.list[j].canonical)
		if a != b {
			return a < b
		}
		return ix.list[i].canonical < ix.list[j].canonical
	})
	for _, o := range ix.list {
		if o.kind == "" {
			o.kind = "other"
		}
	}
	return ix
}

// publishes reports whether an organisation is a publisher of a plan: the
// body "we" stands for, or one of the bodies the plan says publish it
// ("jointly published by Scottish Government and COSLA").
func publishes(p *normalise.Plan, o normalise.Organisation) bool {
	names := []string{p.Publisher}
	names = append(names, strings.Split(p.Meta.Body, ";")...)
	forms := append([]string{o.Canonical}, o.Aliases...)
	for _, n := range names {
		k := normalise.NameKey(n)
		if k == "" {
			continue
		}
		for _, f := range forms {
			if normalise.NameKey(f) == k {
				return true
			}
		}
	}
	return false
}

// bodyOf is the body an organisation counts as when partners are
// compared: itself, or the body a post or internal team belongs to.
func (ix *orgIndex) bodyOf(name string) string {
	if o := ix.byKey[normalise.NameKey(name)]; o != nil && o.within != "" {
		return o.within
	}
	return name
}

// active are the organisations that lead or partner on at least one action.
func (ix *orgIndex) active() []*orgStat {
	var out []*orgStat
	for _, o := range ix.list {
		if o.leads+o.partners+o.msLeads > 0 {
			out = append(out, o)
		}
	}
	return out
}
