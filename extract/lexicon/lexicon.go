// Package lexicon finds, in French, Vietnamese and English text, the
// institutions of a gazetteer (and unknown ones by pattern), places, medical
// domains and the wording that says a cooperation event happened.
//
// All language knowledge lives in the YAML files under data/, embedded in
// the binary: data/institutions/<country>.yaml, data/places/<lang>.yaml,
// data/domains/<lang>.yaml (codes in data/domains/codes.yaml),
// data/cues/<lang>.yaml and data/discovery/<lang>.yaml. Matching runs on
// textnorm.Fold text on word boundaries, so case, diacritics and
// punctuation do not matter, except for patterns marked strict (and
// acronyms), which must be written as in the file.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed data
var dataFS embed.FS

// decodeFile reads one embedded YAML file into v, refusing unknown keys.
func decodeFile(name string, v any) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode %s: %w", name, err)
	}
	return nil
}

// langFiles returns the YAML files of a data directory by language
// (file name without extension), codes.yaml and the like excluded.
func langFiles(dir string) (map[string]string, error) {
	ents, err := fs.ReadDir(dataFS, dir)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	out := map[string]string{}
	for _, e := range ents {
		name := e.Name()
		lang, ok := strings.CutSuffix(name, ".yaml")
		if !ok || e.IsDir() || len(lang) != 2 {
			continue
		}
		out[lang] = path.Join(dir, name)
	}
	return out, nil
}

// langsFor returns the languages whose files a search in lang should use:
// the language itself plus extra, or every language when lang has no file.
func langsFor(lang string, have map[string]bool, extra ...string) []string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if len(lang) > 2 {
		lang = lang[:2]
	}
	if !have[lang] {
		all := make([]string, 0, len(have))
		for l := range have {
			all = append(all, l)
		}
		sort.Strings(all)
		return all
	}
	out := []string{lang}
	for _, e := range extra {
		if e != lang && have[e] {
			out = append(out, e)
		}
	}
	return out
}
