// Package themes classifies an action under the themes of a taxonomy, so
// that actions can be compared across regions, and keeps the evidence for
// each theme: the phrase matched, the rule, and whether it came from the
// action's own words, its objective, its lead or its document's title.
//
// A theme is assigned from phrases in context, not from lone keywords:
// a rule can be discarded by its neighbours ("funds" next to "terrorist"
// is not funding; "difficult environments" is not the natural
// environment), and the objective, lead and document only speak for an
// action whose own words name no topic. The taxonomy ships embedded
// (data/themes.csv); --themes FILE replaces it. The format, the default
// themes and the measured precision and recall are in docs/themes.md.
package themes

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
)

//go:embed data/themes.csv
var defaultThemesCSV []byte

// Unclassified is the theme of a text no rule matches.
const Unclassified = "unclassified"

// Kind says how much a rule's match counts for.
type Kind int

const (
	// Topic: what the action is about (housing, health). Topic themes of
	// the objective, lead and document apply to an action without one.
	Topic Kind = iota
	// Means: how the action is done (funding, data, partnership). Given
	// from the action's own words only; leaves room for the objective's
	// topic.
	Means
	// Weak: counts only when the same theme has other evidence.
	Weak
	// Lead: matched in the lead's name only ("Department for Education").
	Lead
)

var kindNames = map[string]Kind{"": Topic, "topic": Topic, "means": Means, "weak": Weak, "lead": Lead}

func (k Kind) String() string {
	for n, v := range kindNames {
		if v == k && n != "" {
			return n
		}
	}
	return "topic"
}

// Taxonomy is a set of themes with the rules that assign them.
type Taxonomy struct {
	themes []string // in file order
	rules  []themeRule
	order  map[string]int
}

type themeRule struct {
	theme, pattern string
	re             *regexp.Regexp
	unless         *regexp.Regexp // nil: never discarded
	kind           Kind
	// literal is a lower-case word every match contains ("" for a
	// regular expression): a text without it is not searched, which
	// saves most of the regular-expression work.
	literal string
}

var (
	defaultTaxonomyOnce sync.Once
	defaultTaxonomy     *Taxonomy
)

// DefaultTaxonomy is the theme taxonomy that ships with planmap.
func DefaultTaxonomy() *Taxonomy {
	defaultTaxonomyOnce.Do(func() {
		t, err := readTaxonomy(bytes.NewReader(defaultThemesCSV), "data/themes.csv")
		if err != nil {
			panic("themes: embedded themes.csv: " + err.Error()) // a build defect, caught by tests
		}
		defaultTaxonomy = t
	})
	return defaultTaxonomy
}

// LoadTaxonomy reads a taxonomy file; path "" gives the default. The file
// replaces the default taxonomy entirely.
func LoadTaxonomy(path string) (*Taxonomy, error) {
	if path == "" {
		return DefaultTaxonomy(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("themes %s: %w", path, err)
	}
	defer f.Close()
	return readTaxonomy(f, path)
}

// readTaxonomy reads rows of theme,pattern[,unless,kind]; '#' starts a
// comment line. A first row "theme,pattern,..." is a header: when it names
// more columns (unless, kind) they are read by name. Without such a header
// a row is theme,pattern and any further commas belong to the pattern (the
// format of files written before the optional columns existed).
func readTaxonomy(in io.Reader, name string) (*Taxonomy, error) {
	cr := csv.NewReader(in)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	t := &Taxonomy{order: map[string]int{}}
	col := map[string]int{}
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("themes %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		isFirst := first
		first = false
		if len(rec) < 2 {
			continue
		}
		theme := strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(rec[0], "\ufeff")), " "))
		if isFirst && theme == "theme" {
			for i, h := range rec {
				col[strings.ToLower(strings.TrimSpace(h))] = i
			}
			if len(rec) == 2 {
				col = map[string]int{}
			}
			continue
		}
		pattern := strings.TrimSpace(strings.Join(rec[1:], ","))
		unless, kind := "", ""
		if len(col) > 0 {
			pattern = field(rec, col, "pattern")
			unless = field(rec, col, "unless")
			kind = strings.ToLower(field(rec, col, "kind"))
		}
		if theme == "" || pattern == "" {
			continue
		}
		r := themeRule{theme: theme, pattern: pattern}
		if r.re, err = compileThemePattern(pattern); err != nil {
			return nil, fmt.Errorf("themes %s: line %d: pattern %q: %w", name, line, pattern, err)
		}
		if unless != "" {
			if r.unless, err = regexp.Compile("(?i)" + unless); err != nil {
				return nil, fmt.Errorf("themes %s: line %d: unless %q: %w", name, line, unless, err)
			}
		}
		k, ok := kindNames[kind]
		if !ok {
			return nil, fmt.Errorf("themes %s: line %d: kind %q: want topic, means, weak or lead", name, line, kind)
		}
		r.kind = k
		r.literal = literalOf(pattern)
		if _, ok := t.order[theme]; !ok {
			t.order[theme] = len(t.themes)
			t.themes = append(t.themes, theme)
		}
		t.rules = append(t.rules, r)
	}
	if len(t.rules) == 0 {
		return nil, fmt.Errorf("themes %s: no theme,pattern rows", name)
	}
	return t, nil
}

func field(rec []string, col map[string]int, name string) string {
	i, ok := col[name]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// compileThemePattern turns "employ*" into a word-boundary match of any
// word starting "employ", "young people" or "anti-poverty" into the words
// with any spaces or hyphens between them, and "/re/" into the regular
// expression itself; all ignore case. An all-capital keyword ("NHS", "GP")
// matches capitals only, so that acronyms do not match ordinary words.
func compileThemePattern(p string) (*regexp.Regexp, error) {
	if len(p) > 2 && strings.HasPrefix(p, "/") && strings.HasSuffix(p, "/") {
		return regexp.Compile("(?i)" + p[1:len(p)-1])
	}
	stem := strings.HasSuffix(p, "*")
	word := strings.TrimSuffix(p, "*")
	var parts []string
	for _, w := range strings.FieldsFunc(word, func(r rune) bool { return r == ' ' || r == '-' || r == '\t' }) {
		parts = append(parts, regexp.QuoteMeta(w))
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	body := strings.Join(parts, `[\s\-]+`)
	flags := "(?i)"
	if isAllCaps(word) {
		flags = ""
	}
	end := `\b`
	if stem {
		end = `[\w'’\-]*`
	}
	return regexp.Compile(flags + `\b` + body + end)
}

// literalOf is the first word of a word or phrase pattern, lower-cased;
// "" for a regular expression.
func literalOf(p string) string {
	if len(p) > 2 && strings.HasPrefix(p, "/") && strings.HasSuffix(p, "/") {
		return ""
	}
	f := strings.FieldsFunc(strings.TrimSuffix(p, "*"), func(r rune) bool { return r == ' ' || r == '-' || r == '\t' })
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[0])
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// Themes lists the taxonomy's themes in file order.
func (t *Taxonomy) Themes() []string { return append([]string(nil), t.themes...) }
