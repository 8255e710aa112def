package normalise

import (
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/orgs"
	"regexp"
	"strings"
	"unicode"
)

// One commitment printed twice is one action. A report that prints its
// annotated plan and a progress table under the same references (1a, 12e(v))
// gives ONE action per reference: at the first table's position, with the
// wording and milestones of the table that has milestones, the priority of
// the other, and the other wording kept as the alternative. Prose that
// restates a commitment (a recommendation repeating a paragraph) is folded
// the same way.

// mergeKey identifies an action across tables: objective code and a
// reference that carries a letter or sub-number ("1a", "12e(v)", "4.3").
func mergeKey(a Action) string {
	r := a.Ref
	if r == "" || refNumber(r) == r {
		return ""
	}
	return a.Objective.Code + "|" + r
}

func (n *normaliser) mergeRefs() {
	first := map[string]*draft{}
	var out []*draft
	for _, d := range n.drafts {
		k := mergeKey(d.a)
		if k == "" {
			out = append(out, d)
			continue
		}
		prev, ok := first[k]
		if !ok || prev.table == d.table {
			if !ok {
				first[k] = d
			}
			out = append(out, d)
			continue
		}
		mergeInto(prev, d)
	}
	n.drafts = out
	n.mergeRestated()
}

// mergeRestated folds an action that a later table restates (a summary
// table repeated in the body) into the first: same reference and words
// that mostly overlap, or nearly the same words.
func (n *normaliser) mergeRestated() {
	var out []*draft
	for _, d := range n.drafts {
		merged := false
		if d.table > 0 {
			for _, k := range out {
				if k.table == 0 || k.table == d.table {
					continue
				}
				ov := textOverlap(k.a.Text, d.a.Text)
				sameRef := k.a.Ref != "" && k.a.Ref == d.a.Ref
				// The same words under two owners are two commitments: each
				// directorate's input to one shared outcome ("… ~ CYPE
				// input", "… ~ Public Health input").
				if !sameRef && ((k.owner != "" && d.owner != "" && k.owner != d.owner) || (len(k.a.Leads) > 0 && len(d.a.Leads) > 0 && !n.shareOrg(k.a.Leads, d.a.Leads))) {
					continue
				}
				otherRef := k.a.Ref != "" && d.a.Ref != "" && !sameRef
				if (sameRef && ov >= 0.5) || (!otherRef && ov >= 0.85) {
					mergeInto(k, d)
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, d)
		}
	}
	n.drafts = out
}

// shareOrg reports whether two lists of leads name one organisation in
// common.
func (n *normaliser) shareOrg(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if n.sameOrg(x, y) {
				return true
			}
		}
	}
	return false
}

// mergeInto folds d (printed later) into keep (printed first).
func mergeInto(keep, d *draft) {
	if len(keep.a.Milestones) == 0 && len(d.a.Milestones) > 0 {
		// The later table has the detail: its wording and milestones.
		keep.alt = keep.a.Text
		keep.a.Text = d.a.Text
		keep.a.Milestones = d.a.Milestones
		keep.msLeads = d.msLeads
	} else if d.a.Text != keep.a.Text {
		keep.alt = d.a.Text
	}
	if keep.a.Priority == "" {
		keep.a.Priority = d.a.Priority
	}
	if keep.a.Status == "" {
		keep.a.Status = d.a.Status
	}
	if keep.a.Due.Text == "" {
		keep.a.Due = d.a.Due
	}
	keep.a.Outcomes = addUnique(keep.a.Outcomes, d.a.Outcomes...)
	keep.a.Leads = addUnique(keep.a.Leads, d.a.Leads...)
	keep.a.Partners = addUnique(keep.a.Partners, d.a.Partners...)
	keep.leadCol = keep.leadCol || d.leadCol
	if keep.a.Objective.Title == "" || (keep.a.Objective.Code == d.a.Objective.Code && d.a.Objective.Title != "" && keep.table != d.table) {
		keep.a.Objective.Title = d.a.Objective.Title
	}
}

