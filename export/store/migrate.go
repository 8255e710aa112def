package store

import (
	"context"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// migrations holds the schema, one numbered file per step (001_init.sql,
// 002_….sql). A step is never edited once released: a change is a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migrate brings the schema up to the newest migration, in one
// transaction, so two processes opening a new store at once cannot both
// create it: PostgreSQL takes an advisory lock, SQLite's immediate
// transaction holds the write lock.
func (s *Store) migrate(ctx context.Context) error {
	steps, err := migrationSteps()
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.pg {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7243001)"); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return err
	}
	current := 0
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&current); err != nil {
		return err
	}
	if current > len(steps) {
		return fmt.Errorf("the store has schema version %d, newer than this planmap knows (%d): use a newer planmap", current, len(steps))
	}
	for i := current; i < len(steps); i++ {
		for _, stmt := range statements(s.dialect(steps[i].sql)) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migration %s: %w", steps[i].name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO schema_version (version) VALUES (?)"), i+1); err != nil {
			return err
		}
	}
	return tx.Commit()
}

type step struct{ name, sql string }

// migrationSteps lists the migrations in order and checks they are
// numbered 1, 2, 3 … without gaps.
func migrationSteps() ([]step, error) {
	entries, err := migrations.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var steps []step
	for _, e := range entries {
		b, err := migrations.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{e.Name(), string(b)})
	}
	sort.Slice(steps, func(i, j int) bool { return steps[i].name < steps[j].name })
	for i, st := range steps {
		n, err := strconv.Atoi(strings.SplitN(st.name, "_", 2)[0])
		if err != nil || n != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %03d", st.name, i+1)
		}
	}
	return steps, nil
}

// dialect fills the two words SQLite and PostgreSQL spell differently.
func (s *Store) dialect(sql string) string {
	if s.pg {
		return strings.NewReplacer("{{id}}", "BIGSERIAL PRIMARY KEY", "{{blob}}", "BYTEA").Replace(sql)
	}
	return strings.NewReplacer("{{id}}", "INTEGER PRIMARY KEY AUTOINCREMENT", "{{blob}}", "BLOB").Replace(sql)
}

// statements splits a migration at the semicolons that end its lines,
// dropping comments, so each driver gets one statement at a time.
func statements(sql string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(sql, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "--") || t == "" {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, cur.String())
	}
	return out
}
