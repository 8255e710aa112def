package export

import (
	"fmt"
	"strings"

	"github.com/planmap/planmap/normalise/places"
)

// A table is one sheet of the workbook and one file of the CSV folder: the
// same columns and rows in every format.

type colKind int

const (
	kText    colKind = iota
	kInt             // a count: whole number with thousands separator
	kPercent         // a share 0..1
	kScore           // a similarity 0..1 with two decimals
	kDate            // an ISO date ("2008-03-01"), written as an Excel date
)

type column struct {
	name  string
	kind  colKind
	width float64 // the widest this column may be made; 0 = default
	wrap  bool    // long text: wrap instead of overflowing
}

// row is one table row; link, when set, is the hyperlink target of the
// cell in the table's linkCol.
type row struct {
	vals []any
	link string
	page int // the page the row comes from: a link to a PDF opens there
}

type table struct {
	sheet   string // sheet name
	file    string // CSV file name in a folder export
	name    string // Excel table name
	cols    []column
	n       int // number of rows
	rows    func(yield func(row) bool)
	linkCol int // column that carries the row's hyperlink; -1 none
	// heatFrom..heatTo (0-based, inclusive) get a colour-scale heat map;
	// heatFrom < 0 means none.
	heatFrom, heatTo int
	// normal keeps the sheet out of streaming whatever its size: the
	// Documents sheet (one row per input) keeps its hyperlinks.
	normal bool
}

func txt(name string, width float64) column  { return column{name: name, width: width} }
func wrap(name string, width float64) column { return column{name: name, width: width, wrap: true} }
func num(name string) column                 { return column{name: name, kind: kInt, width: 12} }

// date is a column of ISO dates: Excel dates in a workbook (so date
// filters, grouping by year or quarter and timelines work), the ISO text
// in CSV.
func date(name string) column { return column{name: name, kind: kDate, width: 11} }

// size is the number of rows, counted on first use when not known.
func (t *table) size() int {
	if t.n < 0 {
		t.n = count(t.rows)
	}
	return t.n
}

// count runs a row iterator to learn its length.
func count(rows func(func(row) bool)) int {
	n := 0
	rows(func(row) bool { n++; return true })
	return n
}

// tables lists every sheet in workbook order.
func (ds *dataset) tables() []*table {
	ts := []*table{
		ds.summaryTable(),
		ds.regionThemeTable(),
		ds.partnerThemeTable(),
		ds.gapsTable(),
		ds.overlapsTable(),
		ds.organisationsTable(),
		ds.documentsTable(),
		ds.actionsTable(),
		ds.milestonesTable(),
	}
	for _, t := range ts {
		if t.sheet != sheetOverlaps { // counted when written: see buildWorkbook
			t.size()
		}
	}
	return ts
}

// Sheet names, shared by the writers and the tests.
const (
	sheetSummary       = "Summary"
	sheetRegionThemes  = "Regions × Themes"
	sheetPartnerThemes = "Partners × Themes"
	sheetGaps          = "Gaps"
	sheetOverlaps      = "Overlaps"
	sheetOrganisations = "Organisations"
	sheetDocuments     = "Documents"
	sheetActions       = "Actions"
	sheetMilestones    = "Milestones"
)

func (ds *dataset) summaryTable() *table {
	docs := ds.analysed()
	return &table{
		sheet: sheetSummary, file: "summary.csv", name: "Summary", linkCol: 2, heatFrom: -1, n: len(docs),
		cols: []column{txt("Region", 30), wrap("Document", 40), txt("File", 40), txt("Format", 8),
			num("Actions"), num("Milestones"), {name: "With lead", kind: kPercent, width: 10},
			{name: "With due date", kind: kPercent, width: 12}, txt("Period covered", 30),
			num("Themes touched"), wrap("Themes", 60), wrap("Area", 24), num("Population"), perPeople()},
		rows: func(yield func(row) bool) {
			for _, d := range docs {
				withLead, withDue := 0, 0
				themes := map[string]bool{}
				lo, hi := "", ""
				for _, a := range d.actions {
					if len(orgNames(a.Leads, a.LeadOrgs)) > 0 {
						withLead++
					}
					dated := hasDue(a.Due)
					lo, hi = widen(lo, hi, a.Due.Start, a.Due.End)
					for _, m := range a.Milestones {
						dated = dated || hasDue(m.Due)
						lo, hi = widen(lo, hi, m.Due.Start, m.Due.End)
					}
					if dated {
						withDue++
					}
					for _, t := range actionThemes(a) {
						if t != unclassified {
							themes[t] = true
						}
					}
				}
				period := d.Plan.Meta.Period.Text
				if period == "" && lo != "" {
					period = lo + " to " + hi
				}
				names := sortedKeys(themes)
				if !yield(row{vals: []any{d.region, d.Name, d.File, d.Format, len(d.actions), d.milestones(),
					share(withLead, len(d.actions)), share(withDue, len(d.actions)), period,
					len(names), join(names), d.area.Label(), population(d.group), per100k(len(d.actions), d.group.Population)}, link: d.link}) {
					return
				}
			}
		},
	}
}