// dedupeProse adds the prose actions, folding restatements of one
// commitment together and giving each the body its section says delivers
// the work. A document with action tables states its actions there and its
// bullets are context; but a sentence that commits a body to a dated
// deliverable ("... will produce a delivery plan by 31 January 2018") is
// kept beside the tables unless a table action already says it.
func (n *normaliser) dedupeProse() {
	// Objective titles printed elsewhere under the same code.
	for _, d := range n.drafts {
		if t := n.objectiveTitle(d.a.Objective.Code, ""); t != "" && d.a.Objective.Code != "" {
			d.a.Objective.Title = t
		}
	}
	tables := n.drafts
	// Sentences that commit a party are the document's actions when it
	// has no other structure of actions (tables, lists after lead-ins),
	// and under a heading that announces actions in any document.
	// The document's structure of actions: an action table, or lists of
	// commitments that outnumber half its committing sentences. A deal
	// or strategy written as numbered prose, with a headline list or a
	// small table, has none: its sentences are its actions.
	listed, commits := 0, 0
	for _, d := range n.prose.drafts {
		switch {
		case d.commit:
			commits++
		case !d.sentence:
			listed++
		}
	}
	structured := len(tables) >= 8 || (len(tables) > 0 && commits == 0) || (listed > 0 && listed >= 2*commits)
	summarised := tablesSummarise(tables, n.proseTexts())
	headings := n.headingTexts()
	var kept []*draft
	for _, d := range n.prose.drafts {
		if d.commit {
			if summarised {
				n.undecide(d, "the document's tables summarise the actions its prose restates")
				continue
			}
			if structured && !d.chapter && d.a.Due.Text == "" {
				n.undecide(d, "a commitment outside the document's lists and tables of actions")
				continue
			}
			if restates(tables, d.a.Text) || restatesClosely(kept, d.a.Text) || summarises(n.prose.drafts, d) {
				n.undecide(d, "restates an action already read")
				continue
			}
			kept = append(kept, d)
			continue
		}
		if len(tables) > 0 && !d.listed && !d.chapter && (!d.sentence || d.a.Due.Text == "" || restates(tables, d.a.Text)) {
			continue
		}
		if len(tables) > 0 && d.listed && restates(tables, d.a.Text) {
			continue
		}
		// A headline the document takes up as a section heading ("Plan
		// for and support the delivery of 100,000 new homes") is the
		// objective of that section, not an action.
		if !d.sentence && headlineOf(headings, d) {
			n.undecide(d, "a headline that the document's own headings take up: an objective")
			continue
		}
		// A document with a full action table states its actions there;
		// the lists in its body elaborate them.
		if len(tables) >= 20 && d.listed && !d.chapter {
			n.undecide(d, "the document states its actions in a table of 20 or more")
			continue
		}
		dup := false
		for _, k := range kept {
			if (k.sentence || d.sentence) && textOverlap(k.a.Text, d.a.Text) >= 0.6 {
				if k.alt == "" {
					k.alt = d.a.Text
				}
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, d)
		}
	}
	for _, d := range kept {
		if len(d.a.Leads) == 0 && !d.sentence {
			for _, dl := range n.prose.delivery {
				if dl.obj == d.a.Objective {
					d.a.Leads = addUnique(d.a.Leads, dl.bodies...)
				}
			}
			// "We will ..., delivered in partnership with X": X leads, and
			// the publishers the "we" stands for are partners.
			if len(d.a.Leads) > 0 {
				d.a.Partners = addUnique(d.a.Partners, publishers(n.doc)...)
			}
			// An item of the document's own list of actions, with no
			// party named: the publisher does it.
			if len(d.a.Leads) == 0 && (d.listed || d.chapter) {
				if p := n.publisher(); p != "" {
					d.a.Leads = []string{p}
				}
			}
		}
		if len(d.a.Leads) == 0 {
			// "We will pilot ... in 2013": the publisher's.
			if party, _, ok := commitParty(d.a.Text); ok && selfParty(party) {
				if p := n.publisher(); p != "" {
					d.a.Leads = []string{p}
				}
			}
		}
		d.a.Leads = splitParties(d.a.Leads)
		for i, l := range d.a.Leads {
			d.a.Leads[i] = n.fullName(l)
		}
	}
	n.drafts = append(tables, kept...)
}

// restates reports whether one of the drafts already says text.
func restates(drafts []*draft, text string) bool {
	for _, d := range drafts {
		if textOverlap(d.a.Text, text) >= 0.6 {
			return true
		}
		for _, m := range d.a.Milestones {
			if textOverlap(m.Text, text) >= 0.6 {
				return true
			}
		}
	}
	return false
}

// textOverlap is |A∩B| / max(|A|,|B|) over the lower-cased word sets.
func textOverlap(a, b string) float64 {
	wa, wb := textWords(a), textWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	m := len(wa)
	if len(wb) > m {
		m = len(wb)
	}
	return float64(common) / float64(m)
}

func textWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// undecide turns the explain record of a dropped candidate into a "no".
func (n *normaliser) undecide(d *draft, why string) {
	for i := len(n.plan.Prose) - 1; i >= 0; i-- {
		if n.plan.Prose[i].Text == d.a.Text && n.plan.Prose[i].Action {
			n.plan.Prose[i].Action = false
			n.plan.Prose[i].Why += "; dropped: " + why
			return
		}
	}
}

// tablesSummarise reports whether the prose restates the tables' actions
// (a summary table whose actions the body explains one by one): then the
// tables are the list of actions and the prose's other sentences are
// context. It takes three restated actions, and a third of the tables'.
func tablesSummarise(tables []*draft, prose []string) bool {
	if len(tables) == 0 {
		return false
	}
	restated := 0
	for _, t := range tables {
		for _, p := range prose {
			if textOverlap(t.a.Text, p) >= 0.5 {
				restated++
				break
			}
		}
	}
	return restated >= 3 && restated*3 >= len(tables)
}

// proseTexts lists the texts of the blocks outside tables, each heading
// joined to the paragraph after it ("Action 1: ..." + its text).
func (n *normaliser) proseTexts() []string {
	var out []string
	blocks := n.doc.Blocks
	for i, b := range blocks {
		if b.Kind == layout.TableKind || b.Text == "" {
			continue
		}
		out = append(out, b.Text)
		if b.Kind == layout.Heading && i+1 < len(blocks) && blocks[i+1].Kind != layout.TableKind {
			out = append(out, b.Text+" "+blocks[i+1].Text)
		}
	}
	return out
}

// summarises reports whether a committing sentence restates an item of a
// list of commitments elsewhere (a summary of the lists that follow): most
// of the shorter text's words are in the longer one.
func summarises(prose []*draft, d *draft) bool {
	for _, k := range prose {
		if k == d || k.commit || !(k.listed || k.chapter) {
			continue
		}
		if textContainment(k.a.Text, d.a.Text) >= 0.7 {
			return true
		}
	}
	return false
}

// textContainment is |A∩B| / min(|A|,|B|) over the word sets, counting
// only words of four letters or more (so "we", "will", "the" say nothing).
func textContainment(a, b string) float64 {
	wa, wb := longWords(a), longWords(b)
	if len(wa) < 4 || len(wb) < 4 {
		return 0
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return float64(common) / float64(min(len(wa), len(wb)))
}

func longWords(s string) map[string]bool {
	out := map[string]bool{}
	for w := range textWords(s) {
		if len([]rune(w)) >= 4 && w != "will" && w != "with" && w != "that" && w != "this" {
			out[w] = true
		}
	}
	return out
}

// restatesClosely reports whether one of the drafts says nearly the same
// words: two commitments on one subject share many of theirs.
func restatesClosely(drafts []*draft, text string) bool {
	for _, d := range drafts {
		if textOverlap(d.a.Text, text) >= 0.8 {
			return true
		}
	}
	return false
}

// headingTexts lists the texts of the document's headings and numbered
// or lettered sub-heading paragraphs, markers dropped.
func (n *normaliser) headingTexts() []pagedText {
	var out []pagedText
	for _, b := range n.doc.Blocks {
		if b.Kind == layout.Heading || (b.Kind == layout.ListItem && letterMarker.MatchString(strings.TrimSpace(b.Marker))) {
			if t := layout.Clean(b.Text); t != "" {
				out = append(out, pagedText{b.Page, t})
			}
		}
	}
	return out
}

type pagedText struct {
	page int
	text string
}

var letterMarker = regexp.MustCompile(`^\(?[a-z]\)?[.)]?$`)

// headlineOf reports whether an action's text is printed again as a
// heading on another page.
func headlineOf(headings []pagedText, d *draft) bool {
	if len(strings.Fields(d.a.Text)) < 4 {
		return false
	}
	for _, h := range headings {
		if h.page != d.a.Source.Page && textOverlap(h.text, d.a.Text) >= 0.85 {
			return true
		}
	}
	return false
}

// splitParties splits a joint party ("HMG and Oxfordshire", "DfE and
// Oxfordshire") into its parties when each reads as one: an acronym, a
// government word, a place or a body.
func splitParties(leads []string) []string {
	var out []string
	for _, l := range leads {
		parts := regexp.MustCompile(`\s+(?:and|&)\s+`).Split(l, -1)
		ok := len(parts) > 1
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if !(orgs.IsAcronym(p) || governmentWord(p) || placeName(p) || orgCell(p, nil)) || len(strings.Fields(p)) > 6 {
				ok = false
			}
		}
		if !ok {
			out = append(out, l)
			continue
		}
		for _, p := range parts {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}
