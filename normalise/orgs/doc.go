// Package orgs tells which organisations a plan names: it splits a lead
// cell into lead and partner bodies as printed, learns the acronyms a
// document defines, and resolves each printed name to a canonical
// organisation of a kind through the Registry. The conventions are in
// docs/organisations.md.
//
// Files: split.go (cutting a cell into names, telling a name from other
// words), acronyms.go (acronyms defined in the text), registry.go (the
// registry: the embedded data/organisations.csv plus --orgs, a CSV or a
// planmap workbook), resolve.go (a printed name → a canonical
// organisation), kind.go (the kinds and how one is guessed).
package orgs
