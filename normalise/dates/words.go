package dates

// Word tables of the date grammar (see docs/dates.md). Keys are lower case.

var monthWords = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// seasonWords give the first month of each meteorological season.
var seasonWords = map[string]int{
	"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12,
}

var ordinalWords = map[string]int{
	"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
	"fourth": 4, "4th": 4, "final": 4, "last": 4,
}

// partWords narrow a period: early, mid and late take a third of it (the
// EDTF quadrimesters of a year).
var partWords = map[string]int{"early": 1, "mid": 2, "middle": 2, "late": 3}

// deadlineWords open a deadline without narrowing it: "end of March 2004"
// is March 2004, due by its end.
var deadlineWords = map[string]bool{"end": true, "beginning": true, "start": true, "close": true}

// prepositions that may stand before a date in running text; a month or
// season without a year is only read in a sentence after one of these.
var datePrepositions = map[string]bool{
	"by": true, "in": true, "from": true, "until": true, "till": true,
	"during": true, "before": true, "after": true, "since": true, "of": true,
	"to": true, "between": true, "around": true, "circa": true, "throughout": true,
}

// determiners that, before a date followed by a capitalised word, make the
// date part of a name ("the April 2003 Health Summit").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "our": true,
	"this": true, "his": true, "her": true, "that": true, "these": true,
}

// recurrenceWords map a printed frequency to Due.Recurrence.
var recurrenceWords = map[string]string{
	"annually": "annually", "annual": "annually", "yearly": "annually",
	"quarterly": "quarterly", "monthly": "monthly", "weekly": "weekly",
	"biannually": "six-monthly", "six-monthly": "six-monthly", "half-yearly": "six-monthly",
	"fortnightly": "fortnightly", "daily": "daily", "ongoing": "ongoing",
	"continuous": "ongoing", "continuing": "ongoing", "rolling": "ongoing",
}
