package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// GoldMilestone is a milestone as annotated: due is the text as printed.
type GoldMilestone struct {
	Text   string   `json:"text"`
	Due    string   `json:"due"`
	Status string   `json:"status"`
	Lead   []string `json:"lead,omitempty"`
}

// GoldAction is one line of a gold <document>.jsonl.
type GoldAction struct {
	Document   string          `json:"document"`
	Objective  Objective       `json:"objective"`
	Ref        string          `json:"ref"`
	Action     string          `json:"action"`
	AltAction  string          `json:"alt_action,omitempty"`
	Due        string          `json:"due"`
	Milestones []GoldMilestone `json:"milestones"`
	Outcomes   []string        `json:"outcomes"`
	Leads      []string        `json:"leads"`
	Partners   []string        `json:"partners"`
	Priority   string          `json:"priority"`
	// Page is the physical 1-based page where the action starts (0 when
	// the gold does not say); Status is a response or status as printed.
	Page       int    `json:"page,omitempty"`
	Status     string `json:"status,omitempty"`
	Evidence   string `json:"evidence,omitempty"`
	Confidence string `json:"confidence,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Objective is an objective code and title.
type Objective struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// GoldOrganisation is one entry of organisations.json.
type GoldOrganisation struct {
	Canonical string   `json:"canonical"`
	Aliases   []string `json:"aliases"`
	Documents []string `json:"documents"`
	Kind      string   `json:"kind"`
	Roles     []string `json:"roles"`
}

// Gold is a folder of annotations: actions by document, and the
// organisations their names map to.
type Gold struct {
	// Dir is the folder the gold was read from; input files inside it are
	// the annotations themselves, not documents, and are never scored.
	Dir           string
	Documents     map[string][]GoldAction
	Organisations []GoldOrganisation
	// Scope holds the documents annotated over a page range only
	// (scope.json); a document not listed counts on every page.
	Scope  map[string]PageRange
	orgKey map[string]string // normalised name or alias → canonical key
}

// PageRange is an inclusive range of physical 1-based PDF pages.
type PageRange struct {
	First, Last int
}

// Contains reports whether page lies in the range; page 0 (unknown) never
// does.
func (r PageRange) Contains(page int) bool {
	return page >= r.First && page <= r.Last
}

func (r PageRange) String() string {
	return fmt.Sprintf("pages %d-%d", r.First, r.Last)
}

// LoadGold reads every <document>.jsonl in dir, its organisations.json
// (optional: without it, names compare by their normalised text) and its
// scope.json (optional: the documents annotated over a page range,
// {"<document>": {"pages": [first, last]}}).
func LoadGold(dir string) (*Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("gold %s: no .jsonl files", dir)
	}
	sort.Strings(files)
	g := &Gold{Dir: dir, Documents: map[string][]GoldAction{}}
	for _, f := range files {
		if err := g.readDocument(f); err != nil {
			return nil, err
		}
	}
	orgs := filepath.Join(dir, "organisations.json")
	b, err := os.ReadFile(orgs)
	switch {
	case os.IsNotExist(err):
	case err != nil:
		return nil, err
	default:
		if err := json.Unmarshal(b, &g.Organisations); err != nil {
			return nil, fmt.Errorf("%s: %w", orgs, err)
		}
	}
	if err := g.readScope(filepath.Join(dir, "scope.json")); err != nil {
		return nil, err
	}
	g.index()
	return g, nil
}

// readScope reads scope.json when there is one. Each entry must name a gold
// document and give a first and a last page, 1 ≤ first ≤ last.
func (g *Gold) readScope(path string) error {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var raw map[string]struct {
		Pages []int `json:"pages"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	g.Scope = map[string]PageRange{}
	for doc, s := range raw {
		if _, ok := g.Documents[doc]; !ok {
			return fmt.Errorf("%s: %q has no gold file", path, doc)
		}
		if len(s.Pages) != 2 || s.Pages[0] < 1 || s.Pages[1] < s.Pages[0] {
			return fmt.Errorf("%s: %q: pages %v, want [first, last] with 1 ≤ first ≤ last", path, doc, s.Pages)
		}
		g.Scope[doc] = PageRange{First: s.Pages[0], Last: s.Pages[1]}
	}
	return nil
}

func (g *Gold) readDocument(path string) error {
	actions, err := readJSONL[GoldAction](path)
	if err != nil {
		return err
	}
	name := strings.TrimSuffix(filepath.Base(path), ".jsonl")
	for _, a := range actions {
		if a.Document == "" {
			a.Document = name
		}
		g.Documents[a.Document] = append(g.Documents[a.Document], a)
	}
	if _, ok := g.Documents[name]; !ok {
		g.Documents[name] = nil // an empty gold file: a document with no actions
	}
	return nil
}

// index builds the alias lookup. Canonical names win over aliases when a
// string is both.
func (g *Gold) index() {
	g.orgKey = map[string]string{}
	for _, o := range g.Organisations {
		for _, a := range o.Aliases {
			if k := nameKey(a); k != "" {
				g.orgKey[k] = nameKey(o.Canonical)
			}
		}
	}
	for _, o := range g.Organisations {
		if k := nameKey(o.Canonical); k != "" {
			g.orgKey[k] = k
		}
	}
}

// orgOf returns the canonical key of a printed organisation name and whether
// the gold organisations know it.
func (g *Gold) orgOf(name string) (string, bool) {
	k := nameKey(name)
	if c, ok := g.orgKey[k]; ok {
		return c, true
	}
	return k, false
}

// nameKey reduces a name to its lower-cased letters and digits, with "&"
// read as "and": "Government Office for the East of England (GO-East)" →
// "governmentofficefortheeastofenglandgoeast", and "GO-East" = "go east.".
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == '&':
			b.WriteString("and")
		}
	}
	return b.String()
}

// codeKey normalises an objective code: upper case, no spaces, no trailing
// punctuation.
func codeKey(s string) string {
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
