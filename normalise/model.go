package normalise

import (
	"github.com/planmap/planmap/normalise/places"
	"github.com/planmap/planmap/normalise/themes"
)

// The action model: objective → action → milestone (with a due date) → lead
// and partner organisations. JSON names are the public JSON Lines contract
// (an evaluation reads them): fields may be added, never renamed.

// Source says where a record was printed.
type Source struct {
	File  string `json:"file"`
	Page  int    `json:"page"`
	Table int    `json:"table,omitempty"` // 1-based table number in the document, 0 = not in a table
	Row   int    `json:"row,omitempty"`   // 1-based row within that table (header rows counted)
}

// Objective is the goal an action serves ("SO1: To tackle poverty ...").
type Objective struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// Milestone is a dated step of an action.
type Milestone struct {
	Text   string `json:"text"`
	Due    Due    `json:"due"`
	Status string `json:"status"` // "done", "planned" or ""
	// Lead is the milestone's own lead as printed when it differs from the
	// action's ("" otherwise); Leads lists them one by one.
	Lead  string   `json:"lead"`
	Leads []string `json:"leads,omitempty"`
	// LeadOrgs are the canonical organisations behind Leads.
	LeadOrgs []string `json:"lead_orgs,omitempty"`
	Source   Source   `json:"source"`
}

// Action is one commitment in a plan.
type Action struct {
	// ID is stable across runs: document name + position, see ActionID.
	ID         string      `json:"id"`
	Document   string      `json:"document"`
	Source     Source      `json:"source"`
	Objective  Objective   `json:"objective"`
	Ref        string      `json:"ref"`
	Text       string      `json:"action"`
	Due        Due         `json:"due"`
	Milestones []Milestone `json:"milestones"`
	Outcomes   []string    `json:"outcomes"`
	Leads      []string    `json:"leads"`
	Partners   []string    `json:"partners"`
	Priority   string      `json:"priority"`
	Status     string      `json:"status,omitempty"`
	Themes     []string    `json:"themes"`
	// ThemeRules explains each theme: "theme: rule that fired", with
	// "(objective)", "(lead)" or "(document)" when the evidence is not the
	// action's own words; ThemeEvidence is the same, field by field.
	ThemeRules    []string          `json:"theme_rules,omitempty"`
	ThemeEvidence []themes.Evidence `json:"theme_evidence,omitempty"`
	// LeadOrgs and PartnerOrgs are the canonical organisations behind Leads
	// and Partners, in the same order.
	LeadOrgs    []string `json:"lead_orgs,omitempty"`
	PartnerOrgs []string `json:"partner_orgs,omitempty"`
	// JointPartners are the partners printed in the lead cell beside the
	// lead ("EERA with Housing Corporation"): they share the lead's work.
	JointPartners []string `json:"joint_partners,omitempty"`
	// LeadWhy says where the leads came from ("lead column 'Led by'",
	// "heading '… ~ CYPE input' names the owner of the rows under it"),
	// or, with no lead, what was looked for.
	LeadWhy string `json:"lead_why,omitempty"`
	// Region of the document, copied here for flat exports.
	Region string `json:"region,omitempty"`
}

// Meta describes a document as a whole.
type Meta struct {
	Title  string `json:"title"`
	Body   string `json:"body,omitempty"`   // publishing body
	Region string `json:"region,omitempty"` // the area's name ("" when unknown); see Area
	// Area is the real area the document speaks for, with its GSS code,
	// level, ancestors and the evidence for it (area.go).
	Area      places.Area `json:"area"`
	Period    Due         `json:"period"`         // period covered
	Type      string      `json:"type,omitempty"` // action plan, progress report, committee report, strategy, web page
	Published Due         `json:"published"`      // publication date
}

// Plan is the normalised form of one document.
type Plan struct {
	Document      string            `json:"document"` // file name without folder and extension
	Meta          Meta              `json:"meta"`
	Objectives    []Objective       `json:"objectives,omitempty"`
	Actions       []Action          `json:"actions"`
	Acronyms      map[string]string `json:"acronyms,omitempty"`
	Organisations []Organisation    `json:"organisations,omitempty"`
	// Decisions say how each table was read (planmap explain); not
	// written to the outputs.
	Decisions []TableDecision `json:"-"`
	// Prose says which candidate sentences and items became actions.
	Prose []ProseDecision `json:"-"`
	// Publisher is the body "we" stands for, as inferred (explain).
	Publisher string `json:"-"`
}

// Document is one input's line in every output: what it is, how reading it
// went, and the plan found in it (nil when Status is not "ok").
type Document struct {
	File     string   `json:"file"`     // path as given on the command line (or found below it)
	Name     string   `json:"document"` // file name without folder and extension
	ID       string   `json:"id"`       // SHA-256 of the content
	Format   string   `json:"format"`
	Size     int64    `json:"size"`
	Pages    int      `json:"pages"`
	Title    string   `json:"title"`
	Status   string   `json:"status"` // see layout.Status
	Error    string   `json:"error,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
	// Area is the plan's area (Plan.Meta.Area), "(unknown)" when the
	// document was not read or nothing resolved it.
	Area places.Area `json:"area"`
	// DuplicateOf names the first file with the same content.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Plan        *Plan  `json:"-"`
}
