package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/planmap/planmap/normalise"
)

// Change is what an import found at a path, compared with the store.
type Change int

const (
	New       Change = iota // a path the store had not seen (or had marked missing)
	Changed                 // a path whose content differs: a new version
	Unchanged               // same path, same content
)

// Import is one run of planmap import: the files it records and, when it
// finishes, the files under its folders that it did not see (missing).
type Import struct {
	s      *Store
	ID     int64
	Reader Reader
	roots  []string
}

// BeginImport records the start of an import of roots (the paths given on
// the command line) read by r.
func (s *Store) BeginImport(ctx context.Context, r Reader, roots []string) (*Import, error) {
	rj, _ := json.Marshal(roots)
	var id int64
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO imports (started, planmap_version, options, roots)
		VALUES (?, ?, ?, ?) RETURNING id`), now(), r.Version, r.Options, string(rj)).Scan(&id)
	if err != nil {
		return nil, s.explain(err)
	}
	return &Import{s: s, ID: id, Reader: r, roots: roots}, nil
}

// Reading returns the status of r's reading of the content hash at path,
// and whether there is one: if so, the file need not be read again.
func (s *Store) Reading(ctx context.Context, hash, path string, r Reader) (status string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, s.q("SELECT status FROM documents WHERE content_hash = ? AND path = ? AND reader = ?"),
		hash, path, r.Key()).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return status, err == nil, s.explain(err)
}

// Cacheable reports whether a document's outcome depends only on its
// content and the reader, so it is stored as a reading and not read again.
// Timeouts and crashes depend on the machine too (load, memory): they are
// recorded on the file and tried again by the next import. Duplicates and
// files whose content was never read (unreadable, too large) have no
// reading of their own.
func Cacheable(d *normalise.Document) bool {
	switch d.Status {
	case "", "timeout", "crashed", "duplicate", "unreadable":
		return false
	case "too-large":
		return d.ID != "" // over a page or zip limit, not --max-size
	}
	return d.ID != ""
}

// Record writes one input's outcome in one transaction: its reading when
// fresh is set and the outcome is Cacheable (with the plan's records), and
// the file at position seq of this import (its version, and what it came
// to when that is not a reading). It reports how the path compares with
// what the store had.
func (im *Import) Record(ctx context.Context, seq int, d *normalise.Document, fresh bool) (Change, error) {
	s := im.s
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.explain(err)
	}
	defer tx.Rollback()
	if fresh && Cacheable(d) {
		if err := s.putReading(ctx, tx, d, im.Reader); err != nil {
			return 0, fmt.Errorf("%s: %w", d.File, s.explain(err))
		}
	}
	ch, err := s.putFile(ctx, tx, im.ID, seq, d)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", d.File, s.explain(err))
	}
	return ch, s.explain(tx.Commit())
}

// putReading stores d as the reading of its content by r, with one row per
// objective, action, milestone, organisation, alias and theme. A reading
// already there (another process read the same content) is kept.
func (s *Store) putReading(ctx context.Context, tx *sql.Tx, d *normalise.Document, r Reader) error {
	meta, plan := "{}", sql.NullString{}
	if d.Plan != nil {
		m, err := json.Marshal(d.Plan.Meta)
		if err != nil {
			return err
		}
		meta = string(m)
		p, err := json.Marshal(d.Plan)
		if err != nil {
			return err
		}
		plan = sql.NullString{String: string(p), Valid: true}
	}
	warnings, _ := json.Marshal(nonNil(d.Warnings))
	var id int64
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO documents (content_hash, path, reader, planmap_version, options,
		format, size, pages, title, status, error, warnings, metadata, plan, read_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (content_hash, path, reader) DO NOTHING RETURNING id`),
		d.ID, d.File, r.Key(), r.Version, r.Options, d.Format, d.Size, d.Pages, d.Title, d.Status, d.Error,
		string(warnings), meta, plan, now()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // read already
	}
	if err != nil {
		return err
	}
	if d.Plan == nil {
		return nil
	}
	return s.putPlan(ctx, tx, id, d.Plan)
}

// putPlan writes the plan's records into their tables, for queries.
func (s *Store) putPlan(ctx context.Context, tx *sql.Tx, id int64, p *normalise.Plan) error {
	exec := func(query string, args ...any) error {
		_, err := tx.ExecContext(ctx, s.q(query), args...)
		return err
	}
	for i, o := range p.Objectives {
		if err := exec("INSERT INTO objectives (document_id, position, code, title) VALUES (?, ?, ?, ?)",
			id, i+1, o.Code, o.Title); err != nil {
			return err
		}
	}
	for i, a := range p.Actions {
		leads, _ := json.Marshal(nonNil(a.Leads))
		partners, _ := json.Marshal(nonNil(a.Partners))
		if err := exec(`INSERT INTO actions (document_id, position, action_id, ref, objective_code, text,
			due, due_date, priority, status, leads, partners, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i+1, a.ID, a.Ref, a.Objective.Code, a.Text, a.Due.Text, dueDate(a.Due), a.Priority, a.Status,
			string(leads), string(partners), a.Source.Page); err != nil {
			return err
		}
		for j, m := range a.Milestones {
			if err := exec(`INSERT INTO milestones (document_id, action_position, position, text, due, due_date,
				status, lead, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, i+1, j+1, m.Text, m.Due.Text, dueDate(m.Due), m.Status, m.Lead, m.Source.Page); err != nil {
				return err
			}
		}
		seen := map[string]bool{}
		for _, t := range a.Themes {
			if seen[t] {
				continue
			}
			seen[t] = true
			if err := exec("INSERT INTO themes (document_id, action_position, theme) VALUES (?, ?, ?)", id, i+1, t); err != nil {
				return err
			}
		}
	}
	for i, o := range p.Organisations {
		if err := exec("INSERT INTO organisations (document_id, position, canonical, kind) VALUES (?, ?, ?, ?)",
			id, i+1, o.Canonical, o.Kind); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, al := range o.Aliases {
			if seen[al] {
				continue
			}
			seen[al] = true
			if err := exec("INSERT INTO organisation_aliases (document_id, org_position, alias) VALUES (?, ?, ?)",
				id, i+1, al); err != nil {
				return err
			}
		}
	}
	return nil
}

