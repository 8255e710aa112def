package normalise

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/dates"
)

// Reports and web pages state their actions in prose: bullet lists under a
// heading such as "Activities" or after a lead-in such as "In 2009-10 we
// will:", and sentences that commit someone to something ("It is proposed
// that the Council should ...", "... to be developed by the steering group
// during 2005/06", "The steering group will ensure ... by the end of
// 2005/06"). Only clear commitments with an owner or a date are taken;
// descriptions of what has been done or of other bodies' recommendations
// are not actions.

type proseState struct {
	actionHeading bool   // under a heading that announces actions
	leadIn        string // the lead-in paragraph the current list follows
	leadInRef     string
	listActive    bool      // the list after the lead-in gives actions
	leadParty     string    // the party the lead-in commits ("the government will:")
	topLevel      int       // the level of the list's first item; deeper items are sub-items
	bareItems     int       // bare paragraphs read as items since the lead-in
	ownerLabel    bool      // the last heading labels the owner of the actions above
	ownerFrom     int       // the first prose draft an owner label may claim
	firstNum      string    // the first item number under the heading
	nextNum       string    // the number the list\'s next item would carry
	parent        *draft    // the last item, when it ends on a colon
	quietList     bool      // the items after the last paragraph are not actions
	sectionObj    Objective // a numbered section title in the text, kept through sub-headings
	parentText    string
	parentUsed    bool
	lastRef       string
	section       string // title set by a heading-like numbered paragraph
	drafts        []*draft
	delivery      []delivery
}

// delivery is a body a section says delivers its work.
type delivery struct {
	obj    Objective
	bodies []string
}

var actionHeadingRe = regexp.MustCompile(`(?i)^(?:[0-9.]+\s+)?(activities|actions?|key actions|action points|proposed actions|next steps|what we (?:will|can|plan to|propose to|intend to) do|how we will (?:get there|do it|deliver)|our commitments|commitments|recommendations?|we will|proposals|it is proposed)\b`)

func (p *proseState) heading(text string) {
	t := strings.TrimSpace(text)
	p.ownerLabel = proseOwner.MatchString(t) && len(strings.Fields(t)) <= 12
	if p.ownerLabel {
		return // the owner of the actions above, not a new section
	}
	p.actionHeading = (actionHeadingRe.MatchString(t) || actionChapterRe.MatchString(t)) && !oneAction.MatchString(t)
	p.leadIn, p.leadInRef, p.listActive, p.leadParty = "", "", false, ""
	p.topLevel, p.bareItems = -1, 0
	p.section = ""
	p.firstNum = ""
	p.parent = nil
	p.quietList = false
}

// oneAction matches the heading of one numbered action ("Action 11:
// Explore new powers"): its bullets are that action's parts.
var oneAction = regexp.MustCompile(`(?i)^action\s+[0-9]+[a-z]?\b`)

// questionItem matches an item that asks rather than commits.
var questionItem = regexp.MustCompile(`(?i)^(how|whether|why|what|which|who|is|are|do|does|can|should)\b|\?$`)

// inActionChapter reports whether an open heading announces actions.
func (n *normaliser) inActionChapter() bool {
	for _, h := range n.headings {
		if actionChapterRe.MatchString(h.text) || actionHeadingRe.MatchString(h.text) {
			return true
		}
	}
	return n.prose.actionHeading
}

// decide records a prose decision for planmap explain.
func (n *normaliser) decide(text string, action bool, why string) {
	n.plan.Prose = append(n.plan.Prose, ProseDecision{Page: n.curPage, Text: text, Action: action, Why: why})
}

// leadInCue matches a lead-in whose list states what will be done.
var leadInCue = regexp.MustCompile(`(?i)(\bwe (?:will|shall|intend to|plan to|propose to|aim to)|\b(?:is|are) (?:proposed |intended |planned )?to|\bit is (?:proposed|intended|planned|recommended) (?:to|that)|\brecommended to|\bactions? (?:are|will be)|\bwill be to|\bnext steps (?:are|will be))\b[^:]*:$`)

