package dates

import (
	"regexp"
	"sort"
	"strings"
)

// Progress paragraphs carry their dates inside the sentence ("Awayday held
// in November 2002"). FindText picks out the first date expression so
// that ParseDue can read it. Only expressions that pin a month, a season or
// a financial year are taken: a bare year before a name ("the 2004 Regional
// Housing Strategy") or a duration ("for six months") is not a due date.

// MonthPattern matches a month name or its abbreviation, capitalised as
// printed, with an optional full stop ("Sept.").
const MonthPattern = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

const (
	reSeason = `(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?:\s+[Rr]ecess)?`
	reYear   = `(?:19|20)[0-9]{2}`
	reDash   = `\s*(?:-|–|—|to)\s*`
)

var datePatterns = []*regexp.Regexp{
	// "end of the 2002 - 2003 financial year", "2005/06 financial year"
	regexp.MustCompile(`(?i)(?:(?:the\s+)?(?:end|start|beginning|first part|second part|first half|second half|middle)\s+of\s+)?(?:the\s+)?` + reYear + `\s*(?:/|-|–)\s*(?:` + reYear + `|[0-9]{2})\s+financial\s+year`),
	// "January and May 2003", "Spring to Summer 2008"
	regexp.MustCompile(`(?:` + MonthPattern + `|` + reSeason + `)\s+(?:and|to|-|–|until)\s+(?:` + MonthPattern + `|` + reSeason + `),?\s+` + reYear),
	// "October 2002 - March 2003"
	regexp.MustCompile(`(?:` + MonthPattern + `|` + reSeason + `),?\s+` + reYear + reDash + `(?:` + MonthPattern + `|` + reSeason + `),?\s+` + reYear),
	// "(the) end of March 2004", "1 April 2006", "mid 2008"? (no), "Winter, 2008"
	regexp.MustCompile(`(?i:(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?(?:` + MonthPattern + `|` + reSeason + `),?\s+` + reYear),
	// "(the first part of / end of) 2005/06", "2009-10 - 2010-11"
	regexp.MustCompile(`(?i:(?:the\s+)?(?:end|start|beginning|first part|second part|first half|second half|middle)\s+of\s+)?` + reYear + `\s*[/-]\s*[0-9]{2}(?:` + reDash + reYear + `\s*[/-]\s*[0-9]{2})?\b`),
	// "early 2003", "mid-2008", "end of 2004"
	regexp.MustCompile(`(?i:(?:early|mid|late)[- ]|(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+)` + reYear + `\b`),
	// a bare year after a preposition: "undertaken in 2003"
	regexp.MustCompile(`\b(?:in|by|during|until|before)\s+` + reYear + `\b(?:[^/-]|$)`),
}

var bareYear = regexp.MustCompile(`^(?:19|20)[0-9]{2}$`)

// FindText returns the first date expression in s that is a due date, as
// printed, or "". A date between a determiner and a capitalised word names
// something ("the April 2003 Health Summit") and is skipped.
func FindText(s string) string {
	type cand struct{ at, end int }
	var cands []cand
	for _, re := range datePatterns {
		for _, loc := range re.FindAllStringIndex(s, -1) {
			cands = append(cands, cand{loc[0], loc[1]})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].at != cands[j].at {
			return cands[i].at < cands[j].at
		}
		return cands[i].end > cands[j].end
	})
	for _, c := range cands {
		before := ""
		if f := strings.Fields(s[:c.at]); len(f) > 0 {
			before = strings.ToLower(f[len(f)-1])
		}
		after := strings.Fields(s[c.end:])
		if (before == "the" || before == "a" || before == "an" || before == "its" || before == "their") && len(after) > 0 && upperStart(after[0]) {
			continue
		}
		t := strings.TrimRight(strings.TrimSpace(s[c.at:c.end]), ",.;:)")
		t = strings.TrimPrefix(strings.TrimPrefix(t, "the "), "The ")
		if f := strings.Fields(t); len(f) == 2 && bareYear.MatchString(f[1]) && yearPrepositions[strings.ToLower(f[0])] {
			// "in 2003": the year alone, unless it names something
			// ("in 2003 Local Transport Plans").
			if len(after) > 1 && upperStart(after[1]) {
				continue
			}
			t = f[1]
		}
		return t
	}
	return ""
}

// yearPrepositions may stand before a bare year that is a due date.
var yearPrepositions = map[string]bool{"in": true, "by": true, "during": true, "until": true, "before": true}

// upperStart says whether s begins with an ASCII capital.
func upperStart(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }
