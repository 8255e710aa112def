package main

import (
	"slices"
	"testing"
	"time"
)

func TestParseSize(t *testing.T) {
	good := map[string]int64{
		"0": 0, "512": 512, "500KB": 500 << 10, "500kib": 500 << 10, "200MB": 200 << 20,
		"200M": 200 << 20, "2GiB": 2 << 30, "1.5G": 3 << 29, " 64 MB ": 64 << 20, "10B": 10,
	}
	for in, want := range good {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "lots", "-1MB", "MB", "1XB", "99999999TB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q): no error", in)
		}
	}
}

func TestFlagsAnywhere(t *testing.T) {
	c, err := parseExtract([]string{"plans/", "-o", "x.jsonl", "more.pdf", "--workers", "3", "-", "--timeout", "90s", "--", "-odd-name.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"plans/", "more.pdf", "-", "-odd-name.pdf"}; !slices.Equal(c.paths, want) {
		t.Errorf("paths %q, want %q", c.paths, want)
	}
	if c.output != "x.jsonl" || c.workers != 3 || c.timeout != 90*time.Second {
		t.Errorf("flags not all read: %+v", c)
	}
	if c.maxMemory != 2<<30 || c.maxSize != 200<<20 || c.maxPages != 2000 {
		t.Errorf("defaults: memory %d, size %d, pages %d", c.maxMemory, c.maxSize, c.maxPages)
	}
}

func TestCheckOutputName(t *testing.T) {
	for _, ok := range []string{"a.xlsx", "dir/a.JSONL", "a.csv", "sheets/"} {
		if err := checkOutputName(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"a.pdf", "noext", "out/documents.jsonl"} {
		if err := checkOutputName(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestSecondsFlagAndAsOf(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
		bad  bool
	}{{"30", 30 * time.Second, false}, {"1.5", 1500 * time.Millisecond, false}, {"90s", 90 * time.Second, false}, {"2m", 2 * time.Minute, false}, {"soon", 0, true}} {
		var d secondsFlag
		err := d.Set(c.in)
		if (err != nil) != c.bad || (!c.bad && time.Duration(d) != c.want) {
			t.Errorf("--timeout %q = %v, %v", c.in, time.Duration(d), err)
		}
	}
	now := time.Date(2026, 12, 4, 18, 0, 0, 0, time.UTC)
	for _, c := range []struct{ in, want string }{{"today", "2026-12-04"}, {"TODAY", "2026-12-04"}, {"2011-03-31", "2011-03-31"}, {"31/03/2011", ""}, {"2011-13-01", ""}} {
		got, err := parseAsOf(c.in, now)
		if got != c.want || (err != nil) != (c.want == "") {
			t.Errorf("--as-of %q = %q, %v", c.in, got, err)
		}
	}
}
