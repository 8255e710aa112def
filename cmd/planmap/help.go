package main

import (
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version or VCS revision is shown.
var version = ""

func versionLine() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		if v == "" {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					v = "dev-" + s.Value[:12]
				}
			}
		}
		if v == "" {
			v = "dev"
		}
		return fmt.Sprintf("planmap %s (%s)", v, info.GoVersion)
	}
	if v == "" {
		v = "dev"
	}
	return "planmap " + v
}

const usageText = `planmap turns a folder of public action plans (PDF, Word .docx, Excel .xlsx,
web pages, plain text) into one table of objectives, actions, milestones with
due dates, and lead and partner organisations, with every row traced to its
file and page.

Usage:
  planmap extract [options] PATH...     read documents, write a workbook, CSV or JSONL
  planmap report [options] PATH...      read documents, write one HTML page: a map
                                        of the UK, heat maps, gaps and overlaps
  planmap eval --gold DIR PRED.jsonl    score predictions against gold annotations
  planmap tables [options] FILE.pdf     show the tables planmap sees in a PDF
  planmap layout [options] FILE         show the blocks planmap sees in any file
  planmap explain [options] FILE        why each table column got its role, and
                                        which commitments became actions
  planmap import [--db DSN] PATH...     read documents into a store (planmap.db);
                                        only new and changed files are read
  planmap export [--db DSN] -o OUT      write the store as extract would
  planmap worker --db DSN [--until-idle] read documents queued by import --enqueue
  planmap status [--db DSN]             the store's files by status, and its queue
  planmap version                       print the version
  planmap help [COMMAND]                this text, or one command's options

Examples:
  planmap extract -o plans.xlsx ~/Downloads/plans
  planmap extract -o actions.jsonl report.pdf minutes.html
  find . -name '*.pdf' | planmap extract -o actions.csv -
  planmap eval --gold ../shared/corpus/gold actions.jsonl
  planmap tables --pages 3-4 plan.pdf

Exit codes (planmap extract):
  0    every document was read (duplicates count as read)
  3    the output was written, but some documents failed; their status says why
  1    fatal: nothing was written (bad output path, unreadable --orgs file, or
       a failure under --strict)
  2    the command line is wrong
  130  interrupted (Ctrl-C or SIGTERM): nothing was written, any previous
       output file is untouched

Run 'planmap help extract' for the options of extract.
`

