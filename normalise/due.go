package normalise

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/planmap/planmap/normalise/dates"
)

// Dates are read by the dates package; these names keep normalise's
// public API (Action.Due, Milestone.Due, Meta.Period) as it was.

// Due is a date as printed plus the interval it denotes (dates.Due).
type Due = dates.Due

// DateContext is what a date string cannot say by itself (dates.DateContext).
type DateContext = dates.DateContext

// ParseDue reads a date cell into a Due (dates.ParseDue).
func ParseDue(text string, ctx DateContext) Due { return dates.ParseDue(text, ctx) }

// FindDue finds the date expression inside a sentence (dates.FindDue).
func FindDue(text string, ctx DateContext) (Due, bool) { return dates.FindDue(text, ctx) }

// FindAllDue lists every date expression of a date cell (dates.FindAllDue).
func FindAllDue(text string, ctx DateContext) []Due { return dates.FindAllDue(text, ctx) }

// parseDue reads a due text as printed (a due column's cell).
func (n *normaliser) parseDue(text string) Due {
	text = strings.TrimSpace(text)
	if text == "" {
		return Due{}
	}
	d := dates.ParseDue(text, n.dateCtx)
	d.Text = text
	return d
}

// findDue reads the date printed inside a sentence; the zero Due when none.
func (n *normaliser) findDue(text string) Due {
	t := dates.FindText(text)
	// "We will respond in the Spring, with a view to changes from
	// September 2013": a season named without a year, before any dated
	// expression, is the deadline, in the year the document speaks from.
	year := n.dateCtx.Year
	if year == 0 && len(n.plan.Meta.Published.Start) >= 4 {
		year, _ = strconv.Atoi(n.plan.Meta.Published.Start[:4])
	}
	if m := yearlessSeason.FindStringSubmatchIndex(text); m != nil && year > 0 && (t == "" || m[0] < strings.Index(text, t)) {
		d := dates.ParseDue(text[m[2]:m[3]]+" "+strconv.Itoa(year), n.dateCtx)
		d.Text = strings.TrimSpace(text[m[0]:m[1]])
		d.Inferred = true
		return d
	}
	if t == "" {
		return Due{}
	}
	return n.parseDue(t)
}

var yearlessSeason = regexp.MustCompile(`(?i)\b(?:in|by|during|before) the ((?:early |late )?(?:spring|summer|autumn|winter))\b(?:\s*,|\s+(?:with|and|to|when|so|once|after|before|ahead)\b|[.;]|$)`)
