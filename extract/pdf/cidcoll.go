package pdf

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// The Adobe character collections (Adobe-Japan1, -GB1, -CNS1, -Korea1):
// a CID font that names one and has no ToUnicode map (common in Japanese,
// Chinese and Korean PDFs whose fonts are embedded as CFF) is read
// through the collection's CID → Unicode table. The tables are Adobe's
// public ones as poppler-data installs them (Debian's poppler-data, the
// same files pdftotext reads; `make tools` installs it), one line per
// CID holding a hex code point: 90,000 lines in all, so they are read from
// there when present rather than copied into planmap. Without them the
// font's text is U+FFFD and the page says which collection is missing.

// cidDirs are where poppler-data puts the tables.
var cidDirs = []string{"/usr/share/poppler/cidToUnicode", "/usr/local/share/poppler/cidToUnicode"}

var cidColls = struct {
	sync.Mutex
	m map[string][]rune
}{m: map[string][]rune{}}

// knownCollections are the orderings with a public table.
var knownCollections = map[string]bool{"Japan1": true, "GB1": true, "CNS1": true, "Korea1": true}

// cidCollection returns the CID → Unicode table of Adobe-<ordering>, or
// nil when it is not a known collection or its table is not installed.
func cidCollection(ordering string) []rune {
	if !knownCollections[ordering] {
		return nil
	}
	cidColls.Lock()
	defer cidColls.Unlock()
	if t, ok := cidColls.m[ordering]; ok {
		return t
	}
	var t []rune
	for _, d := range cidDirs {
		if t = readCIDTable(filepath.Join(d, "Adobe-"+ordering)); t != nil {
			break
		}
	}
	cidColls.m[ordering] = t
	return t
}

func readCIDTable(path string) []rune {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var t []rune
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(t) < 1<<17 {
		n, err := strconv.ParseUint(sc.Text(), 16, 32)
		if err != nil || n > 0x10FFFF || (n >= 0xD800 && n < 0xE000) {
			n = 0
		}
		t = append(t, rune(n))
	}
	if len(t) == 0 {
		return nil
	}
	return t
}
