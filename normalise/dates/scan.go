package dates

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The date grammar: a small hand-written parser over word and number tokens,
// because the public-sector forms ("Winter, 2007", "2009-10 - 2010-11",
// "end of the 2002 - 2003 financial year", "Q3 2024/25") defeat general date
// libraries. Every form and its interval is listed in docs/dates.md.

// dtok is one token of a date text: a run of letters, a run of digits or a
// single other character.
type dtok struct {
	s, low     string
	start, end int // byte offsets in the scanned text
	num        int // value of a digit run
	digits     int // length of a digit run, 0 for other tokens
	space      bool
}

func (t dtok) isWord() bool { return t.digits == 0 && len(t.s) > 0 && unicode.IsLetter(rune(t.s[0])) }
func (t dtok) capital() bool {
	return t.isWord() && unicode.IsUpper(rune(t.s[0]))
}

func tokenizeDate(text string) []dtok {
	var toks []dtok
	space := true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if j-i < 9 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			t := dtok{s: text[i:j], start: i, end: j, num: n, digits: j - i, space: space}
			// An ordinal suffix belongs to the number: "1st", "31st".
			if j+2 <= len(text) {
				suf := strings.ToLower(text[j : j+2])
				if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && (j+2 == len(text) || !isASCIILetter(text[j+2])) {
					t.end = j + 2
					t.s = text[i : j+2]
					j += 2
				}
			}
			t.low = strings.ToLower(t.s)
			toks = append(toks, t)
			i = j
		case isASCIILetter(c):
			j := i
			for j < len(text) && isASCIILetter(text[j]) {
				j++
			}
			toks = append(toks, dtok{s: text[i:j], low: strings.ToLower(text[i:j]), start: i, end: j, space: space})
			i = j
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			s := text[i : i+size]
			if r == '–' || r == '—' || r == '‑' || r == '−' {
				s = "-"
			}
			toks = append(toks, dtok{s: s, low: s, start: i, end: i + size, space: space})
			i += size
		}
		space = false
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// period is an interval found by the parser, before it becomes a Due.
type period struct {
	start, end time.Time
	prec       string
	inferred   bool // the year came from the context
	yearOnly   bool // a year, year range or financial year: such a date before a capitalised word is part of a name
	// rebase recomputes a year-less period for a given year ("January" in
	// "January and May 2003"); nil when the period printed its year.
	rebase     func(year int) period
	recurrence string
}

// scanner parses dates in a token list. lenient is for a cell that holds a
// date ("Dec 24", "by October"); a sentence is read strictly.
type scanner struct {
	text    string
	toks    []dtok
	lenient bool
	ctx     DateContext
}

func (s *scanner) tok(i int) *dtok {
	if i < 0 || i >= len(s.toks) {
		return nil
	}
	return &s.toks[i]
}