// isTitleText reports a short paragraph that reads as a heading.
func isTitleText(s string) bool {
	w := strings.Fields(s)
	return len(w) > 0 && len(w) <= 8 && upperStart(s) && !endsSentence(s) && !strings.HasSuffix(s, ",")
}

func (n *normaliser) listItem(b *layout.Block) {
	text := layout.Clean(b.Text)
	if text == "" {
		return
	}
	p := &n.prose
	if p.topLevel < 0 || b.Level < p.topLevel {
		p.topLevel = b.Level
	}
	if b.Level > p.topLevel {
		// A sub-item belongs to the item above it; under an item that
		// ends on a colon ("... will run pilots to:") each sub-item
		// completes it, and each is one action.
		if par := p.parent; par != nil {
			if !p.parentUsed {
				par.a.Text = strings.TrimSpace(par.a.Text) + " " + text
				p.parentUsed = true
			} else {
				c := *par
				c.a.Text = p.parentText + " " + text
				c.a.Leads = append([]string{}, par.a.Leads...)
				c.a.Milestones = []Milestone{}
				p.drafts = append(p.drafts, &c)
			}
			n.decide(text, true, "a sub-item completing "+strconv.Quote(clipText(p.parentText, 50)))
		}
		return
	}
	p.parent = nil
	ref := strings.TrimRight(strings.TrimSpace(b.Marker), ".)")
	if refNumber(ref) == "" || len(ref) > 8 {
		ref = ""
	}
	if ref != "" && p.firstNum == "" {
		p.firstNum = ref
	}
	// Items numbered from 1 under the heading are its list; numbers that
	// carry on the document's paragraph numbering ("23.") are paragraphs.
	listNumbered := ref != "" && startsList(p.firstNum) && (ref == p.firstNum || ref == p.nextNum)
	if listNumbered {
		p.nextNum = nextNumber(ref)
	}
	if listNumbered && p.actionHeading && !p.listActive && !isTitleText(text) && !questionItem.MatchString(text) && !actionChapterRe.MatchString(text) {
		// A numbered item under a heading that announces actions
		// ("Mitigating actions for Age": "1) It is proposed ..."), unless
		// a sentence rule finds the commitment inside it.
		k := len(p.drafts)
		heading := p.actionHeading
		n.paragraphText(text, ref, b.Page)
		p.actionHeading = heading
		if len(p.drafts) == k {
			n.listAction(text, ref)
		}
		return
	}
	if ref == "" {
		// A bullet: an action when it follows an action lead-in or sits
		// under an action heading.
		if p.quietList {
			n.decide(text, false, "an item after a lead-in to the document's structure, work done, or what another party may do")
			return
		}
		if (p.listActive || p.actionHeading) && !isTitleText(text) {
			if questionItem.MatchString(text) {
				n.decide(text, false, "a question, not a commitment")
				return
			}
			if crossRef.MatchString(text) {
				n.decide(text, false, "points to an action stated elsewhere")
				return
			}
			n.listAction(text, ref)
			return
		}
		n.decide(text, false, "a list item with no lead-in or heading that announces actions")
		return
	}
	// A numbered item stands for a numbered paragraph of the report.
	n.paragraphText(text, ref, b.Page)
}

