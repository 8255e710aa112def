package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
)

const eastPDF = "east-of-england-regional-social-strategy-action-plan-2007-2010.pdf"

func TestParsePages(t *testing.T) {
	cases := []struct {
		in   string
		want []int
		bad  bool
	}{
		{"1,3-5", []int{1, 3, 4, 5}, false},
		{"7", []int{7}, false},
		{"5-3", nil, true},
		{"0", nil, true},
		{"a", nil, true},
		{"", nil, true},
	}
	for _, c := range cases {
		got, err := parsePages(c.in)
		if (err != nil) != c.bad || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parsePages(%q) = %v, %v", c.in, got, err)
		}
	}
}

func TestTablesJSON(t *testing.T) {
	path := corpustest.Sample(t, eastPDF)
	var out, errb bytes.Buffer
	if code := runTables([]string{"--pages", "2-3", "--json", path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got struct {
		Tables []struct {
			Page int        `json:"page"`
			Rows [][]string `json:"rows"`
		} `json:"tables"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out.String())
	}
	if len(got.Tables) < 2 {
		t.Fatalf("got %d tables on pages 2-3", len(got.Tables))
	}
	for _, tb := range got.Tables {
		if tb.Page != 2 && tb.Page != 3 {
			t.Errorf("table from page %d", tb.Page)
		}
		for _, r := range tb.Rows {
			if len(r) != len(tb.Rows[0]) {
				t.Fatalf("ragged rows: %d vs %d cells", len(r), len(tb.Rows[0]))
			}
		}
	}
	if h := strings.Join(got.Tables[0].Rows[0], "|"); !strings.Contains(h, "Milestone") {
		t.Errorf("first row %q is not the header", h)
	}
	// the JSON names exactly "tables", "page", "rows"
	var raw map[string][]map[string]json.RawMessage
	_ = json.Unmarshal(out.Bytes(), &raw)
	for k := range raw["tables"][0] {
		if k != "page" && k != "rows" {
			t.Errorf("unexpected key %q", k)
		}
	}
}

func TestTablesCSVAndText(t *testing.T) {
	path := corpustest.Sample(t, eastPDF)
	var out, errb bytes.Buffer
	if code := runTables([]string{"--csv", "--pages=2", path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	first := strings.SplitN(out.String(), "\n\n", 2)[0]
	rows, err := csv.NewReader(strings.NewReader(first)).ReadAll()
	if err != nil || len(rows) < 2 || len(rows[0]) != 5 {
		t.Errorf("CSV: %v, %d rows", err, len(rows))
	}
	out.Reset()
	if code := runTables([]string{path, "--pages", "2", "--joined"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "SO1: To tackle poverty") {
		t.Errorf("text rendering lacks SO1:\n%.500s", out.String())
	}
}

func TestLayoutCommand(t *testing.T) {
	path := corpustest.Sample(t, eastPDF)
	var out, errb bytes.Buffer
	if code := runLayout([]string{"--pages", "1", path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"# Regional Social Strategy – Action Plan 2007-2010", "## Context", "¶ This action plan has been developed"} {
		if !strings.Contains(s, want) {
			t.Errorf("layout output lacks %q:\n%.800s", want, s)
		}
	}
	docx := corpustest.Sample(t, "south-east-social-inclusion-partnership-report-2002-2003.docx")
	out.Reset()
	if code := runLayout([]string{docx}, &out, &errb); code != 0 {
		t.Fatalf("docx: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "docx") {
		t.Errorf("docx not identified:\n%.300s", out.String())
	}
}

func TestDebugUsage(t *testing.T) {
	var out, errb bytes.Buffer
	for _, args := range [][]string{{}, {"--bogus", "x.pdf"}, {"--json", "--csv", "x.pdf"}, {"--pages", "x", "a.pdf"}, {"a.pdf", "b.pdf"}} {
		if code := runTables(args, &out, &errb); code != 2 {
			t.Errorf("tables %q: exit %d, want 2", args, code)
		}
	}
	if code := runLayout([]string{"--csv", "x"}, &out, &errb); code != 2 {
		t.Errorf("layout --csv: exit %d, want 2", code)
	}
	if code := runTables([]string{"/nonexistent.pdf"}, &out, &errb); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	if code := runTables([]string{"--help"}, &out, &errb); code != 0 {
		t.Errorf("--help: exit %d, want 0", code)
	}
}
