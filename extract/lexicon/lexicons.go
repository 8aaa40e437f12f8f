package lexicon

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/medcoop/medcoop"
)

// lexicon is one kind of word list (places, domains, cues) loaded from
// data/<dir>/<lang>.yaml, with a matcher per combination of languages
// built on first use.
type lexicon[T any] struct {
	dir   string
	once  sync.Once
	err   error
	langs map[string]bool
	// patterns[lang] are the (pattern, value, strict) triples of one file.
	patterns map[string][]pattern[T]
	cache    sync.Map // "fr,en" -> *matcher[T]
	load     func(file string) ([]pattern[T], error)
	// bounded lexicons match within a sentence and outside brackets.
	bounded bool
	// marked are the languages whose folded aliases must carry their
	// diacritics, unless the matched words are written without any (a
	// text typed without accents): Vietnamese, where "thận" (kidney) and
	// "thần" (as in "thần kinh", nerves) fold alike.
	marked map[string]bool
}

type pattern[T any] struct {
	text   string
	value  T
	strict bool
}

func (l *lexicon[T]) init() error {
	l.once.Do(func() {
		files, err := langFiles(l.dir)
		if err != nil {
			l.err = err
			return
		}
		l.langs = map[string]bool{}
		l.patterns = map[string][]pattern[T]{}
		for lang, file := range files {
			ps, err := l.load(file)
			if err != nil {
				l.err = err
				return
			}
			l.langs[lang] = true
			l.patterns[lang] = ps
		}
	})
	return l.err
}

// matcherFor returns the matcher over the files of langs.
func (l *lexicon[T]) matcherFor(langs []string) *matcher[T] {
	key := strings.Join(langs, ",")
	if m, ok := l.cache.Load(key); ok {
		return m.(*matcher[T])
	}
	m := newMatcher[T]()
	m.bounded = l.bounded
	for _, lang := range langs {
		for _, p := range l.patterns[lang] {
			if l.marked[lang] && !p.strict {
				m.addMarked(p.text, p.value)
				continue
			}
			m.add(p.text, p.value, p.strict)
		}
	}
	actual, _ := l.cache.LoadOrStore(key, m)
	return actual.(*matcher[T])
}

// mustInit loads the lexicon and panics on a broken embedded file, which
// TestDataLoads catches before any release.
func (l *lexicon[T]) mustInit() {
	if err := l.init(); err != nil {
		panic(fmt.Sprintf("lexicon: %v", err))
	}
}

// aliasList is the common shape of an entry's spellings: aliases match
// folded, strict ones only as written (case and diacritics).
type aliasList struct {
	Aliases []string `yaml:"aliases"`
	Strict  []string `yaml:"strict"`
	// Phrases are aliases written as slots of alternative words, every
	// choice of one word per slot an alias ("passeront" "en outre" "six"
	// "mois"); an empty alternative leaves its slot out.
	Phrases [][][]string `yaml:"phrases"`
}

func appendPatterns[T any](ps []pattern[T], a aliasList, v T) []pattern[T] {
	for _, ph := range a.Phrases {
		for _, s := range expandPhrase(ph) {
			ps = append(ps, pattern[T]{s, v, false})
		}
	}
	for _, s := range a.Aliases {
		ps = append(ps, pattern[T]{s, v, false})
	}
	for _, s := range a.Strict {
		ps = append(ps, pattern[T]{s, v, true})
	}
	return ps
}

// ---- places ----

// PlaceMention is a city, province or country named in a text (a
// nationality adjective such as "vietnamienne" or "sino-" counts as its
// country).
type PlaceMention struct {
	Start, End int    // byte offsets in the text passed in
	Surface    string // text[Start:End]
	Name       string // canonical English name: "Hanoi", "China"
	Country    string // ISO 3166-1 alpha-2
	IsCountry  bool   // the mention names (or qualifies) a country, not a place within it
	Region     bool   // the mention names a region ("Mekong Delta", "Bourgogne"), not a city
}

type placeYAML struct {
	Name      string `yaml:"name"`
	Country   string `yaml:"country"`
	Kind      string `yaml:"kind"` // city, province, region, country, adjective
	aliasList `yaml:",inline"`
}

type placeValue struct {
	name, country string
	isCountry     bool
	region        bool // a region ("Bourgogne"): it may follow a city's name ("CHU Dijon Bourgogne")
}

