package main

// planmap import, export and status: the corpus kept in a store
// (export/store) instead of read again on every run. Import reads with the
// same batch, isolation, deadlines and memory limits as extract, and hands
// each document to the store as soon as it is read, in its own
// transaction: a run that is killed keeps everything finished before, and
// the same import run again reads only the rest.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/export"
	"github.com/planmap/planmap/export/store"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/normalise"
)

// takeFlag removes "--name VALUE" or "--name=VALUE" (one or two dashes)
// from args; the last one given wins.
func takeFlag(args []string, name string) (value string, found bool, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		switch {
		case a == "-"+name || a == "--"+name:
			if i+1 >= len(args) {
				return "", false, nil, fmt.Errorf("flag needs an argument: %s", a)
			}
			value, found = args[i+1], true
			i++
		case strings.HasPrefix(a, "-"+name+"=") || strings.HasPrefix(a, "--"+name+"="):
			value, found = a[strings.Index(a, "=")+1:], true
		default:
			rest = append(rest, a)
		}
	}
	return value, found, rest, nil
}

// takeBool removes a boolean flag "--name" from args.
func takeBool(args []string, name string) (bool, []string) {
	var rest []string
	found := false
	for i, a := range args {
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if a == "-"+name || a == "--"+name || a == "--"+name+"=true" {
			found = true
			continue
		}
		rest = append(rest, a)
	}
	return found, rest
}

// readerOf is what reads documents under c: this planmap and every option
// that can change a document's outcome (limits, and the content, not the
// name, of the organisation, theme, manifest and column files).
func readerOf(c *extractConfig) (store.Reader, error) {
	digest := func(path string) (string, error) {
		if path == "" {
			return "", nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		sum := sha256.Sum256(b)
		return hex.EncodeToString(sum[:]), nil
	}
	o := struct {
		Limits    any    `json:"limits"`
		MaxSize   int64  `json:"max_size"`
		Timeout   string `json:"timeout"`
		MaxMemory int64  `json:"max_memory"`
		Isolation string `json:"isolate"`
		Orgs      string `json:"orgs,omitempty"`
		Themes    string `json:"themes,omitempty"`
		Manifest  string `json:"manifest,omitempty"`
		Columns   string `json:"columns,omitempty"`
	}{Limits: c.limits(), MaxSize: int64(c.maxSize), Timeout: c.timeout.String(), MaxMemory: int64(c.maxMemory), Isolation: c.isolation}
	var err error
	for _, f := range []struct {
		dst  *string
		path string
	}{{&o.Orgs, c.orgs}, {&o.Themes, c.themes}, {&o.Manifest, c.manifest}, {&o.Columns, c.columns}} {
		if *f.dst, err = digest(f.path); err != nil {
			return store.Reader{}, err
		}
	}
	b, err := json.Marshal(o)
	return store.Reader{Version: versionLine(), Options: string(b)}, err
}

// parseStoreArgs parses the command line of import or worker: --db, and
// the reading options of extract.
func parseStoreArgs(args []string, needPaths bool) (dsn string, c *extractConfig, err error) {
	dsn, _, args, err = takeFlag(args, "db")
	if err != nil {
		return "", nil, err
	}
	if dsn == "" {
		dsn = store.DefaultDSN
	}
	for _, a := range args {
		if a == "-o" || a == "--output" || strings.HasPrefix(a, "-o=") || strings.HasPrefix(a, "--output=") {
			return "", nil, errors.New("-o: import writes to the store; run planmap export -o OUT to write a file")
		}
	}
	if !needPaths {
		args = append(args, "--", "-") // parseExtract wants a path; a worker takes none
	}
	c, err = parseExtract(args)
	if err != nil {
		return "", nil, err
	}
	if !needPaths && len(c.paths) > 1 {
		return "", nil, fmt.Errorf("a worker reads documents from the queue, not %s", strings.Join(c.paths[:len(c.paths)-1], " "))
	}
	return dsn, c, nil
}

// runImport is planmap import.
func runImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if wantsHelp(args) {
		fmt.Fprint(stdout, importHelp)
		return exitOK
	}
	enqueue, args := takeBool(args, "enqueue")
	dsn, c, err := parseStoreArgs(args, true)
	if err != nil {
		fmt.Fprintf(stderr, "planmap import: %v\nRun 'planmap help import' for the options.\n", err)
		return exitUsage
	}
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "planmap import: "+format+"\n", args...)
		return exitFatal
	}
	start := time.Now()
	opt, err := c.readingOptions()
	if err != nil {
		return fail("%v", err)
	}
	reader, err := readerOf(c)
	if err != nil {
		return fail("%v", err)
	}
	ctx, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return fail("%v", err)
	}
	defer st.Close()
	inputs, notes, err := find(ctx, c.paths, stdin)
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "\nplanmap import: interrupted before any document was read")
		return exitInterrupted
	}
	if err != nil {
		return fail("%v", err)
	}
	if !c.quiet {
		for _, n := range notes {
			fmt.Fprintf(stderr, "planmap: note: %s\n", n)
		}
	}
	imp, err := st.BeginImport(ctx, reader, c.paths)
	if err != nil {
		return fail("%v", err)
	}
	im := &importer{imp: imp, seq: make(map[string]int, len(inputs)), stored: map[string]string{}, seen: map[string]bool{}}
	for i := range inputs {
		im.seq[inputs[i].Path] = i
	}
	if enqueue {
		im.enqueue(ctx, st, c, inputs)
	} else if code := im.read(ctx, st, c, opt, inputs, stderr, start); code != exitOK {
		return code
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "\nplanmap import: interrupted; %d documents were stored in %s; run the same import again to read the rest\n",
			im.recorded, st.Name())
		return exitInterrupted
	}
	if im.err != nil {
		return fail("%v; %d documents were stored, run the same import again to read the rest", im.err, im.recorded)
	}
	missing, err := imp.Finish(context.Background(), im.counts[store.New], im.counts[store.Changed], im.counts[store.Unchanged])
	if err != nil {
		return fail("%v", err)
	}
	what := fmt.Sprintf("read %d, reused %d", im.fresh, im.reused)
	if enqueue {
		what = fmt.Sprintf("queued %d for workers, %d read already", im.queued, im.reused)
	}
	fmt.Fprintf(stderr, "planmap import: %d documents: %d new, %d changed, %d unchanged, %d missing; %s; %d failed; into %s in %s\n",
		len(inputs), im.counts[store.New], im.counts[store.Changed], im.counts[store.Unchanged], missing,
		what, im.failed, st.Name(), time.Since(start).Round(time.Millisecond))
	if im.failed > 0 {
		return exitSomeFailed
	}
	return exitOK
}

