package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// The limits used when Options leaves a field at zero. They are far above
// any real Word document (the South East report unzips to 0.3 MB) and far
// below what would hurt a batch of thousands of files.
const (
	DefaultMaxUnzipped = 256 << 20
	DefaultMaxEntries  = 10000
	DefaultMaxRatio    = 200
	// ratioFloor is how many bytes an entry may always inflate to whatever
	// its ratio: small, highly repetitive XML parts legitimately compress
	// more than 200:1, and they cannot hurt.
	ratioFloor = 1 << 20
)

// oleMagic starts every OLE compound file: legacy .doc, and an encrypted
// .docx (which Office wraps in a compound file holding EncryptedPackage).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// pkg is an opened DOCX package whose parts are read within the limits.
// Every byte inflated is counted, so a header that lies about sizes cannot
// get past the total.
type pkg struct {
	files     map[string]*zip.File // by lower-cased part name (OPC names ignore case)
	inflated  int64
	maxTotal  int64
	maxRatio  float64
	dataBytes int64
}

func (o Options) withDefaults() Options {
	if o.MaxUnzipped <= 0 {
		o.MaxUnzipped = DefaultMaxUnzipped
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = DefaultMaxEntries
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = DefaultMaxRatio
	}
	return o
}

// openPackage checks what kind of file data is and opens its zip directory.
func openPackage(data []byte, opt Options) (*pkg, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, oleError(data)
	}
	if len(data) < 4 || string(data[:2]) != "PK" {
		return nil, layout.Errorf(layout.StatusCorrupt, "not a Word document: not a ZIP package")
	}
	tooMany := func(n int) error {
		return layout.Errorf(layout.StatusTooLarge, "ZIP package has %d entries, over the limit of %d", n, opt.MaxEntries)
	}
	if n := CountEntries(data, opt.MaxEntries); n > opt.MaxEntries {
		return nil, layout.Errorf(layout.StatusTooLarge, "ZIP package has more than %d entries", opt.MaxEntries)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, layout.Errorf(layout.StatusCorrupt, "not a readable ZIP package (truncated or damaged): %v", err)
	}
	if len(zr.File) > opt.MaxEntries {
		return nil, tooMany(len(zr.File))
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

// oleError says why an OLE compound file is not read: an encrypted OOXML
// package carries an EncryptedPackage stream; anything else is a legacy
// binary Office file.
func oleError(data []byte) error {
	if bytes.Contains(data, utf16le("EncryptedPackage")) || bytes.Contains(data, utf16le("EncryptionInfo")) {
		return layout.Errorf(layout.StatusEncrypted, "password-protected Word document (encrypted OOXML package); remove the password and save again")
	}
	return layout.Errorf(layout.StatusUnsupported, "legacy binary Office file (Word 97-2003 .doc or similar OLE compound file); save it as .docx")
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// has reports whether the package holds a part.
func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	return ok
}

// read inflates one part, or returns nil, nil when it is absent.
func (p *pkg) read(name string) ([]byte, error) {
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

// rels maps relationship types (their last path element, e.g.
// "officeDocument", "styles", "numbering") to part names, resolved against
// the folder of the part that owns them.
func (p *pkg) rels(owner string) (map[string]string, error) {
	dir, file := path.Split(owner)
	data, err := p.read(dir + "_rels/" + file + ".rels")
	if err != nil || data == nil {
		return nil, err
	}
	var doc struct {
		Rels []struct {
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := decodeXML(data, &doc); err != nil {
		return nil, nil // a broken rels part only costs us the lookup
	}
	out := map[string]string{}
	for _, r := range doc.Rels {
		if strings.EqualFold(r.TargetMode, "External") {
			continue
		}
		kind := r.Type[strings.LastIndex(r.Type, "/")+1:]
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Clean(path.Join(dir, target))
		}
		if _, seen := out[kind]; !seen {
			out[kind] = target
		}
	}
	return out, nil
}

// partError wraps a parse failure of one part.
func partError(part string, err error) error {
	var le *layout.Error
	if errors.As(err, &le) {
		return err
	}
	return layout.Errorf(layout.StatusCorrupt, "%s: %v", part, err)
}
