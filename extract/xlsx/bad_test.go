package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/planmap/planmap/extract/layout"
	"github.com/planmap/planmap/extract/layout/layouttest"
)

// zipOf builds a package from name/content pairs, deflated.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func statusOf(err error) layout.Status {
	var le *layout.Error
	if errors.As(err, &le) {
		return le.Status
	}
	return "untyped"
}

// TestBadWorkbooks: every damaged, protected or oversized workbook gets a
// status that says why, never a panic.
func TestBadWorkbooks(t *testing.T) {
	good := tracker(t, trackerOptions{})
	encrypted := func() []byte {
		f, err := excelize.OpenReader(bytes.NewReader(good))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		path := filepath.Join(t.TempDir(), "locked.xlsx")
		if err := f.SaveAs(path, excelize.Options{Password: "secret"}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}()
	bomb := zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>",
		"xl/worksheets/sheet1.xml", strings.Repeat(" ", 8<<20))
	var rows strings.Builder
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="XFD%d"><v>%d</v></c></row>`, i, i, i)
	}
	wide := replacePart(t, good, "xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+rows.String()+`</sheetData></worksheet>`)
	cases := []struct {
		name string
		data []byte
		opt  Options
		want layout.Status
		msg  string
	}{
		{"empty", nil, Options{}, layout.StatusCorrupt, "not a ZIP package"},
		{"truncated", good[:len(good)/2], Options{}, layout.StatusCorrupt, "truncated or damaged"},
		{"password-protected", encrypted, Options{}, layout.StatusEncrypted, "password-protected Excel workbook"},
		{"legacy .xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...), Options{}, layout.StatusUnsupported, ".xls"},
		{"zip without a workbook", zipOf(t, "notes.txt", "hello"), Options{}, layout.StatusCorrupt, "no xl/workbook.xml"},
		{"binary .xlsb", zipOf(t, "xl/workbook.bin", "\x00"), Options{}, layout.StatusUnsupported, ".xlsb"},
		{"damaged workbook.xml", replacePart(t, good, "xl/workbook.xml", "<workbook><sheets><sheet name="), Options{}, layout.StatusCorrupt, "workbook could not be read"},
		{"zip bomb by ratio", bomb, Options{}, layout.StatusTooLarge, "zip bomb"},
		{"over the unzipped total", good, Options{MaxUnzipped: 4 << 10}, layout.StatusTooLarge, "inflates to more than"},
		{"too many entries", good, Options{MaxEntries: 3}, layout.StatusTooLarge, "entries"},
		{"too many rows", good, Options{MaxRows: 5}, layout.StatusTooLarge, "more than 5 rows"},
		{"too many cells", good, Options{MaxCells: 20}, layout.StatusTooLarge, "more than 20"},
		{"a far column in every row", wide, Options{MaxCells: 100000}, layout.StatusTooLarge, "holds more than 100000 cells"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract(c.data, c.opt)
			if statusOf(err) != c.want || doc != nil {
				t.Fatalf("status %s (%v), want %s", statusOf(err), err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not say %q", err, c.msg)
			}
		})
	}
}

// TestDamagedSheet: a worksheet whose XML is cut short loses only what is
// after the cut.
func TestDamagedSheet(t *testing.T) {
	data := replacePart(t, tracker(t, trackerOptions{}), "xl/worksheets/sheet2.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Kept</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>cut`)
	doc, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := layouttest.Validate(doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(layouttest.Dump(doc), "Ref | Action") {
		t.Errorf("the good sheet is lost:\n%s", layouttest.Dump(doc))
	}
}