// listAction records an item of a list of commitments, led by the party
// the lead-in names.
func (n *normaliser) listAction(text, ref string) {
	p := &n.prose
	if ref == "" {
		ref = p.leadInRef
	}
	party := p.leadParty
	if party == "" && !p.listActive {
		// "Actions Government will be taking forward": the heading names
		// the party.
		if m := partyWill.FindStringSubmatch(n.sectionHeading()); m != nil && !notParty.MatchString(m[1]) {
			party = m[1]
		}
	}
	// An item that names its own party ("Public Health England will
	// ...") is that party's.
	if own, ok := itemParty(text); ok && !selfParty(own) {
		party = own
	}
	// "We" is the publisher, unless the section says which body
	// delivers its work ("will be delivered by the Improvement
	// Service"): that is settled when the document has been read.
	lead := ""
	if !selfParty(party) || governmentWord(party) {
		lead = n.partyLead(party)
	}
	why := "an item under a heading that announces actions"
	if p.listActive {
		ss := splitSentences(p.leadIn)
		why = "an item after the lead-in " + strconv.Quote(clipText(ss[len(ss)-1], 60))
	}
	if lead != "" {
		why += "; lead " + strconv.Quote(lead)
	}
	n.decide(text, true, why)
	n.proseAction(text, ref, n.findDue(p.leadIn), lead)
	if k := len(p.drafts); k > 0 && strings.HasSuffix(strings.TrimSpace(text), ":") {
		p.parent, p.parentText, p.parentUsed = p.drafts[k-1], strings.TrimSpace(text), false
	}
	if k := len(p.drafts); k > 0 {
		p.drafts[k-1].listed = p.listActive
		p.drafts[k-1].chapter = p.actionHeading
		if due := n.findDue(text); due.Text != "" && p.drafts[k-1].a.Due.Text == "" {
			p.drafts[k-1].a.Due = due
		} else if tail := dashTimescale(text); tail != "" && p.drafts[k-1].a.Due.Text == "" {
			p.drafts[k-1].a.Due = n.parseDue(tail)
		}
	}
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (n *normaliser) paragraph(b *layout.Block) {
	text := layout.Clean(b.Text)
	if text == "" {
		return
	}
	if n.prose.ownerLabel {
		n.prose.ownerLabel = false
		n.owner(text)
		return
	}
	if m := proseOwner.FindString(text); m != "" && strings.Contains(m, ":") && len(text) > len(m) {
		n.owner(text[len(m):])
		return
	}
	// The rest of a bullet that a page or column break cut off.
	if n.continueProse(text) {
		return
	}
	ref := strings.TrimRight(strings.TrimSpace(b.Marker), ".)")
	if refNumber(ref) == "" {
		ref = ""
	}
	// The items of a list whose bullets the extractor lost: short
	// paragraphs after a lead-in, each an item ("...;", "... ; and").
	if ref == "" && n.prose.listActive && bareItem(text, n.prose.bareItems) {
		n.prose.bareItems++
		n.listAction(strings.TrimPrefix(text, "• "), "")
		return
	}
	if ref == "" {
		if r, rest := splitLeadingRef(text); r != "" && strings.Contains(r, ".") {
			ref, text = r, rest
		}
	}
	n.prose.listActive = false
	n.paragraphText(text, ref, b.Page)
}

// paragraphText reads a paragraph (or a numbered list item standing for
// one): a heading-like title, a lead-in to a list, or sentences.
func (n *normaliser) paragraphText(text, ref string, page int) {
	p := &n.prose
	p.listActive = false
	p.leadIn, p.leadInRef, p.leadParty, p.topLevel = "", "", "", -1
	p.parent = nil
	p.quietList = false
	if ref != "" {
		p.lastRef = ref
	}
	if m := numberedTitle.FindStringSubmatch(text); m != nil && ref == "" && !strings.Contains(m[1], "-") && isTitleText(m[2]) {
		// "19.Negative Impacts and Mitigating actions for Age": a section
		// number glued to its title.
		ref, text = m[1], strings.TrimSpace(m[2])
	}
	if isTitleText(text) {
		p.section = text
		p.actionHeading = actionHeadingRe.MatchString(text)
		// A numbered section title in the run of the text ("19. Negative
		// impacts and mitigating actions for Age") is the objective of
		// what follows, through the sub-headings under it.
		if ref != "" {
			p.sectionObj = Objective{Code: ref, Title: text}
		} else if m := numberedTitle.FindStringSubmatch(text); m != nil && !strings.Contains(m[1], "-") {
			p.sectionObj = Objective{Code: m[1], Title: strings.TrimSpace(m[2])}
		}
		return
	}
	if strings.HasSuffix(text, ":") {
		ss := splitSentences(text)
		last := ss[len(ss)-1]
		party, ok := leadInParty(last)
		// "We will legislate so that ... agencies will be able to:": the
		// lead-in is the commitment; what follows says what another
		// party may then do.
		if objectiveLeadIn.MatchString(last) {
			// "We will take action on four key priorities:": the items
			// are the plan's priorities, not actions.
			n.decide(text, false, "a lead-in to the plan's priorities or themes: its items are objectives")
			p.quietList = true
			return
		}
		if ok && selfParty(party) && secondParty(last) {
			for _, s := range ss[:len(ss)-1] {
				n.sentence(s, ref)
			}
			n.commitSentence(strings.TrimSuffix(last, ":"), ref)
			p.quietList = true
			return
		}
		if !ok && !p.actionHeading || !ok && (structureLeadIn.MatchString(last) || pastLeadIn.MatchString(last) || refusal.MatchString(last)) {
			// A lead-in to the document's structure, to work done or to
			// what will not be done: its items are not commitments.
			if structureLeadIn.MatchString(last) || pastLeadIn.MatchString(last) || refusal.MatchString(last) {
				p.quietList = true
			}
		}
		if p.actionHeading || ok {
			p.leadIn, p.leadInRef, p.listActive = text, ref, true
			p.leadParty, p.topLevel, p.bareItems = party, -1, 0
			n.decide(text, false, "a lead-in: the items after it are actions")
			for _, s := range ss[:len(ss)-1] {
				n.sentence(s, ref)
			}
			return
		}
	}
	for _, s := range splitSentences(text) {
		if bodies := deliveryBodies(s); len(bodies) > 0 {
			p.delivery = append(p.delivery, delivery{obj: n.proseObjective(), bodies: bodies})
		}
		n.sentence(s, ref)
	}
}

// continueProse joins a paragraph that starts lower-case to the prose
// action just read when that action's text does not end a sentence.
func (n *normaliser) continueProse(text string) bool {
	k := len(n.prose.drafts)
	if k == 0 || !n.prose.listActive && !n.prose.actionHeading || !lowerStart(text) {
		return false
	}
	last := n.prose.drafts[k-1]
	lt := strings.TrimSpace(last.a.Text)
	if last.sentence || endsSentence(lt) || strings.HasSuffix(lt, ";") || strings.HasSuffix(lt, "; and") || strings.HasSuffix(lt, "; or") {
		return false
	}
	last.a.Text = joinSplit(last.a.Text, text)
	return true
}

// proseTable reads a table that is not an action table but sits under an
// action heading (bullets laid out as a grid): each row with text is an
// action.
func (n *normaliser) proseTable(t *layout.Table) {
	if !n.prose.actionHeading && !n.prose.listActive {
		return
	}
	for _, r := range t.Rows {
		var parts []string
		for _, c := range r.Cells {
			if !c.Covered {
				if tx := layout.Clean(c.Text()); tx != "" && !bulletMarker(tx) {
					parts = append(parts, tx)
				}
			}
		}
		text := strings.Join(parts, " ")
		if len(parts) == 0 || len(parts) > 2 || len(strings.Fields(text)) < 3 {
			continue
		}
		if k := len(n.prose.drafts); k > 0 && lowerStart(text) && !endsSentence(n.prose.drafts[k-1].a.Text) {
			n.prose.drafts[k-1].a.Text = joinSplit(n.prose.drafts[k-1].a.Text, text)
			continue
		}
		n.proseAction(text, n.prose.leadInRef, n.findDue(n.prose.leadIn), "")
	}
}

// proseObjective is the objective of prose at this point.
func (n *normaliser) proseObjective() Objective {
	if o := n.headingObjective(); o.Code != "" || (o.Title != "" && n.prose.sectionObj.Code == "") {
		return o
	}
	if o := n.prose.sectionObj; o.Code != "" {
		return o
	}
	if n.prose.section != "" {
		return Objective{Title: n.prose.section}
	}
	return Objective{Title: n.sectionTitle()}
}

// proseAction records an action stated in prose.
func (n *normaliser) proseAction(text, ref string, due Due, lead string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	d := newDraft(Action{Ref: ref, Text: text, Due: due, Objective: n.proseObjective(), Source: Source{File: n.file, Page: n.page()}})
	if lead != "" {
		d.a.Leads = []string{lead}
	}
	d.a.Document = n.name
	d.section = n.sectionNo
	n.prose.drafts = append(n.prose.drafts, d)
}

func (n *normaliser) page() int { return n.curPage }

// bareItem reports a paragraph that reads as an item of the list a lead-in
// opened: short, and either starting lower-case, ending on ";" or ", and",
// or starting with a verb.
func bareItem(text string, seen int) bool {
	w := len(strings.Fields(text))
	if w == 0 || w > 70 {
		return false
	}
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "• ") || lowerStart(t) || strings.HasSuffix(t, ";") || strings.HasSuffix(t, "; and") || strings.HasSuffix(t, "; or") {
		return true
	}
	return seen > 0 && startsVerb(t) && w <= 40
}

