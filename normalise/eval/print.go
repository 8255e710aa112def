package eval

import (
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
)

// Print writes the report as a plain aligned table: one row per file, then
// the overall micro-average, then the files scored over a page range only
// (scope.json) and any unscored files.
func (r *Report) Print(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "file\tgold\tpred\tmatched\tP\tR\tF1\tleadF1\tobjAcc\tmsF1\tdueAcc")
	line := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, c.Gold, c.Pred, c.Matched,
			c.Precision(), c.Recall(), c.F1(), c.LeadF1(), c.ObjectiveAccuracy(), c.MilestoneF1(), c.DueAccuracy())
	}
	for _, row := range r.Files {
		line(row.Name(), row.Counts)
	}
	line("overall", r.Overall)
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, row := range r.Files {
		if !row.Scoped {
			continue
		}
		if _, err := fmt.Fprintf(w, "scored on %s only: %s (%s outside not scored)\n",
			row.Scope, row.Name(), predictions(row.OutOfScope)); err != nil {
			return err
		}
	}
	for _, f := range r.Unscored {
		if _, err := fmt.Fprintf(w, "not scored (no gold): %s\n", f); err != nil {
			return err
		}
	}
	return nil
}

// Name is the row's label: the file's base name, or the document with
// "(no file)" when no input gave it.
func (row Row) Name() string {
	if row.File == "" {
		return row.Document + " (no file)"
	}
	return filepath.Base(row.File)
}

// PrintDetails lists, per file, the missed and spurious actions and the
// matched actions whose leads, objective, due or milestone dues differ from
// the gold, and how many predictions lay outside a scoped document's pages.
func (r *Report) PrintDetails(w io.Writer) error {
	for _, row := range r.Files {
		if len(row.Missed)+len(row.Spurious)+len(row.Diffs)+row.OutOfScope == 0 {
			continue
		}
		fmt.Fprintf(w, "== %s\n", row.Name())
		if row.OutOfScope > 0 {
			fmt.Fprintf(w, "  not scored: %s outside %s\n", predictions(row.OutOfScope), row.Scope)
		}
		for _, s := range row.Missed {
			fmt.Fprintf(w, "  missed:   %s\n", s)
		}
		for _, s := range row.Spurious {
			fmt.Fprintf(w, "  spurious: %s\n", s)
		}
		for _, s := range row.Diffs {
			if _, err := fmt.Fprintf(w, "  differs:  %s\n", s); err != nil {
				return err
			}
		}
	}
	return nil
}

// predictions is "1 prediction", "2 predictions".
func predictions(n int) string {
	if n == 1 {
		return "1 prediction"
	}
	return fmt.Sprintf("%d predictions", n)
}