// perPeople is the column of actions per 100,000 people of the area
// compared, the measure that lets a county's plan stand beside a region's.
func perPeople() column {
	return column{name: "Actions per 100,000 people", kind: kScore, width: 14, wrap: true}
}

// population is an area's population, blank when the data has none (an
// unknown area, a name only a manifest gives).
func population(a places.Area) any {
	if a.Population <= 0 {
		return nil
	}
	return a.Population
}

func per100k(actions, population int) any {
	if population <= 0 {
		return nil
	}
	return float64(actions) * 100000 / float64(population)
}

// widen stretches the interval lo..hi to hold start..end (ISO dates).
func widen(lo, hi, start, end string) (string, string) {
	if start != "" && (lo == "" || start < lo) {
		lo = start
	}
	if end == "" {
		end = start
	}
	if end != "" && end > hi {
		hi = end
	}
	return lo, hi
}

func share(n, of int) any {
	if of == 0 {
		return nil
	}
	return float64(n) / float64(of)
}

func (ds *dataset) regionThemeTable() *table {
	cols := []column{txt("Region", 42)}
	for _, t := range ds.themes {
		cols = append(cols, column{name: t, kind: kInt, width: 14, wrap: true})
	}
	cols = append(cols, num("Total actions"), num("Population"), perPeople())
	counts := ds.themeCounts()
	totals := map[string]int{}
	groups := map[string]*docView{}
	for _, d := range ds.analysed() {
		totals[d.region] += len(d.actions)
		groups[d.region] = d
	}
	return &table{
		sheet: sheetRegionThemes, file: "regions-themes.csv", name: "RegionsThemes", linkCol: -1,
		heatFrom: 1, heatTo: len(ds.themes), n: len(ds.regions), cols: uniqueNames(cols),
		rows: func(yield func(row) bool) {
			for _, r := range ds.regions {
				vals := []any{r}
				for _, t := range ds.themes {
					vals = append(vals, counts[r][t])
				}
				g := groups[r].group
				vals = append(vals, totals[r], population(g), per100k(totals[r], g.Population))
				if !yield(row{vals: vals}) {
					return
				}
			}
		},
	}
}

func (ds *dataset) partnerThemeTable() *table {
	cols := []column{wrap("Organisation", 40), txt("Kind", 30), wrap("Regions", 30), num("Leads"), num("Partner on")}
	for _, t := range ds.themes {
		cols = append(cols, column{name: t + " (lead)", kind: kInt, width: 14, wrap: true},
			column{name: t + " (partner)", kind: kInt, width: 14, wrap: true})
	}
	orgs := ds.orgs.active()
	return &table{
		sheet: sheetPartnerThemes, file: "partners-themes.csv", name: "PartnersThemes", linkCol: -1,
		heatFrom: 5, heatTo: 4 + 2*len(ds.themes), n: len(orgs), cols: uniqueNames(cols),
		rows: func(yield func(row) bool) {
			for _, o := range orgs {
				vals := []any{o.canonical, o.kind, join(sortedKeys(o.regions)), o.leads, o.partners}
				for _, t := range ds.themes {
					vals = append(vals, o.leadTheme[t], o.partnerTheme[t])
				}
				if !yield(row{vals: vals}) {
					return
				}
			}
		},
	}
}

