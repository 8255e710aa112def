package export

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/planmap/planmap/export/geo"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/places"
)

// The report (name.html) is the workbook's findings for people who would
// rather look than filter: a map of the UK at the compared level coloured
// by actions (and by the actions of one theme when one is picked), the
// Regions × Themes and Partners × Themes heat maps, the Gaps and Overlaps
// with links that open each source file at its page, and the documents
// with the evidence for their areas. It is one file with no network use:
// the styles, the few lines of script and the map's shapes (drawn in Go
// from ONS boundaries, package geo) are inside it.

//go:embed report.tmpl
var reportTemplate string

// palette is the map's and heat maps' colour scale, light to dark
// (ColorBrewer "OrRd" without its palest class, which is hard to tell
// from no plan); noData is an area with no plan.
var palette = []string{"#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000"}

const noData = "#e4e4e4"

// colour is the palette's colour for n of max: class ceil(7·n/max). The
// report's script computes the same when a theme is picked.
func colour(n, max int) string {
	if n <= 0 || max <= 0 {
		return noData
	}
	c := int(math.Ceil(float64(n) * float64(len(palette)) / float64(max)))
	return palette[min(max1(c), len(palette))-1]
}

func max1(c int) int {
	if c < 1 {
		return 1
	}
	return c
}

// layerOf is the map layer that draws a level.
func layerOf(l places.Level) string {
	switch l {
	case places.District:
		return geo.LayerDistrict
	case places.County:
		return geo.LayerCounty
	case places.Nation:
		return geo.LayerNation
	}
	return geo.LayerRegion
}

// reportShape is one area of the map with its counts.
type reportShape struct {
	Code, Name, Path, Fill string
	Actions                int
}

// mapCounts counts the analysed actions on each area of the map, by theme
// ("" for all): a document counts on the area it is compared under, a
// joint area on each of its parts. Documents for larger areas than the
// map's, or for no known area, are listed beside it instead.
func (ds *dataset) mapCounts(m *geo.Map) (counts map[string]map[string]int, others []reportOther) {
	gaz := places.Default()
	onMap := map[string]string{} // canonical code → shape code
	for _, s := range m.Shapes {
		if a, ok := gaz.ByCode(s.Code); ok {
			onMap[a.Code] = s.Code
		} else {
			onMap[s.Code] = s.Code
		}
	}
	counts = map[string]map[string]int{"": {}}
	add := func(code, theme string, n int) {
		if counts[theme] == nil {
			counts[theme] = map[string]int{}
		}
		counts[theme][code] += n
	}
	other := map[string]*reportOther{}
	for _, d := range ds.analysed() {
		parts := []places.Area{d.group}
		if len(d.group.Parts) > 0 {
			parts = d.group.Parts
		}
		var codes []string
		for _, p := range parts {
			if c, ok := onMap[p.Code]; ok && p.Known() {
				codes = append(codes, c)
			}
		}
		if len(codes) != len(parts) {
			o := other[d.region]
			if o == nil {
				o = &reportOther{Label: d.region}
				other[d.region] = o
			}
			o.Actions += len(d.actions)
			o.Documents = append(o.Documents, d.Name)
			continue
		}
		for _, c := range codes {
			add(c, "", len(d.actions))
			for _, a := range d.actions {
				for _, t := range actionThemes(a) {
					add(c, t, 1)
				}
			}
		}
	}
	for _, o := range other {
		others = append(others, *o)
	}
	sort.Slice(others, func(i, j int) bool { return others[i].Label < others[j].Label })
	return counts, others
}

// reportOther is a row of plans the map cannot draw at its level.
type reportOther struct {
	Label     string
	Actions   int
	Documents []string
}

// htmlTable is a sheet as the report shows it.
type htmlTable struct {
	Title, Note string
	Head        []string
	Rows        [][]htmlCell
	More        int // rows not shown
}

type htmlCell struct {
	Text, Link, Fill string
	Num, Dark        bool // Dark: white text on the darkest colours
}

// htmlRows renders up to limit rows of a table (0: all), heat cells
// coloured on the table's own scale.
func (ds *dataset) htmlRows(t *table, limit int) htmlTable {
	h := htmlTable{Title: t.sheet}
	for _, c := range t.cols {
		h.Head = append(h.Head, c.name)
	}
	maxHeat := 0
	if t.heatFrom >= 0 {
		t.rows(func(r row) bool {
			for i := t.heatFrom; i <= t.heatTo && i < len(r.vals); i++ {
				if n, ok := r.vals[i].(int); ok && n > maxHeat {
					maxHeat = n
				}
			}
			return true
		})
	}
	n := 0
	t.rows(func(r row) bool {
		n++
		if limit > 0 && n > limit {
			return true
		}
		var cells []htmlCell
		for i, v := range r.vals {
			c := htmlCell{Text: reportText(t.cols[i], v), Num: t.cols[i].kind != kText && t.cols[i].kind != kDate}
			if t.heatFrom >= 0 && i >= t.heatFrom && i <= t.heatTo {
				if n, ok := v.(int); ok && n > 0 {
					c.Fill = colour(n, maxHeat)
					c.Dark = c.Fill == palette[len(palette)-1] || c.Fill == palette[len(palette)-2] || c.Fill == palette[len(palette)-3]
				}
			}
			if i == t.linkCol && r.link != "" {
				c.Link = pageLink(r.link, r.page)
			}
			cells = append(cells, c)
		}
		h.Rows = append(h.Rows, cells)
		return true
	})
	if limit > 0 && n > limit {
		h.More = n - limit
	}
	return h
}