var placeKinds = map[string]bool{"city": true, "province": true, "region": true, "country": true, "adjective": true}

var places = &lexicon[placeValue]{dir: "data/places", load: func(file string) ([]pattern[placeValue], error) {
	var ys []placeYAML
	if err := decodeFile(file, &ys); err != nil {
		return nil, err
	}
	var ps []pattern[placeValue]
	for _, y := range ys {
		if y.Name == "" || len(y.Country) != 2 || !placeKinds[y.Kind] {
			return nil, fmt.Errorf("%s: place %q: need name, a 2-letter country and a known kind (got %q)", file, y.Name, y.Kind)
		}
		v := placeValue{y.Name, y.Country, y.Kind == "country" || y.Kind == "adjective", y.Kind == "region"}
		ps = appendPatterns(ps, y.aliasList, v)
	}
	return ps, nil
}}

// FindPlaces returns the places named in text, sorted by Start and not
// overlapping, using the place names of lang (ISO 639-1) and English; an
// unknown or empty lang uses every language.
func FindPlaces(text, lang string) []PlaceMention {
	places.mustInit()
	return findPlacesIn(newFoldedText(text), langsFor(lang, places.langs, "en"))
}

func findPlacesIn(ft *foldedText, langs []string) []PlaceMention {
	var out []PlaceMention
	for _, mt := range places.matcherFor(langs).findAll(ft) {
		s, e := ft.span(mt.From, mt.To)
		v := mt.Values[0]
		out = append(out, PlaceMention{Start: s, End: e, Surface: ft.orig[s:e], Name: v.name, Country: v.country, IsCountry: v.isCountry, Region: v.region})
	}
	return out
}

// ---- domains ----

// DomainMention is a medical field named in a text. A term that names two
// fields ("réanimation néonatale") gives two mentions with the same span.
type DomainMention struct {
	Start, End int    // byte offsets in the text passed in
	Surface    string // text[Start:End]
	Code       string // contract domain code: "pelvic-floor"
	Label      string // English label of Code
}

type domainYAML struct {
	Codes []string `yaml:"codes"`
	// None marks words that hold a field's name but name something else
	// ("centre de lutte contre le cancer", "children's hospital": an
	// institution): the longest term wins, so they keep their words from
	// counting as a field.
	None      bool `yaml:"none"`
	aliasList `yaml:",inline"`
}

// expandPhrase returns every term the slots spell, in order: one
// alternative from each slot, the empty ones left out, joined by spaces.
func expandPhrase(slots [][]string) []string {
	terms := []string{""}
	for _, slot := range slots {
		var next []string
		for _, t := range terms {
			for _, w := range slot {
				next = append(next, strings.TrimSpace(t+" "+w))
			}
		}
		terms = next
	}
	return slices.DeleteFunc(terms, func(t string) bool { return t == "" })
}

var (
	domainLabelsOnce sync.Once
	domainLabels     map[string]string
	domainLabelsErr  error
)

func loadDomainLabels() (map[string]string, error) {
	domainLabelsOnce.Do(func() {
		domainLabelsErr = decodeFile("data/domains/codes.yaml", &domainLabels)
	})
	return domainLabels, domainLabelsErr
}

var domains = &lexicon[[]string]{dir: "data/domains", bounded: true, marked: map[string]bool{"vi": true}, load: func(file string) ([]pattern[[]string], error) {
	labels, err := loadDomainLabels()
	if err != nil {
		return nil, err
	}
	var ys []domainYAML
	if err := decodeFile(file, &ys); err != nil {
		return nil, err
	}
	var ps []pattern[[]string]
	for _, y := range ys {
		if len(y.Codes) == 0 && !y.None {
			return nil, fmt.Errorf("%s: terms %q have no code", file, y.Aliases)
		}
		if len(y.Codes) > 0 && y.None {
			return nil, fmt.Errorf("%s: terms %q name no field but have codes", file, y.Aliases)
		}
		for _, c := range y.Codes {
			if _, ok := labels[c]; !ok {
				return nil, fmt.Errorf("%s: unknown domain code %q", file, c)
			}
		}
		ps = appendPatterns(ps, y.aliasList, y.Codes)
	}
	return ps, nil
}}

