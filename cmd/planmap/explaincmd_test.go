package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planmap/planmap/corpus/corpustest"
)

// planmap explain shows every column's role and why; --columns changes a
// role and with it the actions.
func TestExplainAndColumns(t *testing.T) {
	path := corpustest.Sample(t, eastPDF)
	var out, errb bytes.Buffer
	if code := runExplain([]string{path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := out.String()
	for _, want := range []string{
		"table 1 (page 2): action table",
		`"Lead organisation"`,
		`header "Lead organisation" → lead`,
		`header "Milestone(s) completion" → due`,
		"(lead: Jobcentre Plus — printed in the lead column of table",
		// Each action's themes with their evidence.
		"themes: poverty and income: matched 'benefits'; work and skills: matched 'working age'",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("explain output lacks %q", want)
		}
	}

	cols := filepath.Join(t.TempDir(), "columns.csv")
	if err := os.WriteFile(cols, []byte("header,role\nLead organisation,partners\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := runExplain([]string{"--json", "--columns", cols, path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got struct {
		Tables []struct {
			Columns []struct {
				Header  string   `json:"header"`
				Role    string   `json:"role"`
				Reasons []string `json:"reasons"`
			} `json:"columns"`
		} `json:"tables"`
		Actions []struct {
			Leads    []string `json:"leads"`
			Partners []string `json:"partners"`
		} `json:"actions"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Tables) == 0 || len(got.Actions) == 0 {
		t.Fatalf("no tables or actions: %s", out.String())
	}
	c := got.Tables[0].Columns[3]
	if c.Role != "partners" || !strings.Contains(strings.Join(c.Reasons, ";"), "--columns") {
		t.Errorf("column 4 = %+v, want partners by --columns", c)
	}
	leads, partners := 0, 0
	for _, a := range got.Actions {
		leads += len(a.Leads)
		partners += len(a.Partners)
	}
	if leads != 0 || partners == 0 {
		t.Errorf("with the lead column as partners: %d leads, %d partners; want 0 and some", leads, partners)
	}

	// A bad role is an error naming the line.
	if err := os.WriteFile(cols, []byte("Lead organisation,boss\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	if code := runExplain([]string{"--columns", cols, path}, &out, &errb); code != exitFatal || !strings.Contains(errb.String(), "line 1") {
		t.Errorf("bad role: exit %d, %q", code, errb.String())
	}
}
