package main

// planmap worker: reads the documents that import --enqueue queued in a
// store, with the same isolation, deadlines and memory limits as extract,
// and commits each result with the job in one transaction. Any number run
// at once, on any machines that reach the database; one that dies loses
// nothing, since its lease runs out and another worker takes the job.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/export/store"
	"github.com/planmap/planmap/extract/layout"
)

// runWorker is planmap worker.
func runWorker(args []string, stdout, stderr io.Writer) int {
	if wantsHelp(args) {
		fmt.Fprint(stdout, workerHelp)
		return exitOK
	}
	untilIdle, args := takeBool(args, "until-idle")
	leaseText, _, args, err := takeFlag(args, "lease")
	lease := 2 * time.Minute
	if err == nil && leaseText != "" {
		err = (*secondsFlag)(&lease).Set(leaseText)
		if err == nil && lease < time.Second {
			err = fmt.Errorf("--lease %s: give at least 1s", leaseText)
		}
	}
	var (
		dsn string
		c   *extractConfig
	)
	if err == nil {
		dsn, c, err = parseStoreArgs(args, false)
	}
	if err != nil {
		fmt.Fprintf(stderr, "planmap worker: %v\nRun 'planmap help worker' for the options.\n", err)
		return exitUsage
	}
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "planmap worker: "+format+"\n", args...)
		return exitFatal
	}
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
	ext, err := c.extractor()
	if err != nil {
		return fail("%v", err)
	}
	defer ext.Close()
	b := &batch{ext: ext, limits: c.limits(), maxSize: int64(c.maxSize), timeout: c.timeout, normalise: opt, workers: c.workers}
	w := &worker{st: st, b: b, reader: reader, lease: lease, untilIdle: untilIdle, id: workerID()}
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, c.workers)
	for range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.loop(ctx); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	fmt.Fprintf(stderr, "planmap worker %s: %d documents read, %d failed, in %s\n", w.id, w.done, w.failed, time.Since(start).Round(time.Millisecond))
	if err := <-errs; err != nil {
		return fail("%v", err)
	}
	if ctx.Err() != nil {
		return exitInterrupted
	}
	return exitOK
}

// worker claims and reads jobs until told to stop (or, with untilIdle,
// until no job is queued or held by anyone).
type worker struct {
	st        *store.Store
	b         *batch
	reader    store.Reader
	lease     time.Duration
	untilIdle bool
	id        string
	mu        sync.Mutex
	done      int
	failed    int
}

// workerID names a worker in the queue: host, process and a random part.
func workerID() string {
	host, _ := os.Hostname()
	r := make([]byte, 3)
	rand.Read(r)
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(r))
}

// pollEvery is how long an idle worker waits before looking again.
const pollEvery = 500 * time.Millisecond

func (w *worker) loop(ctx context.Context) error {
	for ctx.Err() == nil {
		job, data, err := w.st.Claim(ctx, w.reader, w.id, w.lease)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if job == nil {
			if _, err := w.st.GiveUp(ctx, w.reader); err != nil && ctx.Err() == nil {
				return err
			}
			if w.untilIdle {
				queued, running, err := w.st.Waiting(ctx, w.reader)
				if err != nil {
					return err
				}
				if queued+running == 0 {
					return nil
				}
				// a running job may belong to a worker that died: wait
				// for its lease to pass and take it then
			}
			select {
			case <-ctx.Done():
			case <-time.After(pollEvery):
			}
			continue
		}
		if err := w.one(ctx, job, data); err != nil {
			return err
		}
	}
	return nil
}

// one reads a claimed job, renewing its lease meanwhile, and commits it.
func (w *worker) one(ctx context.Context, job *store.Job, data []byte) error {
	renewed := make(chan struct{})
	stopRenew := make(chan struct{})
	go func() {
		defer close(renewed)
		t := time.NewTicker(w.lease / 3)
		defer t.Stop()
		for {
			select {
			case <-stopRenew:
				return
			case <-t.C:
				w.st.Renew(context.Background(), job, w.id, w.lease)
			}
		}
	}()
	in := &corpus.Input{Path: job.Path, Name: corpus.DocumentName(job.Path), Size: int64(len(data)),
		ID: job.Hash, Format: layout.Format(job.Format)}
	d := w.b.read(ctx, in, data)
	close(stopRenew)
	<-renewed
	if ctx.Err() != nil {
		// stopped: give the job back rather than make others wait out the lease
		return w.st.Release(context.Background(), job, w.id)
	}
	if err := w.st.Complete(ctx, job, w.id, &d, w.reader); err != nil {
		return fmt.Errorf("%s: %w", job.Path, err)
	}
	w.mu.Lock()
	w.done++
	if failedStatus(d.Status) {
		w.failed++
	}
	w.mu.Unlock()
	return nil
}
