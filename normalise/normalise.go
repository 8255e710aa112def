package normalise

import "github.com/planmap/planmap/extract/layout"

// Normalise turns one document's layout into its plan. file is the input
// path, used for provenance and the document name.
func Normalise(doc *layout.Document, file string, opt Options) *Plan {
	return &Plan{Document: DocumentName(file)}
}
