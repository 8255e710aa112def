// Package themes classifies an action's text under the themes of a
// taxonomy, so that actions can be compared across regions, and says which
// rule gave each theme. The taxonomy ships embedded (data/themes.csv);
// --themes FILE replaces it. The format and the default themes are in
// docs/themes.md.
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

// Themes let actions be compared across regions: each action gets the
// themes whose keywords it contains, with the rule that fired, so that a
// classification can be explained and the taxonomy edited. The default
// taxonomy is data/themes.csv; --themes FILE replaces it (same format, see
// docs/themes.md).

//go:embed data/themes.csv
var defaultThemesCSV []byte

// Unclassified is the theme of a text no rule matches.
const Unclassified = "unclassified"

// Taxonomy is a set of themes with the rules that assign them.
type Taxonomy struct {
	themes []string // in file order
	rules  []themeRule
}

type themeRule struct {
	theme, pattern string
	re             *regexp.Regexp
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

// readTaxonomy reads rows of theme,pattern; '#' starts a comment line and a
// header row "theme,..." is skipped.
func readTaxonomy(in io.Reader, name string) (*Taxonomy, error) {
	cr := csv.NewReader(in)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	t := &Taxonomy{}
	seen := map[string]bool{}
	line := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("themes %s: %w", name, err)
		}
		if len(rec) < 2 {
			continue
		}
		theme := strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(rec[0], "\ufeff")), " "))
		pattern := strings.TrimSpace(strings.Join(rec[1:], ","))
		if line == 1 && theme == "theme" {
			continue
		}
		if theme == "" || pattern == "" {
			continue
		}
		re, err := compileThemePattern(pattern)
		if err != nil {
			return nil, fmt.Errorf("themes %s: line %d: pattern %q: %w", name, line, pattern, err)
		}
		if !seen[theme] {
			seen[theme] = true
			t.themes = append(t.themes, theme)
		}
		t.rules = append(t.rules, themeRule{theme: theme, pattern: pattern, re: re})
	}
	if len(t.rules) == 0 {
		return nil, fmt.Errorf("themes %s: no theme,pattern rows", name)
	}
	return t, nil
}

// compileThemePattern turns "employ*" into a word-boundary match of any
// word starting "employ", "young people" into the phrase with any spacing,
// and "/re/" into the regular expression itself; all ignore case. An
// all-capital keyword ("NHS", "GP") matches capitals only, so that
// acronyms do not match ordinary words.
func compileThemePattern(p string) (*regexp.Regexp, error) {
	if len(p) > 2 && strings.HasPrefix(p, "/") && strings.HasSuffix(p, "/") {
		return regexp.Compile("(?i)" + p[1:len(p)-1])
	}
	stem := strings.HasSuffix(p, "*")
	word := strings.TrimSuffix(p, "*")
	var parts []string
	for _, w := range strings.Fields(word) {
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

// Classify returns the themes of a text and, for each, the rule that fired
// ("housing: matched 'homeless*' in 'homelessness'"). Themes come in
// taxonomy order; a text no rule matches gets "unclassified".
func (t *Taxonomy) Classify(text string) (themes, rules []string) {
	if t == nil {
		t = DefaultTaxonomy()
	}
	done := map[string]bool{}
	for _, r := range t.rules {
		if done[r.theme] {
			continue
		}
		m := r.re.FindString(text)
		if m == "" {
			continue
		}
		done[r.theme] = true
		rule := fmt.Sprintf("%s: matched '%s'", r.theme, r.pattern)
		if !strings.EqualFold(m, r.pattern) {
			rule += fmt.Sprintf(" in '%s'", m)
		}
		themes = append(themes, r.theme)
		rules = append(rules, rule)
	}
	if len(themes) == 0 {
		return []string{Unclassified}, []string{Unclassified + ": no rule matched"}
	}
	// Report in the taxonomy's theme order.
	order := map[string]int{}
	for i, th := range t.themes {
		order[th] = i
	}
	sortThemes(themes, rules, order)
	return themes, rules
}

func sortThemes(themes, rules []string, order map[string]int) {
	for i := 1; i < len(themes); i++ {
		for j := i; j > 0 && order[themes[j]] < order[themes[j-1]]; j-- {
			themes[j], themes[j-1] = themes[j-1], themes[j]
			rules[j], rules[j-1] = rules[j-1], rules[j]
		}
	}
}
