package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLevelFlag: --level takes the four comparison levels and refuses
// anything else with a message naming them.
func TestLevelFlag(t *testing.T) {
	for _, ok := range []string{"district", "county", "region", "nation", "Region"} {
		if _, err := parseExtract([]string{"--level", ok, "x.pdf"}); err != nil {
			t.Errorf("--level %s: %v", ok, err)
		}
	}
	for _, bad := range []string{"uk", "ward", ""} {
		if _, err := parseExtract([]string{"--level", bad, "x.pdf"}); err == nil {
			t.Errorf("--level %q accepted", bad)
		}
	}
}

// TestReportCommand: report writes one HTML page from the samples, and
// refuses any other output name.
func TestReportCommand(t *testing.T) {
	var out, errb strings.Builder
	if code := run([]string{"report", "-o", "x.xlsx", "a.pdf"}, strings.NewReader(""), &out, &errb); code != exitUsage || !strings.Contains(errb.String(), ".html") {
		t.Errorf("report -o x.xlsx: exit %d, %q", code, errb.String())
	}
	html := filepath.Join(t.TempDir(), "r.html")
	errb.Reset()
	sample := filepath.Join(root(t), "corpus", "samples", "milton-keynes-tackling-social-exclusion.html")
	if code := run([]string{"report", "-q", "--level", "county", "-o", html, sample}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("report: exit %d: %s", code, errb.String())
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	// Milton Keynes, the only plan, is the darkest shape.
	for _, want := range []string{`data-code="E06000042" data-name="Milton Keynes" fill="#7f0000"`, "compared by county", "mySociety, CC BY 4.0"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
