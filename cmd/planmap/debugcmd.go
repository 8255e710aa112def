package main

// The debug commands, like the peers' (camelot's and pdfplumber's): they show
// what planmap saw in one file, before any normalisation.
//
//	planmap tables [--pages 1,3-5] [--json|--csv] [--joined] FILE.pdf
//	planmap layout [--pages 1,3-5] [--json] FILE

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/pdf"
)

// debugArgs are the options the debug commands share.
type debugArgs struct {
	pages  []int
	json   bool
	csv    bool
	joined bool
	file   string
}

const tablesUsage = `usage: planmap tables [--pages 1,3-5] [--json|--csv] [--joined] FILE.pdf

Prints every table found in a PDF, page by page.
  --pages LIST  only these pages (e.g. 1,3-5)
  --json        {"tables": [{"page": N, "rows": [["cell", ...], ...]}]}
  --csv         each table as CSV, tables separated by an empty line
  --joined      tables continued over page breaks joined into one (page = first page)
`

const layoutUsage = `usage: planmap layout [--pages 1,3-5] [--json] FILE

Prints the blocks of any supported file (PDF, DOCX, HTML, text) in reading
order: headings with their level, paragraphs, list items and tables.
  --pages LIST  only blocks from these pages
  --json        the layout document as JSON
`

// parseDebugArgs reads flags anywhere among the arguments.
func parseDebugArgs(args []string, allowCSV bool) (debugArgs, error) {
	var d debugArgs
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || a == "-" {
			if d.file != "" {
				return d, fmt.Errorf("more than one file: %s and %s", d.file, a)
			}
			d.file = a
			continue
		}
		switch name {
		case "pages":
			if !hasVal {
				if i+1 >= len(args) {
					return d, errors.New("--pages needs a list such as 1,3-5")
				}
				i++
				val = args[i]
			}
			ps, err := parsePages(val)
			if err != nil {
				return d, err
			}
			d.pages = ps
		case "json":
			d.json = true
		case "csv":
			if !allowCSV {
				return d, errors.New("unknown flag --csv")
			}
			d.csv = true
		case "joined":
			if !allowCSV {
				return d, errors.New("unknown flag --joined")
			}
			d.joined = true
		case "h", "help":
			return d, errHelp
		default:
			return d, fmt.Errorf("unknown flag %s", a)
		}
	}
	if d.json && d.csv {
		return d, errors.New("--json and --csv exclude each other")
	}
	if d.file == "" {
		return d, errors.New("no file given")
	}
	return d, nil
}

var errHelp = errors.New("help")

// parsePages reads "1,3-5" into [1 3 4 5].
func parsePages(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil || a < 1 {
			return nil, fmt.Errorf("bad page %q in --pages", part)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a {
				return nil, fmt.Errorf("bad page range %q in --pages", part)
			}
		}
		if b-a > 100000 {
			return nil, fmt.Errorf("page range %q too large", part)
		}
		for p := a; p <= b; p++ {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("--pages names no page")
	}
	sort.Ints(out)
	return out, nil
}

