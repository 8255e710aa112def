//go:build !race

package main

// raceBuild: the race detector slows parsing about tenfold, so the
// end-to-end tests leave the big sample PDFs out.
const raceBuild = false
