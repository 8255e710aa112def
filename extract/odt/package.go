package odt

import (
	"bytes"
	"encoding/xml"

	"github.com/planmap/planmap/extract/zippkg"
)

// pkg is an opened ODF package whose parts are read within the limits
// (zippkg).
type pkg struct {
	*zippkg.Package
}

func (o Options) withDefaults() Options {
	l := zippkg.Limits{MaxUnzipped: o.MaxUnzipped, MaxEntries: o.MaxEntries, MaxRatio: o.MaxRatio}.WithDefaults()
	o.MaxUnzipped, o.MaxEntries, o.MaxRatio = l.MaxUnzipped, l.MaxEntries, l.MaxRatio
	return o
}

// openPackage opens the ZIP directory within the entry limit.
func openPackage(data []byte, opt Options) (*pkg, error) {
	p, err := zippkg.Open(data, zippkg.Limits{MaxUnzipped: opt.MaxUnzipped, MaxEntries: opt.MaxEntries, MaxRatio: opt.MaxRatio}, "an OpenDocument text")
	if err != nil {
		return nil, err
	}
	return &pkg{p}, nil
}

// encrypted reports whether the manifest declares any encrypted part: ODF
// encrypts content.xml, styles.xml and meta.xml alike with a password.
func encrypted(manifest []byte) bool {
	d := newDecoder(manifest)
	for {
		tok, err := d.Token()
		if err != nil {
			// a damaged manifest: fall back to the raw bytes
			return bytes.Contains(manifest, []byte("encryption-data"))
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "encryption-data" {
			return true
		}
	}
}
