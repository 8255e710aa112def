package eval

import (
	"regexp"
	"strconv"
	"strings"
)

// The month a dated gold due expects, from the first season, month or
// financial year in its text (see the package doc).

var (
	seasonRe = regexp.MustCompile(`(?i)\b(spring|summer|autumn|fall|winter)\b[\s,]*((?:19|20)\d\d)\b`)
	monthRe  = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s,]*((?:19|20)\d\d)\b`)
	// "January and May 2003": the first month takes the year printed after
	// the second.
	monthPairRe = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*(?:and|to|-|–|—|/)\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s,]*((?:19|20)\d\d)\b`)
	// 2005/06, 2005/2006, 2005-06, "2002 - 2003 financial year",
	// "financial year 2002-03".
	fySlashRe = regexp.MustCompile(`\b((?:19|20)\d\d)\s*/\s*(\d\d(?:\d\d)?)\b`)
	fyDashRe  = regexp.MustCompile(`(?i)\b((?:19|20)\d\d)\s*[-–—]\s*(\d\d(?:\d\d)?)\b`)
	fyWordRe  = regexp.MustCompile(`(?i)financial\s+year|\bfy\b`)
)

var seasonMonth = map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

var monthNum = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// expectedMonth returns "YYYY-MM" for a due text that names a season, a
// month or a financial year, and "" for any other text.
func expectedMonth(text string) string {
	best, bestAt := "", len(text)+1
	take := func(at int, year, month int) {
		if at < bestAt && month >= 1 && month <= 12 {
			best, bestAt = ym(year, month), at
		}
	}
	for _, m := range seasonRe.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[4]:m[5]])
		take(m[0], y, seasonMonth[strings.ToLower(text[m[2]:m[3]])])
	}
	for _, m := range monthPairRe.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[4]:m[5]])
		take(m[0], y, monthNum[strings.ToLower(text[m[2]:m[3]])])
	}
	for _, m := range monthRe.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[4]:m[5]])
		take(m[0], y, monthNum[strings.ToLower(text[m[2]:m[3]])])
	}
	for _, m := range fySlashRe.FindAllStringSubmatchIndex(text, -1) {
		if y, ok := financialYear(text[m[2]:m[3]], text[m[4]:m[5]]); ok {
			take(m[0], y, 4)
		}
	}
	if fyWordRe.MatchString(text) {
		for _, m := range fyDashRe.FindAllStringSubmatchIndex(text, -1) {
			if y, ok := financialYear(text[m[2]:m[3]], text[m[4]:m[5]]); ok {
				take(m[0], y, 4)
			}
		}
	}
	return best
}

// financialYear checks that second follows first ("2005"/"06" or "2006")
// and returns the first year.
func financialYear(first, second string) (int, bool) {
	y, _ := strconv.Atoi(first)
	s, _ := strconv.Atoi(second)
	if len(second) == 2 {
		s += y / 100 * 100
		if s < y {
			s += 100
		}
	}
	return y, s == y+1
}

func ym(y, m int) string {
	return strconv.Itoa(y) + "-" + twoDigits(m)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// startMonth returns the "YYYY-MM" of an ISO start date, "" when it is not
// one.
func startMonth(iso string) string {
	if len(iso) < 7 || iso[4] != '-' {
		return ""
	}
	return iso[:7]
}