// pageLink opens a file at its page: browsers' PDF viewers read #page=N.
func pageLink(link string, page int) string {
	if page > 0 && strings.EqualFold(filepath.Ext(link), ".pdf") {
		return link + "#page=" + strconv.Itoa(page)
	}
	return link
}

func reportText(c column, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return cellText(x)
	case int:
		return thousands(x)
	case float64:
		switch c.kind {
		case kPercent:
			return fmt.Sprintf("%.0f%%", x*100)
		default:
			return fmt.Sprintf("%.2f", x)
		}
	}
	return cellText(fmt.Sprint(v))
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// reportData is what the template fills in.
type reportData struct {
	Level      string
	LevelName  string
	Documents  int
	Actions    int
	Width      float64
	Height     float64
	Shapes     []reportShape
	Themes     []string
	Counts     map[string]map[string]int // theme ("" all) → shape code → actions
	Palette    []string
	NoData     string
	Others     []reportOther
	Legend     []legendStep
	Tables     []htmlTable
	Unresolved int
}

type legendStep struct{ Fill, Label string }

func legend(max int) []legendStep {
	out := []legendStep{{noData, "no plan"}}
	if max <= 0 {
		return out
	}
	k := len(palette)
	for i := range k {
		lo := int(math.Floor(float64(max)*float64(i)/float64(k))) + 1
		hi := int(math.Floor(float64(max) * float64(i+1) / float64(k)))
		if hi < lo {
			continue
		}
		label := strconv.Itoa(lo)
		if hi > lo {
			label += "–" + strconv.Itoa(hi)
		}
		out = append(out, legendStep{palette[i], label})
	}
	return out
}

// writeReport writes the HTML report.
func writeReport(path string, docs []normalise.Document, opt Options) error {
	ds := newDatasetOptions(docs, filepath.Dir(path), opt)
	var buf bytes.Buffer
	if err := ds.report(&buf); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}

func (ds *dataset) report(w io.Writer) error {
	m, err := geo.Layer(layerOf(ds.level), 560)
	if err != nil {
		return err
	}
	counts, others := ds.mapCounts(m)
	max := 0
	for _, n := range counts[""] {
		max = maxInt(max, n)
	}
	data := reportData{Level: string(ds.level), LevelName: levelName(ds.level), Width: m.Width, Height: m.Height,
		Themes: ds.themes, Counts: counts, Palette: palette, NoData: noData, Others: others, Legend: legend(max)}
	for _, d := range ds.analysed() {
		data.Documents++
		data.Actions += len(d.actions)
		if d.area.Name == places.Unknown {
			data.Unresolved++
		}
	}
	for _, s := range m.Shapes {
		n := counts[""][s.Code]
		data.Shapes = append(data.Shapes, reportShape{Code: s.Code, Name: s.Name, Path: s.Path, Fill: colour(n, max), Actions: n})
	}
	rt := ds.htmlRows(ds.regionThemeTable(), 0)
	rt.Title = levelName(ds.level) + " × Themes"
	rt.Note = "Actions of each theme in each " + string(ds.level) + "; a plan for a larger area keeps its own row. An action may have several themes."
	pt := ds.partnerThemeTable()
	ptRows := ds.htmlRows(ds.topOrgs(pt, 60), 0)
	ptRows.Title = sheetPartnerThemes
	ptRows.Note = "The organisations that lead or partner on most actions, by theme (the workbook lists them all)."
	if n := len(ds.orgs.active()); n > 60 {
		ptRows.More = n - 60
	}
	gaps := ds.htmlRows(ds.gapsTable(), 400)
	gaps.Note = "What the plans leave out: themes a region does not cover, actions without a lead, milestones without a date or past due, places not found."
	ov := ds.htmlRows(ds.overlapsTable(), 300)
	ov.Note = "Where plans meet: similar actions, one organisation leading in several places, several leads on one theme."
	docsT := ds.htmlRows(ds.documentsTable(), 0)
	docsT.Note = "Every input, its area and the evidence for it."
	data.Tables = []htmlTable{rt, ptRows, gaps, ov, docsT}
	tmpl, err := template.New("report").Funcs(template.FuncMap{"join": strings.Join}).Parse(reportTemplate)
	if err != nil {
		return err
	}
	return tmpl.Execute(w, data)
}

// topOrgs is the Partners × Themes table cut to the organisations with
// most actions.
func (ds *dataset) topOrgs(t *table, n int) *table {
	type kv struct {
		r   row
		sum int
	}
	var all []kv
	t.rows(func(r row) bool {
		l, _ := r.vals[3].(int)
		p, _ := r.vals[4].(int)
		all = append(all, kv{r, l + p})
		return true
	})
	sort.SliceStable(all, func(i, j int) bool { return all[i].sum > all[j].sum })
	if len(all) > n {
		all = all[:n]
	}
	cut := *t
	cut.rows = func(yield func(row) bool) {
		for _, x := range all {
			if !yield(x.r) {
				return
			}
		}
	}
	return &cut
}

func levelName(l places.Level) string {
	switch l {
	case places.District:
		return "Districts"
	case places.County:
		return "Counties"
	case places.Nation:
		return "Nations"
	}
	return "Regions"
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
