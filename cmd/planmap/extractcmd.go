package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/export"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/isolate"
	"github.com/planmap/planmap/normalise"
)

// defaultOutput is where extract writes when -o is not given; its folder
// is created if missing.
const defaultOutput = "out/planmap.xlsx"

// extractConfig is the command line of planmap extract.
type extractConfig struct {
	output        string
	workers       int
	timeout       time.Duration
	maxMemory     sizeFlag
	maxSize       sizeFlag
	maxPages      int
	maxUnzipped   sizeFlag
	maxZipEntries int
	maxZipRatio   float64
	maxHTMLDepth  int
	maxLine       sizeFlag
	isolation     string
	strict        bool
	quiet         bool
	orgs          string
	themes        string
	manifest      string
	columns       string
	asOf          string // --as-of: past due from this date (2006-01-02)
	level         string // --level: the level areas are compared at
	paths         []string
}

func parseExtract(args []string) (*extractConfig, error) {
	c := &extractConfig{maxMemory: 2 << 30, maxSize: sizeFlag(corpus.DefaultMaxSize)}
	fs := newFlagSet("extract")
	fs.StringVar(&c.output, "o", "", "")
	fs.StringVar(&c.output, "output", "", "")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "")
	c.timeout = 60 * time.Second
	fs.Var((*secondsFlag)(&c.timeout), "timeout", "")
	fs.StringVar(&c.asOf, "as-of", "", "")
	fs.StringVar(&c.level, "level", "region", "")
	fs.Var(&c.maxMemory, "max-memory", "")
	fs.Var(&c.maxSize, "max-size", "")
	fs.IntVar(&c.maxPages, "max-pages", 2000, "")
	fs.Var(&c.maxUnzipped, "max-unzipped", "")
	fs.IntVar(&c.maxZipEntries, "max-zip-entries", 0, "")
	fs.Float64Var(&c.maxZipRatio, "max-zip-ratio", 0, "")
	fs.IntVar(&c.maxHTMLDepth, "max-html-depth", 0, "")
	fs.Var(&c.maxLine, "max-line", "")
	fs.StringVar(&c.isolation, "isolate", "all", "")
	fs.BoolVar(&c.strict, "strict", false, "")
	fs.BoolVar(&c.quiet, "q", false, "")
	fs.BoolVar(&c.quiet, "quiet", false, "")
	fs.StringVar(&c.orgs, "orgs", "", "")
	fs.StringVar(&c.themes, "themes", "", "")
	fs.StringVar(&c.manifest, "manifest", "", "")
	fs.StringVar(&c.columns, "columns", "", "")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, err
	}
	c.paths = paths
	switch {
	case len(c.paths) == 0:
		return nil, errors.New("no documents given: name files or folders, or - to read paths from standard input")
	case c.workers < 1:
		return nil, fmt.Errorf("--workers %d: need at least 1", c.workers)
	case c.timeout < 0:
		return nil, errors.New("--timeout cannot be negative")
	case c.maxPages < 0, c.maxZipEntries < 0, c.maxZipRatio < 0, c.maxHTMLDepth < 0:
		return nil, errors.New("limits cannot be negative")
	case c.isolation != "all" && c.isolation != "pdf" && c.isolation != "none":
		return nil, fmt.Errorf("--isolate %q: use all, pdf or none", c.isolation)
	case c.maxMemory > 0 && c.maxMemory < 64<<20:
		return nil, fmt.Errorf("--max-memory %d bytes is too little for a worker: give at least 64MB", c.maxMemory)
	}
	if c.asOf != "" {
		d, err := parseAsOf(c.asOf, time.Now())
		if err != nil {
			return nil, err
		}
		c.asOf = d
	}
	if _, err := parseLevel(c.level); err != nil {
		return nil, err
	}
	if c.output == "" {
		c.output = defaultOutput
	}
	if err := checkOutputName(c.output); err != nil {
		return nil, err
	}
	return c, nil
}

// checkOutputName refuses an output whose format planmap cannot tell.
func checkOutputName(path string) error {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return nil
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".csv", ".html":
		return nil
	case ".jsonl":
		if filepath.Base(path) == "documents.jsonl" {
			return errors.New("-o documents.jsonl: that name is taken by the list of inputs written beside a JSONL output; choose another")
		}
		return nil
	case "":
		return fmt.Errorf("-o %s: no extension; use .xlsx, .jsonl or .csv, or end the path with / for a folder of CSV files", path)
	default:
		return fmt.Errorf("-o %s: planmap writes .xlsx, .jsonl, .csv or .html, not %s", path, ext)
	}
}