// runTables implements `planmap tables`.
func runTables(args []string, stdout, stderr io.Writer) int {
	d, err := parseDebugArgs(args, true)
	if err != nil {
		if err == errHelp {
			fmt.Fprint(stdout, tablesUsage)
			return 0
		}
		fmt.Fprintf(stderr, "planmap tables: %v\n%s", err, tablesUsage)
		return 2
	}
	data, err := os.ReadFile(d.file)
	if err != nil {
		fmt.Fprintf(stderr, "planmap tables: %v\n", err)
		return 1
	}
	if corpus.Identify(data) != layout.PDF {
		fmt.Fprintf(stderr, "planmap tables: %s: not a PDF file\n", d.file)
		return 1
	}
	opt := pdf.Options{Pages: d.pages, Workers: runtime.NumCPU()}
	type found struct {
		page  int
		table *layout.Table
	}
	var tables []found
	if d.joined {
		doc, err := pdf.Extract(context.Background(), data, opt)
		if err != nil {
			fmt.Fprintf(stderr, "planmap tables: %s: %v\n", d.file, err)
			return 1
		}
		for _, b := range doc.Blocks {
			if b.Kind == layout.TableKind && b.Table != nil {
				tables = append(tables, found{b.Page, b.Table})
			}
		}
	} else {
		pts, err := pdf.Tables(context.Background(), data, opt)
		if err != nil {
			fmt.Fprintf(stderr, "planmap tables: %s: %v\n", d.file, err)
			return 1
		}
		for _, t := range pts {
			if t.Table != nil {
				tables = append(tables, found{t.Page, t.Table})
			}
		}
	}
	switch {
	case d.json:
		type jsonTable struct {
			Page int        `json:"page"`
			Rows [][]string `json:"rows"`
		}
		out := struct {
			Tables []jsonTable `json:"tables"`
		}{Tables: []jsonTable{}}
		for _, t := range tables {
			rows := t.table.Grid()
			if rows == nil {
				rows = [][]string{}
			}
			out.Tables = append(out.Tables, jsonTable{Page: t.page, Rows: rows})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "planmap tables: %v\n", err)
			return 1
		}
	case d.csv:
		for i, t := range tables {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			w := csv.NewWriter(stdout)
			_ = w.WriteAll(t.table.Grid())
			if err := w.Error(); err != nil {
				fmt.Fprintf(stderr, "planmap tables: %v\n", err)
				return 1
			}
		}
	default:
		if len(tables) == 0 {
			fmt.Fprintln(stdout, "no tables found")
		}
		for i, t := range tables {
			fmt.Fprintf(stdout, "Table %d, page %d: %d columns × %d rows", i+1, t.page, t.table.Columns, len(t.table.Rows))
			if t.table.HeaderRows > 0 {
				fmt.Fprintf(stdout, ", %d header row%s", t.table.HeaderRows, plural(t.table.HeaderRows))
			}
			fmt.Fprintln(stdout)
			renderTable(stdout, t.table)
			fmt.Fprintln(stdout)
		}
	}
	return 0
}

// renderTable prints a table with aligned columns, wrapping long cells; a
// cell spanning columns is drawn across them.
func renderTable(w io.Writer, t *layout.Table) {
	const maxWidth = 36
	grid := t.Grid()
	if len(grid) == 0 || t.Columns == 0 {
		return
	}
	span := func(i, j int) int {
		if j < len(t.Rows[i].Cells) && t.Rows[i].Cells[j].ColSpan > 1 {
			return min(t.Rows[i].Cells[j].ColSpan, t.Columns-j)
		}
		return 1
	}
	width := make([]int, t.Columns)
	for i, row := range grid {
		for j, c := range row {
			if span(i, j) > 1 {
				continue
			}
			for _, l := range wrapCell(c, maxWidth) {
				width[j] = max(width[j], utf8.RuneCountInString(l))
			}
		}
	}
	rule := func() {
		var b strings.Builder
		b.WriteByte('+')
		for _, wd := range width {
			b.WriteString(strings.Repeat("-", wd+2))
			b.WriteByte('+')
		}
		fmt.Fprintln(w, b.String())
	}
	rule()
	for i, row := range grid {
		type part struct {
			lines []string
			width int
		}
		var parts []part
		height := 1
		for j := 0; j < len(row); {
			k := span(i, j)
			wd := -3
			for x := j; x < j+k; x++ {
				wd += width[x] + 3
			}
			p := part{lines: wrapCell(row[j], max(wd, 1)), width: wd}
			height = max(height, len(p.lines))
			parts = append(parts, p)
			j += k
		}
		for k := 0; k < height; k++ {
			var b strings.Builder
			b.WriteByte('|')
			for _, p := range parts {
				s := ""
				if k < len(p.lines) {
					s = p.lines[k]
				}
				b.WriteString(" " + s + strings.Repeat(" ", max(p.width-utf8.RuneCountInString(s), 0)) + " |")
			}
			fmt.Fprintln(w, b.String())
		}
		if i+1 == t.HeaderRows || i == len(grid)-1 {
			rule()
		}
	}
}

