// Package office reads the word-processor formats planmap has no reader of
// its own for, Word 97-2003 (.doc) and Rich Text Format (.rtf), by having
// LibreOffice convert them to OpenDocument text; package odt then reads the
// result like any other .odt. ODT is LibreOffice's own format, so nothing
// is lost in a second mapping (converted to .docx instead, the South East
// sample scores the same, but the DOCX writer is a translation).
//
// LibreOffice is a separate program, so a conversion is guarded like a
// parser in a worker process:
//   - each conversion has a private profile directory
//     (-env:UserInstallation), so conversions running at once do not
//     collide on LibreOffice's lock file or its settings;
//   - it runs in its own process group and is killed, group and all, when
//     ctx ends (the worker's --timeout deadline) or, without a deadline in
//     ctx, after DefaultTimeout; on Linux the kernel also kills it if the
//     worker dies;
//   - the converted file is read back within Options.MaxOutput bytes;
//   - the worker's memory limit (RLIMIT_DATA) is inherited by LibreOffice.
//
// Where LibreOffice is not installed, the document is unsupported-format,
// with an error that says what to install.
package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/planmap/planmap/extract/layout"
)

// EnvSoffice names the LibreOffice program to use instead of the one found
// on PATH (soffice, then libreoffice). Set to a path that does not exist,
// it makes planmap behave as if LibreOffice were not installed.
const EnvSoffice = "PLANMAP_SOFFICE"

// DefaultTimeout bounds a conversion whose ctx has no deadline of its own.
const DefaultTimeout = 5 * time.Minute

// DefaultMaxOutput bounds the converted file read back.
const DefaultMaxOutput int64 = 256 << 20

// Options configure a conversion.
type Options struct {
	// MaxOutput is the largest converted file read back (0 =
	// DefaultMaxOutput); a larger one is too-large.
	MaxOutput int64
}

// Install is what the error of a missing LibreOffice tells the user to do.
const Install = "install LibreOffice (Debian: apt-get install libreoffice-writer-nogui; in planmap's source tree: make tools)"

// Find returns the LibreOffice program: $PLANMAP_SOFFICE when set, else
// soffice or libreoffice on PATH. A Debian or upstream install has the
// real program, soffice.bin, beside the soffice script; it is preferred,
// because the script starts it as a grandchild that the kernel would not
// kill with the worker.
func Find() (string, error) {
	prog := os.Getenv(EnvSoffice)
	if prog != "" {
		if _, err := exec.LookPath(prog); err != nil {
			return "", err
		}
	} else {
		var err error
		if prog, err = exec.LookPath("soffice"); err != nil {
			if prog, err = exec.LookPath("libreoffice"); err != nil {
				return "", err
			}
		}
	}
	if real, err := filepath.EvalSymlinks(prog); err == nil {
		bin := filepath.Join(filepath.Dir(real), "soffice.bin")
		if st, err := os.Stat(bin); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return bin, nil
		}
	}
	return prog, nil
}

// names are the formats in words, for messages, with the extension the
// input is given so that LibreOffice picks the right import filter.
var names = map[layout.Format]struct{ words, ext string }{
	layout.DOC: {"Word 97-2003 (.doc)", "doc"},
	layout.RTF: {"Rich Text Format (.rtf)", "rtf"},
}

// Convert has LibreOffice convert data, a document in format (DOC or RTF),
// to OpenDocument text and returns the .odt bytes. Failures are
// *layout.Error: unsupported-format without LibreOffice, timeout when ctx
// ends first, corrupt when LibreOffice cannot read the file, too-large when
// its output is over the limit.
func Convert(ctx context.Context, format layout.Format, data []byte, opt Options) ([]byte, error) {
	name, ok := names[format]
	if !ok {
		return nil, layout.Errorf(layout.StatusUnsupported, "format %q is not converted by LibreOffice", format)
	}
	if format == layout.RTF {
		if n := rtfOpenGroups(data); n > 0 {
			return nil, layout.Errorf(layout.StatusCorrupt, "truncated: the RTF file ends with %d groups ({…}) still open", n)
		}
	}
	prog, err := Find()
	if err != nil {
		return nil, layout.Errorf(layout.StatusUnsupported, "%s files are read through LibreOffice, which is not installed: %s, or save the file as .docx or PDF", name.words, Install)
	}
	if opt.MaxOutput <= 0 {
		opt.MaxOutput = DefaultMaxOutput
	}
	if _, has := ctx.Deadline(); !has {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	dir, err := os.MkdirTemp("", "planmap-office-")
	if err != nil {
		return nil, fmt.Errorf("converting with LibreOffice: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "input."+name.ext)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("converting with LibreOffice: %w", err)
	}
	outDir := filepath.Join(dir, "out")
	args := []string{
		"--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
		"-env:UserInstallation=" + fileURL(filepath.Join(dir, "profile")),
		"--convert-to", "odt", "--outdir", outDir, in,
	}
	var output []byte
	// A fresh profile makes soffice.bin exit with 81 ("restart me") after
	// setting it up; the soffice script restarts it, and so do we, once.
	for attempt := 0; ; attempt++ {
		output, err = run(ctx, prog, args, dir)
		if ctx.Err() != nil {
			return nil, layout.Errorf(layout.StatusTimeout, "LibreOffice did not convert the %s file in time and was stopped", name.words)
		}
		var ee *exec.ExitError
		if attempt == 0 && errors.As(err, &ee) && ee.ExitCode() == 81 {
			continue
		}
		break
	}
	out := filepath.Join(outDir, "input.odt")
	f, oerr := os.Open(out)
	if oerr != nil {
		why := lastLine(output)
		if err != nil {
			why = fmt.Sprintf("%v: %s", err, why)
		}
		return nil, layout.Errorf(layout.StatusCorrupt, "LibreOffice could not read this %s file (%s)", name.words, strings.TrimSuffix(why, ": "))
	}
	defer f.Close()
	b, rerr := io.ReadAll(io.LimitReader(f, opt.MaxOutput+1))
	if rerr != nil {
		return nil, fmt.Errorf("reading LibreOffice's output: %w", rerr)
	}
	if int64(len(b)) > opt.MaxOutput {
		return nil, layout.Errorf(layout.StatusTooLarge, "the %s file converted by LibreOffice is over %d MB", name.words, opt.MaxOutput>>20)
	}
	return b, nil
}

// run starts prog in its own process group and waits for it; when ctx
// ends, the whole group is killed.
func run(ctx context.Context, prog string, args []string, dir string) ([]byte, error) {
	var buf bytes.Buffer
	cmd := exec.Command(prog, args...)
	cmd.Dir = dir
	cmd.Stdout = &buf
	cmd.Stderr = &buf
	cmd.Stdin = nil
	// LibreOffice keeps its temporary files beside the profile, not in the
	// shared /tmp, so a killed conversion leaves nothing behind
	cmd.Env = append(os.Environ(), "TMPDIR="+dir)
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return buf.Bytes(), err
	case <-ctx.Done():
		killGroup(cmd.Process)
		<-done
		return buf.Bytes(), ctx.Err()
	}
}

// fileURL writes a path as the file URL LibreOffice expects for its
// profile.
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file://" + p
}

// lastLine is the last line LibreOffice printed that says something, for
// an error message ("Error: source file could not be loaded").
func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l != "" && !strings.Contains(l, "javaldx") {
			if len(l) > 200 {
				l = l[:200] + "…"
			}
			return l
		}
	}
	return "no output"
}
