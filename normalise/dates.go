package normalise

// DateContext is what a date string cannot say by itself.
type DateContext struct {
	// Year is used for a date printed without one ("by October"); 0 = none.
	Year int
}

// ParseDue reads a due date as printed into a Due interval.
func ParseDue(text string, ctx DateContext) Due {
	return Due{Text: text}
}