// importer records each input of one import as it is finished.
type importer struct {
	imp      *store.Import
	seq      map[string]int // path → position in the import
	mu       sync.Mutex
	stored   map[string]string // path → status of the stored reading reused
	seen     map[string]bool   // content hashes queued by this import
	counts   [3]int            // by store.Change
	fresh    int               // documents read by this import (not duplicates)
	reused   int               // documents whose stored reading was kept
	queued   int
	failed   int
	recorded int
	err      error // the first store error; it stops the import
}

// record stores one finished input. It is called one input at a time.
func (im *importer) record(d *normalise.Document) {
	fresh := d.Status != statusStored
	status := d.Status
	if !fresh {
		im.mu.Lock()
		status = im.stored[d.File]
		im.mu.Unlock()
	}
	// a store error stops the import, but what is finished is still
	// committed: the run's context may be cancelled already
	ch, err := im.imp.Record(context.Background(), im.seq[d.File], d, fresh)
	if err != nil {
		if im.err == nil {
			im.err = err
		}
		return
	}
	im.recorded++
	im.counts[ch]++
	switch {
	case !fresh:
		im.reused++
	case d.Status != string(layout.StatusDuplicate):
		im.fresh++
	}
	if failedStatus(status) && status != statusStored {
		im.failed++
	}
	d.Plan = nil // in the store now: memory stays bounded whatever the batch
}

// read runs the batch of extract over inputs, skipping those the store
// has read already, and records each document as it is finished.
func (im *importer) read(ctx context.Context, st *store.Store, c *extractConfig, opt normalise.Options,
	inputs []corpus.Input, stderr io.Writer, start time.Time) int {
	ext, err := c.extractor()
	if err != nil {
		fmt.Fprintf(stderr, "planmap import: %v\n", err)
		return exitFatal
	}
	defer ext.Close()
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	limits := c.limits()
	if len(inputs) > 0 && len(inputs) < c.workers {
		limits.PageWorkers = c.workers / len(inputs)
	}
	reader := im.imp.Reader
	b := &batch{
		ext: ext, limits: limits, maxSize: int64(c.maxSize), timeout: c.timeout,
		normalise: opt, workers: c.workers,
		reuse: func(in *corpus.Input) bool {
			status, ok, err := st.Reading(ctx, in.ID, in.Path, reader)
			if err != nil || !ok {
				return false
			}
			im.mu.Lock()
			im.stored[in.Path] = status
			im.mu.Unlock()
			return true
		},
	}
	var bar *rateBar
	if !c.quiet && isTerminal(stderr) {
		bar = newRateBar(stderr, len(inputs))
	}
	b.done = func(d *normalise.Document) {
		reused := d.Status == statusStored
		failed := failedStatus(d.Status) && !reused
		im.record(d)
		if im.err != nil {
			stop()
		}
		if bar != nil {
			bar.add(reused, failed)
		}
	}
	b.run(ctx, inputs)
	if bar != nil {
		bar.clear()
	}
	return exitOK
}

