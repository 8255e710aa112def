package main

import (
	"flag"
	"fmt"
	"github.com/planmap/planmap/normalise/places"
	"io"
	"strconv"
	"strings"
	"time"
)

// parseInterspersed parses flags anywhere among the arguments, as users
// expect ("planmap extract plans/ -o out.xlsx"); the standard flag package
// stops at the first non-flag. "--" ends the flags; "-" is an argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var after []string
	for i, a := range args {
		if a == "--" {
			args, after = args[:i], args[i+1:]
			break
		}
	}
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(rest, after...), nil
		}
		rest = append(rest, args[0]) // the non-flag the parser stopped at
		args = args[1:]
	}
}

// sizeFlag is a byte count written with an optional unit: 500KB, 200MB,
// 2GiB, 1.5G. Units are powers of 1024 whether written KB or KiB, as most
// people mean them.
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s = sizeFlag(n)
	return nil
}

func parseSize(v string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(v))
	units := []struct {
		suffix string
		mult   float64
	}{
		{"TIB", 1 << 40}, {"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10},
		{"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10},
		{"T", 1 << 40}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1},
	}
	mult := 1.0
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			mult = u.mult
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f*mult > 1<<62 {
		return 0, fmt.Errorf("%q is not a size (examples: 500KB, 200MB, 2GiB)", v)
	}
	return int64(f * mult), nil
}

// newFlagSet makes a flag set that reports errors to the caller instead
// of exiting, and prints help only on request.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// secondsFlag is a duration that also accepts a bare number of seconds
// ("--timeout 30"), as people type it.
type secondsFlag time.Duration

func (d *secondsFlag) String() string { return time.Duration(*d).String() }

func (d *secondsFlag) Set(s string) error {
	if n, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
		*d = secondsFlag(time.Duration(n * float64(time.Second)))
		return nil
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("%q is not a duration: give seconds (30) or a unit (90s, 2m)", s)
	}
	*d = secondsFlag(v)
	return nil
}

// parseLevel reads --level: the level documents are compared at.
func parseLevel(s string) (places.Level, error) {
	l, ok := places.ParseLevel(s)
	if !ok || l == places.UK {
		return "", fmt.Errorf("--level %q: use district, county, region or nation", s)
	}
	return l, nil
}

// mustLevel is parseLevel for a value already checked.
func mustLevel(s string) places.Level {
	l, _ := parseLevel(s)
	return l
}

// parseAsOf reads --as-of: "today" or a date written 2006-01-02.
func parseAsOf(s string, now time.Time) (string, error) {
	if strings.EqualFold(strings.TrimSpace(s), "today") {
		return now.Format("2006-01-02"), nil
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return "", fmt.Errorf("--as-of %q: give today or a date such as 2011-03-31", s)
	}
	return t.Format("2006-01-02"), nil
}
