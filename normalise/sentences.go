package normalise

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/planmap/planmap/normalise/dates"
)

// Sentences commit someone to something in several ways: a proposal ("It
// is proposed that the Council should ..."), a recommendation ("is
// recommended to agree ..."), a dated deliverable ("... to be developed by
// the steering group during 2005/06"), or a party and "will" ("We will
// introduce ...", commit.go). This file reads them; merge.go decides which
// are kept.

// sentenceAction records a commitment stated in a sentence: its leads are
// the sentence's own, never a section's delivery body.
func (n *normaliser) sentenceAction(text, ref string, due Due, lead string) {
	n.proseAction(text, ref, due, lead)
	if k := len(n.prose.drafts); k > 0 {
		n.prose.drafts[k-1].sentence = true
	}
}

// Commitment sentences.
var (
	itIsProposed = regexp.MustCompile(`(?i)\bit is (?:therefore |also |now )?(?:proposed|intended|planned|agreed|recommended) (that|to) (.+)$`)
	willDo       = regexp.MustCompile(`^(?:(?:The|the) ([a-z][a-z ]{2,40}?|[A-Z][\w&'’ -]{1,60}?)|([A-Z][A-Za-z&'’-]+(?: [A-Z][A-Za-z&'’-]+)*)) will (?:also |now |then )?(.+)$`)
	toBeDone     = regexp.MustCompile(`\bto be (?:developed|produced|prepared|completed|published|agreed|delivered|implemented|reviewed|launched|established|set up|drawn up|undertaken|introduced|finalised|submitted|presented|reported)\b`)
	recommended  = regexp.MustCompile(`(?i)\b(?:is|are) (?:recommended|asked|invited) to (.+)$`)
	ensureThat   = regexp.MustCompile(`(?i)\bensure that (?:the )?(.+)$`)
	deadlineDate = regexp.MustCompile(`(?i)\b(?:by|during|before|within|in|no later than|at the latest by)\s+(?:the\s+)?$`)
	agentRe      = regexp.MustCompile(`\bby ((?:the )?[A-Za-z][\w&'’ -]{2,60}?) (?:during|by|in|before|within|over)\b`)
	agentBy      = regexp.MustCompile(`\bby ((?:the |each |every |all )?[A-Za-z][\w&'’ -]{2,60}?)(?:\s+(?:with|during|by|in|before|within|over|and|to)\b|[,.;]|$)`)
	subjectRe    = regexp.MustCompile(`^(?:(the (?:[a-z][a-z ]{2,40}?|[A-Z][\w&'’ -]{1,60}?))|([A-Z][\w&'’ -]{1,60}?)) (?:should|will|shall|is to|are to)\b`)
)

// noteOnly matches recommendations that commit no one to anything.
var noteOnly = regexp.MustCompile(`(?i)^(?:note|consider|comment on|receive|be aware|acknowledge)\b`)

// deadline returns the date a clause is due by ("by 1 April 2006",
// "during the first part of 2005/06"), or "".
func deadline(clause string) (text string, end int) {
	t := dates.FindText(clause)
	if t == "" {
		return "", -1
	}
	i := strings.Index(clause, t)
	before := clause[:i]
	if !deadlineDate.MatchString(before) && !strings.HasPrefix(strings.ToLower(t), "end of") && !strings.HasPrefix(strings.ToLower(t), "the end of") && !strings.HasPrefix(strings.ToLower(t), "first part of") && !strings.HasPrefix(strings.ToLower(t), "the first part of") {
		return "", -1
	}
	return t, i + len(t)
}

// sentence records the commitment a sentence states, if any: by the
// rules for proposals, recommendations and dated deliverables, else as a
// sentence that commits a party.
func (n *normaliser) sentence(s, ref string) {
	k := len(n.prose.drafts)
	n.sentenceRules(s, ref)
	if len(n.prose.drafts) > k {
		n.decide(s, true, "a proposal, recommendation or dated deliverable")
		return
	}
	n.commitSentence(s, ref)
}

// commitSentence records a sentence that commits a party ("We will
// introduce ...", "The Home Office will ..."). Whether it is kept depends
// on the document (dedupeProse).
func (n *normaliser) commitSentence(s, ref string) {
	party, _, ok := commitParty(s)
	if !ok {
		return
	}
	if len(strings.Fields(s)) < 5 || strings.HasSuffix(s, "?") {
		return
	}
	lead := n.partyLead(party)
	n.proseAction(s, ref, n.findDue(s), lead)
	d := n.prose.drafts[len(n.prose.drafts)-1]
	d.sentence, d.commit, d.chapter = true, true, n.inActionChapter()
	why := "commits " + strconv.Quote(party)
	if d.chapter {
		why += " under a heading that announces actions"
	}
	n.decide(s, true, why)
}

