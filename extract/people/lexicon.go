package people

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/medcoop/medcoop/extract/textnorm"
)

//go:embed data
var dataFS embed.FS

// titleEntry is one honorific or academic title of a data file.
type titleEntry struct {
	Form   string `yaml:"form"`
	Role   string `yaml:"role"`
	Plural bool   `yaml:"plural"`
	// Private marks anyone's title ("Mme", "Mr", "bà"), not a
	// profession's ("Dr", "Pr").
	Private bool `yaml:"private"`
}

// roleEntry is one role phrase of a data file with its English role.
type roleEntry struct {
	Phrase string `yaml:"phrase"`
	Role   string `yaml:"role"`
	// Relative marks a relative clause ("qui dirige", "who runs"): what
	// follows it is a verb's object, not the role's complement, and is
	// not read into the role.
	Relative bool `yaml:"relative"`
	// Official marks a government's or a country's office (minister,
	// ambassador, mayor): one who holds it speaks for no hospital.
	Official bool `yaml:"official"`
}

// suffixRole makes a role of any word with a suffix that names a
// profession ("hepatologist", "hépatologue"): the word, folded, with the
// suffix replaced by English.
type suffixRole struct {
	Suffix  string `yaml:"suffix"`
	English string `yaml:"english"`
	// Except are words with the suffix that are no profession
	// ("homologue", a counterpart).
	Except []string `yaml:"except"`
}

// langFile is the shape of data/<lang>.yaml.
type langFile struct {
	Lang                    string       `yaml:"lang"`
	MatchDiacritics         bool         `yaml:"match_diacritics"`
	UntitledNeedsFamilyName bool         `yaml:"untitled_needs_family_name"`
	CapitalisedRoles        bool         `yaml:"capitalised_roles"`
	HeadFirst               bool         `yaml:"head_first"`
	Titles                  []titleEntry `yaml:"titles"`
	Roles                   []roleEntry  `yaml:"roles"`
	// PluralRoles name several people of one trade before a list of
	// their names ("deux infirmières, X et Y", "nurse educators X, Y and
	// Z", "các điều dưỡng X và Y"); role is one person's, in English.
	PluralRoles      []roleEntry  `yaml:"plural_roles"`
	RolePrefixes     []string     `yaml:"role_prefixes"`
	RoleModifiers    []string     `yaml:"role_modifiers"`
	RoleSuffixes     []suffixRole `yaml:"role_suffixes"`
	SpeechVerbs      []string     `yaml:"speech_verbs"`
	Particles        []string     `yaml:"particles"`
	FunctionWords    []string     `yaml:"function_words"`
	NotNames         []string     `yaml:"not_names"`
	ComplementPlaces []string     `yaml:"complement_places"`
	PlaceMarkers     []string     `yaml:"place_markers"`
	ComplementStops  []string     `yaml:"complement_stops"`
	Joiners          []string     `yaml:"joiners"`
	FamilyNames      []string     `yaml:"family_names"`
	MiddleNames      []string     `yaml:"middle_names"`
}

// trie matches phrases as sequences of token keys; val is the index of the
// phrase's entry, -1 on inner nodes.
type trie struct {
	next map[string]*trie
	val  int
}

func newTrie() *trie { return &trie{val: -1} }

func (t *trie) add(keys []string, val int) {
	n := t
	for _, k := range keys {
		c := n.next[k]
		if c == nil {
			if n.next == nil {
				n.next = map[string]*trie{}
			}
			c = newTrie()
			n.next[k] = c
		}
		n = c
	}
	if n.val < 0 { // the first entry of a phrase listed twice wins
		n.val = val
	}
}

// keyKind says which key of a token a trie compares.
type keyKind int

const (
	keyExact keyKind = iota // NFC text, case kept
	keyLower                // NFC text, lower case, diacritics kept
	keyFold                 // textnorm.Key: lower case, no diacritics
)

// match returns the number of tokens of the longest phrase starting at
// toks[i] and its value, or 0 and -1. A phrase never spans a line break.
func (t *trie) match(toks []token, i int, kind keyKind) (int, int) {
	n, bestLen, bestVal := t, 0, -1
	for k := i; k < len(toks); k++ {
		if k > i && toks[k].nl {
			break
		}
		c := n.next[toks[k].key(kind)]
		if c == nil {
			break
		}
		n = c
		if n.val >= 0 {
			bestLen, bestVal = k-i+1, n.val
		}
	}
	return bestLen, bestVal
}

// matchBack reports whether a phrase ends right before toks[i], reading
// backwards; the trie holds reversed phrases.
func (t *trie) matchBack(toks []token, i int, kind keyKind) bool {
	n := t
	for k := i - 1; k >= 0; k-- {
		if toks[k+1].nl {
			break
		}
		c := n.next[toks[k].key(kind)]
		if c == nil {
			break
		}
		n = c
		if n.val >= 0 {
			return true
		}
	}
	return false
}

