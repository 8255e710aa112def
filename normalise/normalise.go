package normalise

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise/dates"
	"github.com/planmap/planmap/normalise/orgs"
	"github.com/planmap/planmap/normalise/places"
	"github.com/planmap/planmap/normalise/themes"
)

// Normalise turns one document's layout into its plan. file is the input
// path, used for provenance and the document name.
//
// It reads the blocks in order: action tables (recognised by their header
// row) give actions row by row; headings set the objective in force; lists
// and sentences that state commitments give actions in prose documents.
// Then actions that several tables print under one reference are merged,
// leads are resolved, and themes and IDs are assigned.
func Normalise(doc *layout.Document, file string, opt Options) *Plan {
	if opt.Orgs == nil {
		opt.Orgs = orgs.DefaultRegistry()
	}
	if opt.Themes == nil {
		opt.Themes = themes.DefaultTaxonomy()
	}
	n := &normaliser{file: file, name: DocumentName(file), opt: opt, plan: &Plan{Document: DocumentName(file), Actions: []Action{}}}
	if doc == nil {
		return n.plan
	}
	n.doc = doc
	n.plan.Acronyms = orgs.FindAcronyms(documentTexts(doc))
	n.plan.Meta = inferMeta(doc, file, opt)
	n.plan.Meta.Area = n.area()
	n.plan.Meta.Region = ""
	if a := n.plan.Meta.Area; a.Name != places.Unknown {
		n.plan.Meta.Region = a.Name
	}
	n.dateCtx = dates.DateContext{Year: periodYear(n.plan.Meta)}
	n.walk()
	n.mergeRefs()
	n.dedupeProse()
	n.finish()
	n.publisher() // said by planmap explain, even where no "we" needed it
	return n.plan
}

// normaliser holds the state of one document's reading.
type normaliser struct {
	doc     *layout.Document
	file    string
	name    string
	opt     Options
	plan    *Plan
	dateCtx dates.DateContext
	drafts  []*draft

	headings []headingCtx // open headings, outermost first
	tableNo  int
	reader   *tableReader // the last action table, which the next may continue
	prose    proseState
	curPage  int
	// formTitle is the section title of a label/value form.
	formTitle string
	// sectionNo counts the headings read: the section prose is in.
	sectionNo int
	// pub is the publisher once known: the lead of "we".
	pub *string
	// copublishers are the other bodies of a joint publication.
	copublishers []string
}

type headingCtx struct {
	level int
	text  string
	obj   Objective
	isObj bool
	// owner is the lead the heading names for the rows under it ("… ~
	// CYPE input"), see accountability.go.
	owner string
}

func (n *normaliser) add(d *draft) {
	d.a.Document = n.name
	d.owner, d.ownerHeading = n.sectionOwner()
	n.drafts = append(n.drafts, d)
}

// walk reads the blocks in order.
func (n *normaliser) walk() {
	blocks := n.doc.Blocks
	for i := range blocks {
		b := &blocks[i]
		n.curPage = b.Page
		switch b.Kind {
		case layout.Heading:
			n.sectionNo++
			n.heading(b, paragraphNumbered(blocks, i))
			n.reader = nil
		case layout.TableKind:
			n.tableNo++
			if b.Table != nil {
				n.table(b.Table, n.tableNo, b.Page)
			}
		case layout.ListItem:
			n.listItem(b)
		case layout.Paragraph:
			n.paragraph(b)
		}
	}
}

