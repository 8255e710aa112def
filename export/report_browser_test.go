package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/planmap/planmap/export/geo"
	"github.com/planmap/planmap/normalise/places"
)

// chromium finds headless Chromium (Debian's chromium package, installed
// by make tools and .ci/run), or skips.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium absent (make tools installs it)")
	return ""
}

// runChromium opens url in headless Chromium with the given extra flags
// and returns its standard output and error.
func runChromium(t *testing.T, bin, url string, extra ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}, extra...)
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	// Chromium's renderer and GPU processes inherit its output: on the
	// deadline kill the whole process group, and stop waiting for the pipes
	// soon after, so a stuck browser fails the test instead of hanging it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", extra, err, errb.String())
	}
	return out.String(), errb.String()
}

var pathTag = regexp.MustCompile(`<path data-code="([^"]+)" data-name="[^"]*" fill="([^"]+)"`)

// TestReportInChromium: the report of make compare's plans, opened in
// real headless Chromium: one shape per region with the colours the
// actions give, the theme picker recolouring them, no script error, no
// request for anything outside the file, and a screenshot
// (PLANMAP_SCREENSHOT=path keeps it).
func TestReportInChromium(t *testing.T) {
	bin := chromium(t)
	docs := compareBatch(t)
	dir := t.TempDir()
	report := filepath.Join(dir, "report.html")
	if err := WriteOptions(report, docs, Options{Level: places.Region}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`<(?:script|img|link|iframe)[^>]+(?:src|href)=`).Find(page); m != nil {
		t.Errorf("the report loads something from outside itself: %s", m)
	}
	m, err := geo.Layer(geo.LayerRegion, 560)
	if err != nil {
		t.Fatal(err)
	}
	url := "file://" + report
	for _, c := range []struct {
		hash    string
		darkest string   // the region with most actions
		shaded  []string // regions with some actions
		none    []string // regions with no plan
	}{
		{"", "E12000008", []string{"E12000003", "E12000006", "S92000003"},
			[]string{"E12000001", "E12000002", "E12000004", "E12000005", "E12000007", "E12000009", "W92000004", "N92000002"}},
		// Ilkley's plan is mostly about the environment.
		{"#theme=environment", "E12000003", []string{"E12000008", "E12000006"}, []string{"E12000007", "S92000003"}},
	} {
		dom, logs := runChromium(t, bin, url+c.hash, "--virtual-time-budget=5000", "--dump-dom")
		if !strings.Contains(dom, `data-rendered="yes"`) {
			t.Errorf("%s: the script did not run to its end", c.hash)
		}
		if !strings.Contains(dom, `data-errors="0"`) {
			t.Errorf("%s: script errors on the page", c.hash)
		}
		for _, l := range strings.Split(logs, "\n") {
			if strings.Contains(l, "CONSOLE") || strings.Contains(l, "Uncaught") {
				t.Errorf("%s: console: %s", c.hash, l)
			}
		}
		fills := map[string]string{}
		for _, p := range pathTag.FindAllStringSubmatch(dom, -1) {
			if _, dup := fills[p[1]]; dup {
				t.Errorf("%s: two shapes for %s", c.hash, p[1])
			}
			fills[p[1]] = p[2]
		}
		if len(fills) != len(m.Shapes) || len(fills) != 12 {
			t.Errorf("%s: %d shapes drawn, want the 12 regions and nations", c.hash, len(fills))
		}
		if fills[c.darkest] != palette[len(palette)-1] {
			t.Errorf("%s: %s is %s, want the darkest %s", c.hash, c.darkest, fills[c.darkest], palette[len(palette)-1])
		}
		for _, code := range c.shaded {
			if f := fills[code]; f == noData || f == "" || f == palette[len(palette)-1] {
				t.Errorf("%s: %s is %q, want a lighter shade", c.hash, code, f)
			}
		}
		for _, code := range c.none {
			if fills[code] != noData {
				t.Errorf("%s: %s is %s, want no plan (%s)", c.hash, code, fills[code], noData)
			}
		}
	}
	shot := filepath.Join(dir, "report.png")
	runChromium(t, bin, url, "--window-size=1200,2300", "--hide-scrollbars", "--screenshot="+shot)
	png, err := os.ReadFile(shot)
	if err != nil || len(png) < 10000 || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("screenshot: %d bytes, %v", len(png), err)
	}
	if keep := os.Getenv("PLANMAP_SCREENSHOT"); keep != "" {
		if err := os.WriteFile(keep, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
