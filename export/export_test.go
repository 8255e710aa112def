package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"github.com/planmap/planmap/normalise"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestJSONLContractAndDeterminism(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "planmap.jsonl")
	if err := Write(out, fixtureDocs()); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(out, fixtureDocs()); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(out)
	if !bytes.Equal(first, second) {
		t.Error("two writes of the same batch differ")
	}

	// The issue-2 keys, present on every line, lists never null.
	want := []string{"document", "source", "objective", "ref", "action", "due", "milestones", "outcomes", "leads", "partners", "priority", "themes"}
	var ids []string
	for i, line := range strings.Split(strings.TrimSuffix(string(first), "\n"), "\n") {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, k := range want {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks %q", i+1, k)
			}
		}
		for _, k := range []string{"milestones", "outcomes", "leads", "partners", "themes"} {
			if string(m[k]) == "null" {
				t.Errorf("line %d: %s is null, want []", i+1, k)
			}
		}
		var src struct{ File string }
		json.Unmarshal(m["source"], &src)
		var due map[string]string
		json.Unmarshal(m["due"], &due)
		if _, ok := due["start"]; !ok || src.File == "" {
			t.Errorf("line %d: source %s due %s", i+1, m["source"], m["due"])
		}
		var id string
		json.Unmarshal(m["id"], &id)
		ids = append(ids, id)
	}
	// Input order; the second copy of the South East report gets its own IDs;
	// the corrupt document has no actions.
	wantIDs := []string{"eoe-1", "eoe-2", "eoe-3", "se-1", "se-2", "se-3", "se-1@pdf", "se-2@pdf", "scot-1", "scot-2", "scot-3"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("ids = %v\nwant %v", ids, wantIDs)
	}

	golden(t, "actions.golden.jsonl", first)
	docs, err := os.ReadFile(filepath.Join(dir, "documents.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "documents.golden.jsonl", docs)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update):\n%s", path, got)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func TestCSVOneRowPerMilestone(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "planmap.csv")
	if err := Write(out, fixtureDocs()); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, out)
	// eoe: 2 + 1 + 1 (no milestones); se docx 3, se pdf 2; scotland 3 without milestones.
	if got := len(recs) - 1; got != 12 {
		t.Errorf("rows = %d, want 12", got)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		for _, c := range []string{"Action", "Milestone text"} {
			v := r[col[c]]
			if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				t.Errorf("%s cell %q not neutralised", c, v)
			}
			if strings.ContainsAny(v, "\x00\x01\x07") {
				t.Errorf("%s cell %q keeps control characters", c, v)
			}
		}
	}
	if v := recs[4][col["Action"]]; !strings.HasPrefix(v, "'=HYPERLINK(") {
		t.Errorf("formula action = %q", v)
	}
	docs := readCSV(t, filepath.Join(dir, "documents.csv"))
	if len(docs) != 6 || docs[5][6] != "corrupt" {
		t.Errorf("documents.csv = %v", docs)
	}
}

func TestFolderHasOneCSVPerSheet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tables") + "/"
	if err := Write(dir, fixtureDocs()); err != nil {
		t.Fatal(err)
	}
	ds := newDataset(fixtureDocs(), dir)
	for _, tb := range ds.tables() {
		recs := readCSV(t, filepath.Join(dir, tb.file))
		if len(recs)-1 != tb.size() {
			t.Errorf("%s: %d rows, want %d", tb.file, len(recs)-1, tb.size())
		}
		for i, c := range tb.cols {
			if recs[0][i] != headerText(c.name) {
				t.Errorf("%s header %d = %q, want %q", tb.file, i, recs[0][i], c.name)
			}
		}
	}
	// A path without an extension is a folder too.
	if err := Write(filepath.Join(t.TempDir(), "plain"), fixtureDocs()); err != nil {
		t.Fatal(err)
	}
}

func TestUnknownExtension(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "out.ods"), fixtureDocs()); err == nil {
		t.Error("want an error for .ods")
	}
	if err := Write(filepath.Join(t.TempDir(), "missing", "out.jsonl"), fixtureDocs()); err == nil {
		t.Error("want an error for a folder that does not exist")
	}
}

func TestAtomicWriteKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.jsonl")
	if err := os.WriteFile(path, []byte("previous\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := writeAtomic(path, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("x"), 3<<20)) // past the buffer: bytes reach the temp file
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous\n" {
		t.Errorf("previous output changed: %q", b[:min(len(b), 20)])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("temp files left: %v", names)
	}
}

func TestCellText(t *testing.T) {
	tests := []struct{ in, cell, csv string }{
		{"plain", "plain", "plain"},
		{"a\x00b\x01c\x1fd\x7fe", "abcde", "abcde"},
		{"line\r\nnext\rlast", "line\nnext\nlast", "line\nnext\nlast"},
		{"bad \xff utf8", "bad \ufffd utf8", "bad \ufffd utf8"},
		{"=1+2", "=1+2", "'=1+2"},
		{"+44 1223", "+44 1223", "'+44 1223"},
		{"-2", "-2", "'-2"},
		{"@SUM(A1)", "@SUM(A1)", "'@SUM(A1)"},
		{"\tindent", "\tindent", "'\tindent"},
		{"\x01=cmd", "=cmd", "'=cmd"},
		{"a=b", "a=b", "a=b"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := cellText(tt.in); got != tt.cell {
			t.Errorf("cellText(%q) = %q, want %q", tt.in, got, tt.cell)
		}
		if got := csvCell(tt.in); got != tt.csv {
			t.Errorf("csvCell(%q) = %q, want %q", tt.in, got, tt.csv)
		}
	}
	long := strings.Repeat("é", maxCell+10)
	if got := []rune(cellText(long)); len(got) != maxCell+1 || got[maxCell] != '…' {
		t.Errorf("long text: %d runes", len(got))
	}
}

func TestGaps(t *testing.T) {
	ds := newDataset(fixtureDocs(), ".")
	got := map[string][]string{}
	ds.gaps(func(g gap) bool {
		got[g.kind] = append(got[g.kind], g.region+"|"+g.subject)
		return true
	})
	want := map[string][]string{
		// Only the South East and East of England cover employment and
		// Scotland; housing is East of England only.
		gapTheme:  {"South East|financial inclusion", "Scotland|housing", "South East|housing"},
		gapNoLead: {"East of England|=HYPERLINK(\"http://example.invalid\",\"click\") improve \x01fuel\x07 poverty data"},
		gapNoDue:  {"East of England|Debt advice mapped"},
		// Citizens Advice and COSLA partner, never lead.
		gapPartnerOnly: {"East of England; Scotland|Citizens Advice", "Scotland|COSLA"},
		gapObjective:   {"East of England|SO9: An objective nobody acts on"},
		// Winter 2006 ends 2007-02-28, before the plan's June 2007 date; the
		// South East's "done" milestones are not past due.
		gapPastDue: {"East of England|Baseline of benefit claimants agreed"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gaps\n got %q\nwant %q", got, want)
	}
}

func TestOverlaps(t *testing.T) {
	ds := newDataset(fixtureDocs(), ".")
	var similar, leads, regions []string
	ds.overlaps(func(o overlap) bool {
		switch o.kind {
		case overlapSimilar:
			similar = append(similar, o.a.id()+"~"+o.b.id())
			if o.score < SimilarityThreshold || o.score > 1 {
				t.Errorf("score %v", o.score)
			}
		case overlapLeads:
			leads = append(leads, o.region+"|"+o.theme+"|"+o.detail)
		case overlapOrgRegion:
			regions = append(regions, o.lead+"|"+o.theme+"|"+o.region)
		}
		return true
	})
	if !reflect.DeepEqual(similar, []string{"eoe-2~scot-1"}) {
		t.Errorf("similar = %v", similar)
	}
	wantLeads := []string{"Scotland|employment|Jobcentre Plus (1 action); Poverty Alliance (1 action)"}
	if !reflect.DeepEqual(leads, wantLeads) {
		t.Errorf("several leads = %q", leads)
	}
	wantRegions := []string{"Jobcentre Plus|employment|East of England; Scotland"}
	if !reflect.DeepEqual(regions, wantRegions) {
		t.Errorf("same lead in regions = %q", regions)
	}
}

func TestSimilarPairsUsesDistinct(t *testing.T) {
	texts := []string{"reduce fuel poverty among older households", "reduce fuel poverty among older households",
		"reduce fuel poverty among older households in rural areas", "publish a housing strategy",
		"train community activists", "map debt advice services"}
	all := similarPairs(texts, 0.5, func(i, j int) bool { return true })
	if len(all) != 3 || all[0].score != 1 || all[0].a != 0 || all[0].b != 1 || all[2].score > all[1].score {
		t.Errorf("pairs = %+v", all)
	}
	none := similarPairs(texts, 0.5, func(i, j int) bool { return false })
	if len(none) != 0 {
		t.Errorf("distinct ignored: %+v", none)
	}
}

// readJSONL counts actions and milestones of a JSONL output.
func readJSONL(t *testing.T, path string) (actions, milestones int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var a struct{ Milestones []json.RawMessage }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		actions++
		milestones += len(a.Milestones)
	}
	return actions, milestones
}

// checkWorkbook reopens a workbook and checks what issue 6 promises:
// every sheet's header row, row counts that agree with the JSONL written
// from the same batch, no formula anywhere, and hyperlinks that resolve to
// existing files. It returns the workbook for further checks.
func checkWorkbook(t *testing.T, xlsxPath, jsonlPath string, inputs int) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	wantSheets := []string{sheetSummary, sheetRegionThemes, sheetPartnerThemes, sheetGaps, sheetOverlaps,
		sheetOrganisations, sheetDocuments, sheetActions, sheetMilestones}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, wantSheets) {
		t.Fatalf("sheets = %q", got)
	}
	fixed := map[string][]column{sheetDocuments: documentColumns, sheetActions: actionColumns,
		sheetMilestones: milestoneColumns, sheetOrganisations: organisationColumns}
	actions, milestones := readJSONL(t, jsonlPath)
	wantRows := map[string]int{sheetActions: actions, sheetMilestones: milestones, sheetDocuments: inputs}
	dir := filepath.Dir(xlsxPath)
	for _, sheet := range wantSheets {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			t.Errorf("%s: no header row", sheet)
			continue
		}
		if cols, ok := fixed[sheet]; ok {
			var want []string
			for _, c := range cols {
				want = append(want, c.name)
			}
			if !reflect.DeepEqual(rows[0], want) {
				t.Errorf("%s header = %q\nwant %q", sheet, rows[0], want)
			}
		} else if len(rows[0]) < 2 || rows[0][0] == "" {
			t.Errorf("%s header = %q", sheet, rows[0])
		}
		if n, ok := wantRows[sheet]; ok && len(rows)-1 != n {
			t.Errorf("%s: %d rows, JSONL says %d", sheet, len(rows)-1, n)
		}
		// The used range is the sheet's real size: readers that trust it
		// (openpyxl read-only) would otherwise see one cell.
		if dim, err := f.GetSheetDimension(sheet); err != nil || dim == "A1" || !strings.HasSuffix(dim, strconv.Itoa(len(rows))) {
			t.Errorf("%s: dimension %q (%v) for %d rows", sheet, dim, err, len(rows))
		}
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 {
			t.Errorf("%s: tables %v, %v", sheet, tables, err)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, %v", sheet, panes, err)
		}
		for r, cells := range rows {
			for c := range cells {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, err := f.GetCellFormula(sheet, cell); err != nil || formula != "" {
					t.Errorf("%s!%s holds formula %q (%v)", sheet, cell, formula, err)
				}
				if ok, target, _ := f.GetCellHyperLink(sheet, cell); ok {
					target, _, _ = strings.Cut(target, "#page=") // a PDF link opens at its page
					if filepath.IsAbs(target) || strings.Contains(target, "://") {
						t.Errorf("%s!%s links to %q, not a relative input path", sheet, cell, target)
					} else if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
						t.Errorf("%s!%s links to a missing file: %v", sheet, cell, err)
					}
				}
			}
		}
	}
	return f
}

