// Package ner finds the people, organisations and places named in a French
// text with a statistical model: a maximum-entropy token classifier of
// github.com/jdkato/prose/v2, trained on the WiNER-fr news corpus (see
// README.md and cmd/train). Its labels are PER, ORG and LOC.
//
// prose works on tokens and knows only English tokenisation, so the text is
// prepared first: typographic quotes become straight ones (as prose's own
// sanitiser would do, but here with a map back to the original bytes) and
// French elisions are split from the next word ("l'hôpital" → "l'" "hôpital").
// Entities are rebuilt from the B-/I- tags of the tokens and given as byte
// offsets into the text passed to Find.
package ner

import (
	"bufio"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// Entity is one named entity found in a text.
type Entity struct {
	// Start and End are the byte offsets of the entity in the text.
	Start, End int
	// Text is text[Start:End].
	Text string
	// Label is "PER", "ORG" or "LOC"; the English model (English) also
	// gives prose's other labels ("GPE", "DATE"...).
	Label string
}

// Recognizer finds named entities with a trained model. It is safe for
// concurrent use.
type Recognizer struct {
	model *prose.Model
	// labels renames the model's labels; nil keeps them.
	labels map[string]string
}

// modelName is the directory, under model/, that holds the committed model.
const modelName = "fr-winer"

// The whole directory is embedded so that the package builds before the first
// training; Load fails, saying so, when the model files are absent.
//
//go:embed model
var modelFS embed.FS

//go:embed data/elisions-fr.txt
var elisionsFile string

// elisions holds the French elided words, lower case, without apostrophe.
var elisions = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(elisionsFile))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}()

var (
	loadOnce   sync.Once
	loaded     *Recognizer
	loadFailed error
)

// Load returns the recognizer with the model embedded in the package. The
// model is read once; later calls return the same Recognizer.
func Load() (*Recognizer, error) {
	loadOnce.Do(func() { loaded, loadFailed = loadEmbedded() })
	return loaded, loadFailed
}

// loadEmbedded copies the embedded model to a temporary directory, because
// prose reads models only from disk, and loads it from there.
func loadEmbedded() (*Recognizer, error) {
	tmp, err := os.MkdirTemp("", "medcoop-ner-")
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, modelName)
	if err := os.MkdirAll(filepath.Join(dir, "Maxent"), 0o755); err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	for _, f := range []string{"labels.gob", "mapping.gob", "weights.gob"} {
		b, err := modelFS.ReadFile("model/" + modelName + "/Maxent/" + f)
		if err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "Maxent", f), b, 0o644); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
	}
	return LoadDir(dir)
}

// LoadDir loads a model written by prose's Model.Write (as cmd/train does)
// from the directory dir.
func LoadDir(dir string) (r *Recognizer, err error) {
	defer func() {
		// prose panics on a missing or corrupt file.
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("load ner model %s: %v", dir, p)
		}
	}()
	return &Recognizer{model: prose.ModelFromDisk(dir)}, nil
}

// Find returns the entities named in text, in order and without overlap.
// It returns nil for the rare text prose's tokenizer cannot cut (it panics
// when lower-casing changes a word's length before an English contraction,
// as with "İ" in "İzmir's").
func (r *Recognizer) Find(text string) (ents []Entity) {
	defer func() {
		if recover() != nil {
			ents = nil
		}
	}()
	p := prepare(text)
	if strings.TrimSpace(p.text) == "" {
		return nil
	}
	doc, err := prose.NewDocument(p.text, prose.UsingModel(r.model), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	toks := doc.Tokens()
	spans := p.locate(toks)
	var out []Entity
	cur := -1 // index in out of the entity being extended, or -1
	for i, tok := range toks {
		sp := spans[i]
		tag, label, _ := strings.Cut(tok.Label, "-")
		if sp.start < 0 || label == "" || (tag != "B" && tag != "I") {
			cur = -1
			continue
		}
		// A run of tokens of one label is one entity, whether the second
		// token says I- or B-: prose trains on the full previous tag
		// ("B-PER") but feeds back only its prefix ("B") when it predicts,
		// so its models seldom say I- and cut "Emmanuel Macron" in two.
		if cur >= 0 && out[cur].Label == r.label(label) {
			out[cur].End = sp.end
			continue
		}
		out = append(out, Entity{Start: sp.start, End: sp.end, Label: r.label(label)})
		cur = len(out) - 1
	}
	for i := range out {
		out[i].Text = text[out[i].Start:out[i].End]
	}
	return out
}

// prepared is a text made ready for prose's tokenizer, with the original
// byte span of each of its bytes.
type prepared struct {
	text string
	// from[i] and to[i] are the original byte span of the character that
	// prepared byte i comes from.
	from, to []int
}

// quotes are the replacements prose's tokenizer makes, and the plain
// apostrophe; doing them here keeps the tokens substrings of the prepared text.
var quotes = []struct{ from, to string }{
	{"&rsquo;", "'"}, {"\u2019", "'"}, {"\u2018", "'"}, {"\u201c", `"`}, {"\u201d", `"`},
	{"'", "'"},
}

// prepare straightens quotes and splits French elisions with a space.
func prepare(text string) prepared {
	var b strings.Builder
	from := make([]int, 0, len(text)+8)
	to := make([]int, 0, len(text)+8)
	emit := func(s string, start, end int) {
		b.WriteString(s)
		for range len(s) {
			from = append(from, start)
			to = append(to, end)
		}
	}
	wordStart := -1 // start of the current run of letters, or -1
	for i := 0; i < len(text); {
		repl, n := "", 0
		for _, q := range quotes {
			if strings.HasPrefix(text[i:], q.from) {
				repl, n = q.to, len(q.from)
				break
			}
		}
		if n == 0 {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				// prose indexes a token by its lower-case form, which
				// would be longer: give it the replacement character.
				emit(string(utf8.RuneError), i, i+1)
				wordStart = -1
				i++
				continue
			}
			if unicode.IsLetter(r) {
				if wordStart < 0 {
					wordStart = i
				}
			} else {
				wordStart = -1
			}
			emit(text[i:i+size], i, i+size)
			i += size
			continue
		}
		emit(repl, i, i+n)
		if repl == "'" && wordStart >= 0 && elisions[strings.ToLower(text[wordStart:i])] {
			if r, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(r) {
				emit(" ", i+n, i+n)
			}
		}
		wordStart = -1
		i += n
	}
	return prepared{text: b.String(), from: from, to: to}
}

// span is a byte span in the original text; start is -1 when unknown.
type span struct{ start, end int }

// locate finds each token, in order, in the prepared text and returns its
// span in the original text.
func (p prepared) locate(toks []prose.Token) []span {
	out := make([]span, len(toks))
	at := 0
	for i, tok := range toks {
		j := strings.Index(p.text[at:], tok.Text)
		if tok.Text == "" || j < 0 {
			out[i] = span{-1, -1}
			continue
		}
		s, e := at+j, at+j+len(tok.Text)
		out[i] = span{p.from[s], p.to[e-1]}
		at = e
	}
	return out
}
