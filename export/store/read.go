package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/planmap/planmap/normalise"
)

// StatusPending is the status of a file whose content has not been read
// yet: queued for a worker, or in flight when an import was stopped.
const StatusPending = "pending"

// Documents returns every file the store holds that is not missing, in
// the order the imports that last saw them listed them, as extract would
// have returned them: each content's newest reading, a later file with the
// same content as an earlier one marked duplicate (as corpus.MarkDuplicates
// does), and each ok reading with its plan.
func (s *Store) Documents(ctx context.Context) ([]normalise.Document, error) {
	return s.documents(ctx, true)
}

// documents is Documents, without reading the plans when plans is false
// (for counting: a large store's plans take gigabytes).
func (s *Store) documents(ctx context.Context, plans bool) ([]normalise.Document, error) {
	planColumn := "d.plan"
	if !plans {
		planColumn = "NULL"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT f.path, f.name, f.content_hash, f.format, f.size, f.outcome,
		d.status, d.error, d.pages, d.title, d.warnings, `+planColumn+`
		FROM files f LEFT JOIN documents d
		ON d.id = (SELECT MAX(id) FROM documents WHERE content_hash = f.content_hash AND path = f.path)
		WHERE f.missing = 0 ORDER BY f.import_id, f.seq`)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var docs []normalise.Document
	first := map[string]string{} // content hash → first path with it
	for rows.Next() {
		var (
			d                     normalise.Document
			out, status, errText  sql.NullString
			title, warnings, plan sql.NullString
			pages                 sql.NullInt64
		)
		if err := rows.Scan(&d.File, &d.Name, &d.ID, &d.Format, &d.Size, &out,
			&status, &errText, &pages, &title, &warnings, &plan); err != nil {
			return nil, err
		}
		if orig, ok := first[d.ID]; ok && d.ID != "" {
			d.Status, d.Error, d.DuplicateOf = "duplicate", "same content as "+orig, orig
			docs = append(docs, d)
			continue
		}
		if d.ID != "" {
			first[d.ID] = d.File
		}
		switch {
		case out.Valid:
			var o outcome
			if err := json.Unmarshal([]byte(out.String), &o); err != nil {
				return nil, fmt.Errorf("%s: stored outcome: %w", d.File, err)
			}
			d.Status, d.Error, d.Pages, d.Title, d.Warnings = o.Status, o.Error, o.Pages, o.Title, o.Warnings
		case status.Valid:
			d.Status, d.Error, d.Pages, d.Title = status.String, errText.String, int(pages.Int64), title.String
			if warnings.String != "" && warnings.String != "[]" {
				if err := json.Unmarshal([]byte(warnings.String), &d.Warnings); err != nil {
					return nil, fmt.Errorf("%s: stored warnings: %w", d.File, err)
				}
			}
			if plan.Valid {
				d.Plan = new(normalise.Plan)
				if err := json.Unmarshal([]byte(plan.String), d.Plan); err != nil {
					return nil, fmt.Errorf("%s: stored plan: %w", d.File, err)
				}
			}
		default:
			d.Status, d.Error = StatusPending, "not read yet: queued for a worker, or the import that found it was stopped"
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// Count is one line of Status: how many of something are in a state.
type Count struct {
	What  string // "files", "queue"
	State string
	N     int
}

// Status counts the files by their status (missing ones apart) and the
// queue's jobs by state.
func (s *Store) Status(ctx context.Context) ([]Count, error) {
	docs, err := s.documents(ctx, false)
	if err != nil {
		return nil, err
	}
	by := map[string]int{}
	var order []string
	for _, d := range docs {
		if by[d.Status] == 0 {
			order = append(order, d.Status)
		}
		by[d.Status]++
	}
	var out []Count
	for _, st := range order {
		out = append(out, Count{"files", st, by[st]})
	}
	var missing, readings, versions int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM files WHERE missing = 1").Scan(&missing); err != nil {
		return nil, s.explain(err)
	}
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM documents").Scan(&readings); err != nil {
		return nil, s.explain(err)
	}
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM versions WHERE superseded = 1").Scan(&versions); err != nil {
		return nil, s.explain(err)
	}
	out = append(out, Count{"files", "missing", missing}, Count{"readings", "stored", readings},
		Count{"versions", "superseded", versions})
	rows, err := s.db.QueryContext(ctx, "SELECT state, COUNT(*) FROM queue GROUP BY state ORDER BY state")
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		c := Count{What: "queue"}
		if err := rows.Scan(&c.State, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
