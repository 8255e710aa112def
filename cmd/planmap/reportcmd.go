package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// defaultReport is where report writes when -o is not given.
const defaultReport = "out/report.html"

// runReport is extract with an HTML report as its output: the same inputs
// and options, the same reading, one self-contained page instead of a
// workbook.
func runReport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := ""
	for i, a := range args {
		switch {
		case a == "-o" || a == "--output" || a == "-output":
			if i+1 < len(args) {
				out = args[i+1]
			}
		case strings.HasPrefix(a, "-o=") || strings.HasPrefix(a, "--output="):
			out = a[strings.Index(a, "=")+1:]
		}
	}
	if out == "" {
		args = append([]string{"-o", defaultReport}, args...)
	} else if ext := strings.ToLower(filepath.Ext(out)); ext != ".html" {
		fmt.Fprintf(stderr, "planmap report: -o %s: the report is an .html file\n", out)
		return exitUsage
	}
	return runExtract(args, stdin, stdout, stderr)
}

const reportHelp = `planmap report [options] FILE|FOLDER... — one HTML page to look at

Reads the documents as extract does (same options; see planmap help
extract) and writes a single self-contained HTML file (default
out/report.html) that needs no network: a map of the UK at the --level
chosen (district, county, region or nation; default region) coloured by
actions, or by the actions of one theme picked on the page; the Regions ×
Themes and Partners × Themes heat maps; the Gaps and Overlaps with links
that open each source file at its page; the documents with their areas and
the evidence for them.

  planmap report -o report.html --level county plans/
`
