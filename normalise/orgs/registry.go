package orgs

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// The organisation registry: canonical names, the other forms they are
// printed in, and their kind. planmap ships one (data/organisations.csv);
// --orgs FILE extends it with a CSV or with the Organisations sheet of a
// workbook planmap wrote, so analysts can merge names in Excel and feed the
// workbook back.

//go:embed data/organisations.csv
var defaultOrganisationsCSV []byte

// Organisation is a canonical body with the forms it was printed in. Its
// JSON names are part of the JSON Lines contract (normalise.Plan).
type Organisation struct {
	Canonical string   `json:"canonical"`
	Aliases   []string `json:"aliases,omitempty"`
	Kind      string   `json:"kind"`
	// Within is the body a post or an internal team belongs to ("CPH",
	// "Head of Economy" and the "GET" directorate within Kent County
	// Council), when the document shows it; "" for a body in its own
	// right.
	Within string `json:"within,omitempty"`
}

// Registry maps printed organisation names to canonical organisations.
type Registry struct {
	orgs  []Organisation
	byKey map[string]int // nameKey of a canonical name or alias → index in orgs
}

var (
	defaultOnce     sync.Once
	defaultRegistry *Registry
)

// DefaultRegistry is the registry that ships with planmap. It is shared:
// callers must not Add to it (LoadRegistry returns a copy).
func DefaultRegistry() *Registry {
	defaultOnce.Do(func() {
		r := newRegistry()
		if err := r.readCSV(bytes.NewReader(defaultOrganisationsCSV), "data/organisations.csv"); err != nil {
			panic("orgs: embedded organisations.csv: " + err.Error()) // a build defect, caught by tests
		}
		defaultRegistry = r
	})
	return defaultRegistry
}

func newRegistry() *Registry { return &Registry{byKey: map[string]int{}} }

func (r *Registry) clone() *Registry {
	c := &Registry{orgs: make([]Organisation, len(r.orgs)), byKey: make(map[string]int, len(r.byKey))}
	for i, o := range r.orgs {
		o.Aliases = append([]string(nil), o.Aliases...)
		c.orgs[i] = o
	}
	for k, v := range r.byKey {
		c.byKey[k] = v
	}
	return c
}

// LoadRegistry reads a CSV (canonical,alias,kind) or the Organisations sheet
// of a planmap workbook (.xlsx) and merges it over the default. path "" gives
// the default. A name in the file overrides the default's mapping of that
// name, so a user can move an alias to another organisation.
func LoadRegistry(path string) (*Registry, error) {
	if path == "" {
		return DefaultRegistry(), nil
	}
	r := DefaultRegistry().clone()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		if err := r.readWorkbook(path); err != nil {
			return nil, err
		}
	default:
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("organisations %s: %w", path, err)
		}
		defer f.Close()
		if err := r.readCSV(f, path); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// readCSV reads rows of canonical,alias,kind. A header row is optional;
// lines starting with '#' are comments; the alias field may hold several
// aliases separated by ';'.
func (r *Registry) readCSV(in io.Reader, name string) error {
	cr := csv.NewReader(in)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	line := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		line++
		if err != nil {
			return fmt.Errorf("organisations %s: %w", name, err)
		}
		for len(rec) < 3 {
			rec = append(rec, "")
		}
		if line == 1 && strings.EqualFold(strings.TrimSpace(rec[0]), "canonical") {
			continue
		}
		canonical := strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff"))
		if canonical == "" {
			continue
		}
		r.Add(canonical, splitAliases(rec[1]), rec[2])
	}
}

