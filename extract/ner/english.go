package ner

import (
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// englishLabels maps the labels of prose's built-in English model to ours;
// its other labels (GPE, NORP, DATE...) are kept as they are.
var englishLabels = map[string]string{"PERSON": "PER", "ORGANIZATION": "ORG", "ORG": "ORG"}

var (
	englishOnce   sync.Once
	english       *Recognizer
	englishFailed error
)

// English returns a recognizer with prose's built-in English model (people
// are labelled PER, as in the French model). The model is built once; later
// calls return the same Recognizer.
func English() (*Recognizer, error) {
	englishOnce.Do(func() {
		defer func() {
			if p := recover(); p != nil { // prose panics on a broken asset
				englishFailed = fmt.Errorf("load english ner model: %v", p)
			}
		}()
		// NewDocument builds its default model (a tagger and a classifier
		// decoded from prose's assets) on every call: keep the one built here.
		doc, err := prose.NewDocument("", prose.WithSegmentation(false))
		if err != nil {
			englishFailed = fmt.Errorf("load english ner model: %w", err)
			return
		}
		english = &Recognizer{model: doc.Model, labels: englishLabels}
	})
	return english, englishFailed
}

// label returns our name for a label of the model.
func (r *Recognizer) label(l string) string {
	if to, ok := r.labels[l]; ok {
		return to
	}
	return strings.ToUpper(l)
}
