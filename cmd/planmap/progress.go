package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// rateBar is extract's and import's progress on a terminal: documents done of total,
// the rate since the start and the time left at that rate, so that a
// batch of thousands can be planned around. Documents the store already
// held count as done but not in the rate: they take no time, and would
// make the first seconds promise far too much.
type rateBar struct {
	w       io.Writer
	total   int
	start   time.Time
	mu      sync.Mutex
	done    int
	reused  int
	failed  int
	stopped chan struct{}
}

func newRateBar(w io.Writer, total int) *rateBar {
	p := &rateBar{w: w, total: total, start: time.Now(), stopped: make(chan struct{})}
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.mu.Lock()
				p.draw(time.Now())
				p.mu.Unlock()
			case <-p.stopped:
				return
			}
		}
	}()
	return p
}

// add counts one finished document.
func (p *rateBar) add(reused, failed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if reused {
		p.reused++
	}
	if failed {
		p.failed++
	}
}

func (p *rateBar) draw(now time.Time) {
	const width = 24
	filled := 0
	if p.total > 0 {
		filled = width * p.done / p.total
	}
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d documents", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.done, p.total)
	if p.failed > 0 {
		fmt.Fprintf(p.w, ", %d failed", p.failed)
	}
	el := now.Sub(p.start)
	read := p.done - p.reused
	if read > 0 && el > 0 {
		rate := float64(read) / el.Seconds()
		left := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
		fmt.Fprintf(p.w, "  %.1f/s  %s left", rate, left.Round(time.Second))
	} else {
		fmt.Fprintf(p.w, "  %s", el.Round(time.Second))
	}
}

// clear stops the bar and removes it before other output.
func (p *rateBar) clear() {
	close(p.stopped)
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\033[K")
}
