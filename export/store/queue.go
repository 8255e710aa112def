package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/planmap/planmap/normalise"
)

// The queue spreads reading over workers (planmap import --enqueue, then
// planmap worker): each distinct content is stored once in blobs and queued
// once per Reader. A worker claims a job with a lease it renews while it
// reads; a worker that dies stops renewing, the lease passes, and the next
// Claim takes the job again. On PostgreSQL the claim skips rows other
// workers are claiming (FOR UPDATE SKIP LOCKED), so workers never wait on
// each other; on SQLite writers take turns anyway. docs/scale.md says why
// this is plain SQL rather than a job-queue library.

// Job is one document a worker has claimed.
type Job struct {
	ID       int64
	Hash     string
	Path     string // the first path it was queued from, for messages
	Format   string
	Attempts int
}

// Enqueue stores data (content hash) and queues it for reading by r as
// the file path, unless r has read it so already or it is queued. It reports whether a job
// was added.
func (s *Store) Enqueue(ctx context.Context, r Reader, hash, path, format string, data []byte) (bool, error) {
	if _, ok, err := s.Reading(ctx, hash, path, r); err != nil || ok {
		return false, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, s.explain(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, s.q("INSERT INTO blobs (content_hash, data) VALUES (?, ?) ON CONFLICT (content_hash) DO NOTHING"),
		hash, data); err != nil {
		return false, s.explain(err)
	}
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO queue (content_hash, reader, path, format, state, enqueued_at)
		VALUES (?, ?, ?, ?, 'queued', ?) ON CONFLICT (content_hash, path, reader) DO NOTHING`), hash, r.Key(), path, format, now())
	if err != nil {
		return false, s.explain(err)
	}
	n, _ := res.RowsAffected()
	return n > 0, s.explain(tx.Commit())
}

// nowMillis is the database clock in unix milliseconds: leases are judged
// by one clock however many machines the workers run on.
func (s *Store) nowMillis() string {
	if s.pg {
		return "(extract(epoch from clock_timestamp()) * 1000)::bigint"
	}
	return "CAST(unixepoch('subsec') * 1000 AS INTEGER)"
}

// Claim takes the oldest job for r that is queued or whose lease has
// passed, leases it to worker for lease, and returns it with its bytes;
// nil when there is none.
func (s *Store) Claim(ctx context.Context, r Reader, worker string, lease time.Duration) (*Job, []byte, error) {
	lock := ""
	if s.pg {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, s.explain(err)
	}
	defer tx.Rollback()
	j := &Job{}
	err = tx.QueryRowContext(ctx, s.q(`UPDATE queue SET state = 'running', worker = ?, attempts = attempts + 1,
		lease_until = `+s.nowMillis()+` + ?
		WHERE id = (SELECT id FROM queue WHERE reader = ?
			AND (state = 'queued' OR (state = 'running' AND lease_until < `+s.nowMillis()+` AND attempts < ?))
			ORDER BY id LIMIT 1`+lock+`)
		RETURNING id, content_hash, path, format, attempts`), worker, lease.Milliseconds(), r.Key(), MaxAttempts).
		Scan(&j.ID, &j.Hash, &j.Path, &j.Format, &j.Attempts)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, s.explain(err)
	}
	var data []byte
	if err := tx.QueryRowContext(ctx, s.q("SELECT data FROM blobs WHERE content_hash = ?"), j.Hash).Scan(&data); err != nil {
		return nil, nil, s.explain(err)
	}
	return j, data, s.explain(tx.Commit())
}

// Renew extends a job's lease while its worker is still reading it; false
// when the lease was lost (it passed and another worker took the job).
func (s *Store) Renew(ctx context.Context, j *Job, worker string, lease time.Duration) (bool, error) {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE queue SET lease_until = `+s.nowMillis()+` + ?
		WHERE id = ? AND worker = ? AND state = 'running'`), lease.Milliseconds(), j.ID, worker)
	if err != nil {
		return false, s.explain(err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Release puts a claimed job back in the queue at once (a worker told to
// stop), instead of letting its lease run out.
func (s *Store) Release(ctx context.Context, j *Job, worker string) error {
	_, err := s.db.ExecContext(ctx, s.q(`UPDATE queue SET state = 'queued', lease_until = 0, worker = ''
		WHERE id = ? AND worker = ? AND state = 'running'`), j.ID, worker)
	return s.explain(err)
}

// Complete stores what reading the job's content came to, in one
// transaction with marking the job done: a Cacheable outcome as the
// reading, any other (a timeout, a crash) on the files that hold the
// content.
func (s *Store) Complete(ctx context.Context, j *Job, worker string, d *normalise.Document, r Reader) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback()
	state := "done"
	if Cacheable(d) {
		if err := s.putReading(ctx, tx, d, r); err != nil {
			return s.explain(err)
		}
	} else {
		state = "failed"
		b, err := json.Marshal(outcome{Status: d.Status, Error: d.Error, Format: d.Format, Size: d.Size,
			Pages: d.Pages, Title: d.Title, Warnings: d.Warnings})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q("UPDATE files SET outcome = ? WHERE content_hash = ? AND path = ?"), string(b), j.Hash, j.Path); err != nil {
			return s.explain(err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.q("UPDATE queue SET state = ?, lease_until = 0 WHERE id = ?"), state, j.ID); err != nil {
		return s.explain(err)
	}
	return s.explain(tx.Commit())
}

// Waiting counts r's jobs not yet done: queued, and running (claimed,
// whether or not the lease still holds).
func (s *Store) Waiting(ctx context.Context, r Reader) (queued, running int, err error) {
	rows, err := s.db.QueryContext(ctx, s.q("SELECT state, COUNT(*) FROM queue WHERE reader = ? GROUP BY state"), r.Key())
	if err != nil {
		return 0, 0, s.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return 0, 0, err
		}
		switch st {
		case "queued":
			queued = n
		case "running":
			running = n
		}
	}
	return queued, running, rows.Err()
}

// Running lists the workers holding a job now (lease or not).
func (s *Store) Running(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT worker FROM queue WHERE state = 'running'")
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// MaxAttempts is how many workers may die holding one document before it
// is given up as crashed: a document that kills whatever reads it must not
// take every worker down in turn. (A parser crash or hang does not count:
// the isolation turns those into the document's own status.)
const MaxAttempts = 3

// GiveUp marks r's jobs whose lease has passed after MaxAttempts claims as
// failed, with a crashed outcome on their files, and returns how many.
func (s *Store) GiveUp(ctx context.Context, r Reader) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.explain(err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, s.q(`UPDATE queue SET state = 'failed', lease_until = 0
		WHERE reader = ? AND state = 'running' AND attempts >= ? AND lease_until < `+s.nowMillis()+`
		RETURNING content_hash, path, format, attempts`), r.Key(), MaxAttempts)
	if err != nil {
		return 0, s.explain(err)
	}
	type gone struct {
		hash, path, format string
		attempts           int
	}
	var jobs []gone
	for rows.Next() {
		var g gone
		if err := rows.Scan(&g.hash, &g.path, &g.format, &g.attempts); err != nil {
			rows.Close()
			return 0, err
		}
		jobs = append(jobs, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, g := range jobs {
		b, _ := json.Marshal(outcome{Status: "crashed", Format: g.format,
			Error: fmt.Sprintf("given up: %d workers stopped while reading it (killed, or out of memory)", g.attempts)})
		if _, err := tx.ExecContext(ctx, s.q("UPDATE files SET outcome = ? WHERE content_hash = ? AND path = ?"),
			string(b), g.hash, g.path); err != nil {
			return 0, s.explain(err)
		}
	}
	return len(jobs), s.explain(tx.Commit())
}