// heading opens a heading; one that names an objective ("Issue 1: ...",
// "3. Current research") sets the objective of what follows.
func (n *normaliser) heading(b *layout.Block, inNumbering bool) {
	lvl := b.Level
	if lvl <= 0 {
		lvl = 1
	}
	for len(n.headings) > 0 && n.headings[len(n.headings)-1].level >= lvl {
		n.headings = n.headings[:len(n.headings)-1]
	}
	text := strings.TrimSpace(b.Text)
	if b.Marker != "" {
		text = strings.TrimSpace(b.Marker + " " + text)
	}
	h := headingCtx{level: lvl, text: text, owner: headingOwner(text)}
	if inNumbering {
		// A heading numbered in the run of paragraph numbers ("12.", "13.
		// Social Inclusion Action Plan Framework", "14.") is a paragraph
		// number, not an objective code.
		text = strings.TrimSpace(b.Text)
		h.text = text
		h.obj, h.isObj = Objective{Title: text}, true
	} else if o, ok := parseObjective(text); ok {
		h.obj, h.isObj = o, true
	} else if m := numberedTitle.FindStringSubmatch(text); m != nil && !strings.Contains(m[1], "-") {
		h.obj, h.isObj = Objective{Code: m[1], Title: m[2]}, true
	} else if m := dottedTitle.FindStringSubmatch(text); m != nil {
		h.obj, h.isObj = Objective{Code: m[1], Title: m[2]}, true
	} else if m := letteredTitle.FindStringSubmatch(text); m != nil {
		// "A. Raising the status and quality of the workforce": a lettered
		// section of a numbered chapter.
		h.obj, h.isObj = Objective{Code: m[1], Title: m[2]}, true
	}
	if h.isObj {
		n.addObjective(h.obj)
		n.prose.sectionObj = Objective{} // a heading's objective replaces the text's
	}
	n.headings = append(n.headings, h)
	n.prose.heading(text)
}

// paragraphNumbered reports whether block i is numbered in the same run
// as the numbered paragraphs beside it.
func paragraphNumbered(blocks []layout.Block, i int) bool {
	num := func(b layout.Block) int {
		m := strings.TrimRight(strings.TrimSpace(b.Marker), ".)")
		v, err := strconv.Atoi(m)
		if err != nil {
			return -1
		}
		return v
	}
	me := num(blocks[i])
	if me < 0 {
		return false
	}
	if i > 0 && blocks[i-1].Kind != layout.Heading && num(blocks[i-1]) == me-1 {
		return true
	}
	return i+1 < len(blocks) && blocks[i+1].Kind != layout.Heading && num(blocks[i+1]) == me+1
}

// headingObjective is the objective of the innermost open heading that
// names one.
func (n *normaliser) headingObjective() Objective {
	for i := len(n.headings) - 1; i >= 0; i-- {
		if n.headings[i].isObj {
			return n.headings[i].obj
		}
	}
	return Objective{}
}

// sectionTitle is the innermost heading's text: the objective title of
// prose under an unnumbered heading.
// An action heading ("Activities", "What we can do") names no objective:
// the heading above it does.
func (n *normaliser) sectionTitle() string {
	for i := len(n.headings) - 1; i >= 0; i-- {
		if !actionHeadingRe.MatchString(n.headings[i].text) || i == 0 {
			return n.headings[i].text
		}
	}
	return ""
}

func (n *normaliser) addObjective(o Objective) {
	if o.Code == "" && o.Title == "" {
		return
	}
	for _, x := range n.plan.Objectives {
		if x.Code == o.Code && x.Title == o.Title {
			return
		}
	}
	n.plan.Objectives = append(n.plan.Objectives, o)
}

// updateObjective replaces the title of the last objective with o's code.
func (n *normaliser) updateObjective(o Objective) {
	for i := len(n.plan.Objectives) - 1; i >= 0; i-- {
		if n.plan.Objectives[i].Code == o.Code {
			n.plan.Objectives[i].Title = o.Title
			return
		}
	}
}

// objectiveTitle returns the title printed for an objective code, else
// fallback.
func (n *normaliser) objectiveTitle(code, fallback string) string {
	for _, o := range n.plan.Objectives {
		if o.Code == code && o.Title != "" {
			return o.Title
		}
	}
	return fallback
}

// documentTexts lists every text of the document, for acronym learning.
func documentTexts(doc *layout.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Text != "" {
			out = append(out, b.Text)
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					for _, p := range c.Paragraphs {
						out = append(out, p.Text)
					}
				}
			}
		}
	}
	return out
}

// letteredTitle matches a heading lettered as a section: "A. Raising the
// status ...", "B) Freeing ...".
var letteredTitle = regexp.MustCompile(`^([A-H])[.)]\s+([A-Z][^.]*)$`)