const extractHelp = `Usage: planmap extract [options] PATH...

Reads every document under the PATHs (files and folders, searched
recursively; "-" reads more paths from standard input, one per line) and
writes them all to one output. The format of each input is recognised from
its content, not its name: PDF, Word (.docx), Excel (.xlsx, .xlsm), HTML,
or plain text.

The output format follows the extension of -o:
  .xlsx   a workbook: Documents, Actions and Milestones sheets, with filters
  .jsonl  one action per line; documents.jsonl is written beside it with one
          line per input file and its status
  .csv    one row per milestone; documents.csv is written beside it
  DIR/    a folder of CSV files, one per workbook sheet
Outputs are written to a temporary file and renamed, so a reader never sees
half a file, and an interrupted run leaves the previous output as it was.

Options:
  -o, --output FILE    where to write (default out/planmap.xlsx; the out
                       folder is created when it is the default)
  --workers N          documents read at once (default: the number of CPUs)
  --strict             stop at the first document that fails, write nothing
                       and exit 1 (default: report it and go on)
  --orgs FILE          more organisation names, merged over the built-in
                       registry: a CSV of canonical,alias,kind or the
                       Organisations sheet of a planmap workbook
  --themes FILE        theme taxonomy to use instead of the built-in one
  --manifest FILE      per-file metadata (region, period, publisher)
  --as-of DATE         milestones due before DATE are past due (Gaps sheet):
                       today or 2011-03-31 (default: each document's own date)
  --level LEVEL        compare areas at district, county, region (default) or
                       nation level in Summary and Regions × Themes; a plan
                       for a larger area keeps its own row ("United Kingdom
                       (UK)")
  --columns FILE       fix column roles by header text: CSV of header,role
                       (see planmap help explain)
  -q, --quiet          no progress bar, no list of failures; only the summary

Limits (a document over a limit gets a status; the batch goes on):
  --timeout D          time allowed per document: seconds (30) or a unit (90s,
                       2m); default 60s, 0 = no limit;
                       status timeout
  --max-memory SIZE    memory per worker process (default 2GiB, 0 = no
                       limit); a worker that runs out is replaced and its
                       document gets status crashed
  --max-size SIZE      input file size (default 200MB); status too-large
  --max-pages N        PDF pages (default 2000); status too-large
  --max-unzipped SIZE  total uncompressed size of a .docx or .xlsx
                       (default 256MB)
  --max-zip-entries N  entries in a .docx or .xlsx (default 10000)
  --max-zip-ratio R    compression ratio of any .docx or .xlsx entry
                       (default 200)
  --max-html-depth N   element nesting in HTML (default 512)
  --max-line SIZE      line length in plain text (default 1MB)
  --isolate MODE       where parsing runs: all (default: every document in a
                       worker process), pdf (only PDFs), none (in planmap
                       itself: faster to start, but a fatal parser error ends
                       the run)
SIZE is a number of bytes with an optional unit: 500KB, 200MB, 2GiB (units are
powers of 1024 either way). D is a Go duration: 90s, 2m.

Statuses (Documents sheet, documents.jsonl, and the summary):
  ok                  read; its actions are in the output
  duplicate           same content as an earlier file, which is the one read
  encrypted           needs a password (the empty password was tried)
  no-text-layer       a scan without text; OCR is not supported yet
  unsupported-format  a format planmap does not read (.xls, images), or a .doc
                      or .rtf without LibreOffice (the error says what to install)
  corrupt             the parser gave up; the error says where
  too-large           over --max-size, --max-pages or another limit
  timeout             took longer than --timeout
  crashed             the parser died (out of memory, stack overflow)
  unreadable          could not be opened (permissions, broken link)

Progress goes to standard error when it is a terminal; a one-line summary
(documents by status, actions, milestones, seconds) always ends the run.

Exit codes: 0 all read; 3 written but some documents failed; 1 fatal, nothing
written; 2 usage; 130 interrupted, nothing written.

Examples:
  planmap extract corpus/samples                 # writes out/planmap.xlsx
  planmap extract -o plans.jsonl --workers 4 plans/
  planmap extract --timeout 20s --max-size 50MB -o plans.xlsx plans/
  ls plans/*.pdf | planmap extract -o plans.csv -
`

const evalHelp = `Usage: planmap eval [--details] --gold DIR PRED.jsonl

Scores the actions in PRED.jsonl (written by planmap extract -o PRED.jsonl)
against gold annotations in DIR (the format of ../shared/corpus/gold: one
JSON Lines file per document, organisations.json, and an optional
scope.json {"<document>": {"pages": [first, last]}} for documents annotated
over a page range: their predictions outside it, or without a page, are
not scored). When documents.jsonl lies beside PRED.jsonl, files that gave
no action still count against recall.

Prints, per input file and overall: gold, predicted and matched actions,
action precision, recall and F1, lead F1, objective accuracy, milestone F1
and due-date accuracy ("-" when there is nothing to score). Due-date
accuracy counts each matched action's own due (when the gold has one) and
each dated gold milestone. Scoped files are named below the table.

Options:
  --gold DIR   the gold annotations (required)
  --details    also list per file the missed and spurious actions, the
               matched ones whose leads, objective, due or milestone dues
               differ, and how many predictions lay outside the scope

Examples:
  planmap extract -o out/eval.jsonl ../shared/corpus
  planmap eval --gold ../shared/corpus/gold out/eval.jsonl
  make eval-real     # ../shared/corpus-real: its PDFs against its gold
`
