package normalise

import (
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/dates"
)

// Document metadata is read from the document itself: its title, the first
// page's lines and the words it uses most. A manifest entry for the file
// (--manifest) overrides what was inferred.

// englishRegions and the nations are the areas UK plans are written for.
var planRegions = []string{
	"East of England", "East Midlands", "West Midlands", "North East", "North West",
	"South East", "South West", "Yorkshire and the Humber", "Yorkshire and Humber", "London",
	"Scotland", "Wales", "Northern Ireland",
}

var (
	yearRange   = regexp.MustCompile(`\b((?:19|20)[0-9]{2})\s*(?:[-–—/]|to)\s*((?:19|20)?[0-9]{2})\b`)
	monthRange  = regexp.MustCompile(`(?i)\b(` + dates.MonthPattern + `\s+(?:19|20)[0-9]{2})\s*(?:[-–—]|to|and)\s*(` + dates.MonthPattern + `\s+(?:19|20)[0-9]{2})`)
	councilName = regexp.MustCompile(`\b((?:[A-Z][a-z]+ ){1,3}(?:County |City |Borough |District |Metropolitan Borough )?Council)\b`)
	inPlace     = regexp.MustCompile(`\bin\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})\s*$`)
	theCouncil  = regexp.MustCompile(`\bthe (?:County |City |Borough |District )?Council\b`)
	anyYear     = regexp.MustCompile(`(?:19|20)[0-9]{2}`)
	publishedBy = regexp.MustCompile(`\b(?:This|The)\s+(?:[A-Z]?[a-z]+\s+){0,3}(?:[Pp]lan|[Rr]eport|[Ss]trategy|[Dd]ocument|[Ss]tatement)\s+(?:is|was|has been)\s+(?:jointly\s+)?published\s+(?:jointly\s+)?by\s+(?:the\s+)?([^.;\n]+)`)
)

func inferMeta(doc *layout.Document, file string, opt Options) Meta {
	m := Meta{Title: layout.Clean(doc.Title)}
	var head []string // the first blocks' texts
	for _, b := range doc.Blocks {
		if b.Text != "" && len(head) < 12 {
			head = append(head, b.Text)
		}
		if m.Title == "" && b.Kind == layout.Heading && b.Text != "" {
			m.Title = layout.Clean(b.Text)
		}
	}
	if m.Title == "" && len(head) > 0 {
		m.Title = head[0]
	}
	all := strings.Join(documentTexts(doc), "\n")
	firstPage := strings.Join(head, "\n")

	// Period covered: a year range or a month range in the title or the
	// first lines.
	for _, t := range []string{m.Title, firstPage} {
		if r := monthRange.FindStringSubmatch(t); r != nil {
			m.Period = dates.ParseDue(r[0], dates.DateContext{})
			m.Period.Text = r[0]
			break
		}
		if r := yearRange.FindStringSubmatch(t); r != nil {
			m.Period = dates.ParseDue(r[0], dates.DateContext{})
			m.Period.Text = r[0]
			break
		}
	}
	// Region: the region the title names, else the one the text names most.
	// The first page counts only when it names a region twice: once may
	// be an address ("London SW1A 2HQ").
	m.Region = mostNamed(m.Title, planRegions)
	if m.Region == "" {
		if r := mostNamed(firstPage, planRegions); strings.Count(firstPage, r) >= 2 {
			m.Region = r
		}
	}
	if m.Region == "" {
		if r := inPlace.FindStringSubmatch(m.Title); r != nil {
			m.Region = r[1]
		}
	}
	council := councilNamed(all, m.Title)
	if m.Region == "" && council != "" {
		// A council's plan covers its own area: "Kent County Council" → Kent.
		m.Region = councilPlace.ReplaceAllString(council, "")
	}
	if m.Region == "" {
		// The area the text keeps naming (three times or more); a national
		// plan names the UK throughout (ten times or more), where a local
		// one mentions it in passing.
		counts := map[string]int{}
		for _, n := range planRegions {
			if c := strings.Count(all, n); c >= 3 {
				counts[n] = c
			}
		}
		if c := strings.Count(all, "UK") + strings.Count(all, "United Kingdom"); c >= 10 {
			counts["UK"] = c
		}
		if m.Region = topCount(counts); m.Region == "UK" {
			m.Region = "United Kingdom"
		}
	}
	// Publishing body.
	if names := publishers(doc); len(names) > 0 {
		m.Body = strings.Join(names, "; ")
	}
	if m.Body == "" {
		m.Body = council
	}
	if m.Body == "" && m.Region != "" && theCouncil.MatchString(all) {
		kind := "Council"
		if strings.Contains(all, "County Council") {
			kind = "County Council"
		}
		m.Body = m.Region + " " + kind
	}
	m.Type = docType(doc, m.Title, all)
	// Publication date: a dated line on the first page.
	for _, t := range head {
		if d := dates.FindText(titleCaseMonths(t)); d != "" {
			m.Published = dates.ParseDue(d, dates.DateContext{})
			m.Published.Text = d
			break
		}
	}
	if e, ok := opt.manifestFor(file); ok {
		if e.Region != "" {
			m.Region = e.Region
		}
		if e.Body != "" {
			m.Body = e.Body
		}
		if e.Type != "" {
			m.Type = e.Type
		}
	}
	return m
}

// publishers are the bodies a document says publish it ("This Action Plan
// is jointly published by Scottish Government and COSLA").
func publishers(doc *layout.Document) []string {
	if doc == nil {
		return nil
	}
	for _, t := range documentTexts(doc) {
		if r := publishedBy.FindStringSubmatch(t); r != nil {
			names, _ := orgPhrases(r[1])
			return names
		}
	}
	return nil
}

// docType names the kind of document from its title and wording.
func docType(doc *layout.Document, title, all string) string {
	t := strings.ToLower(title)
	low := strings.ToLower(all)
	switch {
	case strings.Contains(t, "progress report") || strings.Contains(t, "report on activities") || strings.Contains(t, "annual report") || strings.Contains(t, "performance report"):
		return "progress report"
	case strings.Contains(low, "recommended to") || (strings.Contains(low, "report by") && strings.Contains(low, "executive")) || strings.Contains(low, "agenda item") || strings.Contains(low, "to inform members") || strings.Contains(low, "annex to item"):
		return "committee report"
	case strings.Contains(t, "action plan"):
		return "action plan"
	case strings.Contains(t, "strategy"):
		return "strategy"
	case doc.Format == layout.HTML:
		return "web page"
	}
	return "report"
}

// periodYear is the first year of the period covered, the year a date
// printed without one belongs to.
func periodYear(m Meta) int {
	for _, t := range []string{m.Period.Start, m.Period.Text, m.Title} {
		if r := anyYear.FindString(t); r != "" {
			y, _ := strconv.Atoi(r)
			return y
		}
	}
	return 0
}

// councilNamed returns the council a document is by: one whose place the
// title names, or one the text keeps naming (three times or more). The
// first page is no guide: it often carries a council's address.
func councilNamed(all, title string) string {
	counts := map[string]int{}
	for _, c := range councilName.FindAllStringSubmatch(all, -1) {
		name := strings.TrimPrefix(strings.TrimPrefix(c[1], "The "), "the ")
		if len(strings.Fields(name)) < 2 || strings.HasPrefix(name, "Council") {
			continue
		}
		switch strings.Fields(name)[0] {
		case "County", "City", "Borough", "District", "Local", "Town", "Parish":
			continue
		}
		counts[name]++
	}
	// A council whose place the title names ("Oxfordshire Housing and
	// Growth Deal" → Oxfordshire County Council), else the most named.
	inTitle := map[string]int{}
	for name, c := range counts {
		if containsWord(title, councilPlace.ReplaceAllString(name, "")) {
			inTitle[name] = c
		}
	}
	if b := topCount(inTitle); b != "" {
		return b
	}
	if b := topCount(counts); b != "" && counts[b] >= 3 {
		return b
	}
	return ""
}

// containsWord reports whether s contains w as whole words ("Oxford" is
// not in "Oxfordshire").
func containsWord(s, w string) bool {
	for i := 0; w != ""; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		at, end := i+j, i+j+len(w)
		before, after := at == 0 || !isWordByte(s[at-1]), end == len(s) || !isWordByte(s[end])
		if before && after {
			return true
		}
		i = at + 1
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// councilPlace is the kind of council after its place name.
var councilPlace = regexp.MustCompile(`\s+(?:(?:County|City|Borough|District|Metropolitan Borough|Metropolitan District)\s+)?Council$`)

func mostNamed(text string, names []string) string {
	counts := map[string]int{}
	for _, n := range names {
		if c := strings.Count(text, n); c > 0 {
			counts[n] = c
		}
	}
	return topCount(counts)
}

// topCount returns the key with the highest count (ties: alphabetical).
func topCount(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := ""
	for _, k := range keys {
		if best == "" || counts[k] > counts[best] {
			best = k
		}
	}
	return best
}

// titleCaseMonths rewrites upper-case month names ("15 MARCH 2005") so the
// date finder reads them.
func titleCaseMonths(s string) string {
	for _, mo := range []string{"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"} {
		s = strings.ReplaceAll(s, mo, mo[:1]+strings.ToLower(mo[1:]))
	}
	return s
}

// objectiveFromTitle reads a spanning row's text as an objective: a code
// when it prints one ("SO1: ...", "3. ..."), else the title alone.
func objectiveFromTitle(t string) Objective {
	if o, ok := parseObjective(t); ok {
		return o
	}
	if m := numberedTitle.FindStringSubmatch(t); m != nil {
		return Objective{Code: strings.ReplaceAll(m[1], " ", ""), Title: m[2]}
	}
	return Objective{Title: t}
}

// manifestKey forms under which a manifest path matches an input.
func manifestKeys(path string) []string {
	return []string{filepath.Clean(path), filepath.Base(path), DocumentName(path)}
}