// dueDate is the date a due falls on for sorting: its end, else its start.
func dueDate(d normalise.Due) string {
	if d.End != "" {
		return d.End
	}
	return d.Start
}

// outcome is what a file came to when that is not a stored reading.
type outcome struct {
	Status   string   `json:"status"`
	Error    string   `json:"error"`
	Format   string   `json:"format"`
	Size     int64    `json:"size"`
	Pages    int      `json:"pages"`
	Title    string   `json:"title"`
	Warnings []string `json:"warnings,omitempty"`
}

// putFile records that d.File was seen at position seq of import imp,
// with a new version when its content changed.
func (s *Store) putFile(ctx context.Context, tx *sql.Tx, imp int64, seq int, d *normalise.Document) (Change, error) {
	var out sql.NullString
	if d.Status != "" && d.Status != "duplicate" && !Cacheable(d) {
		b, err := json.Marshal(outcome{Status: d.Status, Error: d.Error, Format: d.Format, Size: d.Size,
			Pages: d.Pages, Title: d.Title, Warnings: d.Warnings})
		if err != nil {
			return 0, err
		}
		out = sql.NullString{String: string(b), Valid: true}
	}
	t := now()
	var (
		hash    string
		version int
		missing int
		lastImp int64
	)
	err := tx.QueryRowContext(ctx, s.q("SELECT content_hash, version, missing, import_id FROM files WHERE path = ?"), d.File).
		Scan(&hash, &version, &missing, &lastImp)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO files (path, name, content_hash, format, size, version, outcome,
			missing, first_seen, last_seen, import_id, seq) VALUES (?, ?, ?, ?, ?, 1, ?, 0, ?, ?, ?, ?)`),
			d.File, d.Name, d.ID, d.Format, d.Size, out, t, t, imp, seq)
		if err == nil && d.ID != "" {
			_, err = tx.ExecContext(ctx, s.q("INSERT INTO versions (path, version, content_hash, seen_at) VALUES (?, 1, ?, ?)"),
				d.File, d.ID, t)
		}
		return New, err
	case err != nil:
		return 0, err
	}
	ch := Unchanged
	if missing != 0 {
		ch = New
	}
	if d.ID != "" && d.ID != hash {
		// a new version; an unreadable file keeps its last known content
		if hash != "" {
			ch = Changed
		}
		version++
		if _, err := tx.ExecContext(ctx, s.q("UPDATE versions SET superseded = 1 WHERE path = ? AND superseded = 0"), d.File); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO versions (path, version, content_hash, seen_at) VALUES (?, ?, ?, ?)"),
			d.File, version, d.ID, t); err != nil {
			return 0, err
		}
		hash = d.ID
	}
	if lastImp > imp {
		// a later import, running at the same time, saw it already: its
		// position in that import stands
		imp, seq = lastImp, -1
	}
	_, err = tx.ExecContext(ctx, s.q(`UPDATE files SET name = ?, content_hash = ?, format = ?, size = ?, version = ?, outcome = ?,
		missing = 0, last_seen = ?, import_id = ?, seq = CASE WHEN ? < 0 THEN seq ELSE ? END WHERE path = ?`),
		d.Name, hash, d.Format, d.Size, version, out, t, imp, seq, seq, d.File)
	return ch, err
}

// Finish marks as missing the files under this import's folders that it
// did not see, records the counts, and returns how many went missing.
// Only a complete import may call it: an interrupted one saw too little.
func (im *Import) Finish(ctx context.Context, newFiles, changed, unchanged int) (int, error) {
	s := im.s
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.explain(err)
	}
	defer tx.Rollback()
	// files seen last by an earlier import; a later one running at the
	// same time may have seen files this one did not
	rows, err := tx.QueryContext(ctx, s.q("SELECT path FROM files WHERE missing = 0 AND import_id < ?"), im.ID)
	if err != nil {
		return 0, s.explain(err)
	}
	var gone []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return 0, err
		}
		if im.covers(p) {
			gone = append(gone, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, p := range gone {
		if _, err := tx.ExecContext(ctx, s.q("UPDATE files SET missing = 1 WHERE path = ?"), p); err != nil {
			return 0, s.explain(err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE imports SET finished = ?, new_files = ?, changed_files = ?,
		unchanged_files = ?, missing_files = ? WHERE id = ?`), now(), newFiles, changed, unchanged, len(gone), im.ID); err != nil {
		return 0, s.explain(err)
	}
	return len(gone), s.explain(tx.Commit())
}

// covers reports whether path is one of the import's roots or lies in
// one of its folders: a file there that the import did not see has gone.
func (im *Import) covers(path string) bool {
	p := filepath.Clean(path)
	for _, r := range im.roots {
		if r == "-" {
			continue
		}
		r = filepath.Clean(r)
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) || r == "." && !filepath.IsAbs(p) && !strings.HasPrefix(p, "..") {
			return true
		}
	}
	return false
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
