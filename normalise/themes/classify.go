package themes

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Where the evidence for a theme was found, strongest first. An action's
// own words decide; the objective it sits under speaks for an action whose
// words name no topic (a plan's objective "Decent, affordable housing"
// makes its neutral "set up a working group" a housing action, but not its
// "reduce crime" action); the lead and the document's title speak only for
// an action with no theme at all (a health body's otherwise neutral action
// leans to health).
const (
	FromAction    = "action"
	FromObjective = "objective"
	FromLead      = "lead"
	FromDocument  = "document"
)

// Action is what the classifier reads about one action.
type Action struct {
	Text      string   // the action as printed
	Objective string   // the objective or section it sits under
	Leads     []string // its lead organisations, as printed or canonical
	Document  string   // the document's title
}

// Evidence is why an action has a theme.
type Evidence struct {
	Theme  string `json:"theme"`
	Phrase string `json:"phrase"` // the words matched, as printed
	Rule   string `json:"rule"`   // the taxonomy pattern that matched
	Kind   string `json:"kind"`   // topic, means, weak or lead
	From   string `json:"from"`   // action, objective, lead or document
	start  int    // where the phrase starts in its text
}

// String is the evidence as one line: "housing: matched 'homeless*' in
// 'homelessness'", with "(objective)", "(lead)" or "(document)" after it
// when it did not come from the action's own words.
func (e Evidence) String() string {
	if e.Theme == Unclassified {
		return Unclassified + ": no rule matched"
	}
	s := fmt.Sprintf("%s: matched '%s'", e.Theme, e.Rule)
	if !strings.EqualFold(e.Phrase, e.Rule) {
		s += fmt.Sprintf(" in '%s'", e.Phrase)
	}
	if e.From != FromAction && e.From != "" {
		s += " (" + e.From + ")"
	}
	return s
}

// Classify returns the themes of a text read as an action on its own, and
// for each the rule that fired. Kept for callers without context; see
// ClassifyAction.
func (t *Taxonomy) Classify(text string) (themes, rules []string) {
	themes, ev := t.ClassifyAction(Action{Text: text})
	return themes, Rules(ev)
}

// Rules renders evidence as one line each (Evidence.String).
func Rules(ev []Evidence) []string {
	out := make([]string, len(ev))
	for i, e := range ev {
		out[i] = e.String()
	}
	return out
}

// ClassifyAction returns an action's themes in taxonomy order and the
// evidence for each (one per theme, the strongest). An action nothing
// matches gets Unclassified.
func (t *Taxonomy) ClassifyAction(a Action) (themes []string, evidence []Evidence) {
	if t == nil {
		t = DefaultTaxonomy()
	}
	found := map[string]Evidence{}
	var weak []Evidence
	topic := false
	for _, e := range examples(t.match(a.Text, FromAction), a.Text) {
		switch {
		case e.Kind == Weak.String():
			weak = append(weak, e)
			continue
		case e.Kind == Topic.String():
			topic = true
		}
		if _, ok := found[e.Theme]; !ok {
			found[e.Theme] = e
		}
	}
	// Context, for what the action's own words leave open.
	var context []Evidence
	if !topic {
		context = topics(t.match(a.Objective, FromObjective))
	}
	if len(found) == 0 && len(context) == 0 {
		for _, l := range a.Leads {
			context = append(context, topics(t.match(l, FromLead))...)
		}
		if len(context) == 0 {
			context = topics(t.match(a.Document, FromDocument))
		}
	}
	for _, e := range context {
		if _, ok := found[e.Theme]; !ok {
			found[e.Theme] = e
		}
	}
	// A weak match only confirms: its theme needs other evidence (a
	// stronger match in the action, or the context), which then stands.
	_ = weak
	if len(found) == 0 {
		return []string{Unclassified}, []Evidence{{Theme: Unclassified}}
	}
	for th := range found {
		themes = append(themes, th)
	}
	sort.Slice(themes, func(i, j int) bool { return t.order[themes[i]] < t.order[themes[j]] })
	for _, th := range themes {
		evidence = append(evidence, found[th])
	}
	return themes, evidence
}

// exampleMarker introduces a list of examples.
var exampleMarker = regexp.MustCompile(`(?i)\b(such as|including|in relation to|for example|for instance|e\.g\.)`)

// examples demotes to weak the topic matches in a list of examples when
// the list spans several themes the action does not otherwise name: "help
// companies develop digital solutions, including in health and care,
// transport, energy" is not a health, transport or energy action.
func examples(ev []Evidence, text string) []Evidence {
	loc := exampleMarker.FindStringIndex(text)
	if loc == nil {
		return ev
	}
	before, after := map[string]bool{}, map[string]bool{}
	for _, e := range ev {
		if e.Kind != Topic.String() {
			continue
		}
		if e.start < loc[0] {
			before[e.Theme] = true
		} else {
			after[e.Theme] = true
		}
	}
	n := 0
	for th := range after {
		if !before[th] {
			n++
		}
	}
	if n < 2 {
		return ev
	}
	out := append([]Evidence(nil), ev...)
	for i := range out {
		if out[i].Kind == Topic.String() && out[i].start >= loc[0] && !before[out[i].Theme] {
			out[i].Kind = Weak.String()
		}
	}
	return out
}

// topics keeps the topic matches of a context (objective, lead, document).
func topics(ev []Evidence) []Evidence {
	var out []Evidence
	for _, e := range ev {
		if e.Kind == Topic.String() || e.Kind == Lead.String() {
			out = append(out, e)
		}
	}
	return out
}

// match finds every rule's first match in text that its neighbours do not
// discard. Lead rules match only in a lead's name.
func (t *Taxonomy) match(text, from string) []Evidence {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var out []Evidence
	lower := strings.ToLower(text)
	for _, r := range t.rules {
		if r.kind == Lead && from != FromLead {
			continue
		}
		if r.literal != "" && !strings.Contains(lower, r.literal) {
			continue
		}
		for off := 0; off < len(text); {
			loc := r.re.FindStringIndex(text[off:])
			if loc == nil {
				break
			}
			start, end := off+loc[0], off+loc[1]
			if r.unless != nil && r.unless.MatchString(window(text, start, end, 4)) {
				off = end
				if end == start {
					off++
				}
				continue
			}
			out = append(out, Evidence{Theme: r.theme, Phrase: text[start:end], Rule: r.pattern, Kind: r.kind.String(), From: from, start: start})
			break
		}
	}
	return out
}

// window is text[start:end] widened by n words either side.
func window(text string, start, end, n int) string {
	s := start
	for i := 0; i < n && s > 0; i++ {
		s = strings.LastIndexAny(strings.TrimRight(text[:s], " \t\n"), " \t\n") + 1
		if s <= 0 {
			s = 0
			break
		}
	}
	e := end
	for i := 0; i < n && e < len(text); i++ {
		rest := strings.TrimLeft(text[e:], " \t\n")
		e = len(text) - len(rest)
		j := strings.IndexAny(rest, " \t\n")
		if j < 0 {
			e = len(text)
			break
		}
		e += j
	}
	return text[s:e]
}
