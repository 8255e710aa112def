package docx

import (
	"errors"
	"github.com/planmap/planmap/extract/zippkg"
	"path"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// The limits used when Options leaves a field at zero (zippkg's).
const (
	DefaultMaxUnzipped = zippkg.DefaultMaxUnzipped
	DefaultMaxEntries  = zippkg.DefaultMaxEntries
	DefaultMaxRatio    = zippkg.DefaultMaxRatio
	ratioFloor         = zippkg.RatioFloor
)

// pkg is an opened DOCX package whose parts are read within the limits
// (zippkg), with the OPC relationships that name its parts.
type pkg struct {
	*zippkg.Package
}

func (o Options) limits() zippkg.Limits {
	return zippkg.Limits{MaxUnzipped: o.MaxUnzipped, MaxEntries: o.MaxEntries, MaxRatio: o.MaxRatio}.WithDefaults()
}

func (o Options) withDefaults() Options {
	l := o.limits()
	o.MaxUnzipped, o.MaxEntries, o.MaxRatio = l.MaxUnzipped, l.MaxEntries, l.MaxRatio
	return o
}

// openPackage checks what kind of file data is and opens its zip directory.
func openPackage(data []byte, opt Options) (*pkg, error) {
	if ole, encrypted := zippkg.OLE(data); ole {
		if encrypted {
			return nil, layout.Errorf(layout.StatusEncrypted, "password-protected Word document (encrypted OOXML package); remove the password and save again")
		}
		return nil, layout.Errorf(layout.StatusUnsupported, "legacy binary Office file (Word 97-2003 .doc or similar OLE compound file); save it as .docx")
	}
	p, err := zippkg.Open(data, opt.limits(), "a Word document")
	if err != nil {
		return nil, err
	}
	return &pkg{p}, nil
}

// rels maps relationship types (their last path element, e.g.
// "officeDocument", "styles", "numbering") to part names, resolved against
// the folder of the part that owns them.
func (p *pkg) rels(owner string) (map[string]string, error) {
	dir, file := path.Split(owner)
	data, err := p.Read(dir + "_rels/" + file + ".rels")
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