func (s *scanner) is(i int, words ...string) bool {
	t := s.tok(i)
	if t == nil {
		return false
	}
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

func (s *scanner) dash(i int) bool { return s.is(i, "-") }

// year4 reads a four-digit year (1900–2099) that is not part of a larger
// number ("2,000", "£2005", "2010.5").
func (s *scanner) year4(i int) (int, bool) {
	t := s.tok(i)
	if t == nil || t.digits != 4 || len(t.s) != 4 || t.num < 1900 || t.num > 2099 {
		return 0, false
	}
	if p := s.tok(i - 1); p != nil && !t.space && (p.s == "£" || p.s == "$" || p.s == "€" || p.s == "." || p.s == "," || p.digits > 0) {
		return 0, false
	}
	if n := s.tok(i + 1); n != nil && !n.space {
		if n.s == "%" || n.digits > 0 || n.isWord() {
			return 0, false
		}
		if (n.s == "," || n.s == ".") && s.tok(i+2) != nil && s.tok(i+2).digits > 0 && !s.tok(i+2).space {
			return 0, false
		}
	}
	return t.num, true
}

// year2 reads a two-digit year ("Dec 24" → 2024), only in a date cell.
func (s *scanner) year2(i int) (int, bool) {
	t := s.tok(i)
	if !s.lenient || t == nil || t.digits != 2 || len(t.s) != 2 {
		return 0, false
	}
	if n := s.tok(i + 1); n != nil && !n.space && (n.digits > 0 || n.s == "," || n.s == "." || n.s == ":" || n.s == "/") {
		return 0, false
	}
	return fullYear(t.num), true
}

// apostropheYear reads "'24" (2024).
func (s *scanner) apostropheYear(i int) (int, bool) {
	if !s.is(i, "'", "‘", "’") {
		return 0, false
	}
	n := s.tok(i + 1)
	if n == nil || n.space || n.digits != 2 || len(n.s) != 2 {
		return 0, false
	}
	if a := s.tok(i + 2); a != nil && !a.space && (a.digits > 0 || a.isWord()) {
		return 0, false
	}
	return fullYear(n.num), true
}

// fullYear expands a two-digit year: 00–69 → 2000s, 70–99 → 1900s.
func fullYear(yy int) int {
	if yy < 70 {
		return 2000 + yy
	}
	return 1900 + yy
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// monthEnd is the last day of month m of year y (m may run past 12).
func monthEnd(y, m int) time.Time { return date(y, m+1, 0) }

func monthPeriod(y, m int) period {
	return period{start: date(y, m, 1), end: monthEnd(y, m), prec: "month"}
}

func seasonPeriod(y, first int) period {
	return period{start: date(y, first, 1), end: monthEnd(y, first+2), prec: "season"}
}

func yearPeriod(y int) period {
	return period{start: date(y, 1, 1), end: date(y, 12, 31), prec: "year", yearOnly: true}
}

func fyPeriod(y int) period {
	return period{start: date(y, 4, 1), end: date(y+1, 3, 31), prec: "financial-year", yearOnly: true}
}

// yearless marks a period that took its year from the context, and keeps
// the way to recompute it when a range supplies the year.
func (s *scanner) yearless(f func(int) period) period {
	y := s.ctx.Year
	var p period
	if y > 0 {
		p = f(y)
	} else {
		p = f(1) // placeholder interval: fillDue leaves start and end empty
	}
	p.inferred = true
	p.rebase = f
	return p
}

// point reads one date, with a leading modifier ("early", "mid", "end of
// the", "first part of") when there is one.
func (s *scanner) point(i int) (period, int, bool) {
	j := i
	part, half := 0, 0
	switch {
	case s.is(j, "early", "mid", "middle", "late") && !s.is(j+1, "of") || s.is(j, "mid", "middle") && s.is(j+1, "of"):
		part = partWords[s.tok(j).low]
		j++
		if s.dash(j) || s.is(j, "of") {
			j++
		}
		if s.is(j, "the") {
			j++
		}
	case deadlineWords[low(s.tok(j))] && s.is(j+1, "of"):
		j += 2
		if s.is(j, "the") {
			j++
		}
	case s.is(j, "end") && s.tok(j+1) != nil && s.tok(j+1).digits > 0: // "End 2016"
		j++
	case s.is(j, "end") && s.dash(j+1) && s.tok(j+2) != nil && s.tok(j+2).digits > 0: // "end-2016"
		j += 2
	case s.is(j, "h") && s.tok(j+1) != nil && !s.tok(j+1).space && (s.tok(j+1).s == "1" || s.tok(j+1).s == "2"): // "H1 2009"
		half = s.tok(j + 1).num
		j += 2
	case s.is(j, "first", "second", "latter", "last") && s.is(j+1, "half", "part") && s.is(j+2, "of"):
		half = 1
		if !s.is(j, "first") {
			half = 2
		}
		j += 3
		if s.is(j, "the") {
			j++
		}
	}
	p, k, ok := s.base(j)
	if !ok {
		return period{}, i, false
	}
	if part > 0 {
		p = narrowPart(p, part)
	} else if half > 0 {
		p = narrowHalf(p, half)
	}
	return p, k, true
}

func low(t *dtok) string {
	if t == nil {
		return ""
	}
	return t.low
}

// narrowPart takes the early, mid or late third of a period: a year or
// financial year by four-month parts, a month by ten days, a season by month.
func narrowPart(p period, part int) period {
	rebase := p.rebase
	switch p.prec {
	case "year", "financial-year":
		y, m := p.start.Year(), int(p.start.Month())
		m += (part - 1) * 4
		p.start, p.end = date(y, m, 1), monthEnd(y, m+3)
		p.prec = "part-year"
	case "month":
		y, m := p.start.Year(), int(p.start.Month())
		switch part {
		case 1:
			p.start, p.end = date(y, m, 1), date(y, m, 10)
		case 2:
			p.start, p.end = date(y, m, 11), date(y, m, 20)
		default:
			p.start = date(y, m, 21)
		}
		p.prec = "part-month"
	case "season":
		y, m := p.start.Year(), int(p.start.Month())+part-1
		p.start, p.end = date(y, m, 1), monthEnd(y, m)
		p.prec = "month"
	}
	if rebase != nil {
		p.rebase = func(y int) period { return narrowPart(rebase(y), part) }
	}
	return p
}

// narrowHalf takes the first or second half of a year or financial year.
func narrowHalf(p period, half int) period {
	if p.prec != "year" && p.prec != "financial-year" {
		return p
	}
	y, m := p.start.Year(), int(p.start.Month())+(half-1)*6
	p.start, p.end = date(y, m, 1), monthEnd(y, m+5)
	p.prec = "part-year"
	return p
}

// base reads a date without modifiers, trying the longest forms first.
func (s *scanner) base(i int) (period, int, bool) {
	for _, f := range []func(int) (period, int, bool){s.quarter, s.day, s.financialYear, s.month, s.season, s.year} {
		if p, j, ok := f(i); ok {
			return p, j, true
		}
	}
	return period{}, i, false
}

func (s *scanner) year(i int) (period, int, bool) {
	if y, ok := s.year4(i); ok {
		return yearPeriod(y), i + 1, true
	}
	return period{}, i, false
}

// financialYear reads "2005/06", "2005/2006", "2009-10", "FY 2005/06",
// "FY24/25", "financial year 2005-06" and "2002 - 2003 financial year".
func (s *scanner) financialYear(i int) (period, int, bool) {
	j := i
	marked := false
	if s.is(j, "fy", "fye") {
		marked = true
		j++
	} else if s.is(j, "financial", "fiscal") && s.is(j+1, "year") {
		marked = true
		j += 2
		if s.is(j, "of") {
			j++
		}
	}
	first, k, ok := 0, j, false
	if y, ok4 := s.year4(j); ok4 {
		first, ok = y, true
	} else if marked {
		if t := s.tok(j); t != nil && t.digits == 2 && len(t.s) == 2 {
			first, ok = fullYear(t.num), true
		}
	}
	if !ok {
		return period{}, i, false
	}
	k = j + 1
	if (s.is(k, "/") || s.dash(k)) && s.tok(k+1) != nil {
		n := s.tok(k + 1)
		second := -1
		if n.digits == 1 && len(n.s) == 1 && (first+1)%10 == n.num && !s.tok(k+1).space { // "2008/9"
			second = first + 1
		} else if n.digits == 2 && len(n.s) == 2 {
			second = first/100*100 + n.num
			if second < first {
				second += 100
			}
		} else if n.digits == 4 && len(n.s) == 4 {
			second = n.num
		}
		if second == first+1 && !(s.tok(k+2) != nil && !s.tok(k+2).space && (s.tok(k+2).digits > 0 || s.is(k+2, "/", "-"))) {
			// A dash between four-digit years is a financial year only
			// when the text says so; a slash, or two digits, always is.
			fin := s.is(k, "/") || n.digits <= 2 || marked || s.is(k+2, "financial", "fiscal") || s.ctx.Financial
			if fin {
				k += 2
				if s.is(k, "financial", "fiscal") && s.is(k+1, "year") {
					k += 2
				}
				return fyPeriod(first), k, true
			}
		}
	}
	// "2026-28": calendar years, when the second is later and not the next.
	if !marked && s.dash(k) && s.tok(k+1) != nil && !s.tok(k+1).space && !s.tok(k).space {
		if n := s.tok(k + 1); n.digits == 2 && len(n.s) == 2 {
			last := first/100*100 + n.num
			if last <= first && n.num >= 1 && n.num <= 12 { // ISO "2008-03"
				return monthPeriod(first, n.num), k + 2, true
			}
			if last > first+1 && !(s.tok(k+2) != nil && !s.tok(k+2).space && (s.tok(k+2).digits > 0 || s.is(k+2, "-", "/"))) {
				p := period{start: date(first, 1, 1), end: date(last, 12, 31), prec: "range", yearOnly: true}
				return p, k + 2, true
			}
		}
	}
	if marked {
		if s.is(k, "financial", "fiscal") && s.is(k+1, "year") {
			k += 2
		}
		return fyPeriod(first), k, true
	}
	return period{}, i, false
}

// quarter reads "Q1 2008", "Quarter 3", "the first quarter of 2008" and, of
// a financial year, "Q3 2024/25" (October–December 2024).
func (s *scanner) quarter(i int) (period, int, bool) {
	j, q := i, 0
	switch {
	case s.is(j, "q") && s.tok(j+1) != nil && !s.tok(j+1).space && s.tok(j+1).digits == 1 && s.tok(j+1).num >= 1 && s.tok(j+1).num <= 4:
		q = s.tok(j + 1).num
		j += 2
	case s.is(j, "quarter", "qtr") && s.tok(j+1) != nil && s.tok(j+1).digits == 1 && s.tok(j+1).num >= 1 && s.tok(j+1).num <= 4:
		q = s.tok(j + 1).num
		j += 2
	case ordinalWords[low(s.tok(j))] > 0 && s.is(j+1, "quarter", "qtr"):
		q = ordinalWords[s.tok(j).low]
		j += 2
	default:
		return period{}, i, false
	}
	if s.is(j, "of") {
		j++
	}
	if s.is(j, "the") {
		j++
	}
	if s.is(j, ",") {
		j++
	}
	build := func(y int, fy bool) period {
		m := 1 + (q-1)*3
		if fy {
			m += 3
		}
		return period{start: date(y, m, 1), end: monthEnd(y, m+2), prec: "quarter"}
	}
	if p, k, ok := s.financialYear(j); ok {
		return build(p.start.Year(), true), k, true
	}
	// "Q4 23/24": two-digit financial years are clear after a quarter.
	if a, b, c := s.tok(j), s.tok(j+1), s.tok(j+2); a != nil && b != nil && c != nil && a.digits == 2 && len(a.s) == 2 &&
		b.s == "/" && c.digits == 2 && len(c.s) == 2 && (a.num+1)%100 == c.num {
		return build(fullYear(a.num), true), j + 3, true
	}
	if y, ok := s.year4(j); ok {
		return build(y, false), j + 1, true
	}
	if y, ok := s.year2(j); ok {
		return build(y, false), j + 1, true
	}
	if !s.lenient && !datePrepositions[low(s.tok(i-1))] {
		return period{}, i, false
	}
	return s.yearless(func(y int) period { return build(y, false) }), j, true
}

// monthAt reads a month name (with an optional full stop after an
// abbreviation). In a sentence the name must be capitalised: "may" and
// "march" are also verbs.
func (s *scanner) monthAt(i int) (int, int, bool) {
	t := s.tok(i)
	if t == nil {
		return 0, i, false
	}
	m, ok := monthWords[t.low]
	if !ok || (!s.lenient && !t.capital()) {
		return 0, i, false
	}
	j := i + 1
	if s.is(j, ".") && len(t.s) <= 4 {
		j++
	}
	return m, j, true
}

// day reads "31 March 2003", "1st of April", "March 31, 2003",
// "31/03/2018" (day first, as in the UK) and "2018-03-31".
func (s *scanner) day(i int) (period, int, bool) {
	t := s.tok(i)
	if t == nil {
		return period{}, i, false
	}
	mk := func(y, m, d int) (period, bool) {
		if m < 1 || m > 12 || d < 1 || d > monthEnd(y, m).Day() {
			return period{}, false
		}
		return period{start: date(y, m, d), end: date(y, m, d), prec: "day"}, true
	}
	// Numeric forms, written without spaces.
	if t.digits > 0 && t.digits == len(t.s) {
		a, b, c := s.tok(i+1), s.tok(i+2), s.tok(i+3)
		if a != nil && b != nil && !a.space && !b.space && (a.s == "/" || a.s == "." || a.s == "-") && b.digits > 0 {
			d4 := s.tok(i + 4)
			if c != nil && !c.space && c.s == a.s && d4 != nil && !d4.space && d4.digits > 0 && len(d4.s) == d4.digits {
				if t.digits == 4 && b.digits <= 2 && d4.digits <= 2 { // 2018-03-31
					if p, ok := mk(t.num, b.num, d4.num); ok {
						return p, i + 5, true
					}
				}
				if t.digits <= 2 && b.digits <= 2 && (d4.digits == 4 || d4.digits == 2) {
					y := d4.num
					if d4.digits == 2 {
						y = fullYear(y)
					}
					if p, ok := mk(y, b.num, t.num); ok {
						return p, i + 5, true
					}
				}
			}
		}
	}
	// 31 March 2003, 1st of April, 31-Mar-25 (a spreadsheet's d-mmm-yy)
	if t.digits > 0 && t.digits <= 2 && t.num >= 1 && t.num <= 31 {
		j := i + 1
		hyphened := false
		if h := s.tok(j); h != nil && h.s == "-" && !h.space {
			if n := s.tok(j + 1); n != nil && !n.space {
				if _, _, ok := s.monthAt(j + 1); ok {
					j++
					hyphened = true
				}
			}
		}
		if s.is(j, "of") {
			j++
		}
		if m, k, ok := s.monthAt(j); ok {
			if hyphened && s.is(k, "-") {
				k++
			}
			if s.is(k, ",") {
				k++
			}
			if y, ok := s.year4(k); ok {
				if p, ok := mk(y, m, t.num); ok {
					return p, k + 1, true
				}
			}
			if y, ok := s.year2(k); ok {
				if p, ok := mk(y, m, t.num); ok {
					return p, k + 1, true
				}
			}
			if _, ok := s.year4(k); ok { // "29 February 2007": no such day
				return period{}, i, false
			}
			if s.is(k-1, ",") { // "on 21st January, it was agreed"
				k--
			}
			d := t.num
			if d <= 29 || (s.ctx.Year > 0 && d <= monthEnd(s.ctx.Year, m).Day()) || (s.ctx.Year == 0 && d <= monthEnd(2000, m).Day()) {
				return s.yearless(func(y int) period {
					if p, ok := mk(y, m, d); ok {
						return p
					}
					return period{start: monthEnd(y, m), end: monthEnd(y, m), prec: "day"}
				}), k, true
			}
		}
	}
	// March 31, 2003
	if m, j, ok := s.monthAt(i); ok {
		if d := s.tok(j); d != nil && d.digits > 0 && d.digits <= 2 && d.num >= 1 && d.num <= 31 && s.is(j+1, ",") {
			if y, ok := s.year4(j + 2); ok {
				if p, ok := mk(y, m, d.num); ok {
					return p, j + 3, true
				}
			}
		}
	}
	return period{}, i, false
}

// month reads "March 2008", "Mar 2026", "Sept. 2004", "Dec 24" (in a cell)
// and a month without a year, which takes the context's year.
func (s *scanner) month(i int) (period, int, bool) {
	m, j, ok := s.monthAt(i)
	if !ok {
		return period{}, i, false
	}
	k := j
	if s.is(k, ",") {
		k++
	}
	// "Mar-2026", "Sep-08": a dash written tight between month and year.
	if s.dash(k) && !s.tok(k).space && s.tok(k+1) != nil && !s.tok(k+1).space {
		if y, ok := s.year4(k + 1); ok {
			return monthPeriod(y, m), k + 2, true
		}
		if n := s.tok(k + 1); n.digits == 2 && len(n.s) == 2 && !(s.tok(k+2) != nil && !s.tok(k+2).space && s.tok(k+2).digits > 0) {
			if _, isMonth := monthWords[low(s.tok(k+2))]; !isMonth {
				return monthPeriod(fullYear(n.num), m), k + 2, true
			}
		}
	}
	if y, ok := s.year4(k); ok {
		return monthPeriod(y, m), k + 1, true
	}
	if y, ok := s.year2(k); ok {
		return monthPeriod(y, m), k + 1, true
	}
	if y, ok := s.apostropheYear(k); ok { // "June '24"
		return monthPeriod(y, m), k + 2, true
	}
	if !s.lenient && !datePrepositions[low(s.tok(i-1))] && !s.is(j, "and", "to", "-", "until") {
		return period{}, i, false
	}
	if s.tok(i).low == "may" && !s.lenient && !s.tok(i).capital() {
		return period{}, i, false
	}
	return s.yearless(func(y int) period { return monthPeriod(y, m) }), j, true
}

// season reads "Spring, 2008", "winter 2007" (December 2007 – February
// 2008), "Winter 2007/08" and a season without a year.
func (s *scanner) season(i int) (period, int, bool) {
	t := s.tok(i)
	if t == nil {
		return period{}, i, false
	}
	first, ok := seasonWords[t.low]
	if !ok {
		return period{}, i, false
	}
	j := i + 1
	if s.is(j, "term") { // "summer term" is a school term, not a season
		return period{}, i, false
	}
	if s.is(j, "recess") { // "by Summer Recess 2013": Parliament's, in that season
		j++
	}
	if s.is(j, "of") {
		j++
	}
	if s.is(j, ",") {
		j++
	}
	if y, ok := s.year4(j); ok {
		k := j + 1
		// "Winter 2007/08" names the winter that starts in 2007.
		if first == 12 && (s.is(k, "/") || s.dash(k)) && s.tok(k+1) != nil && !s.tok(k+1).space {
			n := s.tok(k + 1)
			if (n.digits == 2 && (y+1)%100 == n.num) || (n.digits == 4 && n.num == y+1) {
				k += 2
			}
		}
		return seasonPeriod(y, first), k, true
	}
	if y, ok := s.year2(j); ok {
		return seasonPeriod(y, first), j + 1, true
	}
	if !s.lenient && !datePrepositions[low(s.tok(i-1))] && !(s.is(i-1, "the") && datePrepositions[low(s.tok(i-2))]) {
		return period{}, i, false
	}
	return s.yearless(func(y int) period { return seasonPeriod(y, first) }), i + 1, true
}

// connector reads what joins the two ends of a range: a dash, "to",
// "until", "through", or "and" after "between" (or when the first end has
// no year: "January and May 2003").
func (s *scanner) connector(i int, between bool, first period) (int, bool) {
	switch {
	case s.dash(i), s.is(i, "to", "until", "till", "through", "thru"):
		return i + 1, true
	case s.is(i, "/") && first.rebase != nil:
		return i + 1, true
	case s.is(i, "/") && s.tok(i+1) != nil && s.tok(i+1).isWord(): // "Autumn 2008/Spring 2009"
		return i + 1, true
	case s.is(i, "and") && (between || first.rebase != nil):
		return i + 1, true
	}
	return i, false
}

// candidate is one date expression found in a text.
type candidate struct {
	p          period
	start, end int // token range [start, end)
}

// expression reads a date, a range of two dates, and a trailing
// recurrence ("annually thereafter to 2010") starting at token i.
func (s *scanner) expression(i int) (candidate, bool) {
	p, j, ok := s.point(i)
	if !ok {
		return candidate{}, false
	}
	between := s.is(i-1, "between") || s.is(i-1, "from")
	if k, ok := s.connector(j, between, p); ok {
		if q, l, ok := s.point(k); ok {
			if p.rebase != nil && q.rebase == nil {
				y := q.start.Year()
				r := p.rebase(y)
				if r.start.After(q.start) {
					r = p.rebase(y - 1)
				}
				p = r
			}
			if p.rebase != nil && q.rebase != nil && q.start.Before(p.start) {
				rb := q.rebase
				q = rb(p.start.Year() + 1) // "October to March"
				q.rebase, q.inferred = rb, true
			}
			if !q.end.Before(p.start) && (p.rebase == nil || q.rebase != nil) {
				rng := period{start: p.start, end: q.end, prec: "range", yearOnly: p.yearOnly && q.yearOnly, inferred: p.inferred && q.inferred}
				if p.inferred && q.inferred {
					pr, qr := p.rebase, q.rebase
					rng.rebase = func(y int) period {
						a, b := pr(y), qr(y)
						if b.start.Before(a.start) {
							b = qr(y + 1)
						}
						return period{start: a.start, end: b.end, prec: "range"}
					}
				}
				p, j = rng, l
			}
		}
	}
	return s.recurrence(candidate{p: p, start: i, end: j})
}

// recurrence extends a date with ", annually thereafter", "quarterly
// thereafter to 2010", ", ongoing thereafter" or "onwards".
func (s *scanner) recurrence(c candidate) (candidate, bool) {
	j := c.end
	if s.is(j, ",", "and", ";") {
		j++
	}
	if s.is(j, "and") {
		j++
	}
	word := low(s.tok(j))
	if word == "twice" && s.is(j+1, "yearly") {
		word = "biannually"
		j++
	}
	if r, ok := recurrenceWords[word]; ok && s.is(j+1, "thereafter") {
		c.p.recurrence = r
		j += 2
		if s.is(j, "to", "until", "till") {
			if q, k, ok := s.point(j + 1); ok && !q.end.Before(c.p.start) && q.rebase == nil {
				c.p.end = q.end
				j = k
			}
		}
		c.end = j
	} else if s.is(c.end, "onwards", "onward") {
		c.p.recurrence = "ongoing"
		c.end++
	}
	return c, true
}

// candidates lists the date expressions of the text, left to right, without
// overlaps. In a sentence, dates that belong to a name ("2004 Regional
// Housing Strategy", "the April 2003 Health Summit") are left out.
func (s *scanner) candidates() []candidate {
	var out []candidate
	for i := 0; i < len(s.toks); i++ {
		c, ok := s.expression(i)
		if !ok {
			continue
		}
		if !s.lenient && (s.partOfName(c) || s.afterName(c)) {
			i = c.end - 1
			continue
		}
		out = append(out, c)
		i = c.end - 1
	}
	return out
}

// partOfName reports whether a date in running text is a modifier of a
// capitalised name that follows it.
func (s *scanner) partOfName(c candidate) bool {
	n := s.tok(c.end)
	if n == nil || !n.isWord() || !n.space {
		return false
	}
	if !n.capital() {
		// "in the 2000/2001 budget": a year after an article describes
		// the noun that follows.
		return c.p.yearOnly && determiners[low(s.tok(c.start-1))] && !datePrepositions[n.low]
	}
	if _, ok := monthWords[n.low]; ok {
		return false
	}
	if _, ok := seasonWords[n.low]; ok {
		return false
	}
	if c.p.yearOnly {
		return true
	}
	return determiners[low(s.tok(c.start-1))]
}

// afterName reports whether a year in running text ends a name: "the
// Terrorism Act 2000", "Money Laundering Regulations 2007", "Ilkley 2030".
func (s *scanner) afterName(c candidate) bool {
	p := s.tok(c.start - 1)
	if !c.p.yearOnly || p == nil || !p.capital() || s.toks[c.start].start-p.end > 1 {
		return false
	}
	w := p.low
	if datePrepositions[w] || deadlineWords[w] || partWords[w] > 0 || determiners[w] {
		return false
	}
	if _, ok := monthWords[w]; ok {
		return false
	}
	if _, ok := seasonWords[w]; ok {
		return false
	}
	switch w {
	case "fy", "q", "quarter", "year", "and", "or", "since", "until", "circa", "c":
		return false
	}
	return true
}