func (ds *dataset) gapsTable() *table {
	return &table{
		sheet: sheetGaps, file: "gaps.csv", name: "Gaps", linkCol: 8, heatFrom: -1, n: -1,
		cols: []column{txt("Type", 28), wrap("Region", 28), txt("Document", 34), txt("Action ID", 30),
			wrap("Subject", 60), wrap("Detail", 50), wrap("Evidence", 60), pageCol(), txt("File", 40)},
		rows: func(yield func(row) bool) {
			ds.gaps(func(g gap) bool {
				doc, file, link := "", "", ""
				if g.doc != nil {
					doc, file, link = g.doc.Name, g.doc.File, g.doc.link
				}
				return yield(row{vals: []any{g.kind, g.region, doc, g.id, g.subject, g.detail, g.evidence, pageOrNil(g.page), file}, link: link, page: g.page})
			})
		},
	}
}

func pageCol() column { return column{name: "Page", kind: kInt, width: 7} }

func source(file string, page int) string {
	if page > 0 {
		return fmt.Sprintf("%s, page %d", file, page)
	}
	return file
}

// Organisations sheet columns: a contract. normalise.LoadRegistry reads this
// sheet back (--orgs), so the first three headers and their order must not
// change.
var organisationColumns = []column{wrap("Canonical", 40), wrap("Aliases", 50), txt("Kind", 30),
	num("Leads"), num("Partner on"), wrap("Regions", 40), num("Leads milestones")}

func (ds *dataset) organisationsTable() *table {
	return &table{
		sheet: sheetOrganisations, file: "organisations.csv", name: "Organisations", linkCol: -1, heatFrom: -1,
		n: len(ds.orgs.list), cols: organisationColumns,
		rows: func(yield func(row) bool) {
			for _, o := range ds.orgs.list {
				if !yield(row{vals: []any{o.canonical, join(sortedKeys(o.aliases)), o.kind, o.leads, o.partners,
					join(sortedKeys(o.regions)), o.msLeads}}) {
					return
				}
			}
		},
	}
}

func (ds *dataset) documentsTable() *table {
	return &table{
		sheet: sheetDocuments, file: "documents.csv", name: "Documents", linkCol: 0, heatFrom: -1, n: len(ds.docs),
		normal: true,
		cols:   documentColumns,
		rows: func(yield func(row) bool) {
			for _, d := range ds.docs {
				if !yield(row{vals: documentValues(d), link: d.link}) {
					return
				}
			}
		},
	}
}

// Documents sheet columns. Area is the area the document speaks for
// (normalise/area.go); its code, level, ancestors and the evidence for it
// follow the file's own columns.
var documentColumns = []column{txt("File", 50), txt("Document", 40), wrap("Area", 24), txt("Format", 8),
	num("Pages"), wrap("Title", 50), txt("Status", 18), wrap("Error", 50), num("Actions"), num("Milestones"),
	txt("In analysis", 30), txt("Duplicate of", 40), wrap("Warnings", 50), num("Size (bytes)"), txt("Content ID", 20),
	txt("GSS code", 22), txt("Level", 9), wrap("County", 18), wrap("Region", 24), txt("Nation", 16), wrap("Area evidence", 50)}

func documentValues(d *docView) []any {
	a := d.area
	return []any{d.File, d.Name, a.Label(), d.Format, d.Pages, d.Title, d.Status, d.Error, len(d.actions),
		d.milestones(), d.inAnalysis(), d.DuplicateOf, join(d.Warnings), d.Size, d.ID,
		a.Code, string(a.Level), a.County, a.Region, a.Nation, a.Evidence}
}

func (ds *dataset) actionsTable() *table {
	n := 0
	for _, d := range ds.docs {
		n += len(d.actions)
	}
	return &table{
		sheet: sheetActions, file: "actions.csv", name: "Actions", linkCol: columnIndex(actionColumns, "File"), heatFrom: -1, n: n,
		cols: actionColumns,
		rows: func(yield func(row) bool) {
			for _, d := range ds.docs {
				for i := range d.actions {
					if !yield(row{vals: actionValues(d, i), link: d.link, page: d.actions[i].Source.Page}) {
						return
					}
				}
			}
		},
	}
}