func TestWorkbook(t *testing.T) {
	for _, stream := range []bool{false, true} {
		name := "normal"
		if stream {
			name = "streamed"
		}
		t.Run(name, func(t *testing.T) {
			if stream {
				defer func(n int) { streamRows = n }(streamRows)
				streamRows = 1
			}
			dir := t.TempDir()
			xlsx, jsonl := filepath.Join(dir, "planmap.xlsx"), filepath.Join(dir, "planmap.jsonl")
			docs := fixtureDocs()
			if err := Write(xlsx, docs); err != nil {
				t.Fatal(err)
			}
			if err := Write(jsonl, docs); err != nil {
				t.Fatal(err)
			}
			f := checkWorkbook(t, xlsx, jsonl, len(docs))

			// Untrusted text arrives as a string, cleaned.
			v, _ := f.GetCellValue(sheetActions, "G4")
			if v != "=HYPERLINK(\"http://example.invalid\",\"click\") improve fuel poverty data" {
				t.Errorf("Actions!G4 = %q", v)
			}
			links := 0
			for r := 2; r <= 6; r++ {
				if ok, _, _ := f.GetCellHyperLink(sheetDocuments, "A"+strconv.Itoa(r)); ok {
					links++
				}
			}
			if links != 5 {
				t.Errorf("Documents links = %d, want 5", links)
			}
			if !stream {
				cell, _ := excelize.CoordinatesToCellName(columnIndex(actionColumns, "File")+1, 2)
				if ok, target, _ := f.GetCellHyperLink(sheetActions, cell); !ok || !strings.Contains(target, ".pdf#page=") {
					t.Errorf("Actions!%s link = %v %q", cell, ok, target)
				}
			}
			for _, sheet := range []string{sheetRegionThemes, sheetPartnerThemes} {
				cf, err := f.GetConditionalFormats(sheet)
				if err != nil || len(cf) != 1 {
					t.Errorf("%s conditional formats = %v, %v", sheet, cf, err)
				}
			}
			// Regions × Themes counts (the South East counted once).
			rows, _ := f.GetRows(sheetRegionThemes)
			want := [][]string{
				{"Region", "employment", "financial inclusion", "housing", "Total actions", "Population", "Actions per 100,000 people"},
				{"East of England", "1", "1", "1", "3", "6,269,161", "0.05"},
				{"Scotland", "2", "1", "0", "3", "5,466,000", "0.05"},
				{"South East", "3", "0", "0", "3", "9,217,265", "0.03"},
			}
			if !reflect.DeepEqual(rows, want) {
				t.Errorf("Regions × Themes = %q", rows)
			}
			// Dates are Excel dates: a serial number shown as yyyy-mm-dd.
			for _, sc := range []struct {
				sheet string
				cols  []column
			}{{sheetActions, actionColumns}, {sheetMilestones, milestoneColumns}} {
				dated := 0
				for ci, c := range sc.cols {
					if c.kind != kDate {
						continue
					}
					rows, _ := f.GetRows(sc.sheet)
					for r := 2; r <= len(rows); r++ {
						cell, _ := excelize.CoordinatesToCellName(ci+1, r)
						shown, _ := f.GetCellValue(sc.sheet, cell)
						if shown == "" {
							continue
						}
						raw, _ := f.GetCellValue(sc.sheet, cell, excelize.Options{RawCellValue: true})
						if _, err := strconv.ParseFloat(raw, 64); err != nil {
							t.Errorf("%s!%s = %q (raw %q): not a date serial", sc.sheet, cell, shown, raw)
						}
						if _, err := time.Parse("2006-01-02", shown); err != nil {
							t.Errorf("%s!%s shows %q, not yyyy-mm-dd", sc.sheet, cell, shown)
						}
						dated++
					}
				}
				if dated == 0 {
					t.Errorf("%s: no dates written", sc.sheet)
				}
			}
			props, err := f.GetDocProps()
			if err != nil || props.Creator != "planmap" || props.Title == "" {
				t.Errorf("doc props %+v %v", props, err)
			}
			if !zipHas(t, xlsx, "xl/charts/chart1.xml") {
				t.Error("no chart")
			}
		})
	}
}

