package places

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// fold is the form names are compared in: lower case, "&" as "and",
// apostrophes and full stops dropped, other punctuation a space, a leading
// "the" dropped.
func fold(s string) string {
	simple := s != "the" && s != "The" && s != "THE"
	for i := 0; i < len(s) && simple; i++ {
		c := s[i]
		simple = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	if simple { // one plain word, the common case when scanning
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '&':
			b.WriteString(" and ")
		case r == '\'' || r == '’' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	f := strings.Fields(b.String())
	if len(f) > 0 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// Match is what a name resolved to and how.
type Match struct {
	Area Area
	// How says what the name is: "council", "region", "nation", "uk",
	// "body" (a government or regional body), "town", "former" (a council
	// abolished before the data), "joint".
	How  string
	Note string // "Bradford" for a town, "abolished 2009: Cornwall"
}

// Describe is the name with what it is, for evidence: "Ilkley (a town in
// Bradford)", "Kerrier District Council (abolished 2009: Cornwall)".
func (m Match) Describe(name string) string {
	switch m.How {
	case "town":
		return name + " (a town in " + m.Area.Name + ")"
	case "former":
		return name + " (" + m.Note + ")"
	case "body":
		if !strings.EqualFold(fold(name), fold(m.Area.Name)) {
			return name + " (" + m.Area.Name + ")"
		}
	}
	return name
}

// bodySuffix is what follows a place in the name of a body that speaks for
// that place: "East of England Regional Assembly", "Kent County Council",
// "Kent and Medway Integrated Care Board".
var bodySuffix = regexp.MustCompile(`(?i)\s+(?:(?:county|city|borough|district|metropolitan borough|metropolitan district|town|unitary)\s+)?(?:council|regional assembly|assembly|development agency|regional development agency|combined authority|integrated care (?:board|system|partnership)|icb|ics|health and wellbeing board|strategic partnership|partnership|local enterprise partnership|lep|county|region)$`)

// bodyPrefix precedes a place in a body's name: "Government Office for the
// South East", "NHS Kent and Medway", "Mayor of London".
var bodyPrefix = regexp.MustCompile(`(?i)^(?:government office for|nhs|city of|county of|london borough of|royal borough of|borough of|mayor of|council of|county borough of)\s+`)

// nationalBody names a UK government department by its form.
var nationalBody = regexp.MustCompile(`^(?:Department (?:for|of) [A-Z]|Ministry (?:of|for) [A-Z]|Office (?:for|of) (?:the )?[A-Z]|HM [A-Z])`)

// Resolve finds the area a name stands for: a council ("Kent County
// Council", "Caerdydd"), a region or nation, a body that speaks for one
// ("East of England Regional Assembly", "Scottish Government", "HM
// Treasury", a UK department), a town (to its council), a council
// abolished before the data, or several of these joined by "and" ("Kent
// and Medway").
func (g *Gazetteer) Resolve(name string) (Match, bool) {
	name = strings.TrimSpace(strings.Trim(name, " ,.;:()"))
	if name == "" {
		return Match{}, false
	}
	if m, ok := g.exact(name); ok {
		return m, true
	}
	if a, ok := g.ByCode(name); ok && a.Code == strings.ToUpper(name) {
		return Match{Area: a, How: "code"}, true
	}
	if nationalBody.MatchString(name) {
		return Match{Area: g.byCode[ukCode], How: "body", Note: "a UK government department"}, true
	}
	// Strip what a body adds to its place, then try again, whole and as
	// parts joined by "and".
	place := name
	for range 2 {
		place = bodyPrefix.ReplaceAllString(bodySuffix.ReplaceAllString(place, ""), "")
	}
	if place != name {
		if m, ok := g.exact(place); ok {
			if m.How == "council" || m.How == "region" || m.How == "nation" || m.How == "alias" {
				m.How = "body"
			}
			return m, true
		}
	}
	if parts := splitJoint.Split(place, -1); len(parts) > 1 {
		var areas []Area
		for _, p := range parts {
			m, ok := g.exact(bodyPrefix.ReplaceAllString(p, ""))
			if !ok || m.How == "town" {
				return Match{}, false
			}
			areas = append(areas, m.Area)
		}
		return Match{Area: joint(place, areas), How: "joint"}, true
	}
	return Match{}, false
}

var splitJoint = regexp.MustCompile(`\s*(?:,|\band\b|&)\s*`)

// exact looks a whole name up.
func (g *Gazetteer) exact(name string) (Match, bool) {
	e, ok := g.names[fold(name)]
	if !ok {
		return Match{}, false
	}
	var areas []Area
	for _, c := range e.codes {
		areas = append(areas, g.byCode[c])
	}
	m := Match{Area: areas[0], How: e.kind, Note: e.note}
	if len(areas) > 1 {
		m.Area = joint(name, areas)
	}
	if e.kind == "alias" {
		m.How = string(m.Area.Level) // "UK", "Cymru": the region or nation itself
	}
	return m, true
}

// Mention is an area a text names, with how often.
type Mention struct {
	Name  string // as first printed
	Match Match
	Count int
}

// notPlaces are single words that are council names but more often
// something else in a plan's text ("Reading", "Hart").
var notPlaces = map[string]bool{
	"reading": true, "eden": true, "hart": true, "bury": true, "wyre": true,
	"rother": true, "arun": true, "adur": true, "copeland": true, "halton": true,
	"alba": true,
}

// Mentions counts the areas a text names: runs of capitalised words
// (and "of", "and", "the", "upon" between them) that are a name in the
// gazetteer, longest first. Bodies count for their area. Most named
// first.
func (g *Gazetteer) Mentions(text string) []Mention {
	words := tokenWords(text)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = fold(w)
	}
	byCode := map[string]*Mention{}
	var order []string
	for i := 0; i < len(words); {
		if !startsUpper(words[i]) || innerWord[folded[i]] {
			i++
			continue
		}
		// Extend word by word while some name starts so; keep the
		// longest that is a name and ends on a capitalised word.
		n, key, best := 0, "", ""
		for k := i; k < len(words) && k-i < g.longest && folded[k] != ""; k++ {
			if key == "" {
				key = folded[k]
			} else {
				key += " " + folded[k]
			}
			if !g.prefixes[key] {
				break
			}
			if _, ok := g.names[key]; ok && startsUpper(words[k]) && !innerWord[folded[k]] {
				n, best = k-i+1, key
			}
		}
		if n == 1 && notPlaces[best] {
			n = 0
		}
		if n == 0 {
			i++
			continue
		}
		m, _ := g.exact(best)
		name := strings.Join(words[i:i+n], " ")
		if x := byCode[m.Area.Code]; x != nil {
			x.Count++
		} else {
			byCode[m.Area.Code] = &Mention{Name: name, Match: m, Count: 1}
			order = append(order, m.Area.Code)
		}
		i += n
	}
	out := make([]Mention, 0, len(order))
	for _, c := range order {
		out = append(out, *byCode[c])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// tokenWords splits text into words, keeping "&" as a word and
// hyphenated names whole ("Berwick-upon-Tweed").
func tokenWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' || r == '&' || r == '.')
	})
}

// innerWord are the small words a name may hold ("Vale of White Horse")
// but neither start nor end with.
var innerWord = map[string]bool{"of": true, "and": true, "the": true, "upon": true, "on": true, "le": true, "in": true, "under": true}

func startsUpper(w string) bool {
	w = strings.Trim(w, ".'’")
	if w == "" {
		return false
	}
	switch w {
	case "of", "and", "the", "upon", "on", "&", "le", "in", "under":
		return true // inside a name: "Vale of White Horse", "Stoke-on-Trent"
	}
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func sortAreas(as []Area) {
	sort.Slice(as, func(i, j int) bool { return as[i].Code < as[j].Code })
}