// sectionHeading is the innermost open heading's text.
func (n *normaliser) sectionHeading() string {
	if k := len(n.headings); k > 0 {
		return n.headings[k-1].text
	}
	return ""
}

// dashTimescale returns the timescale a list item ends on after a dash
// ("Continue to promote ... – ongoing", "... - from summer 2013").
func dashTimescale(text string) string {
	t := strings.TrimRight(strings.TrimSpace(text), ".;")
	for _, sep := range []string{" – ", " — ", " - "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			tail := strings.TrimSpace(t[i+len(sep):])
			if len(strings.Fields(tail)) <= 6 && (timescaleWords.MatchString(tail) || dates.FindText(tail) != "") {
				return tail
			}
		}
	}
	return ""
}

// startsList reports an item number that opens a list: 1, a, i.
func startsList(ref string) bool {
	switch strings.ToLower(strings.Trim(ref, "().")) {
	case "1", "a", "i":
		return true
	}
	return false
}

// crossRef matches an item that points to actions stated elsewhere
// ("Develop digital capability within our staff – actions 3 and 4").
var crossRef = regexp.MustCompile(`(?i)[–—-]\s*(?:see\s+)?(?:actions?|recommendations?|paragraphs?|section)\s+[0-9][0-9.]*(?:\s*(?:,|and|&|-|–)\s*[0-9][0-9.]*)*\.?$`)

