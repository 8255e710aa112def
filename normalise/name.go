package normalise

import (
	"path/filepath"
	"strings"
)

// DocumentName is the file name without folder and extension: the
// "document" field of every output record.
func DocumentName(file string) string {
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
