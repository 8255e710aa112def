package normalise

import (
	"fmt"
	"strings"

	"github.com/planmap/planmap/normalise/places"
)

// A plan's area is the real area it speaks for, resolved by the gazetteer
// (package places) from the evidence the document gives, strongest first:
//
//  1. the manifest's region, which always wins;
//  2. the place the title names ("Tackling Social Exclusion in Milton
//     Keynes", "Ilkley 2030 and Beyond" → Ilkley's council, Bradford);
//  3. the body that publishes it: a council covers its area, a regional
//     assembly or agency its region, a national government its nation,
//     a UK department the UK;
//  4. the place the text names most (three times at least, and clearly
//     more than any other place that does not contain it or lie in it);
//  5. the one council area named by a paper that speaks for "the County
//     Council" or "the Council" without naming it.
//
// Nothing else is guessed: a document none of these resolve is
// "(unknown)", with what was tried as its evidence, never its file name.

// minMentions is how often the text must name a place for it to be the
// document's area on that evidence alone.
const minMentions = 3

// area resolves the document's area.
func (n *normaliser) area() places.Area {
	g := places.Default()
	var tried []string
	if e, ok := n.opt.manifestFor(n.file); ok && e.Region != "" {
		if m, ok := g.Resolve(e.Region); ok {
			return evidence(m.Area, "manifest names "+m.Describe(e.Region))
		}
		// The manifest wins even over the gazetteer: its name is kept,
		// with no code or level.
		return places.Area{Name: e.Region, Evidence: "manifest names " + e.Region + " (not in the gazetteer)"}
	}
	title := n.plan.Meta.Title
	if a, ok := titleArea(g, n.expandAcronyms(title)); ok {
		return a
	}
	tried = append(tried, fmt.Sprintf("title %q names no place", clip(title, 60)))
	seen := map[string]bool{}
	var bodies []string
	for _, b := range append([]string{n.publisher()}, strings.Split(n.plan.Meta.Body, ";")...) {
		if b = strings.TrimSpace(b); b != "" && !seen[b] {
			seen[b] = true
			bodies = append(bodies, b)
		}
	}
	for _, b := range bodies {
		if m, ok := g.Resolve(b); ok {
			return evidence(m.Area, "publisher is "+m.Describe(b))
		}
	}
	if len(bodies) > 0 {
		tried = append(tried, "publisher "+strings.Join(bodies, "; ")+" is not a place")
	} else {
		tried = append(tried, "no publisher found")
	}
	ms := g.Mentions(strings.Join(documentTexts(n.doc), "\n"))
	if a, ok := mostNamedArea(ms); ok {
		return a
	}
	if a, ok := ownCouncilArea(ms, strings.Join(documentTexts(n.doc), "\n")); ok {
		return a
	}
	if len(ms) == 0 {
		tried = append(tried, "the text names no place")
	} else {
		var top []string
		for _, m := range ms[:min(3, len(ms))] {
			top = append(top, fmt.Sprintf("%s %d×", m.Name, m.Count))
		}
		tried = append(tried, "no place named clearly most ("+strings.Join(top, ", ")+")")
	}
	return places.Unresolved("tried: " + strings.Join(tried, "; "))
}

// expandAcronyms spells out the acronyms of a title that the document
// defines or the organisation registry knows ("KCC ACTION TO IMPROVE
// HEALTH" → "Kent County Council ACTION TO IMPROVE HEALTH").
func (n *normaliser) expandAcronyms(title string) string {
	return acronymToken.ReplaceAllStringFunc(title, func(w string) string {
		if len(w) > 5 {
			return w // a word in capitals, not an acronym
		}
		if long := strings.TrimSpace(n.plan.Acronyms[w]); long != "" {
			return long
		}
		if n.opt.Orgs != nil {
			if o, ok := n.opt.Orgs.Lookup(w); ok && o.Canonical != "" {
				return o.Canonical
			}
		}
		return w
	})
}

// titleArea is the area the title names: two places joined by "and" are
// a joint area, else the first named.
func titleArea(g *places.Gazetteer, title string) (places.Area, bool) {
	ms := g.Mentions(title)
	if len(ms) == 0 {
		return places.Area{}, false
	}
	if len(ms) > 1 {
		for _, sep := range []string{" and ", " & "} {
			name := ms[0].Name + sep + ms[1].Name
			if strings.Contains(title, name) {
				if m, ok := g.Resolve(name); ok {
					return evidence(m.Area, "title names "+name), true
				}
			}
		}
	}
	first := ms[0]
	for _, m := range ms {
		if strings.Index(title, m.Name) < strings.Index(title, first.Name) {
			first = m
		}
	}
	return evidence(first.Match.Area, "title names "+first.Match.Describe(first.Name)), true
}

// mostNamedArea is the place the text names most, when it is named often
// enough and clearly more than any other unrelated place.
func mostNamedArea(ms []places.Mention) (places.Area, bool) {
	if len(ms) == 0 || ms[0].Count < minMentions {
		return places.Area{}, false
	}
	top := ms[0]
	for _, m := range ms[1:] {
		if nested(top.Match.Area, m.Match.Area) {
			continue
		}
		if 2*m.Count > top.Count {
			return places.Area{}, false // two places named about as often
		}
		break
	}
	return evidence(top.Match.Area, fmt.Sprintf("text names %s %d times", top.Match.Describe(top.Name), top.Count)), true
}

// ownCouncilArea: a council's paper that calls its publisher "the County
// Council" (or "the Council") without naming it, and names exactly one
// council area of that kind, is that area's ("as the largest employer in
// Oxfordshire").
func ownCouncilArea(ms []places.Mention, all string) (places.Area, bool) {
	m := theCouncil.FindString(all)
	if m == "" {
		return places.Area{}, false
	}
	county := strings.Contains(m, "County")
	var only []places.Mention
	for _, x := range ms {
		l := x.Match.Area.Level
		if l == places.County || (!county && l == places.District) {
			only = append(only, x)
		}
	}
	if len(only) != 1 || only[0].Match.How == "town" {
		return places.Area{}, false
	}
	o := only[0]
	return evidence(o.Match.Area, fmt.Sprintf("the text speaks for %q and names one council area, %s (%d×)", m, o.Match.Describe(o.Name), o.Count)), true
}

// nested reports whether one area contains the other.
func nested(a, b places.Area) bool {
	in := func(x, y places.Area) bool { // x inside y
		return y.Level == places.UK || x.CountyCode == y.Code || x.RegionCode == y.Code || x.NationCode == y.Code
	}
	return a.Code == b.Code || in(a, b) || in(b, a)
}

func evidence(a places.Area, why string) places.Area {
	a.Evidence = why
	return a
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