func (n *normaliser) sentenceRules(s, ref string) {
	s = strings.TrimSpace(s)
	if m := itIsProposed.FindStringSubmatch(s); m != nil {
		clause := strings.TrimRight(m[2], ".")
		lead := ""
		if m[1] == "that" {
			if sm := subjectRe.FindStringSubmatch(clause); sm != nil {
				lead = strings.TrimSpace(sm[1] + sm[2])
				if !definiteBody(lead) {
					lead = ""
				}
			}
		}
		if lead == "" {
			if am := agentBy.FindStringSubmatch(clause); am != nil && definiteBody(am[1]) {
				lead = am[1]
			}
		}
		dt, _ := deadline(clause)
		if lead != "" || dt != "" {
			n.sentenceAction(clause, ref, n.dueOf(dt), lead)
		}
		return
	}
	if m := recommended.FindStringSubmatch(s); m != nil {
		clause := strings.TrimRight(m[1], ".")
		if dt, _ := deadline(clause); dt != "" {
			n.sentenceAction(n.commitmentClause(clause), ref, n.dueOf(dt), "")
		} else if !strings.HasSuffix(clause, ":") && !noteOnly.MatchString(clause) {
			// A decision the report asks for ("agree the framework"): a
			// commitment of the body recommended to, which is not named as
			// its owner (the owner of what is agreed is not said).
			n.sentenceAction(clause, ref, Due{}, "")
		}
		return
	}
	if m := willDo.FindStringSubmatch(s); m != nil && !strings.HasPrefix(m[3], "be ") && !selfParty(m[2]) {
		subj := strings.TrimSpace(m[1] + m[2])
		rest := strings.TrimRight(m[3], ".")
		if dt, end := deadline(rest); dt != "" {
			lead := ""
			if m[1] != "" {
				lead = "the " + m[1]
			} else {
				lead = subj
			}
			text := rest[:end]
			if !definiteBody(lead) {
				// "The delivery plan will need to be submitted by ...": the
				// subject is the thing to deliver, so it stays in the text.
				lead = ""
				text = s[:len(s)-len(m[3])] + text
			}
			n.sentenceAction(text, ref, n.dueOf(dt), lead)
			return
		}
	}
	if loc := toBeDone.FindStringIndex(s); loc != nil {
		rest := s[loc[1]:]
		if dt, end := deadline(rest); dt != "" {
			start := nounPhraseStart(s[:loc[0]])
			clause := s[start : loc[1]+end]
			lead := ""
			if am := agentRe.FindStringSubmatch(rest[:end] + " "); am != nil {
				if definiteBody(am[1]) {
					lead = am[1]
				}
			}
			n.sentenceAction(clause, ref, n.dueOf(dt), lead)
			return
		}
	}
	if m := ensureThat.FindStringSubmatchIndex(s); m != nil {
		clause := s[m[2]:]
		if dt, end := deadline(clause); dt != "" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(clause[strings.Index(clause, dt)-3:])), "by") {
			n.sentenceAction(clause[:end], ref, n.dueOf(dt), "")
		}
	}
}

// commitmentClause cuts a recommendation down to the thing committed to:
// "agree the Framework ... as the basis for a Plan to be developed during
// 2005/06" → "Plan to be developed during 2005/06".
func (n *normaliser) commitmentClause(clause string) string {
	if loc := toBeDone.FindStringIndex(clause); loc != nil {
		_, end := deadline(clause[loc[1]:])
		if end > 0 {
			return clause[nounPhraseStart(clause[:loc[0]]) : loc[1]+end]
		}
	}
	return clause
}

func (n *normaliser) dueOf(text string) Due {
	if text == "" {
		return Due{}
	}
	return n.parseDue(text)
}

// nounPhraseStart finds where the noun phrase ending at the end of s
// begins: after the last article within eight words.
func nounPhraseStart(s string) int {
	words := strings.Fields(s)
	pos := len(s)
	for i := len(words) - 1; i >= 0 && len(words)-i <= 9; i-- {
		pos = strings.LastIndex(s[:pos], words[i])
		w := strings.ToLower(words[i])
		if w == "a" || w == "an" || w == "the" || w == "that" || w == "for" || w == "of" {
			return pos + len(words[i]) + 1
		}
	}
	return pos
}

// definiteBody reports whether a subject names a body: a capitalised name
// or "the" + a group noun ("the steering group", "the Council").
var groupNoun = regexp.MustCompile(`(?i)\b(group|team|council|board|partnership|forum|panel|committee|network|executive|agency|office|service|department|authority|trust|alliance|unit|directorate|cabinet|assembly|commission)s?$`)

func definiteBody(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "this") || strings.HasPrefix(low, "it") || strings.HasPrefix(low, "we") || strings.HasPrefix(low, "they") {
		return false
	}
	return groupNoun.MatchString(s)
}

// splitSentences splits a paragraph at full stops followed by a capital.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(text); i++ {
		c := text[i]
		if (c == '.' || c == '!' || c == '?') && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' {
			// not after an abbreviation like "e.g." or an initial "H."
			w := finalWord(text[start : i+1])
			if len(w) <= 2 || strings.EqualFold(w, "e.g.") || strings.EqualFold(w, "i.e.") || strings.EqualFold(w, "etc.") {
				continue
			}
			out = append(out, strings.TrimSpace(text[start:i+1]))
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, strings.TrimSpace(text[start:]))
	}
	return out
}

// Delivery sentences name the body that leads a section's work.
var deliveredBy = regexp.MustCompile(`(?i)\b(?:will be|is being|are being|is|are)\s+(?:led|delivered|managed|co-ordinated|coordinated|taken forward|run|overseen)\s+(?:in partnership\s+)?(?:by|with)\s+(.+)$`)

var genericGroup = regexp.MustCompile(`^(?:a|the)\s+((?:[a-z]+\s+){0,3}?(?:group|team|partnership|board|forum|panel|committee|network))\b`)

// deliveryBodies reads the bodies a delivery sentence names.
func deliveryBodies(s string) []string {
	m := deliveredBy.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	rest := strings.TrimSpace(m[1])
	if g := genericGroup.FindStringSubmatch(rest); g != nil {
		return []string{g[1]}
	}
	names, _ := orgPhrases(rest)
	return names
}
