// Package zippkg opens the ZIP packages that Office and OpenDocument files
// are (DOCX, XLSX, ODT) within zip-bomb limits: the number of entries is
// counted before archive/zip reads the directory, and every byte a part
// inflates is counted against a total and a per-entry ratio, so a header
// that lies about sizes cannot get past either. It also tells the OLE
// compound files that an encrypted OOXML package or a legacy binary Office
// file is. The extractors of each format share it; it knows no format.
package zippkg

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// The limits used when a field of Limits is zero. They are far above any
// real plan (the South East report unzips to 0.3 MB) and far below what
// would hurt a batch of thousands of files.
const (
	DefaultMaxUnzipped = 256 << 20
	DefaultMaxEntries  = 10000
	DefaultMaxRatio    = 200
	// RatioFloor is how many bytes an entry may always inflate to whatever
	// its ratio: small, highly repetitive XML parts legitimately compress
	// more than 200:1, and they cannot hurt.
	RatioFloor = 1 << 20
)

// Limits bound what a package may inflate to.
type Limits struct {
	MaxUnzipped int64   // total uncompressed bytes (0 = DefaultMaxUnzipped)
	MaxEntries  int     // zip entries (0 = DefaultMaxEntries)
	MaxRatio    float64 // uncompressed/compressed per entry (0 = DefaultMaxRatio)
}

// WithDefaults fills the zero fields.
func (l Limits) WithDefaults() Limits {
	if l.MaxUnzipped <= 0 {
		l.MaxUnzipped = DefaultMaxUnzipped
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	return l
}

// Package is an opened ZIP package whose parts are read within the limits.
type Package struct {
	files     map[string]*zip.File // by lower-cased part name (OPC and ODF names ignore case here)
	entries   []*zip.File
	inflated  int64
	lim       Limits
	dataBytes int64
}

// Open checks that data is a ZIP package and opens its directory within
// the entry limit. kind names the format in errors ("a Word document").
func Open(data []byte, lim Limits, kind string) (*Package, error) {
	lim = lim.WithDefaults()
	if len(data) < 4 || string(data[:2]) != "PK" {
		return nil, layout.Errorf(layout.StatusCorrupt, "not %s: not a ZIP package", kind)
	}
	if n := CountEntries(data, lim.MaxEntries); n > lim.MaxEntries {
		return nil, layout.Errorf(layout.StatusTooLarge, "ZIP package has more than %d entries", lim.MaxEntries)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, layout.Errorf(layout.StatusCorrupt, "not a readable ZIP package (truncated or damaged): %v", err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, layout.Errorf(layout.StatusTooLarge, "ZIP package has %d entries, over the limit of %d", len(zr.File), lim.MaxEntries)
	}
	p := &Package{files: make(map[string]*zip.File, len(zr.File)), entries: zr.File, lim: lim, dataBytes: int64(len(data))}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	return p, nil
}

// Inflated is how many bytes the parts read so far inflated to.
func (p *Package) Inflated() int64 { return p.inflated }

// Entries lists the package's entries in directory order.
func (p *Package) Entries() []*zip.File { return p.entries }

// Has reports whether the package holds a part.
func (p *Package) Has(name string) bool {
	_, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	return ok
}

// Read inflates one part, or returns nil, nil when it is absent.
func (p *Package) Read(name string) ([]byte, error) {
	f, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
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
	allowed := max(int64(p.lim.MaxRatio*float64(compressed)), RatioFloor)
	left := p.lim.MaxUnzipped - p.inflated
	limit := min(allowed, left)
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, limit+1))
	p.inflated += n
	if n > limit {
		if limit == left {
			return nil, layout.Errorf(layout.StatusTooLarge, "ZIP package inflates to more than %d bytes (zip bomb?)", p.lim.MaxUnzipped)
		}
		return nil, layout.Errorf(layout.StatusTooLarge, "%s inflates more than %.0f times its compressed size (zip bomb?)", f.Name, p.lim.MaxRatio)
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

// CheckDeclared checks the sizes the entries' headers declare against the
// limits, for a package that another library will inflate: archive/zip
// stops an entry that inflates past its declared size, so the declared
// sizes bound what it can inflate.
func (p *Package) CheckDeclared() error {
	var total uint64
	for _, f := range p.entries {
		size := f.UncompressedSize64
		total += size
		if total > uint64(p.lim.MaxUnzipped) {
			return layout.Errorf(layout.StatusTooLarge, "ZIP package inflates to more than %d bytes (zip bomb?)", p.lim.MaxUnzipped)
		}
		compressed := min(f.CompressedSize64, uint64(p.dataBytes))
		if size > RatioFloor && float64(size) > p.lim.MaxRatio*float64(compressed) {
			return layout.Errorf(layout.StatusTooLarge, "%s inflates more than %.0f times its compressed size (zip bomb?)", f.Name, p.lim.MaxRatio)
		}
	}
	return nil
}

// oleMagic starts every OLE compound file: a legacy .doc or .xls, and an
// encrypted OOXML package (which Office wraps in a compound file holding
// EncryptedPackage).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// OLE says whether data is an OLE compound file and, if so, whether it
// wraps an encrypted OOXML package rather than being a legacy binary file.
func OLE(data []byte) (isOLE, encrypted bool) {
	if !bytes.HasPrefix(data, oleMagic) {
		return false, false
	}
	return true, bytes.Contains(data, utf16le("EncryptedPackage")) || bytes.Contains(data, utf16le("EncryptionInfo"))
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}
