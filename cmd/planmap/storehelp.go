package main

import "io"

// runStore dispatches the commands that work on a store.
func runStore(cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch cmd {
	case "import":
		return runImport(args, stdin, stdout, stderr)
	case "export":
		return runExport(args, stdout, stderr)
	case "worker":
		return runWorker(args, stdout, stderr)
	default:
		return runStatus(args, stdout, stderr)
	}
}

const importHelp = `Usage: planmap import [--db DSN] [--enqueue] [options] PATH...

Reads every document under the PATHs into a store, as extract reads them
(the same options: --workers, --timeout, --max-memory, --isolate, --orgs,
--themes, --manifest, --columns and the limits; see planmap help extract),
and writes each document to the store as soon as it is read, in its own
transaction. Write the store out with planmap export.

A file whose content, planmap version and reading options are unchanged
since an earlier import is not read again. A changed file becomes a new
version of its document (the old version is kept, marked superseded). A
file that was seen by an earlier import under one of the PATHs (a folder)
and is there no more is marked missing, not deleted, and left out of
exports. The last line says how many were new, changed, unchanged and
missing.

An import that is interrupted or killed keeps every document it finished;
run the same import again to read the rest. Two imports into one SQLite
store take turns; one that waits more than a minute stops with "the store
is busy".

Options:
  --db DSN    the store: a SQLite file (default planmap.db), or a PostgreSQL
              database postgres://user:password@host:port/dbname
  --enqueue   do not read: store each distinct document's bytes in the
              database and queue it for planmap worker (PostgreSQL for
              workers on several machines; SQLite works on one)

Exit codes: 0 every document read, 3 some failed (their status says why),
1 fatal (bad store, options), 2 bad command line, 130 interrupted.
`

const exportHelp = `Usage: planmap export [--db DSN] [-o OUT] [--as-of DATE]

Writes every document the store holds (except missing files) in any format
extract writes, chosen by the extension of -o (default out/planmap.xlsx):
.xlsx, .jsonl (with documents.jsonl beside it), .csv, or a folder ending
in /. Documents come out in the order of the import that last saw them;
import then export gives what extract of the same paths gives.

Options:
  --db DSN       the store (default planmap.db, or postgres://...)
  -o, --output   the output file
  --as-of DATE   milestones are past due from DATE (2006-01-02 or today)
`

const workerHelp = `Usage: planmap worker --db DSN [--until-idle] [--lease DURATION] [options]

Reads the documents that planmap import --enqueue queued in the store, with
the same isolation, deadlines and memory limits as extract, and commits
each result with its job in one transaction. Run any number, on any
machines that reach the database. A worker holds each document under a
lease it renews while reading; one that dies stops renewing, and when the
lease passes another worker takes the document again. The reading options
(--orgs, --themes, limits…) and the planmap version must be the import's:
a worker takes only the jobs queued for exactly its own.

Options:
  --db DSN        the store (postgres://...; a SQLite file works on one machine)
  --until-idle    exit when no document is queued or being read
  --lease D       how long a claim lasts without renewal (default 2m)
  --workers N     documents read at once by this worker (default: CPUs)
`

const statusHelp = `Usage: planmap status [--db DSN]

Shows the store's files by status (ok, failed ones by reason, pending ones
not read yet, missing ones), the readings and superseded versions kept, and
the queue's jobs by state (queued, running, done, failed).
`
