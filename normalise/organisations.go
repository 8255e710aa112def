package normalise

import "github.com/planmap/planmap/normalise/orgs"

// Organisations are split, learnt and resolved by the orgs package; these
// names keep normalise's public API (Options.Orgs, Plan.Organisations,
// --orgs) as it was.

// Organisation is a canonical body with the forms it was printed in
// (orgs.Organisation).
type Organisation = orgs.Organisation

// Registry maps printed organisation names to canonical organisations
// (orgs.Registry).
type Registry = orgs.Registry

// LoadRegistry returns the default registry extended by a CSV or a planmap
// workbook; "" gives a copy of the default (orgs.LoadRegistry).
func LoadRegistry(path string) (*Registry, error) { return orgs.LoadRegistry(path) }

// DefaultRegistry is the shared registry that ships with planmap
// (orgs.DefaultRegistry).
func DefaultRegistry() *Registry { return orgs.DefaultRegistry() }

// SplitOrgs splits a lead cell into lead and partner organisations as
// printed (orgs.SplitOrgs).
func SplitOrgs(cell string) (leads, partners []string) { return orgs.SplitOrgs(cell) }

// FindAcronyms collects the acronyms a text defines (orgs.FindAcronyms).
func FindAcronyms(texts []string) map[string]string { return orgs.FindAcronyms(texts) }

// GuessKind guesses an organisation's kind from its name (orgs.GuessKind).
func GuessKind(name string) string { return orgs.GuessKind(name) }

// NameKey is the key under which two printings of one name meet
// (orgs.NameKey).
func NameKey(s string) string { return orgs.NameKey(s) }

// The kinds of organisation (orgs.Kinds).
const (
	KindDepartment = orgs.KindDepartment
	KindGovOffice  = orgs.KindGovOffice
	KindRegional   = orgs.KindRegional
	KindLocal      = orgs.KindLocal
	KindHealth     = orgs.KindHealth
	KindVCS        = orgs.KindVCS
	KindPartner    = orgs.KindPartner
	KindPrivate    = orgs.KindPrivate
	KindOther      = orgs.KindOther
)

// Kinds lists every kind in the order docs/organisations.md gives them
// (orgs.Kinds).
var Kinds = orgs.Kinds
