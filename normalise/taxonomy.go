package normalise

import "github.com/planmap/planmap/normalise/themes"

// Themes are assigned by the themes package; these names keep normalise's
// public API (Options.Themes, --themes) as it was.

// Taxonomy is a set of themes with the rules that assign them
// (themes.Taxonomy).
type Taxonomy = themes.Taxonomy

// Unclassified is the theme of a text no rule matches (themes.Unclassified).
const Unclassified = themes.Unclassified

// DefaultTaxonomy is the theme taxonomy that ships with planmap
// (themes.DefaultTaxonomy).
func DefaultTaxonomy() *Taxonomy { return themes.DefaultTaxonomy() }

// LoadTaxonomy reads a taxonomy file; "" gives the default
// (themes.LoadTaxonomy).
func LoadTaxonomy(path string) (*Taxonomy, error) { return themes.LoadTaxonomy(path) }