func zipHas(t *testing.T, path, name string) bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	f.Pkg.Range(func(k, v any) bool {
		names = append(names, k.(string))
		return true
	})
	sort.Strings(names)
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// TestObjectiveGapsSkipReportSections: in a committee report the numbered
// sections around the plan ("1 Purpose", "8 Legal implications") and a
// heading over a range of objectives are not objectives without actions; a
// section between objectives in use is.
func TestObjectiveGapsSkipReportSections(t *testing.T) {
	plan := &normalise.Plan{Document: "report", Meta: normalise.Meta{Region: "Kent"},
		Objectives: []normalise.Objective{{Code: "1", Title: "Purpose"}, {Code: "2", Title: "Background"},
			{Code: "3", Title: "Housing"}, {Code: "4", Title: "Transport"}, {Code: "5-6", Title: "Health"},
			{Code: "5", Title: "Health"}, {Code: "8", Title: "Legal implications"}},
		Actions: []normalise.Action{
			{ID: "report#1", Text: "Build homes", Objective: normalise.Objective{Code: "3"}},
			{ID: "report#2", Text: "Open clinics", Objective: normalise.Objective{Code: "5"}},
		}}
	docs := []normalise.Document{{File: "report.pdf", Name: "report", Status: "ok", Plan: plan}}
	var got []string
	newDataset(docs, ".").gaps(func(g gap) bool {
		if g.kind == gapObjective {
			got = append(got, g.subject)
		}
		return true
	})
	if want := []string{"4: Transport"}; !reflect.DeepEqual(got, want) {
		t.Errorf("objective gaps %q, want %q", got, want)
	}
}

