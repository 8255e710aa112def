package eval

import (
	"os"
	"path/filepath"

	"github.com/planmap/planmap/normalise"
)

// Due is a predicted date: the text as printed and the ISO interval.
type Due struct {
	Text  string `json:"text"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// Source says where a predicted action was printed.
type Source struct {
	File string `json:"file"`
	Page int    `json:"page"`
}

// PredMilestone is a predicted milestone.
type PredMilestone struct {
	Text   string `json:"text"`
	Due    Due    `json:"due"`
	Status string `json:"status"`
	Lead   string `json:"lead"`
}

// Prediction is one line of planmap's actions JSON Lines (the issue-2
// shape). Fields the evaluation does not read are ignored.
type Prediction struct {
	Document   string          `json:"document"`
	Source     Source          `json:"source"`
	Objective  Objective       `json:"objective"`
	Ref        string          `json:"ref"`
	Action     string          `json:"action"`
	Due        Due             `json:"due"`
	Milestones []PredMilestone `json:"milestones"`
	Outcomes   []string        `json:"outcomes"`
	Leads      []string        `json:"leads"`
	Partners   []string        `json:"partners"`
	Priority   string          `json:"priority"`
	Themes     []string        `json:"themes"`
	// LeadOrgs are the canonical names planmap resolved Leads to, in order.
	LeadOrgs []string `json:"lead_orgs,omitempty"`
}

// InputFile is one input as listed in documents.jsonl: the file read and
// the document name it carries.
type InputFile struct {
	File     string `json:"file"`
	Document string `json:"document"`
	Status   string `json:"status"`
}

// LoadPredictions reads planmap's actions JSON Lines.
func LoadPredictions(path string) ([]Prediction, error) {
	return readJSONL[Prediction](path)
}

// LoadInputs reads the documents.jsonl that planmap writes beside a JSONL
// output, so that files that gave no actions still count. It returns nil
// and no error when there is no such file.
func LoadInputs(predPath string) ([]InputFile, error) {
	path := filepath.Join(filepath.Dir(predPath), "documents.jsonl")
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil, nil
	}
	return readJSONL[InputFile](path)
}

// FromActions turns in-process actions into predictions, as if they had
// been written to JSON Lines and read back.
func FromActions(actions []normalise.Action) []Prediction {
	out := make([]Prediction, 0, len(actions))
	for _, a := range actions {
		p := Prediction{
			Document:  a.Document,
			Source:    Source{File: a.Source.File, Page: a.Source.Page},
			Objective: Objective{Code: a.Objective.Code, Title: a.Objective.Title},
			Ref:       a.Ref,
			Action:    a.Text,
			Due:       Due{Text: a.Due.Text, Start: a.Due.Start, End: a.Due.End},
			Outcomes:  a.Outcomes,
			Leads:     a.Leads,
			Partners:  a.Partners,
			Priority:  a.Priority,
			Themes:    a.Themes,
			LeadOrgs:  a.LeadOrgs,
		}
		for _, m := range a.Milestones {
			p.Milestones = append(p.Milestones, PredMilestone{
				Text:   m.Text,
				Due:    Due{Text: m.Due.Text, Start: m.Due.Start, End: m.Due.End},
				Status: m.Status,
				Lead:   m.Lead,
			})
		}
		out = append(out, p)
	}
	return out
}
