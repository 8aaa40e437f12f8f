package evaluate

import (
	"slices"
	"strings"
	"unicode"
)

// Main-text scoring, two ways, each as its benchmark computes it so that
// medcoop's figures compare with the published ones:
//
//   - TextF1 and TextScores: the ScrapingHub (Zyte) article-extraction
//     benchmark, which has a whole gold article body per page and compares
//     word 4-gram shingles;
//   - SegmentScore: trafilatura's evaluation, which has, per page, a few
//     segments that must appear in the main text and a few boilerplate
//     segments that must not.

// shingleSize is the benchmark's n-gram length.
const shingleSize = 4

// isWordRune is the benchmark's \w in Unicode mode: letters, numbers and
// the underscore. Case is kept, as upstream keeps it.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' }

// TextTokens cuts text into the benchmark's word tokens.
func TextTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) })
}

// shingles counts the word 4-grams of text. A text of fewer than four
// tokens is one shingle of all its tokens; an empty text has none.
func shingles(text string) map[string]int {
	toks := TextTokens(text)
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	for i := 0; i == 0 || i+shingleSize <= len(toks); i++ {
		// A separator no token contains, so that shingles cannot collide.
		out[strings.Join(toks[i:min(i+shingleSize, len(toks))], "\x00")]++
	}
	return out
}

// pageCounts is one page's shingle overlap, normalised so that TP+FP+FN is
// 1 (every page weighs the same, whatever its length).
type pageCounts struct{ tp, fp, fn float64 }

func shingleCounts(pred, gold string) pageCounts {
	g, p := shingles(gold), shingles(pred)
	var c pageCounts
	for k, n := range g {
		m := p[k]
		c.tp += float64(min(n, m))
		c.fn += float64(max(0, n-m))
	}
	for k, m := range p {
		c.fp += float64(max(0, m-g[k]))
	}
	if s := c.tp + c.fp + c.fn; s > 0 {
		c.tp, c.fp, c.fn = c.tp/s, c.fp/s, c.fn/s
	}
	return c
}

func (c pageCounts) precision() float64 {
	switch {
	case c.fp == 0 && c.fn == 0:
		return 1
	case c.tp == 0 && c.fp == 0:
		return 0
	}
	return c.tp / (c.tp + c.fp)
}

func (c pageCounts) recall() float64 {
	switch {
	case c.fp == 0 && c.fn == 0:
		return 1
	case c.tp == 0 && c.fn == 0:
		return 0
	}
	return c.tp / (c.tp + c.fn)
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// TextF1 scores one extracted main text against its gold article body the
// way the ScrapingHub article-extraction benchmark does: both are cut into
// word tokens (letters, digits and underscores, case kept, as Unicode \w+),
// the tokens into overlapping 4-grams, and the multisets of 4-grams are
// compared. p is the share of the prediction's 4-grams that are in gold, r
// the share of gold's that were predicted. Two empty texts agree (1, 1, 1).
func TextF1(pred, gold string) (p, r, f1 float64) {
	c := shingleCounts(pred, gold)
	p, r = c.precision(), c.recall()
	return p, r, harmonic(p, r)
}

// TextScores averages TextF1 over pages as the benchmark does: precision
// is the mean of the per-page precisions of pages where something was
// predicted, recall the mean of the per-page recalls of pages with a gold
// body, and F1 the harmonic mean of those two means (not the mean of the
// per-page F1s). The zero value is ready to use.
type TextScores struct {
	pages []pageCounts
	exact int
}

// Add scores one page.
func (s *TextScores) Add(pred, gold string) {
	s.pages = append(s.pages, shingleCounts(pred, gold))
	if slices.Equal(TextTokens(pred), TextTokens(gold)) {
		s.exact++
	}
}

// N is the number of pages scored.
func (s *TextScores) N() int { return len(s.pages) }

// Precision is the mean per-page precision, 0 when nothing was scored.
func (s *TextScores) Precision() float64 {
	sum, n := 0.0, 0
	for _, c := range s.pages {
		if c.tp+c.fp > 0 {
			sum += c.precision()
			n++
		}
	}
	return mean(sum, n)
}

// Recall is the mean per-page recall, 0 when nothing was scored.
func (s *TextScores) Recall() float64 {
	sum, n := 0.0, 0
	for _, c := range s.pages {
		if c.tp+c.fn > 0 {
			sum += c.recall()
			n++
		}
	}
	return mean(sum, n)
}

// F1 is the harmonic mean of Precision and Recall.
func (s *TextScores) F1() float64 { return harmonic(s.Precision(), s.Recall()) }

// Exact is the share of pages whose token sequence equals gold's (the
// benchmark's "accuracy").
func (s *TextScores) Exact() float64 { return mean(float64(s.exact), len(s.pages)) }

func mean(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// SegmentScore is trafilatura's main-text evaluation: per page, each gold
// segment that must be in the main text counts TP when it is there and FN
// when it is not; each boilerplate segment that must not be counts FP when
// it is there and TN when it is not. Counts are summed over pages (PRF's
// Precision, Recall and F1 are then the published figures). The zero value
// is ready to use.
type SegmentScore struct {
	PRF
	TN    int `json:"tn"`
	Pages int `json:"pages"`
}

// Add scores one page's main text against its segments. White space is
// collapsed on both sides before the substring test, as upstream does;
// case and accents count.
func (s *SegmentScore) Add(text string, with, without []string) {
	text = collapseSpace(text)
	s.Pages++
	for _, seg := range with {
		if strings.Contains(text, collapseSpace(seg)) {
			s.TP++
		} else {
			s.FN++
		}
	}
	for _, seg := range without {
		if strings.Contains(text, collapseSpace(seg)) {
			s.FP++
		} else {
			s.TN++
		}
	}
}

// Accuracy is (TP+TN) over every segment, 1 when there were none.
func (s SegmentScore) Accuracy() float64 { return ratio(s.TP+s.TN, s.TP+s.TN+s.FP+s.FN) }

// Merge adds o's counts to s.
func (s *SegmentScore) Merge(o SegmentScore) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
	s.TN += o.TN
	s.Pages += o.Pages
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
