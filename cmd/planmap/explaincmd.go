package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/normalise"
)

const explainHelp = `Usage: planmap explain [--columns FILE] [--orgs FILE] [--themes FILE] [--json] FILE

Shows why planmap read a document the way it did. For each table: its
header row, every column's role with its score and the evidence for it
(the header's words, what share of its cells read as dates, organisations,
verb clauses, status words or reference codes), and whether the table was
read as an action table and why. Then the actions found, each with where
it came from (table and row, or the list or sentence that committed it),
its lead, and its themes with the evidence for each: the phrase and the
taxonomy rule that matched, and "(objective)", "(lead)" or "(document)"
when the phrase was not in the action's own words.

A column read wrongly can be fixed for a whole batch without code:
--columns FILE is a CSV of "header text,role" (roles: action, lead,
partners, due, milestone, outcome, status, progress, planned, priority,
ref, objective, none); give the same file to planmap extract --columns.

Options:
  --columns FILE  fix column roles by header text
  --orgs FILE     more organisation names (as planmap extract --orgs)
  --themes FILE   theme taxonomy to use instead of the built-in one
  --json          the decisions and actions as JSON
`

// runExplain is planmap explain: the roles and reasons behind one
// document's actions.
func runExplain(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("explain")
	columns := fs.String("columns", "", "")
	orgs := fs.String("orgs", "", "")
	themesFile := fs.String("themes", "", "")
	asJSON := fs.Bool("json", false, "")
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprint(stdout, explainHelp)
			return exitOK
		}
	}
	rest, err := parseInterspersed(fs, args)
	if err == nil && len(rest) != 1 {
		err = fmt.Errorf("give exactly one file")
	}
	if err != nil {
		fmt.Fprintf(stderr, "planmap explain: %v\n\n%s", err, explainHelp)
		return exitUsage
	}
	file := rest[0]
	opt, err := normalise.LoadOptions(*orgs, *themesFile, "")
	if err == nil {
		opt.Columns, err = normalise.LoadColumns(*columns)
	}
	if err != nil {
		fmt.Fprintf(stderr, "planmap explain: %v\n", err)
		return exitFatal
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "planmap explain: %v\n", err)
		return exitFatal
	}
	lim := inspectLimits()
	doc, err := extract.Extract(context.Background(), corpus.Identify(data), data, lim)
	if err != nil {
		fmt.Fprintf(stderr, "planmap explain: %s: %v\n", file, err)
		return exitFatal
	}
	plan := normalise.Normalise(doc, file, opt)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			Document string                    `json:"document"`
			Meta     normalise.Meta            `json:"meta"`
			Tables   []normalise.TableDecision `json:"tables"`
			Prose    []normalise.ProseDecision `json:"prose"`
			Actions  []normalise.Action        `json:"actions"`
		}{plan.Document, plan.Meta, plan.Decisions, plan.Prose, plan.Actions})
		if err != nil {
			fmt.Fprintf(stderr, "planmap explain: %v\n", err)
			return exitFatal
		}
		return exitOK
	}
	printExplain(stdout, file, plan)
	return exitOK
}

func printExplain(w io.Writer, file string, plan *normalise.Plan) {
	fmt.Fprintf(w, "%s: %d actions", file, len(plan.Actions))
	if plan.Publisher != "" {
		fmt.Fprintf(w, "; publisher %q (the lead of \"we\")", plan.Publisher)
	} else {
		fmt.Fprint(w, "; publisher not found (\"we\" has no lead; give it with --manifest)")
	}
	fmt.Fprintln(w)
	for _, d := range plan.Decisions {
		verdict := "not read as an action table"
		if d.Plan {
			verdict = "action table"
		}
		where := ""
		if d.Page > 0 {
			where = fmt.Sprintf(" (page %d)", d.Page)
		}
		fmt.Fprintf(w, "\ntable %d%s: %s: %s\n", d.Table, where, verdict, d.Why)
		if d.HeaderRows > 0 {
			fmt.Fprintf(w, "  header rows: %d\n", d.HeaderRows)
		} else {
			fmt.Fprintln(w, "  no header row: roles come from the cells")
		}
		for i, c := range d.Columns {
			h := c.Header
			if h == "" {
				h = "(no header)"
			}
			fmt.Fprintf(w, "  column %d %-28q %-10s %.2f  %s\n", i+1, clip(h, 28), c.RoleStr, c.Score, strings.Join(c.Reasons, "; "))
		}
	}
	if len(plan.Prose) > 0 {
		fmt.Fprintln(w, "\nprose:")
		for _, p := range plan.Prose {
			mark := "-"
			if p.Action {
				mark = "+"
			}
			where := ""
			if p.Page > 0 {
				where = fmt.Sprintf("p%-3d ", p.Page)
			}
			fmt.Fprintf(w, "  %s %s%s  [%s]\n", mark, where, clip(p.Text, 90), p.Why)
		}
	}
	fmt.Fprintln(w, "\nactions:")
	for _, a := range plan.Actions {
		where := ""
		if a.Source.Page > 0 {
			where = fmt.Sprintf("p%d", a.Source.Page)
		}
		if a.Source.Table > 0 {
			where += fmt.Sprintf(" table %d row %d", a.Source.Table, a.Source.Row)
		}
		lead := strings.Join(a.Leads, "; ")
		if lead == "" {
			lead = "no lead"
		}
		if a.LeadWhy != "" {
			lead += " — " + a.LeadWhy
		}
		fmt.Fprintf(w, "  %-22s %s  (lead: %s)\n", where, clip(a.Text, 80), lead)
		if len(a.ThemeRules) > 0 {
			fmt.Fprintf(w, "  %-22s themes: %s\n", "", strings.Join(a.ThemeRules, "; "))
		}
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
