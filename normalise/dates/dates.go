// Package dates reads the dates printed in plans: it turns a date cell or a
// sentence's date ("Winter, 2007", "2009-10 - 2010-11", "by the end of
// March 2004") into a Due, an interval with a precision, after EDTF /
// ISO 8601-2: a season, a month or a UK financial year is an interval, not
// a day. The conventions are in docs/dates.md.
//
// The grammar is scan.go (tokens and the parser) and words.go (its word
// tables); find.go picks the first due date out of running text.
package dates

import (
	"regexp"
	"strings"
)

// Due is a date as printed plus the interval it denotes. Start and End are
// ISO dates (YYYY-MM-DD) or "" when the text gives no date. Its JSON names
// are part of the JSON Lines contract (normalise.Action.Due).
type Due struct {
	Text  string `json:"text"`
	Start string `json:"start"`
	End   string `json:"end"`
	// Precision is day, month, season, quarter, year, financial-year, range,
	// ongoing or "" (see docs/dates.md).
	Precision string `json:"precision,omitempty"`
	// Inferred is set when the year was taken from context.
	Inferred bool `json:"inferred,omitempty"`
	// Recurrence is "annually", "quarterly", "monthly" ... for repeating dues.
	Recurrence string `json:"recurrence,omitempty"`
	// Note holds a qualifier such as "dependent on delivery of ...".
	Note string `json:"note,omitempty"`
}

// DateContext is what a date string cannot say by itself.
type DateContext struct {
	// Year is used for a date printed without one ("by October"); 0 = none.
	Year int
	// Financial says the text counts in UK financial years (a budget or
	// performance table): then "2005-2006" is the financial year 2005/06
	// rather than two calendar years.
	Financial bool
}

const isoDay = "2006-01-02"

var (
	spaceRun = regexp.MustCompile(`\s+`)
	// "(dependent on delivery of ...)", "subject to funding", "(provisional)".
	noteRe = regexp.MustCompile(`(?i)\b(?:dependent|depending|dependant|contingent|conditional)\s+(?:up)?on\b[^()]*|\bsubject\s+to\b[^()]*|\bprovisional(?:ly)?\b|\bsee\s+[^()]*`)
	tbcRe  = regexp.MustCompile(`(?i)\b(?:to\s+be\s+(?:confirmed|determined|agreed|decided|announced)|tbc|tbd|tba)\b[^()]*`)
	doneRe = regexp.MustCompile(`(?i)^\W*(?:completed?|achieved|done|delivered|closed)\b`)
	// Frequencies printed without "thereafter": "Quarterly", "twice yearly",
	// "every six months". Read only in a date cell.
	freqRe = regexp.MustCompile(`(?i)\b(annually|annual|yearly|quarterly|monthly|weekly|fortnightly|daily|bi-?annually|half-yearly|six-monthly|twice\s+(?:a\s+)?year(?:ly)?|every\s+(?:six|6)\s+months|every\s+year|every\s+quarter|every\s+month|ongoing|on-going|continuous|continuing|rolling)\b`)
)

// ParseDue reads a date cell ("Spring, 2008", "Winter 2007, ongoing
// thereafter", "2009-10 - 2010-11", "Ongoing", "TBC") into a Due. Text
// keeps the cell as printed (trimmed). When a cell prints several dates
// ("Summer, 2007 Spring, 2008"), the first one gives the interval; use
// FindAllDue to get each.
func ParseDue(text string, ctx DateContext) Due {
	d := Due{Text: strings.TrimSpace(text)}
	clean := spaceRun.ReplaceAllString(d.Text, " ")
	if clean == "" {
		return d
	}
	s := newScanner(clean, true, ctx)
	if cs := s.candidates(); len(cs) > 0 {
		fillDue(&d, cs[0].p, ctx)
	}
	d.Note = dueNote(clean)
	if d.Recurrence == "" {
		if m := freqRe.FindStringSubmatch(clean); m != nil {
			d.Recurrence = frequency(m[1])
		}
	}
	if d.Precision == "" && d.Recurrence == "ongoing" {
		d.Precision, d.Recurrence = "ongoing", ""
	}
	if d.Precision == "" && d.Note == "" && doneRe.MatchString(clean) {
		d.Note = "completed"
	}
	return d
}

// FindDue finds the date expression inside a sentence or paragraph: "5 Task
// Group meetings held between January and May 2003" → "January and May
// 2003". Years inside names ("2004 Regional Housing Strategy", "the April
// 2003 Health Summit") and durations or frequencies ("for six months",
// "twice yearly") are not dues. It returns the first date expression, with
// Text as printed, and false when there is none.
func FindDue(text string, ctx DateContext) (Due, bool) {
	s := newScanner(text, false, ctx)
	cs := s.candidates()
	if len(cs) == 0 {
		return Due{}, false
	}
	return s.due(cs[0], ctx), true
}

// FindAllDue lists every date expression of a date cell in order:
// "Summer, 2007 Spring, 2008 Summer, 2008" gives three Dues. Each Text is
// the expression as printed.
func FindAllDue(text string, ctx DateContext) []Due {
	s := newScanner(text, true, ctx)
	var out []Due
	for _, c := range s.candidates() {
		out = append(out, s.due(c, ctx))
	}
	return out
}

func newScanner(text string, lenient bool, ctx DateContext) *scanner {
	return &scanner{text: text, toks: tokenizeDate(text), lenient: lenient, ctx: ctx}
}

// due turns a candidate into a Due whose Text is the expression as printed.
func (s *scanner) due(c candidate, ctx DateContext) Due {
	d := Due{Text: s.text[s.toks[c.start].start:s.toks[c.end-1].end]}
	fillDue(&d, c.p, ctx)
	return d
}

func fillDue(d *Due, p period, ctx DateContext) {
	d.Precision = p.prec
	d.Recurrence = p.recurrence
	if p.inferred {
		if ctx.Year <= 0 {
			return // no year printed and none known: precision only
		}
		d.Inferred = true
	}
	d.Start = p.start.Format(isoDay)
	d.End = p.end.Format(isoDay)
}

// dueNote collects the qualifiers of a date cell: "dependent on ...",
// "provisional", "to be confirmed ...".
func dueNote(text string) string {
	var notes []string
	for _, re := range []*regexp.Regexp{noteRe, tbcRe} {
		for _, m := range re.FindAllString(text, -1) {
			m = strings.TrimRight(strings.TrimSpace(m), ".,;:")
			if m != "" {
				notes = append(notes, m)
			}
		}
	}
	return strings.Join(notes, "; ")
}

// frequency maps a printed frequency to Due.Recurrence.
func frequency(word string) string {
	w := strings.ToLower(spaceRun.ReplaceAllString(word, " "))
	if r, ok := recurrenceWords[w]; ok {
		return r
	}
	switch {
	case strings.HasPrefix(w, "bi"), strings.HasPrefix(w, "twice"), strings.Contains(w, "six"), strings.Contains(w, " 6 "):
		return "six-monthly"
	case w == "on-going":
		return "ongoing"
	case w == "every year":
		return "annually"
	case w == "every quarter":
		return "quarterly"
	case w == "every month":
		return "monthly"
	}
	return w
}
