package normalise

import (
	"regexp"
	"strings"

	"github.com/planmap/planmap/normalise/orgs"
)

// Commitments in prose are found by who commits, not by how a sample
// happened to format them. A lead-in ("In order to achieve this the
// government will:", "The Council will:", "We will help to achieve this
// by:", "The actions that we will undertake include:") makes the items
// after it actions, whether the extractor saw them as list items or as bare
// paragraphs; the party it names is their lead, and "we" or "the
// Government" is the body that publishes the document. A sentence that
// commits a party ("We will introduce ...", "The Home Office will ...",
// "Oxfordshire commits to ...") is an action where the document states its
// actions in prose: in a chapter whose heading announces actions, or in a
// document that has no other structure of actions.

// ProseDecision records why a candidate sentence or item became an action
// or did not (planmap explain).
type ProseDecision struct {
	Page   int    `json:"page"`
	Text   string `json:"text"`
	Action bool   `json:"action"`
	Why    string `json:"why"`
}

// partyWill finds a committing party: the subject before "will", "shall",
// "commits to" … in a clause.
var partyWill = regexp.MustCompile(`(?:^|\s|[,;:]\s*)((?:we|the government|government|hm government|hmg|(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[a-z]+){0,3}\s+(?:councils|authorities|partners|bodies|agencies|departments|boards|organisations)|the\s+(?:[a-z]+\s+){0,3}(?:councils|authorities|partners|bodies|agencies|departments|boards|organisations)(?:\s+(?:across|of|in)\s+[A-Z][\w'’-]+)?|(?:the\s+)?[A-Z][\w&'’()-]*(?:\s+(?:of|for|and|&|the|[A-Z][\w&'’()-]*)){0,7}))\s+(?:will|shall|commits? to|is committed to|are committed to|has committed to|have committed to|agrees? to|intends? to|plans? to|proposes? to|is to|are to|aims? to)\b`)

// sentenceParty is partyWill at the start of a sentence, after an optional
// short introductory clause ("In 2013, we will ...", "From April 2014,
// all new services will ...").
var sentenceParty = regexp.MustCompile(`^(?:(?:also|and|finally|in addition|further|furthermore|alongside this|as part of this|to (?:do|achieve) this|[^,]{1,120}),\s+)?((?:we|the government|government|hm government|hmg|(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[a-z]+){0,3}\s+(?:councils|authorities|partners|bodies|agencies|departments|boards|organisations)|the\s+(?:[a-z]+\s+){0,3}(?:councils|authorities|partners|bodies|agencies|departments|boards|organisations)(?:\s+(?:across|of|in)\s+[A-Z][\w'’-]+)?|(?:the\s+)?[A-Z][\w&'’()-]*(?:\s+(?:of|for|and|&|the|\(?[A-Z][\w&'’-]*\)?)){0,7}))\s+(?:will|shall|commits? to|is committed to|are committed to|has committed to|have committed to|agrees? to|intends? to|is to|are to)\s+(?:also\s+|now\s+|then\s+|continue to\s+|further\s+)?(\w+)`)

// notCommitVerb are words after "will" that say something will happen,
// not that someone will do it ("will be", "will have", "will need").
var notCommitVerb = map[string]bool{
	"be": true, "have": true, "need": true, "not": true, "take": false,
	"also": false, "mean": true, "allow": true, "enable": false, "help": false,
	"benefit": true, "continue": false, "result": true, "depend": true,
	"remain": true, "vary": true, "become": true, "face": true, "see": true,
	"want": true, "expect": true, "know": true, "find": true, "feel": true,
	"get": true, "come": true, "happen": true, "apply": true,
	"form": true, "include": true, "cover": true, "require": true, "reflect": true,
	"receive": true, "pay": true, "ensure": false, "look": false, "set": false,
}

// selfWords are the subjects that stand for the publisher.
func selfParty(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "we", "the government", "government", "hm government", "hmg", "the council", "the department":
		return true
	}
	return false
}

// notParty are capitalised subjects that are not bodies.
var notParty = regexp.MustCompile(`(?i)^(?:the\s+)?(this|these|that|those|it|they|there|he|she|you|i|our|their|its|each|all|every|some|many|most|such|any|both|either|neither|what|which|who|how|when|where|if|as|while|although|once|in|on|at|by|for|from|with|under|over|after|before|during|funding|work|the (?:strategy|plan|document|report|changes?|programme|scheme|review|framework|system|new|process|fund|money|deal|agreement))\b`)

