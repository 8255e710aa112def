package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/planmap/planmap/normalise"
)

// writeCSV writes one row per milestone (an action without milestones gets
// one row with empty milestone columns), and documents.csv beside it.
func writeCSV(path string, docs []normalise.Document, opt Options) error {
	if filepath.Base(path) == "documents.csv" {
		return fmt.Errorf("export %s: documents.csv is written beside a CSV output; choose another name", path)
	}
	ds := newDatasetOptions(docs, filepath.Dir(path), opt)
	if err := writeTableCSV(filepath.Join(filepath.Dir(path), "documents.csv"), ds.documentsTable()); err != nil {
		return err
	}
	return writeTableCSV(path, ds.flatTable())
}

// writeFolder writes one CSV per workbook sheet into dir.
func writeFolder(dir string, docs []normalise.Document, opt Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export %s: %w", dir, err)
	}
	ds := newDatasetOptions(docs, dir, opt)
	for _, t := range ds.tables() {
		if err := writeTableCSV(filepath.Join(dir, t.file), t); err != nil {
			return err
		}
	}
	return nil
}

func writeTableCSV(path string, t *table) error {
	return writeAtomic(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		rec := make([]string, len(t.cols))
		for i, c := range t.cols {
			rec[i] = csvCell(headerText(c.name))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
		var werr error
		t.rows(func(r row) bool {
			for i, v := range r.vals {
				rec[i] = csvValue(v, t.cols[i].kind)
			}
			werr = cw.Write(rec)
			return werr == nil
		})
		if werr != nil {
			return werr
		}
		cw.Flush()
		return cw.Error()
	})
}

// csvValue formats one value: numbers plainly (shares and scores as
// decimals), text neutralised against formula injection.
func csvValue(v any, kind colKind) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return csvCell(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', 3, 64)
	}
	return csvCell(fmt.Sprint(v))
}

// flatTable is the single-file CSV: one row per milestone, the action
// repeated on each.
func (ds *dataset) flatTable() *table {
	return &table{
		name: "Planmap", linkCol: -1, heatFrom: -1,
		cols: []column{txt("Action ID", 0), txt("Region", 0), txt("Document", 0), txt("Objective", 0),
			txt("Objective title", 0), txt("Ref", 0), txt("Action", 0), txt("Action due", 0),
			txt("Action due start", 0), txt("Action due end", 0), txt("Leads", 0), txt("Lead organisations", 0),
			txt("Partners", 0), txt("Partner organisations", 0), txt("Outcomes", 0), txt("Priority", 0),
			txt("Themes", 0), num("Milestone"), txt("Milestone text", 0), txt("Milestone due", 0),
			txt("Milestone due start", 0), txt("Milestone due end", 0), txt("Milestone status", 0),
			txt("Milestone lead", 0), txt("File", 0), pageCol()},
		rows: func(yield func(row) bool) {
			for _, d := range ds.docs {
				for i := range d.actions {
					a := &d.actions[i]
					act := []any{d.ids[i], d.region, d.Name, a.Objective.Code, a.Objective.Title, a.Ref, a.Text,
						a.Due.Text, a.Due.Start, a.Due.End, join(a.Leads), join(orgNames(a.Leads, a.LeadOrgs)),
						join(a.Partners), join(orgNames(a.Partners, a.PartnerOrgs)), join(a.Outcomes), a.Priority,
						join(actionThemes(*a))}
					file := a.Source.File
					if file == "" {
						file = d.File
					}
					if len(a.Milestones) == 0 {
						vals := append(append([]any{}, act...), nil, nil, nil, nil, nil, nil, nil, file, pageOrNil(a.Source.Page))
						if !yield(row{vals: vals}) {
							return
						}
					}
					for k, m := range a.Milestones {
						page := m.Source.Page
						if page == 0 {
							page = a.Source.Page
						}
						lead := m.Lead
						if lead == "" {
							lead = join(m.Leads)
						}
						vals := append(append([]any{}, act...), k+1, m.Text, m.Due.Text, m.Due.Start, m.Due.End,
							m.Status, lead, file, pageOrNil(page))
						if !yield(row{vals: vals}) {
							return
						}
					}
				}
			}
		},
	}
}