func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// readWorkbook reads the Organisations sheet written by planmap's export:
// header columns Canonical, Aliases ("; "-separated) and Kind; other
// columns (counts) are ignored.
func (r *Registry) readWorkbook(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return fmt.Errorf("organisations %s: %w", path, err)
	}
	defer f.Close()
	sheet := ""
	for _, s := range f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), "Organisations") || strings.EqualFold(strings.TrimSpace(s), "Organizations") {
			sheet = s
		}
	}
	if sheet == "" {
		return fmt.Errorf("organisations %s: no Organisations sheet", path)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return fmt.Errorf("organisations %s: %w", path, err)
	}
	col := map[string]int{"canonical": -1, "aliases": -1, "kind": -1}
	start := 0
	for i, row := range rows {
		for j, cell := range row {
			h := strings.ToLower(strings.TrimSpace(cell))
			if h == "alias" {
				h = "aliases"
			}
			if _, ok := col[h]; ok && col[h] < 0 {
				col[h] = j
			}
		}
		if col["canonical"] >= 0 {
			start = i + 1
			break
		}
	}
	if col["canonical"] < 0 {
		return fmt.Errorf("organisations %s: sheet %s has no Canonical column", path, sheet)
	}
	get := func(row []string, h string) string {
		if j := col[h]; j >= 0 && j < len(row) {
			return strings.TrimSpace(row[j])
		}
		return ""
	}
	for _, row := range rows[start:] {
		if c := get(row, "canonical"); c != "" {
			r.Add(c, splitAliases(get(row, "aliases")), get(row, "kind"))
		}
	}
	return nil
}

// Add records an organisation, or more forms of one already known by its
// canonical name. Each name given points at this organisation from now on.
func (r *Registry) Add(canonical string, aliases []string, kind string) {
	canonical = cleanName(canonical)
	if canonical == "" {
		return
	}
	kind = normaliseKind(kind)
	ck := nameKey(canonical)
	i, ok := r.byKey[ck]
	if !ok || nameKey(r.orgs[i].Canonical) != ck {
		r.orgs = append(r.orgs, Organisation{Canonical: canonical, Kind: kind})
		i = len(r.orgs) - 1
	}
	o := &r.orgs[i]
	if kind != "" {
		o.Kind = kind
	}
	if o.Kind == "" {
		o.Kind = GuessKind(canonical)
	}
	r.point(ck, i)
	for _, a := range aliases {
		a = cleanName(a)
		k := nameKey(a)
		if k == "" || k == ck {
			continue
		}
		if !containsFold(o.Aliases, a) {
			o.Aliases = append(o.Aliases, a)
		}
		r.point(k, i)
	}
}

// point maps a key to organisation i, taking the name away from any other
// organisation that listed it.
func (r *Registry) point(k string, i int) {
	if old, ok := r.byKey[k]; ok && old != i {
		o := &r.orgs[old]
		kept := o.Aliases[:0]
		for _, a := range o.Aliases {
			if nameKey(a) != k {
				kept = append(kept, a)
			}
		}
		o.Aliases = kept
	}
	r.byKey[k] = i
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Organisations lists the registry's organisations in the order they were
// added.
func (r *Registry) Organisations() []Organisation {
	out := make([]Organisation, len(r.orgs))
	copy(out, r.orgs)
	return out
}

// Lookup finds a printed name in the registry, ignoring case, punctuation,
// a leading "the" and '&' against "and".
func (r *Registry) Lookup(name string) (Organisation, bool) {
	if r == nil {
		return Organisation{}, false
	}
	i, ok := r.byKey[nameKey(name)]
	if !ok {
		return Organisation{}, false
	}
	return r.orgs[i], true
}

func (r *Registry) known(name string) bool {
	_, ok := r.Lookup(name)
	return ok
}

// nameKey is the form names are matched in: lower case, '&' read as "and",
// apostrophes dropped, other punctuation as spaces, no leading "the".
// NameKey is the key under which two printings of one name meet: letters
// and digits, lower-cased, "&" read as "and", spaced initials closed up and
// a leading "the" dropped.
func NameKey(s string) string { return nameKey(s) }

func nameKey(s string) string {
	var b strings.Builder
	space := true
	for _, c := range strings.ToLower(s) {
		switch {
		case c == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("and ")
			space = true
		case c == '\'' || c == '’' || c == '‘':
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			b.WriteRune(c)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	k := strings.TrimSpace(b.String())
	return joinInitials(strings.TrimPrefix(k, "the "))
}

// joinInitials closes up a run of single letters, so that an acronym
// printed with spaces is the same key: "p h consultant" = "ph consultant".
func joinInitials(k string) string {
	words := strings.Fields(k)
	out := words[:0]
	for i, w := range words {
		single := len([]rune(w)) == 1
		prevSingle := i > 0 && len([]rune(words[i-1])) == 1
		if single && prevSingle && len(out) > 0 {
			out[len(out)-1] += w
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// cleanName collapses white space and trims stray punctuation.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " ,;:.•*")
	return s
}
