package export

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/places"
)

// dataset is the export's view of a batch: every input in order, the
// region of each, unique action IDs, and which file stands for a document in
// the analysis sheets.
type dataset struct {
	docs   []*docView
	outDir string // folder of the output, for relative hyperlinks
	// asOf is the date milestones are past due from (--as-of); "" means
	// each document's own date.
	asOf string
	// level is the level documents are compared at (--level): Summary,
	// Regions × Themes and the findings count each document under its
	// area's ancestor at that level.
	level   places.Level
	regions []string
	themes  []string
	orgs    *orgIndex
	// overlapCache holds the Overlaps findings once computed: the sheet's
	// rows are read more than once (count, widths, write).
	overlapOnce  sync.Once
	overlapCache []overlap
}

// docView is one input as the exports see it.
type docView struct {
	*normalise.Document
	// area is the document's own area; group is the area it is compared
	// under at the dataset's level, and region that group's label.
	area   places.Area
	group  places.Area
	region string
	// analysed is set on the one file that stands for its document in the
	// analysis sheets: the file with the most actions among those with the
	// same document name, since a document read from several files (DOCX
	// and PDF of the same report) would otherwise count twice. Files with
	// no action are not analysed.
	analysed bool
	standIn  *docView // the analysed file of the same document, when not this one
	link     string   // relative hyperlink target, "" when the file is gone
	actions  []normalise.Action
	ids      []string // unique action IDs, parallel to actions
}

// milestones counts the milestones of the document's actions.
func (d *docView) milestones() int {
	n := 0
	for _, a := range d.actions {
		n += len(a.Milestones)
	}
	return n
}

// unclassified is the theme of an action no theme rule matched.
const unclassified = "unclassified"

func newDataset(docs []normalise.Document, outDir string) *dataset {
	return newDatasetOptions(docs, outDir, Options{})
}

func newDatasetOptions(docs []normalise.Document, outDir string, opt Options) *dataset {
	ds := &dataset{outDir: outDir, asOf: opt.AsOf, level: opt.Level}
	if ds.level == "" {
		ds.level = places.Region
	}
	gaz := places.Default()
	seenID := map[string]bool{}
	best := map[string]*docView{}
	for i := range docs {
		d := &docView{Document: &docs[i]}
		d.area = documentArea(d.Document)
		d.group = gaz.At(d.area, ds.level)
		d.region = groupLabel(d.group, ds.level)
		if d.Plan != nil && d.Status == "ok" {
			d.actions = d.Plan.Actions
		}
		d.link = relLink(outDir, d.File)
		for j, a := range d.actions {
			id := a.ID
			if id == "" {
				id = d.Name + "#" + strconv.Itoa(j+1)
			}
			if seenID[id] {
				// The same document read from another file: keep IDs unique.
				base := id + "@" + d.Format
				id = base
				for k := 2; seenID[id]; k++ {
					id = base + strconv.Itoa(k)
				}
			}
			seenID[id] = true
			d.ids = append(d.ids, id)
		}
		// A file with no action (a README beside the plans, a cover note)
		// has nothing to compare and would only add an empty region.
		if d.Status == "ok" && d.Plan != nil && len(d.actions) > 0 {
			if b := best[d.Name]; b == nil || len(d.actions) > len(b.actions) {
				best[d.Name] = d
			}
		}
		ds.docs = append(ds.docs, d)
	}
	regions, themes := map[string]bool{}, map[string]bool{}
	for _, d := range ds.docs {
		if b := best[d.Name]; b != nil && b != d && len(d.actions) > 0 {
			d.standIn = b
		}
	}
	for _, d := range best {
		d.analysed = true
		regions[d.region] = true
		for _, a := range d.actions {
			for _, t := range actionThemes(a) {
				themes[t] = true
			}
		}
	}
	ds.regions = sortedKeys(regions)
	ds.themes = sortedKeys(themes)
	// "unclassified" goes last: it is what the taxonomy missed.
	for i, t := range ds.themes {
		if t == unclassified {
			ds.themes = append(append(ds.themes[:i:i], ds.themes[i+1:]...), unclassified)
			break
		}
	}
	ds.orgs = buildOrgs(ds)
	return ds
}