// TestDocumentDate: a progress report with no printed date speaks from the
// end of its period; a plan without one has no date to be past due at.
func TestDocumentDate(t *testing.T) {
	for _, c := range []struct {
		meta normalise.Meta
		want string
	}{
		{normalise.Meta{Published: due("15 March 2005", "2005-03-15", "2005-03-15")}, "2005-03-15"},
		{normalise.Meta{Type: "progress report", Period: due("July 2002 and June 2003", "2002-07-01", "2003-06-30")}, "2003-06-30"},
		{normalise.Meta{Type: "action plan", Period: due("2007-2010", "2007-01-01", "2010-12-31")}, ""},
	} {
		d := &docView{Document: &normalise.Document{Plan: &normalise.Plan{Meta: c.meta}}}
		if got := documentDate(d); got != c.want {
			t.Errorf("%+v: %q, want %q", c.meta, got, c.want)
		}
	}
}

// TestInAnalysis: a report read from both DOCX and PDF is counted once; the
// other file's rows say so, and the Actions rows marked "yes" are exactly
// the actions the analysis sheets count.
func TestInAnalysis(t *testing.T) {
	ds := newDataset(fixtureDocs(), ".")
	var got []string
	for _, d := range ds.docs {
		got = append(got, d.inAnalysis())
	}
	want := []string{"yes", "yes", "no: same document as south-east-social-inclusion-partnership-report-2002-2003.docx", "yes", "no"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("In analysis:\n got %q\nwant %q", got, want)
	}
	yes := 0
	last := len(actionColumns) - 1
	ds.actionsTable().rows(func(r row) bool {
		if r.vals[last] == "yes" {
			yes++
		}
		return true
	})
	if n := len(ds.allActions()); yes != n {
		t.Errorf("%d Actions rows in analysis, the analysis counts %d", yes, n)
	}
}

// --as-of moves the date milestones are past due from: every milestone due
// before it is past due, in documents with or without a date of their own,
// and a milestone marked done never is.
func TestPastDueAsOf(t *testing.T) {
	cases := []struct {
		asOf string
		want int // past-due findings
	}{
		{"", 1},           // each document's own date
		{"2000-01-01", 0}, // nothing was due yet
	}
	for _, c := range cases {
		ds := newDataset(fixtureDocs(), ".")
		ds.asOf = c.asOf
		n := 0
		ds.gaps(func(g gap) bool {
			if g.kind == gapPastDue {
				n++
			}
			return true
		})
		if n != c.want {
			t.Errorf("as of %q: %d past due, want %d", c.asOf, n, c.want)
		}
	}
	ds := newDataset(fixtureDocs(), ".")
	ds.asOf = "2030-01-01"
	want := 0
	for _, d := range ds.docs {
		for _, a := range d.actions {
			for _, m := range a.Milestones {
				if m.Status != "done" && m.Due.End != "" && m.Due.End < ds.asOf {
					want++
				}
			}
		}
	}
	n := 0
	ds.gaps(func(g gap) bool {
		if g.kind != gapPastDue {
			return true
		}
		n++
		if !strings.Contains(g.detail, "as of 2030-01-01") {
			t.Errorf("detail %q does not say the date used", g.detail)
		}
		return true
	})
	if want == 0 || n != want {
		t.Errorf("as of 2030: %d past due, want every undone dated milestone (%d)", n, want)
	}
}
