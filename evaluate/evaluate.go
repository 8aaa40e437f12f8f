// Package evaluate scores extracted documents against gold annotations, by
// the rules of the contract ("How quality is scored"): per-field precision,
// recall and F1, accuracies, and pairwise grouping of reports into events.
package evaluate

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/textnorm"
)

// GoldDoc is one annotated document, in the format of
// ../shared/devset/seeds.gold.json.
type GoldDoc struct {
	File      string     `json:"file"`
	URL       string     `json:"url"`
	Lang      string     `json:"lang"`
	Published string     `json:"published"`
	EventID   string     `json:"event_id"`
	Text      string     `json:"text"`
	Gold      GoldAnswer `json:"gold"`
}

// GoldAnswer is what a document reports.
type GoldAnswer struct {
	IsCooperation bool         `json:"is_cooperation_event"`
	EventType     string       `json:"event_type"`
	EventDate     string       `json:"event_date"`
	Place         *GoldPlace   `json:"place"`
	Parties       []GoldParty  `json:"parties"`
	Countries     []string     `json:"countries"`
	Domains       []string     `json:"domains"`
	People        []GoldPerson `json:"people"`
}

// GoldPlace is where the gold event took place.
type GoldPlace struct {
	Name    string `json:"name"`
	Country string `json:"country"`
}

// GoldParty is a party as annotated, with the spellings that count as it.
type GoldParty struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Country string   `json:"country"`
	Kind    string   `json:"kind"`
}

// GoldPerson is a person as annotated.
type GoldPerson struct {
	Name        string `json:"name"`
	NameASCII   string `json:"name_ascii"`
	Role        string `json:"role"`
	Affiliation string `json:"affiliation"`
}

// PublishedTime is the document's publication date, the zero time when
// the gold gives none; relative dates resolve against it.
func (g GoldDoc) PublishedTime() (time.Time, error) {
	if g.Published == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", g.Published)
	if err != nil {
		return time.Time{}, fmt.Errorf("gold %s: published %q: %w", g.File, g.Published, err)
	}
	return t, nil
}

// LoadGold reads a gold file.
func LoadGold(path string) ([]GoldDoc, error) {
	var docs []GoldDoc
	if err := readJSON(path, &docs); err != nil {
		return nil, fmt.Errorf("load gold %s: %w", path, err)
	}
	return docs, nil
}

// readJSON decodes the JSON file at path into v.
func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

//go:embed generic.txt
var genericList string

var generic = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(genericList, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

// PartyMatches reports whether a predicted party is the gold party: a
// folded spelling equal to the gold name or an alias, one containing the
// other (over 6 characters), or distinctive words overlapping by Jaccard ≥ 0.6.
func PartyMatches(p medcoop.Party, g GoldParty) bool {
	preds := append([]string{p.Name}, p.Surface...)
	golds := append([]string{g.Name}, g.Aliases...)
	for _, ps := range preds {
		a := textnorm.Key(ps)
		for _, gs := range golds {
			b := textnorm.Key(gs)
			if a == "" || b == "" {
				continue
			}
			if a == b {
				return true
			}
			if (len(a) > 6 && len(b) > 6) && (strings.Contains(a, b) || strings.Contains(b, a)) {
				return true
			}
			if jaccard(distinctive(a), distinctive(b)) >= 0.6 {
				return true
			}
		}
	}
	return false
}

func distinctive(folded string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(folded) {
		if !generic[w] {
			m[w] = true
		}
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// PersonMatches reports whether a predicted person is the gold person:
// equal folded names, or at least two words in common with one name's words
// all in the other's.
func PersonMatches(p medcoop.Person, g GoldPerson) bool {
	a := strings.Fields(textnorm.Key(p.Name))
	b := strings.Fields(textnorm.Key(g.Name))
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return true
	}
	common := 0
	setB := map[string]bool{}
	for _, w := range b {
		setB[w] = true
	}
	setA := map[string]bool{}
	for _, w := range a {
		setA[w] = true
		if setB[w] {
			common++
		}
	}
	if common < 2 {
		return false
	}
	return subset(setA, setB) || subset(setB, setA)
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}