// lexicon is one language's data, compiled for matching.
type lexicon struct {
	lang          string
	kind          keyKind // key kind for roles, verbs, stops, not-names
	needsFamily   bool
	capRoles      bool // a capitalised role phrase ends a name
	headFirst     bool // a phrase naming a trade opens on its noun (Trade)
	titles        []titleEntry
	titleExact    *trie
	titleLower    *trie
	roles         []roleEntry
	roleTrie      *trie
	pluralRoles   []roleEntry
	pluralTrie    *trie
	prefixes      *trie
	modifiers     *trie // words before a role that belong to it ("paediatric" physician)
	suffixes      []suffixRole
	speech        *trie
	particles     *trie
	notNames      *trie
	places        *trie
	placeMarkers  *trie           // reversed keys: matched backwards from a name
	functionWords map[string]bool // NFC text
	stops         map[string]bool // key of kind
	joiners       map[string]bool // lower key
}

// shared is what every language's data adds to one set.
type shared struct {
	familyNames map[string]bool // Vietnamese family names, folded (textnorm.Key) and in lower case with diacritics
	middleNames map[string]bool // Vietnamese middle names ("Thị", "Văn"), keyed like familyNames
	officials   map[string]bool // English roles of offices, from every language's Official entries
	privates    map[string]bool // private titles (titleEntry.Private), NFC in lower case
}

var (
	lexicons                                      map[string]*lexicon
	familyNames, middleNames, officials, privates map[string]bool
)

func init() {
	var sh shared
	var err error
	lexicons, sh, err = loadLexicons()
	if err != nil {
		panic(err) // the embedded data is part of the binary: a broken file is a build bug
	}
	familyNames, middleNames, officials, privates = sh.familyNames, sh.middleNames, sh.officials, sh.privates
}

// loadLexicons reads every data/*.yaml file. It returns the lexicons by
// language and what every language adds to the shared sets.
func loadLexicons() (map[string]*lexicon, shared, error) {
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		return nil, shared{}, fmt.Errorf("read people data: %w", err)
	}
	out := map[string]*lexicon{}
	sh := shared{familyNames: map[string]bool{}, middleNames: map[string]bool{}, officials: map[string]bool{}, privates: map[string]bool{}}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		raw, err := dataFS.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, shared{}, fmt.Errorf("read people data %s: %w", e.Name(), err)
		}
		var f langFile
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return nil, shared{}, fmt.Errorf("parse people data %s: %w", e.Name(), err)
		}
		if f.Lang == "" {
			return nil, shared{}, fmt.Errorf("parse people data %s: no lang", e.Name())
		}
		lx, err := compile(f)
		if err != nil {
			return nil, shared{}, fmt.Errorf("compile people data %s: %w", e.Name(), err)
		}
		out[f.Lang] = lx
		for _, r := range f.Roles {
			if r.Official {
				sh.officials[r.Role] = true
			}
		}
		for _, t := range f.Titles {
			if t.Private {
				sh.privates[strings.ToLower(textnorm.NFC(t.Form))] = true
			}
		}
		for _, set := range []struct {
			m     map[string]bool
			names []string
		}{{sh.familyNames, f.FamilyNames}, {sh.middleNames, f.MiddleNames}} {
			for _, n := range set.names {
				set.m[textnorm.Key(n)] = true
				set.m[strings.ToLower(textnorm.NFC(n))] = true
			}
		}
	}
	return out, sh, nil
}

// suffixRole returns the English role a word's suffix makes of it
// ("hépatologue" → "hepatologist"): only a lower-case word longer than
// the suffix, and not one of its exceptions (folded).
func (lx *lexicon) suffixRole(t token) (string, bool) {
	if t.capitalised() {
		return "", false
	}
	for _, s := range lx.suffixes {
		if !strings.HasSuffix(t.lower, s.Suffix) { // the suffixes have no diacritics: no need to fold every word
			continue
		}
		w := textnorm.Key(t.exact)
		if stem, ok := strings.CutSuffix(w, s.Suffix); ok && len(stem) >= 2 && !slices.Contains(s.Except, w) {
			return stem + s.English, true
		}
	}
	return "", false
}

// PrivateTitle reports whether a title, as Find gives it, is anyone's
// ("Mme", "Mr", "Bà") rather than a profession's ("Dr", "Pr").
func PrivateTitle(title string) bool {
	return privates[strings.ToLower(textnorm.NFC(title))]
}

// Official reports whether an English role, as Find gives it, is a
// government's or a country's office ("deputy minister of health",
// "ambassador", "mayor"), with any modifiers before it ("retired
// ambassador").
func Official(role string) bool {
	for {
		if officials[role] {
			return true
		}
		_, rest, ok := strings.Cut(role, " ")
		if !ok {
			return false
		}
		role = rest
	}
}

