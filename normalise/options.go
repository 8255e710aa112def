package normalise

import (
	"github.com/planmap/planmap/normalise/orgs"
	"github.com/planmap/planmap/normalise/places"
	"github.com/planmap/planmap/normalise/themes"
)

// Options carries what the user can replace: the organisation registry, the
// theme taxonomy and per-file metadata from a manifest. The zero value uses
// the shipped defaults.
type Options struct {
	Orgs     *orgs.Registry
	Themes   *themes.Taxonomy
	Manifest Manifest
	// Columns fixes the role of a column by its header text (normHeader),
	// whatever its header and cells say (--columns).
	Columns map[string]Role
}

// LoadOptions reads the files named by --orgs, --themes and --manifest; an
// empty path keeps the default.
func LoadOptions(orgsPath, themesPath, manifest string) (Options, error) {
	r, err := orgs.LoadRegistry(orgsPath)
	if err != nil {
		return Options{}, err
	}
	t, err := themes.LoadTaxonomy(themesPath)
	if err != nil {
		return Options{}, err
	}
	m, err := LoadManifest(manifest)
	if err != nil {
		return Options{}, err
	}
	// The gazetteer is read once, here, rather than inside the first
	// document's time budget.
	places.Default()
	return Options{Orgs: r, Themes: t, Manifest: m}, nil
}
