package normalise

import "strings"

// draft is an action while the document is being read: the Action plus
// what later passes (merging, leads, milestones leads) need to know.
type draft struct {
	a Action
	// alt is the other printed wording of the same action (from a second
	// table that names the same reference).
	alt string
	// leadCol is set when the action came from a table with a lead column:
	// its leads are as printed there and are never guessed from the text.
	leadCol bool
	// rowLeads are the leads of the row read last, which an empty lead
	// cell on a continuation row repeats.
	rowLeads []string
	rowParts []string
	// msLeads holds, per milestone, the leads printed for it.
	msLeads [][]string
	// lastMs and lastOut index the last milestone appended from each column
	// role, so a paragraph split by a page break can be rejoined.
	lastMs map[Role]int
	// table is the 1-based number of the table the action came from, 0 for
	// prose.
	table int
	// sentence is set on prose actions read from a sentence.
	sentence bool
	// commit is set on a sentence that commits a party ("We will ...");
	// chapter when it sits under a heading that announces actions.
	commit, chapter bool
	// listed is set on an item of a list after a commitment lead-in.
	listed bool
	// owned is set when an owner label gave the leads.
	owned bool
	// section numbers the heading the draft was read under.
	section int
	// owner is the lead named by the heading the draft was read under, and
	// ownerHeading that heading (accountability.go).
	owner, ownerHeading string
	// leadWhy says where the leads came from (Action.LeadWhy).
	leadWhy string
}

func newDraft(a Action) *draft {
	if a.Milestones == nil {
		a.Milestones = []Milestone{}
	}
	return &draft{a: a, lastMs: map[Role]int{}}
}

// addMilestone appends a milestone with its leads.
func (d *draft) addMilestone(m Milestone, leads []string, from Role) {
	d.a.Milestones = append(d.a.Milestones, m)
	d.msLeads = append(d.msLeads, leads)
	d.lastMs[from] = len(d.a.Milestones) - 1
}

// endsSentence reports whether a paragraph ends where a sentence may end,
// so the next paragraph cannot be its continuation.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';', ')', '"':
		return true
	}
	return strings.HasSuffix(s, "’") || strings.HasSuffix(s, "”")
}

// joinSplit joins two pieces of one paragraph split by a page or column
// break.
func joinSplit(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasSuffix(a, "-") && !strings.HasSuffix(a, " -") && lowerStart(b):
		return a + b
	}
	return a + " " + b
}
