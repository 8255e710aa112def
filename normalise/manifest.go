package normalise

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
)

// A manifest lets a user state what planmap would otherwise infer about a
// file: one CSV row per file with the columns path, region, body, type (a
// header row naming them is optional). A path matches an input by full
// path, by file name, or by document name (file name without extension).

// ManifestEntry is one file's overrides; empty fields keep the inferred
// value.
type ManifestEntry struct {
	Path, Region, Body, Type string
}

// Manifest maps a path form (see manifestKeys) to its entry.
type Manifest map[string]ManifestEntry

// LoadManifest reads a manifest CSV; path "" gives none.
func LoadManifest(path string) (Manifest, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	defer f.Close()
	return ReadManifest(f, path)
}

// ReadManifest parses manifest CSV from r; name is used in errors.
func ReadManifest(r io.Reader, name string) (Manifest, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	m := Manifest{}
	cols := map[string]int{"path": 0, "region": 1, "body": 2, "type": 3}
	line := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("manifest %s: line %d: %w", name, line, err)
		}
		if line == 1 && len(rec) > 0 && strings.EqualFold(strings.TrimSpace(rec[0]), "path") {
			cols = map[string]int{}
			for i, h := range rec {
				cols[strings.ToLower(strings.TrimSpace(h))] = i
			}
			continue
		}
		get := func(k string) string {
			i, ok := cols[k]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		e := ManifestEntry{Path: get("path"), Region: get("region"), Body: get("body"), Type: get("type")}
		if e.Path == "" {
			continue
		}
		for _, k := range manifestKeys(e.Path) {
			if _, dup := m[k]; !dup {
				m[k] = e
			}
		}
	}
	return m, nil
}

// manifestFor finds the manifest entry of an input file.
func (o Options) manifestFor(file string) (ManifestEntry, bool) {
	if o.Manifest == nil {
		return ManifestEntry{}, false
	}
	for _, k := range manifestKeys(file) {
		if e, ok := o.Manifest[k]; ok {
			return e, true
		}
	}
	return ManifestEntry{}, false
}
