package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// Doc is one annotated text: gold entities as byte offsets into Text, flat
// (no two overlap) and sorted by Start.
type Doc struct {
	ID       string
	Text     string
	Entities []Entity
}

// winerLabels maps WiNER-fr entity types to the labels this package learns;
// the other types (Date, Hour, Event, Product) are left out.
var winerLabels = map[string]string{"Person": "PER", "Organization": "ORG", "Location": "LOC"}

// winerLine is one line of winer-fr.jsonl; offsets are in code points.
type winerLine struct {
	DocID    string `json:"doc_id"`
	Text     string `json:"text"`
	Entities []struct {
		Type       string `json:"type"`
		Start, End int
	} `json:"entities"`
}

// ReadWiNER reads winer-fr.jsonl (one document a line) and returns its
// documents in file order with their PER, ORG and LOC entities. WiNER nests
// entities ("Université de Paris" holds "Paris"); the outermost, then
// longest, wins, so that every document has flat gold spans.
func ReadWiNER(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read WiNER-fr: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var docs []Doc
	for line := 1; sc.Scan(); line++ {
		var w winerLine
		if err := json.Unmarshal(sc.Bytes(), &w); err != nil {
			return nil, fmt.Errorf("read WiNER-fr %s line %d: %w", path, line, err)
		}
		docs = append(docs, winerDoc(w))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read WiNER-fr %s: %w", path, err)
	}
	return docs, nil
}

// winerDoc converts code-point offsets to bytes and flattens the entities.
func winerDoc(w winerLine) Doc {
	byteAt := make([]int, 0, len(w.Text)+1)
	for i := range w.Text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(w.Text))
	var cands []Entity
	for _, e := range w.Entities {
		label, ok := winerLabels[e.Type]
		if !ok || e.Start < 0 || e.End <= e.Start || e.End >= len(byteAt) {
			continue
		}
		s, end := byteAt[e.Start], byteAt[e.End]
		// Trim the odd trailing mark or space (see PROVENANCE.md).
		for end > s && (w.Text[end-1] == ' ' || w.Text[end-1] == '\n') {
			end--
		}
		if end-s >= 3 && w.Text[end-3:end] == "\u200f" {
			end -= 3
		}
		cands = append(cands, Entity{Start: s, End: end, Label: label})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].End-cands[i].Start, cands[j].End-cands[j].Start
		if li != lj {
			return li > lj
		}
		return cands[i].Start < cands[j].Start
	})
	var flat []Entity
	for _, c := range cands {
		clash := false
		for _, k := range flat {
			if c.Start < k.End && k.Start < c.End {
				clash = true
				break
			}
		}
		if !clash {
			c.Text = w.Text[c.Start:c.End]
			flat = append(flat, c)
		}
	}
	sort.Slice(flat, func(i, j int) bool { return flat[i].Start < flat[j].Start })
	return Doc{ID: w.DocID, Text: w.Text, Entities: flat}
}

// HeldOut reports whether the i-th document (0-based, in file order) of the
// corpus belongs to the test split: every tenth one, which training never
// sees.
func HeldOut(i int) bool { return i%10 == 9 }
