package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/xuri/excelize/v2"
)

// --as-of today lists the East of England milestones (due 2007–2011) as
// past due on the Gaps sheet, and says the date it used; without it, only
// what was past due at the plan's own date (June 2007) is listed.
func TestAsOfToday(t *testing.T) {
	path := corpustest.Sample(t, eastPDF)
	pastDue := func(args ...string) (n int, details []string) {
		out := filepath.Join(t.TempDir(), "plan.xlsx")
		r := planmap(t, 2*time.Minute, append(append([]string{"extract", "-q", "--timeout", "30", "-o", out}, args...), path)...)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("Gaps")
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			if strings.Join(row, "|") != "" && strings.Contains(strings.Join(row, "|"), "milestone past due") {
				n++
				details = append(details, strings.Join(row, "|"))
			}
		}
		return n, details
	}
	own, _ := pastDue()
	today, details := pastDue("--as-of", "today")
	if today < 100 || today <= own {
		t.Errorf("past due: %d as of today, %d at the plan's date; want most of its 168 milestones today", today, own)
	}
	if len(details) > 0 && !strings.Contains(details[0], "as of "+time.Now().Format("2006-01")) {
		t.Errorf("finding %q does not say the date used", details[0])
	}
	if r := planmap(t, time.Minute, "extract", "--as-of", "someday", "-o", filepath.Join(t.TempDir(), "x.xlsx"), path); r.code != exitUsage {
		t.Errorf("--as-of someday: exit %d, want %d", r.code, exitUsage)
	}
}
