// Package corpus finds the input documents, identifies each one's format from
// its content, gives it a content ID and reads it within limits. It is the
// first room of the pipeline: corpus → extract → normalise → export.
package corpus

import (
	"errors"
	"io"

	"github.com/planmap/planmap/extract/layout"
)

// Input is one document to process.
type Input struct {
	Path        string        // as found (command line, folder walk or stdin list)
	Name        string        // file name without folder and extension
	Size        int64         // bytes
	ID          string        // SHA-256 of the content, hex; "" until read
	Format      layout.Format // from the content, not the extension
	DuplicateOf string        // path of the first input with the same ID
	Err         error         // a *layout.Error when the input cannot be used
}

// Find expands files and folders (recursively) into inputs, in a stable
// order. The argument "-" reads more paths, one per line, from stdin.
func Find(args []string, stdin io.Reader) ([]Input, error) {
	return nil, errors.New("corpus: not implemented yet")
}

// Identify names the format of a document from its first bytes.
func Identify(head []byte) layout.Format {
	return layout.Unknown
}