// secondParty reports a lead-in whose colon clause has a subject of its
// own after the committing one ("we will legislate so that agencies will
// be able to:").
func secondParty(s string) bool {
	return len(partyWill.FindAllStringSubmatchIndex(s, -1)) >= 2 || otherCan.MatchString(s)
}

// otherCan matches a clause in which another party will be able (or
// required) to do what follows.
var otherCan = regexp.MustCompile(`(?i)\bso that\b.*\bwill (?:be able to|be required to|need to|have to|be expected to|be free to)\s*:?$`)

// objectiveLeadIn matches a lead-in to a list of priorities, themes or
// outcomes.
var objectiveLeadIn = regexp.MustCompile(`(?i)\b(?:key |main |strategic |following |these |our |its |five |four |three |six |two )?(priorities|objectives|themes|aims|goals|outcomes|principles|strands|pillars|ambitions)\s*(?:are|is|as follows)?\s*:$`)

// nextNumber is the item number after ref: "1" → "2", "a" → "b", "" when
// ref is neither.
func nextNumber(ref string) string {
	r := strings.ToLower(strings.Trim(ref, "().:"))
	if v, err := strconv.Atoi(r); err == nil {
		return strconv.Itoa(v + 1)
	}
	if len(r) == 1 && r[0] >= 'a' && r[0] < 'z' {
		return string(r[0] + 1)
	}
	return ""
}