// wrapCell splits a cell's lines at spaces to fit width runes.
func wrapCell(s string, width int) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		cur := ""
		for _, word := range strings.Fields(line) {
			for utf8.RuneCountInString(word) > width {
				r := []rune(word)
				if cur != "" {
					out = append(out, cur)
					cur = ""
				}
				out = append(out, string(r[:width]))
				word = string(r[width:])
			}
			switch {
			case cur == "":
				cur = word
			case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) <= width:
				cur += " " + word
			default:
				out = append(out, cur)
				cur = word
			}
		}
		out = append(out, cur)
	}
	return out
}

// runLayout implements `planmap layout`.
func runLayout(args []string, stdout, stderr io.Writer) int {
	d, err := parseDebugArgs(args, false)
	if err != nil {
		if err == errHelp {
			fmt.Fprint(stdout, layoutUsage)
			return 0
		}
		fmt.Fprintf(stderr, "planmap layout: %v\n%s", err, layoutUsage)
		return 2
	}
	data, err := os.ReadFile(d.file)
	if err != nil {
		fmt.Fprintf(stderr, "planmap layout: %v\n", err)
		return 1
	}
	format := corpus.Identify(data)
	lim := inspectLimits()
	doc, err := extract.Extract(context.Background(), format, data, lim)
	if err != nil {
		fmt.Fprintf(stderr, "planmap layout: %s: %v\n", d.file, err)
		return 1
	}
	if len(d.pages) > 0 {
		want := map[int]bool{}
		for _, p := range d.pages {
			want[p] = true
		}
		var keep []layout.Block
		for _, b := range doc.Blocks {
			if want[b.Page] {
				keep = append(keep, b)
			}
		}
		doc.Blocks = keep
	}
	if d.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			fmt.Fprintf(stderr, "planmap layout: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "%s: %s, %d pages, %d blocks\n", d.file, doc.Format, doc.Pages, len(doc.Blocks))
	if doc.Title != "" {
		fmt.Fprintf(stdout, "title: %s\n", doc.Title)
	}
	keys := make([]string, 0, len(doc.Meta))
	for k := range doc.Meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(stdout, "%s: %s\n", k, doc.Meta[k])
	}
	for _, w := range doc.Warnings {
		fmt.Fprintf(stdout, "warning: %s\n", w)
	}
	fmt.Fprintln(stdout)
	for _, b := range doc.Blocks {
		where := fmt.Sprintf("p%d", b.Page)
		switch b.Kind {
		case layout.Heading:
			fmt.Fprintf(stdout, "%-5s %s %s\n", where, strings.Repeat("#", max(b.Level, 1)), b.Text)
		case layout.ListItem:
			fmt.Fprintf(stdout, "%-5s %s%s %s\n", where, strings.Repeat("  ", b.Level), b.Marker, b.Text)
		case layout.TableKind:
			if b.Table == nil {
				continue
			}
			fmt.Fprintf(stdout, "%-5s table: %d columns × %d rows", where, b.Table.Columns, len(b.Table.Rows))
			if n := len(b.Table.Rows); n > 0 && b.Table.Rows[n-1].Page > b.Page {
				fmt.Fprintf(stdout, ", pages %d-%d", b.Page, b.Table.Rows[n-1].Page)
			}
			fmt.Fprintln(stdout)
			renderTable(stdout, b.Table)
		default:
			fmt.Fprintf(stdout, "%-5s ¶ %s\n", where, b.Text)
		}
	}
	return 0
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// inspectLimits are the generous limits of the commands that look at one
// file a user chose (layout, explain): no worker process, every CPU.
func inspectLimits() extract.Limits {
	return extract.Limits{
		MaxUnzipped: 1 << 30, MaxZipEntries: 100000, MaxZipRatio: 1000,
		MaxHTMLDepth: 1000, MaxLine: 1 << 24, PageWorkers: runtime.NumCPU(),
	}
}