var actionColumns = []column{txt("Action ID", 30), wrap("Region", 24), txt("Document", 34), txt("Objective", 10),
	wrap("Objective title", 40), txt("Ref", 8), wrap("Action", 70), wrap("Due", 20), date("Due start"),
	date("Due end"), wrap("Leads", 36), wrap("Lead organisations", 36), wrap("Lead evidence", 40), wrap("Partners", 36),
	wrap("Partner organisations", 36), wrap("Outcomes", 50), txt("Priority", 12), txt("Status", 12),
	wrap("Themes", 30), wrap("Theme evidence", 50), num("Milestones"), txt("File", 40), pageCol(), num("Table"),
	num("Row"), txt("In analysis", 11)}

// columnIndex is the position of a named column, so that a link column
// follows the columns added before it.
func columnIndex(cols []column, name string) int {
	for i, c := range cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

// actionValues is one Actions row. Theme evidence is one line per theme:
// the phrase and rule that gave it, and where the phrase was found when
// not in the action's own words (normalise/themes, docs/themes.md).
func actionValues(d *docView, i int) []any {
	a := &d.actions[i]
	return []any{d.ids[i], d.region, d.Name, a.Objective.Code, a.Objective.Title, a.Ref, a.Text, a.Due.Text,
		a.Due.Start, a.Due.End, join(a.Leads), join(orgNames(a.Leads, a.LeadOrgs)), a.LeadWhy, join(a.Partners),
		join(orgNames(a.Partners, a.PartnerOrgs)), strings.Join(a.Outcomes, "\n"), a.Priority, a.Status,
		join(actionThemes(*a)), strings.Join(a.ThemeRules, "\n"), len(a.Milestones), a.Source.File, pageOrNil(a.Source.Page),
		pageOrNil(a.Source.Table), pageOrNil(a.Source.Row), d.inAnalysis()}
}

func (ds *dataset) milestonesTable() *table {
	n := 0
	for _, d := range ds.docs {
		n += d.milestones()
	}
	return &table{
		sheet: sheetMilestones, file: "milestones.csv", name: "Milestones", linkCol: 11, heatFrom: -1, n: n,
		cols: milestoneColumns,
		rows: func(yield func(row) bool) {
			for _, d := range ds.docs {
				for i := range d.actions {
					for k := range d.actions[i].Milestones {
						if !yield(row{vals: milestoneValues(d, i, k), link: d.link, page: milestonePage(d, i, k)}) {
							return
						}
					}
				}
			}
		},
	}
}

var milestoneColumns = []column{txt("Action ID", 30), num("Milestone"), wrap("Region", 24), txt("Document", 34),
	wrap("Milestone text", 70), wrap("Due", 24), date("Due start"), date("Due end"), txt("Status", 10),
	wrap("Lead", 30), wrap("Themes", 30), txt("File", 40), pageCol(), num("Table"), num("Row"),
	txt("In analysis", 11)}

func milestoneValues(d *docView, i, k int) []any {
	a := &d.actions[i]
	m := &a.Milestones[k]
	src := m.Source
	if src.File == "" {
		src = a.Source
	}
	lead := m.Lead
	if lead == "" && len(m.Leads) > 0 {
		lead = join(m.Leads)
	}
	return []any{d.ids[i], k + 1, d.region, d.Name, m.Text, m.Due.Text, m.Due.Start, m.Due.End, m.Status, lead,
		join(actionThemes(*a)), src.File, pageOrNil(src.Page), pageOrNil(src.Table), pageOrNil(src.Row),
		d.inAnalysis()}
}

// uniqueNames makes header names distinct (an Excel table requires it),
// numbering repeats.
func uniqueNames(cols []column) []column {
	seen := map[string]int{}
	for i := range cols {
		name := cols[i].name
		key := strings.ToLower(name)
		if seen[key] > 0 {
			cols[i].name = fmt.Sprintf("%s (%d)", name, seen[key]+1)
		}
		seen[key]++
	}
	return cols
}

// milestonePage is the page a milestone is printed on, else its action's.
func milestonePage(d *docView, i, k int) int {
	if p := d.actions[i].Milestones[k].Source.Page; p > 0 {
		return p
	}
	return d.actions[i].Source.Page
}
