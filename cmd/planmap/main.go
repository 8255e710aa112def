// Command planmap batch-imports public action plans (PDF, DOCX, HTML, text)
// into one normalised model and exports it as a workbook, CSV or JSON Lines.
//
// This package is thin: it parses the command line, runs the batch (see
// batch.go) and reports. The work is in corpus, extract, normalise and
// export; parsing runs in worker processes (extract/isolate), which are
// this same binary started in a hidden mode.
package main

// The bad-input suite in testdata/bad (see internal/badinput); -local adds
// the files too big or too odd to commit.
//go:generate go run ./internal/badinput/gen -local -samples ../../corpus/samples ../../testdata/bad

import (
	"fmt"
	"io"
	"os"

	"github.com/planmap/planmap/extract/isolate"
)

// Exit codes, documented in the help text and docs/cli.md.
const (
	exitOK          = 0   // every document processed (ok or duplicate)
	exitFatal       = 1   // nothing written: bad output path, bad options file, --strict failure
	exitUsage       = 2   // the command line is wrong
	exitSomeFailed  = 3   // output written, but some documents failed (see their status)
	exitInterrupted = 130 // SIGINT or SIGTERM: nothing written, previous output untouched
)

func main() {
	if isolate.IsWorker() {
		isolate.Main(isolate.Default) // never returns
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return runExtract(rest, stdin, stdout, stderr)
	case "report":
		return runReport(rest, stdin, stdout, stderr)
	case "eval":
		return runEval(rest, stdout, stderr)
	case "tables":
		return runTables(rest, stdout, stderr)
	case "layout":
		return runLayout(rest, stdout, stderr)
	case "explain":
		return runExplain(rest, stdout, stderr)
	case "import", "export", "worker", "status":
		return runStore(cmd, rest, stdin, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	case "help", "--help", "-help", "-h":
		if len(rest) > 0 {
			return runHelp(rest[0], stdout, stderr)
		}
		fmt.Fprint(stdout, usageText)
		return exitOK
	case isolate.WorkerArg:
		fmt.Fprintln(stderr, "planmap: the worker mode is internal to planmap and is started by it")
		return exitUsage
	}
	fmt.Fprintf(stderr, "planmap: unknown command %q\n\n%s", cmd, usageText)
	return exitUsage
}

// runHelp prints one command's help.
func runHelp(cmd string, stdout, stderr io.Writer) int {
	switch cmd {
	case "extract":
		fmt.Fprint(stdout, extractHelp)
	case "eval":
		fmt.Fprint(stdout, evalHelp)
	case "explain":
		fmt.Fprint(stdout, explainHelp)
	case "import", "export", "worker", "status":
		return runStore(cmd, []string{"--help"}, nil, stdout, stderr)
	case "report":
		fmt.Fprint(stdout, reportHelp)
	case "tables", "layout":
		// the debug commands print their own help
		if cmd == "tables" {
			return runTables([]string{"--help"}, stdout, stderr)
		}
		return runLayout([]string{"--help"}, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "planmap: no help for %q\n\n%s", cmd, usageText)
		return exitUsage
	}
	return exitOK
}
