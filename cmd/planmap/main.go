// Command planmap batch-imports public action plans (PDF, DOCX, HTML, text)
// into one normalised model and exports it as a workbook, CSV or JSON Lines.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "planmap: not implemented yet")
	os.Exit(2)
}
