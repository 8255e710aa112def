package places

import (
	"strings"
)

// Level is how large an area is, smallest first.
type Level string

// Levels of the UK's administrative geography as planmap compares them.
// A district is a lower-tier or unitary council's area (the areas that
// tile the UK); a county is an upper tier above districts (a county
// council, or a combined authority); Wales, Scotland and Northern Ireland
// are their own region.
const (
	District Level = "district"
	County   Level = "county"
	Region   Level = "region"
	Nation   Level = "nation"
	UK       Level = "uk"
)

// Levels lists the levels smallest first.
var Levels = []Level{District, County, Region, Nation, UK}

// Rank orders levels: 1 for a district up to 5 for the UK, 0 unknown.
func (l Level) Rank() int {
	for i, x := range Levels {
		if x == l {
			return i + 1
		}
	}
	return 0
}

// ParseLevel reads a level as a user types it ("region", "District",
// "la", "local authority", "country").
func ParseLevel(s string) (Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "district", "la", "local authority", "lad", "ltla":
		return District, true
	case "county", "utla", "upper tier":
		return County, true
	case "region", "rgn":
		return Region, true
	case "nation", "country", "ctry":
		return Nation, true
	case "uk", "united kingdom":
		return UK, true
	}
	return "", false
}

// Unknown is the name of an area nothing resolved.
const Unknown = "(unknown)"

// Area is a real area of the UK with its ancestors up to the UK. The zero
// value is an unknown area. Parts lists the areas of a joint area ("Kent
// and Medway"); its ancestors are those its parts share.
type Area struct {
	Code       string `json:"code,omitempty"` // GSS code; parts' codes joined by "+" for a joint area
	Name       string `json:"name"`
	Level      Level  `json:"level,omitempty"`
	County     string `json:"county,omitempty"` // upper tier of a two-tier district
	CountyCode string `json:"county_code,omitempty"`
	Region     string `json:"region_name,omitempty"` // English region, or the nation outside England
	RegionCode string `json:"region_code,omitempty"`
	Nation     string `json:"nation,omitempty"`
	NationCode string `json:"nation_code,omitempty"`
	Population int    `json:"population,omitempty"` // 2020 estimate, 0 when unknown
	Parts      []Area `json:"parts,omitempty"`
	// Evidence says why a document is this area ("title names Kent
	// County Council"), or, for an unknown area, what was tried.
	Evidence string `json:"evidence,omitempty"`
}

// Known reports whether the area was resolved.
func (a Area) Known() bool { return a.Level != "" }

// Label is the area's name, "(unknown)" when it is not known.
func (a Area) Label() string {
	if a.Name == "" {
		return Unknown
	}
	return a.Name
}

// Unresolved is an unknown area with what was tried.
func Unresolved(tried string) Area { return Area{Name: Unknown, Evidence: tried} }

// At is the area a comparison at level l counts this one under: its
// ancestor at that level (a district's county, region or nation), itself
// when it is already that level, or itself, unchanged, when it is larger
// than l (a national plan compared by region keeps its own row). A
// unitary council is its own county. Unknown stays unknown.
func (g *Gazetteer) At(a Area, l Level) Area {
	if !a.Known() || a.Level.Rank() >= l.Rank() {
		return a
	}
	code := ""
	switch l {
	case County:
		code = a.CountyCode
		if code == "" {
			return a // a unitary, or a joint area with no common county
		}
	case Region:
		code = a.RegionCode
	case Nation:
		code = a.NationCode
	case UK:
		code = ukCode
	}
	if up, ok := g.byCode[code]; ok {
		return up
	}
	return a
}

// Shared ancestors of a joint area's parts.
func joint(name string, parts []Area) Area {
	a := Area{Name: name, Parts: parts}
	var codes []string
	same := func(get func(Area) string) string {
		v := get(parts[0])
		for _, p := range parts[1:] {
			if get(p) != v {
				return ""
			}
		}
		return v
	}
	for _, p := range parts {
		codes = append(codes, p.Code)
		if p.Level.Rank() > a.Level.Rank() {
			a.Level = p.Level
		}
		a.Population += p.Population
	}
	a.Code = strings.Join(codes, "+")
	a.CountyCode, a.County = same(func(p Area) string { return p.CountyCode }), same(func(p Area) string { return p.County })
	a.RegionCode, a.Region = same(func(p Area) string { return p.RegionCode }), same(func(p Area) string { return p.Region })
	a.NationCode, a.Nation = same(func(p Area) string { return p.NationCode }), same(func(p Area) string { return p.Nation })
	// Parts in different regions make a joint area of the next level up.
	switch {
	case a.NationCode == "":
		a.Level = UK
	case a.RegionCode == "" && a.Level.Rank() < Nation.Rank():
		a.Level = Nation
	}
	return a
}