// commitParty returns the committing party of a sentence and the verb it
// commits to, or ok=false.
func commitParty(s string) (party, verb string, ok bool) {
	if m := sentenceParty.FindStringSubmatch(s); m != nil && strings.EqualFold(m[2], "lead") && leadsTo.MatchString(s) {
		return "", "", false // "will lead to": a consequence
	}
	if m := withParty.FindStringSubmatch(s); m != nil && !notParty.MatchString(m[1]) && !notCommitVerb[strings.ToLower(m[2])] {
		return strings.TrimSpace(m[1]), strings.ToLower(m[2]), true
	}
	m := sentenceParty.FindStringSubmatch(s)
	if m == nil {
		// "The strategy makes a commitment that the government will
		// ...", "It gives a clear commitment to test ...".
		if c := commitmentNoun.FindStringSubmatch(s); c != nil {
			if c[1] != "" && !selfParty(c[1]) {
				return c[1], "", true
			}
			return "we", "", true
		}
		return "", "", false
	}
	party, verb = strings.TrimSpace(m[1]), strings.ToLower(m[2])
	if notCommitVerb[verb] {
		return "", "", false
	}
	if selfParty(party) {
		return party, verb, true
	}
	if notParty.MatchString(party) || !upperStart(party) && !strings.HasPrefix(strings.ToLower(party), "the ") {
		return "", "", false
	}
	bare := strings.TrimPrefix(strings.TrimPrefix(party, "the "), "The ")
	if !definiteBody(party) && !orgCell(bare, nil) && !orgs.IsAcronym(bare) && !placeName(bare) {
		return "", "", false
	}
	return party, verb, true
}

// placeName reports a single capitalised word or two (a county, a city)
// that a deal or plan uses for its councils ("Oxfordshire will ...").
func placeName(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for _, x := range w {
		if !upperStart(x) {
			return false
		}
	}
	low := strings.ToLower(w[len(w)-1])
	for _, suf := range []string{"shire", "land", "ford", "ham", "ton", "ton's", "don", "pool", "ster", "wall", "mouth", "bury", "field", "wick", "sex", "folk", "kent", "medway", "london", "wales", "scotland", "england", "ireland", "uk"} {
		if strings.HasSuffix(low, suf) {
			return true
		}
	}
	return false
}

// leadInParty returns the party a lead-in commits ("... the government
// will:") and whether the lead-in announces a list of commitments.
func leadInParty(s string) (party string, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ":") || refusal.MatchString(s) {
		return "", false
	}
	if m := partyWill.FindStringSubmatch(s); m != nil && !pastLeadIn.MatchString(s) {
		p := strings.TrimSpace(m[1])
		if selfParty(p) {
			return p, true
		}
		if !notParty.MatchString(p) {
			return p, true
		}
	}
	if notCommitLeadIn.MatchString(s) || structureLeadIn.MatchString(s) {
		return "", false
	}
	if leadInCue.MatchString(s) || listCue.MatchString(s) {
		return "", true
	}
	return "", false
}

// notCommitLeadIn matches a lead-in that says what will not be done or
// what has been done already.
var notCommitLeadIn = regexp.MustCompile(`(?i)\b(will not|won't|shall not|should not|must not|has (?:already )?(?:taken|been|done|made|set|put|introduced|delivered|achieved)|have (?:already )?(?:taken|been|done|made|set|put|introduced|delivered|achieved)|had|already|was|were|did|priority is|aim is|ambition is|vision is)\b`)

// refusal matches a lead-in to what will not be done.
var refusal = regexp.MustCompile(`(?i)\b(will not|won't|shall not|should not|must not)\b`)

// pastLeadIn matches a lead-in to what has been done.
var pastLeadIn = regexp.MustCompile(`(?i)\b(has|have|had) (?:already )?(?:taken|been|done|made|set|put|introduced|delivered|achieved)\b`)

// structureLeadIn matches a lead-in to the document's own structure
// ("This document sets out our plan of action ...:", "The following
// chapters cover:").
var structureLeadIn = regexp.MustCompile(`(?i)\b(this (?:document|strategy|report|plan|chapter|section|paper)|the following (?:chapters|sections|pages)|sets? out|is structured|is organised|are organised)\b`)

// listCue matches a lead-in that names what follows as actions or
// commitments ("Key actions include:", "Our commitments are:").
var listCue = regexp.MustCompile(`(?i)\b(actions?|commitments?|next steps|steps|measures|deliverables|priorities for action|we will|will be taking forward)\b[^:.]{0,60}\b(include|includes|are|will be|is|by|through|as follows)?\s*:$`)

// partyLead turns a committing party into a lead: the publisher for "we"
// and "the Government", the named body otherwise.
func (n *normaliser) partyLead(party string) string {
	if party == "" {
		return ""
	}
	if f := strings.Fields(party); len(f) > 1 && selfParty(f[len(f)-1]) {
		party = f[len(f)-1] // "Actions Government will ...": the Government
	}
	if selfParty(party) {
		pub := n.publisher()
		// "The Government will" in a deal a council or agency prints is
		// the national government's commitment, not the printer's.
		if governmentWord(party) && (pub == "" || orgs.GuessKind(pub) != orgs.KindDepartment) {
			return "HM Government"
		}
		return pub
	}
	p := strings.TrimSpace(party)
	p = strings.TrimPrefix(p, "the ")
	p = strings.TrimPrefix(p, "The ")
	return p
}

// publisher is the body "we" stands for: the manifest's or the document's
// stated publisher, else the body the document names most as itself.
func (n *normaliser) publisher() string {
	if n.pub != nil {
		return *n.pub
	}
	p := ""
	if e, ok := n.opt.manifestFor(n.file); ok && e.Body != "" {
		p = e.Body
	} else if names := publishers(n.doc); len(names) > 0 {
		p = names[0]
	} else if signed := signingDepartments(n.doc); len(signed) > 1 {
		// A foreword signed by the ministers of two departments: a joint
		// publication, both of them "we".
		p = signed[0]
		n.copublishers = signed[1:]
	} else if p = inferPublisher(n.doc, n.plan.Acronyms, n.opt.Orgs); p == "" {
		p = n.plan.Meta.Body
	}
	if i := strings.Index(p, ";"); i > 0 {
		p = strings.TrimSpace(p[:i])
	}
	n.pub = &p
	n.plan.Publisher = p
	return p
}

// actionChapterRe matches a heading that announces the actions of what
// follows, however it is worded ("A plan of action", "Key next steps",
// "The 14 actions", "Our commitments", "What we will do").
var actionChapterRe = regexp.MustCompile(`(?i)^(?:[0-9.]+\s+|part \w+:?\s+|chapter \w+:?\s+|section \w+:?\s+)?(?:[\w'’-]+\s+){0,3}?(?:plan of action|actions|next steps|commitments|what we will do|what we are going to do|how we will (?:deliver|do it|get there)|we will)\b(?:\s+[\w'’-]+){0,5}\s*:?$`)

// governmentWord reports a subject that names the national government.
func governmentWord(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "the government", "government", "hm government", "hmg":
		return true
	}
	return false
}

// commitmentNoun matches a sentence that states a commitment as a noun
// ("makes a commitment that the government will", "a clear commitment
// to test").
var commitmentNoun = regexp.MustCompile(`(?i)\b(?:makes?|gives?|provides?|sets? out|contains?|includes?)\s+(?:a|an|the|our|its)?\s*(?:clear |firm |new |further )?commitments?\s+(?:that\s+(the government|government|we|[A-Z][\w&'’ -]{1,50}?)\s+will|to)\b`)

var leadsTo = regexp.MustCompile(`(?i)\bwill (?:also )?lead to\b`)

// withParty matches a named party that commits together with others:
// "Public Health England (PHE) in partnership with Greater Manchester will
// ...".
var withParty = regexp.MustCompile(`^((?:The\s+)?[A-Z][\w&'’-]*(?:\s+(?:of|for|and|&|the|\(?[A-Z][\w&'’-]*\)?)){0,7})\s*,?\s+(?:in partnership with|working with|together with|alongside|with the support of|supported by|and its partners)\b[^.]{1,120}?\s+will\s+(?:also\s+|continue to\s+)?(\w+)`)

// progressiveParty matches an item that says what a named body is doing
// ("Gloucestershire Jobcentre Plus District is also conducting ...", "The
// newly formed Centre for Ageing Better is pleased to be working with").
var progressiveParty = regexp.MustCompile(`^(?:The\s+)?(?:newly formed\s+|new\s+)?([A-Z][\w&'’-]*(?:\s+(?:of|for|and|&|the|\(?[A-Z][\w&'’-]*\)?)){0,8})(?:\s*,?\s+(?:in partnership with|working with|together with|with)\b[^.,]{1,80}?,?)?\s+(?:is|are)\s+(?:also\s+|now\s+|already\s+|pleased to be\s+|currently\s+)*(?:working|conducting|developing|piloting|running|leading|funding|delivering|testing|trialling|exploring|reviewing|building|supporting|establishing|commissioning|commencing|starting|undertaking|preparing|producing|planning|launching)\b`)

// itemParty is the party an item of a list of actions names as doing it:
// a committing party, or a named body said to be doing it now.
func itemParty(text string) (string, bool) {
	if p, _, ok := commitParty(text); ok {
		return p, true
	}
	if m := progressiveParty.FindStringSubmatch(text); m != nil {
		p := strings.TrimSpace(m[1])
		if !notParty.MatchString(p) && (orgs.Like(p, nil) || orgCell(p, nil) || definiteBody(p)) {
			return p, true
		}
	}
	return "", false
}
