package ner

import (
	"fmt"
	"unicode"

	"github.com/jdkato/prose/v2"
)

// TrainingContext turns one annotated document into prose training data.
// It returns the context and how many gold entities it had to leave out
// because their edges fall inside a token (for instance "Paris" inside
// "Paris-Saclay").
//
// prose labels a token B- when the sum of the byte lengths of the tokens
// before it equals the span start after the spaces before it (counted in
// runes) are taken away; spans are computed here so that this holds for any
// text, accented or not.
func TrainingContext(d Doc) (prose.EntityContext, int, error) {
	p := prepare(d.Text)
	doc, err := prose.NewDocument(p.text, prose.WithTagging(false), prose.WithExtraction(false),
		prose.WithSegmentation(false))
	if err != nil {
		return prose.EntityContext{}, 0, fmt.Errorf("tokenize %s: %w", d.ID, err)
	}
	toks := doc.Tokens()
	spans := p.locate(toks)
	// cum[k] is the byte length of the tokens before token k.
	cum := make([]int, len(toks)+1)
	startTok := map[int]int{}
	endTok := map[int]int{}
	for k, tok := range toks {
		cum[k+1] = cum[k] + len(tok.Text)
		if spans[k].start >= 0 {
			startTok[spans[k].start] = k
			endTok[spans[k].end] = k
		}
	}
	ctx := prose.EntityContext{Accept: true, Text: p.text}
	missed := 0
	for _, e := range d.Entities {
		first, ok1 := startTok[e.Start]
		last, ok2 := endTok[e.End]
		if !ok1 || !ok2 || last < first {
			missed++
			continue
		}
		ctx.Spans = append(ctx.Spans, prose.LabeledEntity{
			Start: rawOffset(p.text, cum[first]),
			End:   rawOffset(p.text, cum[last+1]),
			Label: e.Label,
		})
	}
	return ctx, missed, nil
}

// rawOffset returns the S that prose's span adjustment maps to target:
// S minus the number of white-space runes among the first S runes of text.
func rawOffset(text string, target int) int {
	spaces, runes := 0, 0
	for _, r := range text {
		if runes-spaces == target && !unicode.IsSpace(r) {
			return runes
		}
		if unicode.IsSpace(r) {
			spaces++
		}
		runes++
	}
	// Past the end every step counts.
	return max(runes, target+spaces)
}

// Train builds a prose model named name from the documents. It returns the
// model and the number of gold entities left out (see TrainingContext).
func Train(name string, docs []Doc) (*prose.Model, int, error) {
	data := make([]prose.EntityContext, 0, len(docs))
	missed := 0
	for _, d := range docs {
		ctx, m, err := TrainingContext(d)
		if err != nil {
			return nil, 0, err
		}
		missed += m
		data = append(data, ctx)
	}
	return prose.ModelFromData(name, prose.UsingEntities(data)), missed, nil
}