// enqueue stores each input's bytes and queues it for planmap worker;
// inputs that cannot be read at all are recorded at once.
func (im *importer) enqueue(ctx context.Context, st *store.Store, c *extractConfig, inputs []corpus.Input) {
	for i := range inputs {
		if ctx.Err() != nil || im.err != nil {
			return
		}
		in := &inputs[i]
		data, err := corpus.Read(in, int64(c.maxSize))
		if err != nil {
			d := failure(in, err)
			im.record(&d)
			continue
		}
		queued := false
		if !im.seen[in.ID] { // a later copy is a duplicate: not read, as in extract
			im.seen[in.ID] = true
			if queued, err = st.Enqueue(ctx, im.imp.Reader, in.ID, in.Path, string(in.Format), data); err != nil {
				im.err = err
				return
			}
		}
		if queued {
			im.queued++
		}
		d := describe(in)
		d.Status = statusStored
		im.record(&d)
		if queued {
			im.reused-- // counted by record; it is to be read, not reused
		}
	}
}

// wantsHelp reports -h or --help among args.
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
		if a == "--" {
			return false
		}
	}
	return false
}

// runExport is planmap export: the store's documents written as extract
// writes them.
func runExport(args []string, stdout, stderr io.Writer) int {
	if wantsHelp(args) {
		fmt.Fprint(stdout, exportHelp)
		return exitOK
	}
	usage := func(err error) int {
		fmt.Fprintf(stderr, "planmap export: %v\nRun 'planmap help export' for the options.\n", err)
		return exitUsage
	}
	fs := newFlagSet("export")
	var dsn, output, asOf string
	fs.StringVar(&dsn, "db", store.DefaultDSN, "")
	fs.StringVar(&output, "o", "", "")
	fs.StringVar(&output, "output", "", "")
	fs.StringVar(&asOf, "as-of", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return usage(err)
	}
	if len(rest) > 0 {
		return usage(fmt.Errorf("export takes no paths (%s): it writes what the store holds", strings.Join(rest, " ")))
	}
	if output == "" {
		output = defaultOutput
	}
	if err := checkOutputName(output); err != nil {
		return usage(err)
	}
	if asOf != "" {
		if asOf, err = parseAsOf(asOf, time.Now()); err != nil {
			return usage(err)
		}
	}
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "planmap export: "+format+"\n", args...)
		return exitFatal
	}
	if !store.IsPostgres(dsn) {
		if _, err := os.Stat(dsn); err != nil {
			return fail("no store at %s: run planmap import first, or name one with --db", dsn)
		}
	}
	if err := prepareOutput(output, output == defaultOutput); err != nil {
		return fail("%v", err)
	}
	start := time.Now()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return fail("%v", err)
	}
	defer st.Close()
	docs, err := st.Documents(ctx)
	if err != nil {
		return fail("%v", err)
	}
	defer export.LimitMemory()()
	if err := export.WriteOptions(output, docs, export.Options{AsOf: asOf}); err != nil {
		return fail("%v", err)
	}
	t := count(docs)
	fmt.Fprintf(stderr, "planmap export: %s; wrote %s from %s\n", t.summary(time.Since(start)), output, st.Name())
	return exitOK
}

// runStatus is planmap status: the store's files by status and the queue.
func runStatus(args []string, stdout, stderr io.Writer) int {
	if wantsHelp(args) {
		fmt.Fprint(stdout, statusHelp)
		return exitOK
	}
	fs := newFlagSet("status")
	var dsn string
	fs.StringVar(&dsn, "db", store.DefaultDSN, "")
	rest, err := parseInterspersed(fs, args)
	if err != nil || len(rest) > 0 {
		if err == nil {
			err = fmt.Errorf("unexpected %s", strings.Join(rest, " "))
		}
		fmt.Fprintf(stderr, "planmap status: %v\nRun 'planmap help status' for the options.\n", err)
		return exitUsage
	}
	if !store.IsPostgres(dsn) {
		if _, err := os.Stat(dsn); err != nil {
			fmt.Fprintf(stderr, "planmap status: no store at %s\n", dsn)
			return exitFatal
		}
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		fmt.Fprintf(stderr, "planmap status: %v\n", err)
		return exitFatal
	}
	defer st.Close()
	counts, err := st.Status(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "planmap status: %v\n", err)
		return exitFatal
	}
	fmt.Fprintf(stdout, "store %s\n", st.Name())
	for _, c := range counts {
		fmt.Fprintf(stdout, "%-9s %-20s %d\n", c.What, c.State, c.N)
	}
	return exitOK
}
