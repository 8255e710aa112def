// Command gen writes the bad-input suite (see package badinput) into a
// folder, by default testdata/bad of the repository:
//
//	go run ./cmd/planmap/internal/badinput/gen [-local] [DIR]
//
// -local also makes the cases that are not committed (a 500 KB HTML file,
// a sparse 201 MB file and an unreadable file), so that
// `planmap extract testdata/bad` meets every case.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/planmap/planmap/cmd/planmap/internal/badinput"
)

func main() {
	local := flag.Bool("local", false, "also make the cases that are not committed")
	samples := flag.String("samples", "corpus/samples", "folder of the valid sample documents")
	flag.Parse()
	dir := "testdata/bad"
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	if err := badinput.Write(dir, *samples, *local); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
