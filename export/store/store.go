// Package store keeps a corpus between runs: every file planmap was given,
// each content's reading (status, metadata and the normalised plan), the
// versions a path has had, and a queue of documents waiting for workers.
// It is the memory of planmap import, export, worker and status; reading
// documents stays in cmd (the batch), which hands each result here as soon
// as it is known, so results stream into the store and a run that is
// killed loses only the documents in flight.
//
// One schema serves SQLite (the default, a file; pure Go, no C toolchain)
// and PostgreSQL (a DSN starting postgres:// or postgresql://, for shared
// corpora and workers on several machines). The schema is created and
// upgraded by the numbered SQL files in migrations/, recorded in
// schema_version. Queries are written once with ? placeholders and
// rewritten to $n for PostgreSQL.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL, as database/sql driver "pgx"
	_ "modernc.org/sqlite"             // SQLite in pure Go, driver "sqlite"
)

// DefaultDSN is the store used when none is named: a SQLite file in the
// current folder.
const DefaultDSN = "planmap.db"

// BusyTimeout is how long a SQLite writer waits for another one (a second
// import into the same file) before giving up with ErrBusy.
const BusyTimeout = 60 * time.Second

// ErrBusy says another process holds the SQLite store for longer than
// BusyTimeout.
var ErrBusy = errors.New("the store is busy: another planmap is writing to it; try again when it has finished")

// Store is an open store.
type Store struct {
	db  *sql.DB
	pg  bool
	dsn string
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens (creating and migrating when needed) the store dsn: a
// postgres:// URL, or else a SQLite file path ("" is DefaultDSN).
func Open(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	s := &Store{dsn: dsn, pg: IsPostgres(dsn)}
	var err error
	if s.pg {
		s.db, err = sql.Open("pgx", dsn)
	} else {
		s.db, err = sql.Open("sqlite", sqliteDSN(dsn))
		// one connection writes at a time anyway; more would only wait
		// on the file lock, so readers and the writer share a few
		s.db.SetMaxOpenConns(4)
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.Name(), err)
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store %s: %w", s.Name(), s.explain(err))
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store %s: %w", s.Name(), s.explain(err))
	}
	return s, nil
}

// sqliteDSN adds what every connection needs: write-ahead logging, so
// readers never block the writer; a busy timeout, so a second writer
// waits instead of failing; immediate transactions, so a transaction takes
// the write lock when it starts rather than failing on upgrade.
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(int(BusyTimeout/time.Millisecond))+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Name is the store as messages show it: the file, or the database URL
// without its password.
func (s *Store) Name() string {
	if !s.pg {
		return s.dsn
	}
	u, err := url.Parse(s.dsn)
	if err != nil {
		return "postgres"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	u.RawQuery = ""
	return u.String()
}

// Postgres reports whether the store is a PostgreSQL database.
func (s *Store) Postgres() bool { return s.pg }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// explain turns a SQLite lock timeout into ErrBusy.
func (s *Store) explain(err error) error {
	if err == nil || s.pg {
		return err
	}
	msg := err.Error()
	if strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked") {
		return fmt.Errorf("%w (%v)", ErrBusy, err)
	}
	return err
}

// q rewrites a query's ? placeholders to $1, $2 … for PostgreSQL. The
// queries of this package have no ? inside strings.
func (s *Store) q(query string) string {
	if !s.pg {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Reader says what read a document: the planmap version and its reading
// options (canonical JSON). A content is read again only when its Reader
// changes.
type Reader struct {
	Version string
	Options string
}

// Key is the Reader as stored: short, and equal exactly when both parts are.
func (r Reader) Key() string {
	sum := sha256.Sum256([]byte(r.Version + "\x00" + r.Options))
	return hex.EncodeToString(sum[:12])
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }
