package normalise

// Taxonomy is a set of themes with the rules that assign them.
type Taxonomy struct{}

// DefaultTaxonomy is the theme taxonomy that ships with planmap.
func DefaultTaxonomy() *Taxonomy { return &Taxonomy{} }

// LoadTaxonomy reads a taxonomy file; path "" gives the default.
func LoadTaxonomy(path string) (*Taxonomy, error) { return DefaultTaxonomy(), nil }

// Classify returns the themes of a text and, for each, the rule that fired.
// A text no rule matches gets "unclassified".
func (t *Taxonomy) Classify(text string) (themes, rules []string) {
	return []string{"unclassified"}, []string{"unclassified: no rule matched"}
}
