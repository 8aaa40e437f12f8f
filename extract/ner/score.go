package ner

import (
	"sort"

	"github.com/medcoop/medcoop/evaluate"
)

// Counts tallies predicted spans against gold spans: the project's one
// precision/recall/F1 counter, from the evaluate package.
type Counts = evaluate.PRF

// Score compares pred with gold, counting only spans labelled label (all
// labels when label is ""). With exact, a prediction matches a gold span of
// the same offsets; otherwise one it overlaps. Each gold span is matched at
// most once.
func Score(pred, gold []Entity, label string, exact bool) Counts {
	var c Counts
	used := make([]bool, len(gold))
	golds := 0
	for _, g := range gold {
		if label == "" || g.Label == label {
			golds++
		}
	}
	for _, p := range pred {
		if label != "" && p.Label != label {
			continue
		}
		hit := false
		for i, g := range gold {
			if used[i] || (label != "" && g.Label != label) || (label == "" && g.Label != p.Label) {
				continue
			}
			if (exact && p.Start == g.Start && p.End == g.End) ||
				(!exact && p.Start < g.End && g.Start < p.End) {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			c.TP++
		} else {
			c.FP++
		}
	}
	c.FN = golds - c.TP
	return c
}

// Union returns the entities of a and those of b that overlap none of a,
// sorted by Start: a second finder adds what the first one missed without
// contradicting it.
func Union(a, b []Entity) []Entity {
	out := append([]Entity(nil), a...)
	for _, e := range b {
		clash := false
		for _, k := range a {
			if e.Start < k.End && k.Start < e.End {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
