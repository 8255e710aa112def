package odt_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/planmap/planmap/corpus"
	"github.com/planmap/planmap/corpus/corpustest"
	"github.com/planmap/planmap/extract"
	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/layout/layouttest"
	"github.com/planmap/planmap/normalise"
	"github.com/planmap/planmap/normalise/eval/evaltest"
)

const southEast = "south-east-social-inclusion-partnership-report-2002-2003"

// TestSouthEastConverted: the South East report, converted from the
// bundled .docx to .odt by LibreOffice (when it is installed), is
// identified as ODT and gives the same 79 actions as the .docx, at action
// F1 ≥ 0.90 against the sample's gold.
func TestSouthEastConverted(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")), // private profile: concurrent runs do not collide
		"--convert-to", "odt", "--outdir", dir, corpustest.Sample(t, southEast+".docx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, southEast+".odt"))
	if err != nil {
		t.Fatal(err)
	}
	if f := corpus.Identify(data); f != layout.ODT {
		t.Fatalf("identified as %s", f)
	}
	actions := func(f layout.Format, data []byte) *normalise.Plan {
		t.Helper()
		doc, err := extract.Extract(context.Background(), f, data, extract.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if err := layouttest.Validate(doc); err != nil {
			t.Fatal(err)
		}
		return normalise.Normalise(doc, southEast+"."+string(f), normalise.Options{})
	}
	odt := actions(layout.ODT, data)
	docx := actions(layout.DOCX, corpustest.ReadSample(t, southEast+".docx"))
	if len(odt.Actions) != len(docx.Actions) || len(odt.Actions) != 79 {
		t.Errorf("ODT gives %d actions, DOCX %d; want 79 each", len(odt.Actions), len(docx.Actions))
	}
	if f1 := evaltest.SampleRow(t, odt).F1(); !f1.Defined || f1.Value < 0.9 {
		t.Errorf("action F1 %v, want ≥ 0.90", f1.Value)
	}
}
