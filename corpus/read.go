package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/planmap/planmap/extract/layout"
)

// DefaultMaxSize is the input size limit when the caller gives none
// (--max-size).
const DefaultMaxSize int64 = 200 << 20

// Read reads one input within maxSize bytes (0 or less = DefaultMaxSize)
// and fills its Size, ID (SHA-256, hex) and Format from the content.
//
// It returns the content and in.Err: nil when the input can go to an
// extractor; otherwise a *layout.Error that is also stored in in.Err —
// unreadable, too-large (checked before reading, and again while reading
// in case the file grows), corrupt for an empty file, encrypted for a
// password-protected Office file, unsupported-format for anything that is
// not PDF, DOCX, XLSX, ODT, DOC, RTF, HTML or text. ID is filled whenever the content was read,
// so MarkDuplicates also finds copies of unusable files.
//
// Read touches only *in, so workers may read different inputs at once.
func Read(in *Input, maxSize int64) ([]byte, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	fail := func(status layout.Status, format string, args ...any) ([]byte, error) {
		in.Err = &layout.Error{Status: status, File: in.Path, Err: fmt.Errorf(format, args...)}
		return nil, in.Err
	}
	f, err := os.Open(in.Path)
	if err != nil {
		in.Err = unreadable(in.Path, err)
		return nil, in.Err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		in.Err = unreadable(in.Path, err)
		return nil, in.Err
	}
	if !info.Mode().IsRegular() {
		return fail(layout.StatusUnreadable, "not a regular file (%s)", fileKind(info.Mode()))
	}
	in.Size = info.Size()
	if in.Size > maxSize {
		return fail(layout.StatusTooLarge, "file is %s, over the %s limit (--max-size)", human(in.Size), human(maxSize))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		in.Err = unreadable(in.Path, err)
		return nil, in.Err
	}
	if int64(len(data)) > maxSize {
		return fail(layout.StatusTooLarge, "file grew past the %s limit (--max-size) while being read", human(maxSize))
	}
	in.Size = int64(len(data))
	sum := sha256.Sum256(data)
	in.ID = hex.EncodeToString(sum[:])
	in.Format = Identify(data)
	if len(data) == 0 {
		_, err := fail(layout.StatusCorrupt, "empty file (0 bytes)")
		return data, err
	}
	if in.Format == layout.Unknown {
		in.Err = &layout.Error{Status: layout.StatusUnsupported, File: in.Path, Err: fmt.Errorf("%s", describeUnknown(data))}
		switch {
		case bytes.HasPrefix(data, oleMagic) && encryptedOLE(data):
			in.Err = &layout.Error{Status: layout.StatusEncrypted, File: in.Path,
				Err: fmt.Errorf("password-protected Office document (encrypted OOXML package); remove the password and save again")}
		case bytes.HasPrefix(data, oleMagic) && oleTruncated(data):
			in.Err = &layout.Error{Status: layout.StatusCorrupt, File: in.Path,
				Err: fmt.Errorf("truncated: this legacy Office file (.doc, .xls or .ppt) ends before its directory, so none of its content can be found")}
		}
		return data, in.Err
	}
	if in.Format == layout.DOC {
		switch {
		case oleStreamCut(data, oleStream(data, "WordDocument")):
			in.Err = &layout.Error{Status: layout.StatusCorrupt, File: in.Path,
				Err: fmt.Errorf("truncated: this Word 97-2003 document ends inside its text")}
			return data, in.Err
		case encryptedWord(data):
			in.Err = &layout.Error{Status: layout.StatusEncrypted, File: in.Path,
				Err: fmt.Errorf("password-protected Word 97-2003 document; remove the password and save again")}
			return data, in.Err
		}
	}
	return data, nil
}

// MarkDuplicates marks every input whose content (ID) equals that of an
// earlier input in the slice: DuplicateOf is the earlier path and Err says
// "same content as <path>" with StatusDuplicate. Call it once all inputs
// are read, on the slice in Find's order: the first copy in that order is
// the one kept, however the workers were scheduled. Inputs without an ID
// (not read) are left alone.
func MarkDuplicates(inputs []Input) {
	first := make(map[string]string, len(inputs))
	for i := range inputs {
		in := &inputs[i]
		if in.ID == "" {
			continue
		}
		if orig, ok := first[in.ID]; ok {
			in.DuplicateOf = orig
			in.Err = &layout.Error{Status: layout.StatusDuplicate, File: in.Path, Err: fmt.Errorf("same content as %s", orig)}
			continue
		}
		first[in.ID] = in.Path
	}
}

// encryptedOLE reports an OLE compound file holding an encrypted OOXML
// package: its directory names the EncryptionInfo/EncryptedPackage streams
// (in UTF-16).
func encryptedOLE(data []byte) bool {
	return bytes.Contains(data, utf16le("EncryptedPackage")) || bytes.Contains(data, utf16le("EncryptionInfo"))
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// describeUnknown says in words what an unsupported file seems to be.
func describeUnknown(data []byte) string {
	const tail = "; planmap reads PDF, Word (.docx, and .doc with LibreOffice), Excel (.xlsx), OpenDocument text (.odt), RTF (with LibreOffice), HTML and plain text"
	switch {
	case bytes.HasPrefix(data, oleMagic):
		return "legacy Office file (Excel 97-2003 .xls or PowerPoint .ppt): save it as .xlsx or PDF" + tail
	case isZip(data):
		names := zipNames(data)
		for _, n := range names {
			switch {
			case hasPrefixFold(n, "xl/"):
				return "Excel binary workbook (.xlsb): save it as .xlsx" + tail
			case hasPrefixFold(n, "ppt/"):
				return "PowerPoint presentation (.pptx), not a Word document" + tail
			case n == "mimetype":
				mt := string(zipPart(data, "mimetype", 256))
				for _, k := range []struct{ mime, kind string }{
					{"opendocument.text", "OpenDocument text (.odt) that cannot be read"},
					{"opendocument.spreadsheet", "OpenDocument spreadsheet (.ods), not a text document: save it as .xlsx"},
					{"opendocument.presentation", "OpenDocument presentation (.odp), not a text document"},
				} {
					if strings.Contains(mt, k.mime) {
						return k.kind + tail
					}
				}
				return "OpenDocument file, not a text document" + tail
			}
		}
		return "ZIP archive that is not a Word, Excel or OpenDocument text document" + tail
	}
	if kind := binaryKind(data[:min(len(data), sniffLen)]); kind != "" {
		if kind[len(kind)-5:] == "image" {
			return kind + " (a scan? OCR is not supported yet)" + tail
		}
		return kind + tail
	}
	if text, ok := decodeText(data[:min(len(data), sniffLen)]); ok && looksJSON(text) {
		return "JSON data, not a document" + tail
	}
	return "binary data, not a document format planmap reads" + tail
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && bytes.EqualFold([]byte(s[:len(prefix)]), []byte(prefix))
}

// human writes a byte count for messages: "200 MB", "1.5 GB".
func human(n int64) string {
	switch {
	case n >= 1<<30:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<30))) + " GB"
	case n >= 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MB"
	case n >= 1<<10:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