// documentArea is a document's area: the one recorded on it, else its
// plan's, else unknown with the reason. Never its file name.
func documentArea(d *normalise.Document) places.Area {
	if d.Area.Name != "" {
		return d.Area
	}
	if d.Plan != nil && d.Plan.Meta.Area.Name != "" {
		return d.Plan.Meta.Area
	}
	if d.Plan != nil && strings.TrimSpace(d.Plan.Meta.Region) != "" {
		// A plan from before areas were resolved: its region as printed,
		// resolved now when the gazetteer knows it.
		r := strings.TrimSpace(d.Plan.Meta.Region)
		if m, ok := places.Default().Resolve(r); ok {
			a := m.Area
			a.Evidence = "region recorded as " + r
			return a
		}
		return places.Area{Name: r, Evidence: "region recorded as " + r + " (not in the gazetteer)"}
	}
	if d.Status != "ok" {
		return places.Unresolved("not read (" + d.Status + ")")
	}
	return places.Unresolved("no plan")
}

// groupLabel names a row of the comparison: the area's name, with its
// level when it is larger than the level compared at ("United Kingdom
// (UK)", "England (nation)"): such a plan is kept in a row of its own.
func groupLabel(a places.Area, l places.Level) string {
	// Wales, Scotland and Northern Ireland are nations and regions both,
	// as in ONS's region layer.
	if a.Known() && a.Level.Rank() > l.Rank() && !(l == places.Region && a.RegionCode == a.Code) {
		if a.Level == places.UK {
			return a.Name + " (UK)"
		}
		return a.Name + " (" + string(a.Level) + ")"
	}
	return a.Label()
}

// analysed returns the documents the analysis sheets use, in input order.
func (ds *dataset) analysed() []*docView {
	var out []*docView
	for _, d := range ds.docs {
		if d.analysed {
			out = append(out, d)
		}
	}
	return out
}

// actionThemes are an action's themes, "unclassified" when it has none.
func actionThemes(a normalise.Action) []string {
	var out []string
	for _, t := range a.Themes {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return []string{unclassified}
	}
	return out
}

// relLink is the hyperlink target for an input file: its path relative to
// the output's folder, with forward slashes. It is "" when the file does
// not exist, so that no link points anywhere but at an input.
func relLink(outDir, file string) string {
	if file == "" {
		return ""
	}
	st, err := os.Stat(file)
	if err != nil || !st.Mode().IsRegular() {
		return ""
	}
	absFile, err1 := filepath.Abs(file)
	absDir, err2 := filepath.Abs(outDir)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(absDir, absFile)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// orgNames pairs printed names with their canonical organisations: the
// canonical name from lead_orgs/partner_orgs when the normaliser gave one,
// else the printed name.
func orgNames(printed, canonical []string) []string {
	out := make([]string, 0, len(printed))
	seen := map[string]bool{}
	for i, p := range printed {
		c := p
		if len(canonical) == len(printed) && strings.TrimSpace(canonical[i]) != "" {
			c = canonical[i]
		}
		c = strings.TrimSpace(c)
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// hasDue reports whether a due carries a date or at least a printed text.
func hasDue(d normalise.Due) bool {
	return strings.TrimSpace(d.Text) != "" || d.Start != ""
}

// pageOrNil leaves an unknown page (0) blank instead of printing 0.
func pageOrNil(p int) any {
	if p <= 0 {
		return nil
	}
	return p
}

func join(s []string) string { return strings.Join(s, "; ") }

// inAnalysis says whether the analysis sheets count this file, and if not
// why: a document read from two files (DOCX and PDF) is counted once, so a
// pivot over the Actions sheet filtered on "yes" matches the Summary.
func (d *docView) inAnalysis() string {
	switch {
	case d.analysed:
		return "yes"
	case d.standIn != nil:
		return "no: same document as " + filepath.Base(d.standIn.File)
	}
	return "no"
}
