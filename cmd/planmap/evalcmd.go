package main

import (
	"fmt"
	"io"

	"github.com/planmap/planmap/normalise/eval"
)

// runEval is planmap eval: score a JSONL output against gold annotations.
func runEval(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprint(stdout, evalHelp)
			return exitOK
		}
	}
	fs := newFlagSet("eval")
	gold := fs.String("gold", "", "")
	details := fs.Bool("details", false, "")
	rest, err := parseInterspersed(fs, args)
	switch {
	case err != nil:
	case *gold == "":
		err = fmt.Errorf("--gold DIR is required")
	case len(rest) != 1:
		err = fmt.Errorf("give exactly one predictions file (the .jsonl written by planmap extract)")
	}
	if err != nil {
		fmt.Fprintf(stderr, "planmap eval: %v\n\n%s", err, evalHelp)
		return exitUsage
	}
	g, err := eval.LoadGold(*gold)
	if err != nil {
		fmt.Fprintf(stderr, "planmap eval: %v\n", err)
		return exitFatal
	}
	preds, err := eval.LoadPredictions(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "planmap eval: %v\n", err)
		return exitFatal
	}
	inputs, err := eval.LoadInputs(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "planmap eval: %v\n", err)
		return exitFatal
	}
	r := eval.ScoreInputs(g, preds, inputs)
	if err := r.Print(stdout); err != nil {
		fmt.Fprintf(stderr, "planmap eval: %v\n", err)
		return exitFatal
	}
	if *details {
		fmt.Fprintln(stdout)
		if err := r.PrintDetails(stdout); err != nil {
			fmt.Fprintf(stderr, "planmap eval: %v\n", err)
			return exitFatal
		}
	}
	return exitOK
}