// phraseKeys tokenizes a data phrase into the keys of the given kind.
func phraseKeys(s string, kind keyKind) []string {
	toks := tokenize(s)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.key(kind)
	}
	return keys
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// compile builds the tries and sets of one language file.
func compile(f langFile) (*lexicon, error) {
	lx := &lexicon{
		lang: f.Lang, kind: keyFold, needsFamily: f.UntitledNeedsFamilyName, capRoles: f.CapitalisedRoles, headFirst: f.HeadFirst,
		titles: f.Titles, roles: f.Roles, pluralRoles: f.PluralRoles, suffixes: f.RoleSuffixes,
		titleExact: newTrie(), titleLower: newTrie(), roleTrie: newTrie(), pluralTrie: newTrie(), prefixes: newTrie(), modifiers: newTrie(),
		speech: newTrie(), particles: newTrie(), notNames: newTrie(), places: newTrie(), placeMarkers: newTrie(),
		functionWords: map[string]bool{}, stops: map[string]bool{}, joiners: map[string]bool{},
	}
	if f.MatchDiacritics {
		lx.kind = keyLower
	}
	addAll := func(t *trie, phrases []string, kind keyKind, what string) error {
		for i, p := range phrases {
			keys := phraseKeys(p, kind)
			if len(keys) == 0 {
				return fmt.Errorf("empty %s #%d", what, i)
			}
			t.add(keys, i)
		}
		return nil
	}
	for i, t := range f.Titles {
		if t.Form == "" {
			return nil, fmt.Errorf("empty title #%d", i)
		}
		if hasUpper(t.Form) {
			lx.titleExact.add(phraseKeys(t.Form, keyExact), i)
		} else {
			lx.titleLower.add(phraseKeys(t.Form, keyLower), i)
		}
	}
	for i, r := range f.Roles {
		if r.Phrase == "" || r.Role == "" {
			return nil, fmt.Errorf("role #%d needs phrase and role", i)
		}
		lx.roleTrie.add(phraseKeys(r.Phrase, lx.kind), i)
	}
	for i, r := range f.PluralRoles {
		if r.Phrase == "" || r.Role == "" {
			return nil, fmt.Errorf("plural role #%d needs phrase and role", i)
		}
		lx.pluralTrie.add(phraseKeys(r.Phrase, lx.kind), i)
	}
	for _, step := range []struct {
		t       *trie
		phrases []string
		kind    keyKind
		what    string
	}{
		{lx.prefixes, f.RolePrefixes, lx.kind, "role prefix"},
		{lx.modifiers, f.RoleModifiers, lx.kind, "role modifier"},
		{lx.speech, f.SpeechVerbs, lx.kind, "speech verb"},
		{lx.particles, f.Particles, keyLower, "particle"},
		{lx.notNames, f.NotNames, lx.kind, "not-name"},
		{lx.places, f.ComplementPlaces, lx.kind, "complement place"},
	} {
		if err := addAll(step.t, step.phrases, step.kind, step.what); err != nil {
			return nil, err
		}
	}
	for i, m := range f.PlaceMarkers {
		keys := phraseKeys(m, lx.kind)
		slices.Reverse(keys)
		lx.placeMarkers.add(keys, i)
	}
	for _, w := range f.FunctionWords {
		lx.functionWords[textnorm.NFC(w)] = true
	}
	for _, w := range f.ComplementStops {
		for _, k := range phraseKeys(w, lx.kind) {
			lx.stops[k] = true
		}
	}
	for _, w := range f.Joiners {
		for _, k := range phraseKeys(w, keyLower) {
			lx.joiners[k] = true
		}
	}
	return lx, nil
}

// KeepsDiacritics reports whether language lang compares role phrases with
// their diacritics ("bác sĩ" is no "bạc sỉ"): folded words name no trade
// there.
func KeepsDiacritics(lang string) bool {
	lx := lexicons[lang]
	return lx != nil && lx.kind == keyLower
}

// Trade reports whether the phrase s, in language lang, names people by
// their trade: it opens (where the noun comes first) or ends on one of the
// data's roles or plural roles ("infirmières anesthésistes", "emergency
// nurses"), a title in lower case that is no private one ("bác sĩ gây
// mê"), or a word with a profession's suffix ("hépatologue"); "soins
// infirmiers" is no trade. Event assembly uses it to tell a team's make-up
// from what the team does.
func Trade(lang, s string) bool {
	lx := lexicons[lang]
	toks := tokenize(s)
	if lx == nil || len(toks) == 0 {
		return false
	}
	for i := range toks {
		if lx.headFirst && i > 0 {
			break
		}
		whole := func(n int) bool { return n > 0 && (lx.headFirst || i+n == len(toks)) }
		if n, _ := lx.roleTrie.match(toks, i, lx.kind); whole(n) {
			return true
		}
		if n, _ := lx.pluralTrie.match(toks, i, lx.kind); whole(n) {
			return true
		}
		if n, v := lx.titleLower.match(toks, i, keyLower); whole(n) && !lx.titles[v].Private {
			return true
		}
	}
	at := 0 // the noun: first or last word
	if !lx.headFirst {
		at = len(toks) - 1
	}
	_, ok := lx.suffixRole(toks[at])
	return ok
}