// prepareOutput checks, before hours of work, that the output can be
// written: its folder exists (the default folder is created) and accepts
// new files.
func prepareOutput(path string, isDefault bool) error {
	dir := filepath.Dir(filepath.Clean(path))
	if isDefault {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("cannot create the output folder %s: %w", dir, err)
		}
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dir, errors.Unwrap(err))
	}
	if !info.IsDir() {
		return fmt.Errorf("output folder %s is not a folder", dir)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() && !strings.HasSuffix(path, "/") {
		return fmt.Errorf("output %s is a folder; give a file name", path)
	}
	probe, err := os.CreateTemp(dir, ".planmap-probe-*")
	if err != nil {
		return fmt.Errorf("cannot write to the output folder %s: %w", dir, errors.Unwrap(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

func (c *extractConfig) limits() extract.Limits {
	return extract.Limits{
		MaxPages:      c.maxPages,
		MaxUnzipped:   int64(c.maxUnzipped),
		MaxZipEntries: c.maxZipEntries,
		MaxZipRatio:   c.maxZipRatio,
		MaxHTMLDepth:  c.maxHTMLDepth,
		MaxLine:       int(c.maxLine),
	}
}

// extractor builds where parsing runs, per --isolate.
func (c *extractConfig) extractor() (isolate.Extractor, error) {
	inproc := isolate.InProcess{Timeout: c.timeout}
	if c.isolation == "none" || runtime.GOOS == "windows" { // no inherited pipes there
		return inproc, nil
	}
	pool, err := isolate.NewPool(isolate.Options{
		Workers:   c.workers,
		Timeout:   c.timeout,
		MaxMemory: int64(c.maxMemory),
	})
	if err != nil {
		return nil, err
	}
	if c.isolation == "pdf" {
		return router{pdf: pool, other: inproc}, nil
	}
	return pool, nil
}

// runExtract is planmap extract.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprint(stdout, extractHelp)
			return exitOK
		}
	}
	c, err := parseExtract(args)
	if err != nil {
		fmt.Fprintf(stderr, "planmap extract: %v\nRun 'planmap help extract' for the options.\n", err)
		return exitUsage
	}
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "planmap extract: "+format+"\n", args...)
		return exitFatal
	}
	start := time.Now()
	opt, err := c.readingOptions()
	if err != nil {
		return fail("%v", err)
	}
	if err := prepareOutput(c.output, c.output == defaultOutput || c.output == defaultReport); err != nil {
		return fail("%v; nothing was processed", err)
	}

	// From here an interrupt stops the run and nothing is written.
	ctx, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	interrupted := func() int {
		fmt.Fprintf(stderr, "\nplanmap extract: interrupted; nothing was written (%s is as it was)\n", c.output)
		return exitInterrupted
	}

	inputs, notes, err := find(ctx, c.paths, stdin)
	if ctx.Err() != nil {
		return interrupted()
	}
	if err != nil {
		return fail("%v", err)
	}
	if !c.quiet {
		for _, n := range notes {
			fmt.Fprintf(stderr, "planmap: note: %s\n", n)
		}
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "planmap extract: warning: no documents found")
	}

	ext, err := c.extractor()
	if err != nil {
		return fail("%v", err)
	}
	limits := c.limits()
	if len(inputs) > 0 && len(inputs) < c.workers {
		// fewer documents than workers: let each parse its pages in parallel
		limits.PageWorkers = c.workers / len(inputs)
	}
	b := &batch{
		ext:       ext,
		limits:    limits,
		maxSize:   int64(c.maxSize),
		timeout:   c.timeout,
		normalise: opt,
		workers:   c.workers,
		failFast:  c.strict,
	}
	var bar *rateBar
	if !c.quiet && isTerminal(stderr) {
		bar = newRateBar(stderr, len(inputs))
		b.done = func(d *normalise.Document) { bar.add(false, failedStatus(d.Status)) }
	}
	docs, strictFailed := b.run(ctx, inputs)
	ext.Close()
	if bar != nil {
		bar.clear()
	}
	if ctx.Err() != nil {
		return interrupted()
	}
	t := count(docs)
	if strictFailed {
		listFailures(stderr, docs)
		fmt.Fprintf(stderr, "planmap extract: --strict: a document failed; stopped, nothing was written\n")
		return exitFatal
	}

	// The batch is done: a signal now takes its default course, which
	// cannot harm the output (written to a temporary file, then renamed).
	stopSignals()
	defer export.LimitMemory()()
	if err := export.WriteOptions(c.output, docs, export.Options{AsOf: c.asOf, Level: mustLevel(c.level)}); err != nil {
		return fail("%v", err)
	}
	if !c.quiet {
		listFailures(stderr, docs)
	}
	fmt.Fprintf(stderr, "planmap: %s; wrote %s\n", t.summary(time.Since(start)), c.output)
	if t.failed() > 0 {
		return exitSomeFailed
	}
	return exitOK
}

// find runs corpus.Find so that an interrupt while it waits for a path
// list on standard input still ends the run.
func find(ctx context.Context, paths []string, stdin io.Reader) ([]corpus.Input, []string, error) {
	type found struct {
		inputs []corpus.Input
		notes  []string
		err    error
	}
	ch := make(chan found, 1)
	go func() {
		f := &corpus.Finder{Stdin: stdin}
		inputs, err := f.Find(paths)
		ch <- found{inputs, f.Notes, err}
	}()
	select {
	case r := <-ch:
		return r.inputs, r.notes, r.err
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// readingOptions are the normalise options extract, import and worker read
// with: the registry, taxonomy and manifest files, and the --columns file.
func (c *extractConfig) readingOptions() (normalise.Options, error) {
	opt, err := normalise.LoadOptions(c.orgs, c.themes, c.manifest)
	if err != nil {
		return opt, err
	}
	opt.Columns, err = normalise.LoadColumns(c.columns)
	return opt, err
}
