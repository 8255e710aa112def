package tablescore

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Case is one benchmark case: a PDF page and the table expected from it.
type Case struct {
	ID       string   `json:"id"`
	PDF      string   `json:"pdf"`      // path relative to the benchmark folder
	Expected string   `json:"expected"` // path relative to the benchmark folder
	Page     int      `json:"page"`
	Flavor   string   `json:"flavor"`
	Match    string   `json:"match"`
	Tags     []string `json:"tags"`
	// Want is the expected table, read from Expected by Load.
	Want *Expected `json:"-"`
}

// Load reads manifest.json in dir and every case's expected table. PDF and
// Expected are made absolute.
func Load(dir string) ([]Case, error) {
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	var m struct {
		Cases []Case `json:"cases"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "manifest.json"), err)
	}
	for i := range m.Cases {
		c := &m.Cases[i]
		c.PDF = filepath.Join(dir, c.PDF)
		c.Expected = filepath.Join(dir, c.Expected)
		eb, err := os.ReadFile(c.Expected)
		if err != nil {
			return nil, err
		}
		c.Want = new(Expected)
		if err := json.Unmarshal(eb, c.Want); err != nil {
			return nil, fmt.Errorf("%s: %w", c.Expected, err)
		}
	}
	return m.Cases, nil
}