// DomainLabel returns the English label of a domain code ("pelvic-floor"
// -> "pelvic floor"), or "" for a code not in data/domains/codes.yaml.
func DomainLabel(code string) string {
	labels, err := loadDomainLabels()
	if err != nil {
		panic(fmt.Sprintf("lexicon: %v", err))
	}
	return labels[code]
}

// DomainCodes returns every domain code, sorted.
func DomainCodes() []string {
	labels, err := loadDomainLabels()
	if err != nil {
		panic(fmt.Sprintf("lexicon: %v", err))
	}
	out := make([]string, 0, len(labels))
	for c := range labels {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// FindDomains returns the medical fields named in text in language lang
// (every language when lang has no word list), sorted by Start then Code.
func FindDomains(text, lang string) []DomainMention {
	domains.mustInit()
	return findDomainsIn(newFoldedText(text), langsFor(lang, domains.langs))
}

func findDomainsIn(ft *foldedText, langs []string) []DomainMention {
	var out []DomainMention
	for _, mt := range domains.matcherFor(langs).findAll(ft) {
		s, e := ft.span(mt.From, mt.To)
		seen := map[string]bool{}
		for _, codes := range mt.Values {
			for _, c := range codes {
				if seen[c] {
					continue
				}
				seen[c] = true
				out = append(out, DomainMention{Start: s, End: e, Surface: ft.orig[s:e], Code: c, Label: DomainLabel(c)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// ---- cues ----

// Cue is wording that says a cooperation event happened ("ont signé",
// "ký kết", "delegation") and of which type, with a Strength in [0, 1]. A
// negative cue ("dans les années 1990", "dự kiến") has no Type and Negative
// says what it marks: "history" or "hypothetical".
type Cue struct {
	Start, End int    // byte offsets in the text passed in
	Surface    string // text[Start:End]
	Type       medcoop.EventType
	Strength   float64
	Negative   string
}

type cueYAML struct {
	Type      medcoop.EventType `yaml:"type"`
	Negative  string            `yaml:"negative"`
	Strength  float64           `yaml:"strength"`
	aliasList `yaml:",inline"`
}

type cueValue struct {
	typ      medcoop.EventType
	negative string
	strength float64
}

var cues = &lexicon[cueValue]{dir: "data/cues", bounded: true, marked: map[string]bool{"vi": true}, load: func(file string) ([]pattern[cueValue], error) {
	var ys []cueYAML
	if err := decodeFile(file, &ys); err != nil {
		return nil, err
	}
	var ps []pattern[cueValue]
	for _, y := range ys {
		if y.Strength <= 0 || y.Strength > 1 {
			return nil, fmt.Errorf("%s: cues %q: strength %v not in (0,1]", file, y.Aliases, y.Strength)
		}
		switch {
		case y.Negative != "" && y.Type != "":
			return nil, fmt.Errorf("%s: cues %q: both a type and negative", file, y.Aliases)
		case y.Negative != "" && y.Negative != "history" && y.Negative != "hypothetical":
			return nil, fmt.Errorf("%s: cues %q: negative must be history or hypothetical", file, y.Aliases)
		case y.Negative == "" && !validEventType(y.Type):
			return nil, fmt.Errorf("%s: cues %q: unknown event type %q", file, y.Aliases, y.Type)
		}
		ps = appendPatterns(ps, y.aliasList, cueValue{y.Type, y.Negative, y.Strength})
	}
	return ps, nil
}}

func validEventType(t medcoop.EventType) bool {
	for _, v := range medcoop.EventTypes {
		if v == t {
			return true
		}
	}
	return false
}

// FindCues returns the cooperation cues of text in language lang (every
// language when lang has no list), sorted by Start and not overlapping.
func FindCues(text, lang string) []Cue {
	cues.mustInit()
	return findCuesIn(newFoldedText(text), langsFor(lang, cues.langs))
}

func findCuesIn(ft *foldedText, langs []string) []Cue {
	var out []Cue
	for _, mt := range cues.matcherFor(langs).findAll(ft) {
		s, e := ft.span(mt.From, mt.To)
		best := mt.Values[0]
		for _, v := range mt.Values[1:] {
			if v.strength > best.strength {
				best = v
			}
		}
		out = append(out, Cue{Start: s, End: e, Surface: ft.orig[s:e], Type: best.typ, Strength: best.strength, Negative: best.negative})
	}
	return out
}
