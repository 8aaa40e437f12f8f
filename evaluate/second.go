package evaluate

import (
	"fmt"
	"slices"
)

// SecondDomains is a second annotator's domains for one document: the
// codes and, for each, the annotator's reason (fixtures/gold/second/, made
// blind to the first annotation under fixtures/gold/DOMAINS.md).
type SecondDomains struct {
	File    string            `json:"file"`
	Domains []string          `json:"domains"`
	Why     map[string]string `json:"why,omitempty"`
}

// LoadSecondDomains reads a second annotation of domains, keyed by the
// document's file name; a document given twice, or a code outside codes,
// is an error.
func LoadSecondDomains(path string, codes []string) (map[string][]string, error) {
	var docs []SecondDomains
	if err := readJSON(path, &docs); err != nil {
		return nil, fmt.Errorf("load second annotation %s: %w", path, err)
	}
	out := map[string][]string{}
	for _, d := range docs {
		if _, dup := out[d.File]; dup || d.File == "" {
			return nil, fmt.Errorf("load second annotation %s: document %q empty or given twice", path, d.File)
		}
		for _, c := range d.Domains {
			if !slices.Contains(codes, c) {
				return nil, fmt.Errorf("load second annotation %s: %s: %q is no domain code", path, d.File, c)
			}
		}
		out[d.File] = d.Domains
	}
	return out, nil
}

// WithSecondDomains returns gold with each cooperation event's domains
// replaced by the second annotation's, and how far the second annotation
// agrees with the first (precision: the share of the second's codes the
// first has). Every cooperation event must be in second, and every
// document second names must be one of them.
func WithSecondDomains(gold []GoldDoc, second map[string][]string) ([]GoldDoc, PRF, error) {
	var agree PRF
	out := slices.Clone(gold)
	used := 0
	for i, g := range out {
		ds, ok := second[g.File]
		if !g.Gold.IsCooperation {
			if ok {
				return nil, PRF{}, fmt.Errorf("second annotation: %s is not a cooperation event", g.File)
			}
			continue
		}
		if !ok {
			return nil, PRF{}, fmt.Errorf("second annotation: %s is missing", g.File)
		}
		used++
		tp, fp, fn := matchSets(ds, g.Gold.Domains, func(a, b string) bool { return a == b })
		agree.Add(PRF{TP: tp, FP: len(fp), FN: len(fn)})
		out[i].Gold.Domains = slices.Clone(ds)
	}
	if used != len(second) {
		return nil, PRF{}, fmt.Errorf("second annotation: %d of its %d documents are not in the gold files", len(second)-used, len(second))
	}
	return out, agree, nil
}
