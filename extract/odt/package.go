package odt

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/planmap/planmap/extract/docx"
	"github.com/planmap/planmap/extract/layout"
)

// ratioFloor is how many bytes an entry may always inflate to, whatever its
// ratio: small, repetitive XML parts compress more than 200:1 and cannot
// hurt.
const ratioFloor = 1 << 20

// pkg is an opened ODF package whose parts are read within the limits.
// Every byte inflated is counted, so a header that lies about sizes cannot
// get past the total.
type pkg struct {
	files     map[string]*zip.File // by lower-cased name
	inflated  int64
	maxTotal  int64
	maxRatio  float64
	dataBytes int64
}

func (o Options) withDefaults() Options {
	if o.MaxUnzipped <= 0 {
		o.MaxUnzipped = docx.DefaultMaxUnzipped
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = docx.DefaultMaxEntries
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = docx.DefaultMaxRatio
	}
	return o
}

// openPackage opens the ZIP directory within the entry limit.
func openPackage(data []byte, opt Options) (*pkg, error) {
	if len(data) < 4 || string(data[:2]) != "PK" {
		return nil, layout.Errorf(layout.StatusCorrupt, "not an OpenDocument text: not a ZIP package")
	}
	if n := docx.CountEntries(data, opt.MaxEntries); n > opt.MaxEntries {
		return nil, layout.Errorf(layout.StatusTooLarge, "ZIP package has more than %d entries", opt.MaxEntries)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, layout.Errorf(layout.StatusCorrupt, "not a readable ZIP package (truncated or damaged): %v", err)
	}
	if len(zr.File) > opt.MaxEntries {
		return nil, layout.Errorf(layout.StatusTooLarge, "ZIP package has %d entries, over the limit of %d", len(zr.File), opt.MaxEntries)
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), maxTotal: opt.MaxUnzipped, maxRatio: opt.MaxRatio, dataBytes: int64(len(data))}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	return p, nil
}

// read inflates one part, or returns nil, nil when it is absent.
func (p *pkg) read(name string) ([]byte, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, layout.Errorf(layout.StatusCorrupt, "%s: %v", f.Name, err)
	}
	defer rc.Close()
	// The compressed size comes from a header, so it is capped by the file
	// itself; a lie can only make the ratio limit stricter.
	compressed := min(int64(f.CompressedSize64), p.dataBytes)
	allowed := max(int64(p.maxRatio*float64(compressed)), ratioFloor)
	left := p.maxTotal - p.inflated
	limit := min(allowed, left)
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, limit+1))
	p.inflated += n
	if n > limit {
		if limit == left {
			return nil, layout.Errorf(layout.StatusTooLarge, "ZIP package inflates to more than %d bytes (zip bomb?)", p.maxTotal)
		}
		return nil, layout.Errorf(layout.StatusTooLarge, "%s inflates more than %.0f times its compressed size (zip bomb?)", f.Name, p.maxRatio)
	}
	if err != nil {
		if errors.Is(err, zip.ErrFormat) {
			// archive/zip stops an entry that inflates past its declared size
			return nil, layout.Errorf(layout.StatusTooLarge, "%s inflates past the %d bytes its header declares (zip bomb?)", f.Name, f.UncompressedSize64)
		}
		return nil, layout.Errorf(layout.StatusCorrupt, "%s: %v", f.Name, err)
	}
	return buf.Bytes(), nil
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
