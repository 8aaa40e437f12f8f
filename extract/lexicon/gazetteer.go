package lexicon

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/textnorm"
)

// Institution is a hospital, university, ministry or other body that can be
// a party to a cooperation event.
type Institution struct {
	ID      string // stable slug: "fr-chu-clermont-ferrand"; "x-<hash>" for a discovered one
	Name    string // canonical English name: "CHU Clermont-Ferrand"
	Country string // ISO 3166-1 alpha-2, or "" for an international body or when unknown
	City    string
	Kind    medcoop.PartyKind
	Aliases []string // every spelling the gazetteer knows, strict ones included
}

// InstitutionMention is an institution named in a text.
type InstitutionMention struct {
	Start, End  int          // byte offsets in the text passed in
	Surface     string       // text[Start:End]
	Institution *Institution // from the gazetteer, or a discovered one
	// Discovered is true when the name was found by pattern ("Bệnh viện Đa
	// khoa tỉnh Thái Bình") and is not in the gazetteer. A pattern match that
	// resolves to a gazetteer CHU ("l'hôpital de Clermont-Ferrand") is not
	// Discovered.
	Discovered bool
	// Again is set on a short mention of a found name: the acronym it
	// gives in brackets ("le CDC", "CDC de Dien Bien" after "Centre de
	// contrôle des maladies (CDC) de la province de Dien Bien") or an
	// agency's head alone ("le département provincial de la santé" after
	// "… de la santé de Battambang"). It names that body.
	Again bool
	// within is set on a found name whose head names a school inside a
	// university (headRule.within), or on a university's own hospital
	// (discoveryRules.affiliated).
	within bool
	// Alternatives are the other institutions that share the spelling
	// ("National Pediatric Hospital" is Hanoi's and Phnom Penh's);
	// Institution is the one that holds it as an alias rather than as a
	// shared spelling. The page's places choose between them.
	Alternatives []*Institution
}

// Gazetteer is the set of known institutions with their spellings, and the
// patterns that find unknown ones. It is read-only and safe for concurrent use.
type Gazetteer struct {
	all      []*Institution
	byID     map[string]*Institution
	keys     map[*Institution][]string // folded name, then folded aliases (Keys)
	names    *matcher[*Institution]
	heads    *matcher[*headRule]
	rules    map[string]*discoveryRules
	byCity   map[string]*Institution // folded city -> its only hospital
	allLangs []string
	// placeWords put a place right after a name in any language ("X in
	// Toulouse", "X à Lyon", "X tại Pháp"): press mixes languages in names.
	placeWords *matcher[bool]
	shortForms []shortForm // from the discovery files, longest head first
	// respeller spells each stem of the discovery files' spellings the
	// other way ("gynecolog" ↔ "gynaecolog"), both ways, in one pass: an
	// alias with one is known with the other.
	respeller *strings.Replacer
}

// shortForm is a head and the short spellings press writes for it.
type shortForm struct {
	head   string
	shorts []string
}

type institutionYAML struct {
	ID        string            `yaml:"id"`
	Name      string            `yaml:"name"`
	Country   string            `yaml:"country"`
	Kind      medcoop.PartyKind `yaml:"kind"`
	City      string            `yaml:"city"`
	aliasList `yaml:",inline"`
	// Shared are spellings the institution shares with another country's
	// institution that holds them as aliases ("hôpital national de
	// pédiatrie"). They are added after every file, so the holder comes
	// first among a mention's candidates.
	Shared []string `yaml:"shared"`
}

var validKinds = map[medcoop.PartyKind]bool{medcoop.Hospital: true, medcoop.University: true,
	medcoop.Ministry: true, medcoop.Embassy: true, medcoop.Agency: true, medcoop.Company: true,
	medcoop.NGO: true, medcoop.CityOrRegion: true, medcoop.OtherKind: true}

var (
	gazOnce sync.Once
	gaz     *Gazetteer
)

// Institutions returns the gazetteer built from the embedded data files,
// loaded once. It panics only when an embedded file is broken, which the
// package's tests catch.
func Institutions() *Gazetteer {
	gazOnce.Do(func() {
		g, err := loadGazetteer()
		if err != nil {
			panic(fmt.Sprintf("lexicon: %v", err))
		}
		gaz = g
	})
	return gaz
}

func loadGazetteer() (*Gazetteer, error) {
	g := &Gazetteer{byID: map[string]*Institution{}, keys: map[*Institution][]string{}, names: newMatcher[*Institution](),
		heads: newMatcher[*headRule](), rules: map[string]*discoveryRules{}, placeWords: newMatcher[bool]()}
	// The discovery rules come first: their short forms of a head spell
	// the gazetteer's aliases another way.
	if err := g.loadDiscovery(); err != nil {
		return nil, err
	}
	ents, err := fs.ReadDir(dataFS, "data/institutions")
	if err != nil {
		return nil, fmt.Errorf("list institutions: %w", err)
	}
	type sharedName struct {
		in    *Institution
		alias string
	}
	var shared []sharedName
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		file := path.Join("data/institutions", e.Name())
		var ys []institutionYAML
		if err := decodeFile(file, &ys); err != nil {
			return nil, err
		}
		for _, y := range ys {
			if err := g.addInstitution(file, y); err != nil {
				return nil, err
			}
			for _, a := range y.Shared {
				shared = append(shared, sharedName{g.byID[y.ID], a})
			}
		}
	}
	var held map[string]bool // every alias's key, built only when a shared spelling needs checking
	for _, sh := range shared {
		if held == nil {
			held = map[string]bool{}
			for _, in := range g.all {
				for _, k := range g.keys[in][1:] {
					held[k] = true
				}
			}
		}
		if !held[textnorm.Key(sh.alias)] {
			return nil, fmt.Errorf("institution %q: shared spelling %q is no other institution's alias", sh.in.ID, sh.alias)
		}
		if !g.names.add(sh.alias, sh.in, false) {
			return nil, fmt.Errorf("institution %q: empty shared spelling", sh.in.ID)
		}
	}
	// A hospital is found by its city alone only when it is the city's
	// only hospital in the gazetteer.
	cityCount := map[string]int{}
	for _, in := range g.all {
		if in.Kind == medcoop.Hospital && in.City != "" {
			cityCount[textnorm.Key(in.City)]++
		}
	}
	g.byCity = map[string]*Institution{}
	for _, in := range g.all {
		if k := textnorm.Key(in.City); in.Kind == medcoop.Hospital && k != "" && cityCount[k] == 1 {
			g.byCity[k] = in
		}
	}
	places.mustInit()
	g.allLangs = langsFor("", places.langs)
	return g, nil
}

func (g *Gazetteer) addInstitution(file string, y institutionYAML) error {
	switch {
	case y.ID == "" || y.Name == "":
		return fmt.Errorf("%s: institution %q: id and name are required", file, y.ID)
	case g.byID[y.ID] != nil:
		return fmt.Errorf("%s: duplicate institution id %q", file, y.ID)
	case !validKinds[y.Kind]:
		return fmt.Errorf("%s: institution %q: unknown kind %q", file, y.ID, y.Kind)
	case y.Country != "" && len(y.Country) != 2:
		return fmt.Errorf("%s: institution %q: country %q is not ISO alpha-2", file, y.ID, y.Country)
	case len(y.Aliases)+len(y.Strict) == 0:
		return fmt.Errorf("%s: institution %q has no alias", file, y.ID)
	}
	in := &Institution{ID: y.ID, Name: y.Name, Country: y.Country, City: y.City, Kind: y.Kind}
	in.Aliases = append(append(in.Aliases, y.Aliases...), y.Strict...)
	keys := make([]string, 0, 1+len(in.Aliases))
	keys = append(keys, textnorm.Key(in.Name))
	for _, a := range in.Aliases {
		keys = append(keys, textnorm.Key(a))
	}
	seen := map[string]bool{}
	for _, k := range keys[1 : 1+len(y.Aliases)] {
		seen[k] = true
	}
	for _, a := range y.Aliases {
		if !g.names.add(a, in, false) {
			return fmt.Errorf("%s: institution %q: empty alias", file, y.ID)
		}
		for _, short := range append(append(g.shortened(a), g.respelled(a)...), elided(a)...) {
			if k := textnorm.Key(short); !seen[k] {
				seen[k] = true
				g.names.add(short, in, false)
			}
		}
	}
	for _, a := range y.Strict {
		if !g.names.add(a, in, true) {
			return fmt.Errorf("%s: institution %q: empty alias", file, y.ID)
		}
	}
	g.all = append(g.all, in)
	g.byID[in.ID] = in
	g.keys[in] = keys
	return nil
}

// shortened returns the alias spelled with each short form of the head it
// begins with ("Bệnh viện Tim Hà Nội" → "BV Tim Hà Nội"), and spelled out
// when it begins with a short form ("CHR Metz-Thionville" → "Centre
// hospitalier régional Metz-Thionville").
func (g *Gazetteer) shortened(alias string) []string {
	var out []string
	for _, sf := range g.shortForms {
		if rest, ok := cutPrefixFold(alias, sf.head); ok && rest != "" && rest[0] == ' ' {
			for _, short := range sf.shorts {
				out = append(out, short+rest)
			}
		}
		for _, short := range sf.shorts {
			if rest, ok := strings.CutPrefix(alias, short+" "); ok && rest != "" {
				out = append(out, sf.head+" "+rest)
			}
		}
	}
	return out
}

// respelled returns alias with every stem of the discovery files'
// spellings it holds, in lower case or capitalised, spelled the other way
// (g.respeller), or nothing when it holds none.
func (g *Gazetteer) respelled(alias string) []string {
	if g.respeller == nil {
		return nil
	}
	if out := g.respeller.Replace(alias); out != alias {
		return []string{out}
	}
	return nil
}

// elided returns alias with French "de" before a vowel or an h elided
// ("de Hô Chi Minh-Ville" → "d'Hô Chi Minh-Ville") and an elided "d'"
// spelled out, as French pages write either; nothing when it holds
// neither.
func elided(alias string) []string {
	var b strings.Builder
	changed := false
	for i := 0; i < len(alias); {
		rest := alias[i:]
		switch {
		case strings.HasPrefix(rest, " de ") && elidable(rest[len(" de "):]):
			b.WriteString(" d'")
			i += len(" de ")
			changed = true
		case strings.HasPrefix(rest, " d'") && elidable(rest[len(" d'"):]):
			b.WriteString(" de ")
			i += len(" d'")
			changed = true
		default:
			b.WriteByte(alias[i])
			i++
		}
	}
	if !changed {
		return nil
	}
	return []string{b.String()}
}

// elidable reports whether a French word beginning s takes "d'" for "de":
// it opens on a vowel or an h.
func elidable(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	k := textnorm.Key(s[:size])
	return k != "" && strings.Contains("aeiouyh", k[:1])
}

// cutPrefixFold cuts prefix from s when s begins with it, case folded.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// ByID returns the gazetteer institution with this id.
func (g *Gazetteer) ByID(id string) (*Institution, bool) {
	in, ok := g.byID[id]
	return in, ok
}

// All returns every gazetteer institution, in file order.
func (g *Gazetteer) All() []*Institution { return g.all }

// Keys returns the folded (textnorm.Key) name of a gazetteer institution,
// then its folded aliases, strict ones too; nil for one the gazetteer
// does not hold (a found name).
func (g *Gazetteer) Keys(in *Institution) []string { return g.keys[in] }

// Find returns the institutions named in text, sorted by Start and not
// overlapping: gazetteer names first (the longest spelling wins), then
// names found by pattern in what is left.
func (g *Gazetteer) Find(text string) []InstitutionMention { return g.find(newFoldedText(text)) }

func (g *Gazetteer) find(ft *foldedText) []InstitutionMention {
	text := ft.orig
	var out []InstitutionMention
	known := g.names.findAll(ft)
	pm := places.matcherFor(g.allLangs)
	known = slices.DeleteFunc(known, func(mt match[*Institution]) bool { return namesAnotherCity(ft, pm, mt) })
	for _, mt := range known {
		s, e := ft.span(mt.From, mt.To)
		im := InstitutionMention{Start: s, End: e, Surface: text[s:e], Institution: mt.Values[0]}
		for _, in := range mt.Values[1:] {
			if in != im.Institution && !slices.Contains(im.Alternatives, in) {
				im.Alternatives = append(im.Alternatives, in)
			}
		}
		out = append(out, im)
	}
	out = append(out, g.discover(ft, known)...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return g.schoolsOf(text, out)
}

// schoolsOf folds a found school, or a university's own hospital, and the
// university named right after it, past a space, a comma or a dash on the
// same line, into one mention: "Trường Khoa học Y tế Công cộng, Đại học
// Chulalongkorn" is one body, the school, in the university's country and
// city, not two parties. A university that
// goes on into a list ("…, Đại học Huế và Bệnh viện Trung ương Huế") is
// not folded. The page's other mentions of the school alone are the
// folded body too. ms is sorted by Start.
func (g *Gazetteer) schoolsOf(text string, ms []InstitutionMention) []InstitutionMention {
	folded := map[string]*Institution{} // the school's own id -> the folded body
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if !a.within || !a.Discovered || b.Institution.Kind != medcoop.University || b.Start < a.End ||
			!slices.Contains([]string{"", ",", "-", "–", "—"}, strings.TrimSpace(text[a.End:b.Start])) ||
			strings.Contains(text[a.End:b.Start], "\n") || i+2 < len(ms) && ms[i+2].Start >= b.End && g.listGoesOn(text[b.End:ms[i+2].Start]) {
			continue
		}
		name := strings.Join(strings.Fields(a.Institution.Name+text[a.End:b.Start]+b.Surface), " ")
		in := &Institution{ID: discoveredID(textnorm.Key(a.Institution.Name) + " " + b.Institution.ID), Name: name,
			Country: b.Institution.Country, City: b.Institution.City, Kind: a.Institution.Kind, Aliases: []string{name}}
		folded[a.Institution.ID] = in
		ms[i] = InstitutionMention{Start: a.Start, End: b.End, Surface: text[a.Start:b.End], Institution: in, Discovered: true}
		ms = slices.Delete(ms, i+1, i+2)
	}
	for i := range ms {
		if in := folded[ms[i].Institution.ID]; in != nil && ms[i].Discovered {
			ms[i].Institution = in
		}
	}
	return ms
}

// listGoesOn reports whether gap, the text between two names, joins them
// in a list: a comma or a word that joins two names in any language
// (discoveryRules.joiners), past a bracket ("(Thái Lan)").
func (g *Gazetteer) listGoesOn(gap string) bool {
	if i := strings.LastIndex(gap, ")"); strings.HasPrefix(strings.TrimSpace(gap), "(") && i >= 0 {
		gap = gap[i+1:]
	}
	if strings.TrimSpace(gap) == "," {
		return true
	}
	k := textnorm.Key(gap)
	for _, r := range g.rules {
		if r.joiners[k] {
			return true
		}
	}
	return false
}

// namesAnotherCity reports whether a known name runs on, on the same
// line, into a city of its country other than its own: "Bệnh viện Nhi
// đồng Thành phố" is Ho Chi Minh City's, "Bệnh viện Nhi đồng thành phố
// Cần Thơ" another hospital, which discovery then finds whole. A region
// is no other city: "Bệnh viện Đại học Dijon Bourgogne".
func namesAnotherCity(ft *foldedText, pm *matcher[placeValue], mt match[*Institution]) bool {
	in := mt.Values[0]
	if in.City == "" || mt.To >= len(ft.toks) || strings.TrimSpace(ft.gap(mt.To)) != "" {
		return false
	}
	p := pm.longestAt(ft, mt.To)
	if p.To == 0 {
		return false
	}
	v := p.Values[0]
	return !v.isCountry && !v.region && v.country == in.Country && textnorm.Key(v.name) != textnorm.Key(in.City)
}

// ---- discovery ----

type headRule struct {
	kind     medcoop.PartyKind
	backward bool // the head ends the name: "Bach Mai Hospital"
	// needsPlace keeps a name only if it holds a place: "Trung tâm
	// Nghiên cứu Phục hồi chức năng Trung Quốc" is an institution, "Trung
	// tâm Ghép tạng" a hospital's unit.
	needsPlace bool
	// specialty marks a head that names a kind of hospital ("centre de
	// lutte contre le cancer", "cancer hospital"): with a city alone it is
	// not that city's only general hospital in the gazetteer.
	specialty bool
	// within marks a head that names a school or an institute inside a
	// university ("Trường Khoa học Y tế Công cộng", "faculté de médecine"):
	// the university named right after it is where it belongs.
	within bool
	// body names the kind of public body the head stands for ("health
	// department" for "sở y tế", "Department of Health", "direction
	// provinciale de la santé"): one found with a city or a province is
	// that place's body, one id whatever the language or the wording
	// ("Sở Y tế tỉnh Quảng Trị", "Quang Tri Department of Health").
	body  string
	rules *discoveryRules
}

type discoveryRules struct {
	connectors *matcher[bool] // words allowed between name words: de, du, of
	modifiers  *matcher[bool] // lower-case words allowed in a name: universitaire, đa khoa
	stop       *matcher[bool] // words that end a name: titles, weekdays, "et le" joining two names
	filler     map[string]bool
	// lowerAfterCapital lets one lower-case syllable follow a capitalised
	// one inside a name ("Dinh dưỡng"), unless it is in breaks.
	lowerAfterCapital bool
	breaks            map[string]bool
	// diacritics makes every word list of the language match with its
	// diacritics (in any case): Vietnamese "viện" is not "viên".
	diacritics bool
	// notPlaces are the surfaces (NFC) that name no place inside a name
	// of this language.
	notPlaces map[string]bool
	// plurals are the folded words before an acronym that make it a
	// common noun ("les CDC des provinces voisines", "các CDC"): no
	// mention of one body.
	plurals map[string]bool
	// joiners are the folded connectors that join two names ("and"):
	// an agency read forward to its place does not take one.
	joiners map[string]bool
	// affiliated are the folded words that make a found hospital a
	// university's own (discoveryYAML.Affiliated).
	affiliated *matcher[bool]
}

// breakKey is the form a word is looked up in breaks by.
func (r *discoveryRules) breakKey(w string) string {
	if r.diacritics {
		return strings.ToLower(textnorm.NFC(strings.TrimSpace(w)))
	}
	return textnorm.Key(w)
}

// isBreak reports whether token j is a word that ends a name.
func (r *discoveryRules) isBreak(ft *foldedText, j int) bool {
	if !r.diacritics {
		return r.breaks[ft.word(j)]
	}
	return r.breaks[r.breakKey(ft.orig[ft.toks[j].OrigStart:ft.toks[j].OrigEnd])]
}

// nameGoesOn reports whether the name may go on after a lower-case
// syllable at token j: the text ends or breaks there, or the next token is
// a name word, a modifier or a word that ends a name.
func (g *Gazetteer) nameGoesOn(ft *foldedText, r *discoveryRules, j, upper int) bool {
	n := j + 1
	if n >= upper || !gapOK(ft, n) {
		return true
	}
	return ft.capitalised(n) || r.isBreak(ft, n) || r.modifiers.longestAt(ft, n).To > 0
}

// twoLowerInName reports whether the lower-case syllables at tokens j and
// j+1, after a name word, belong to the name: neither ends a name and a
// name word that begins no new name follows them ("Cựu chiến binh Đài
// Trung").
func (g *Gazetteer) twoLowerInName(ft *foldedText, r *discoveryRules, j, upper int) bool {
	k := j + 2
	if k >= upper || !gapOK(ft, j+1) || !gapOK(ft, k) {
		return false
	}
	return !r.isBreak(ft, j) && !r.isBreak(ft, j+1) && !ft.capitalised(j+1) &&
		ft.capitalised(k) && g.heads.longestAt(ft, k).To == 0 && r.stop.longestAt(ft, k).To == 0
}

type discoveryYAML struct {
	Heads []struct {
		Words      string            `yaml:"words"`
		Kind       medcoop.PartyKind `yaml:"kind"`
		Backward   bool              `yaml:"backward"`
		NeedsPlace bool              `yaml:"needs_place"`
		Specialty  bool              `yaml:"specialty"`
		Within     bool              `yaml:"within"`
		Body       string            `yaml:"body"`
	} `yaml:"heads"`
	Connectors []string `yaml:"connectors"`
	Modifiers  []string `yaml:"modifiers"`
	Stop       []string `yaml:"stop"`
	Filler     []string `yaml:"filler"`
	LowerAfter bool     `yaml:"lower_after_capital"`
	Diacritics bool     `yaml:"diacritics"`
	Breaks     []string `yaml:"breaks"`
	PlaceAfter []string `yaml:"place_after"`
	// NotPlaces are words that another language's places hold but that,
	// inside a name of this language, are no place: Vietnamese "Lao" is
	// tuberculosis ("Bệnh viện Lao và Bệnh phổi"), not English "Lao".
	NotPlaces []string `yaml:"not_places"`
	Plurals   []string `yaml:"plurals"`
	Joiners   []string `yaml:"joiners"`
	// Affiliated are the words that make a found hospital one of a
	// university's ("Bệnh viện Phụ thuộc số 1"): the university named right
	// after it is where it belongs, as for a school (headRule.within).
	Affiliated []string `yaml:"affiliated"`
	// Spellings are word stems spelled two ways, American and British
	// ("gynecolog": "gynaecolog"): every gazetteer alias that holds one is
	// known with the other ("National Hospital of Obstetrics and
	// Gynaecology").
	Spellings map[string]string `yaml:"spellings"`
	// ShortForms are the short spellings press uses for a head inside a
	// name ("BV Tim Hà Nội" for "Bệnh viện Tim Hà Nội"): every gazetteer
	// alias that begins with the head is known by each short form too.
	ShortForms map[string][]string `yaml:"short_forms"`
}

func wordSet(ws []string, diacritics bool) *matcher[bool] {
	m := newMatcher[bool]()
	for _, w := range ws {
		if diacritics {
			m.addCaseless(w, true)
		} else {
			m.add(w, true, false)
		}
	}
	return m
}

func (g *Gazetteer) loadDiscovery() error {
	files, err := langFiles("data/discovery")
	if err != nil {
		return err
	}
	var spellings [][2]string
	langs := make([]string, 0, len(files))
	for l := range files {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		var y discoveryYAML
		if err := decodeFile(files[lang], &y); err != nil {
			return err
		}
		d := y.Diacritics
		r := &discoveryRules{connectors: wordSet(y.Connectors, d), modifiers: wordSet(y.Modifiers, d),
			stop: wordSet(y.Stop, d), filler: map[string]bool{}, lowerAfterCapital: y.LowerAfter,
			breaks: map[string]bool{}, diacritics: d, notPlaces: map[string]bool{}, affiliated: wordSet(y.Affiliated, d)}
		for _, w := range y.NotPlaces {
			r.notPlaces[textnorm.NFC(w)] = true
		}
		r.plurals, r.joiners = map[string]bool{}, map[string]bool{}
		for _, w := range y.Plurals {
			r.plurals[textnorm.Key(w)] = true
		}
		for _, w := range y.Joiners {
			r.joiners[textnorm.Key(w)] = true
		}
		for _, w := range y.PlaceAfter {
			if d {
				g.placeWords.addCaseless(w, true)
			} else {
				g.placeWords.add(w, true, false)
			}
		}
		for _, w := range y.Breaks {
			r.breaks[r.breakKey(w)] = true
		}
		for a, b := range y.Spellings {
			spellings = append(spellings, [2]string{a, b}, [2]string{b, a})
		}
		for head, shorts := range y.ShortForms {
			g.shortForms = append(g.shortForms, shortForm{textnorm.NFC(head), shorts})
		}
		for _, f := range y.Filler {
			for _, w := range strings.Fields(textnorm.Key(f)) {
				r.filler[w] = true
			}
		}
		for _, h := range y.Heads {
			if !validKinds[h.Kind] {
				return fmt.Errorf("%s: head %q: unknown kind %q", files[lang], h.Words, h.Kind)
			}
			hr := &headRule{kind: h.Kind, backward: h.Backward, needsPlace: h.NeedsPlace, specialty: h.Specialty, within: h.Within, body: h.Body, rules: r}
			added := false
			if d && !isAcronym(h.Words) {
				added = g.heads.addCaseless(h.Words, hr)
			} else {
				added = g.heads.add(h.Words, hr, false)
			}
			if !added {
				return fmt.Errorf("%s: empty head", files[lang])
			}
		}
		g.rules[lang] = r
	}
	// The longer stem first, so that "oesophag" is not read as "esophag"
	// inside it; capitalised stems beside the lower-case ones.
	slices.SortFunc(spellings, func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(len(b[0]), len(a[0])), strings.Compare(a[0], b[0]))
	})
	var pairs []string
	for _, sp := range spellings {
		pairs = append(pairs, sp[0], sp[1], strings.ToUpper(sp[0][:1])+sp[0][1:], strings.ToUpper(sp[1][:1])+sp[1][1:])
	}
	if len(pairs) > 0 {
		g.respeller = strings.NewReplacer(pairs...)
	}
	// Longest head first, then by name, so that the order (and so the
	// aliases) is the same on every load.
	sort.Slice(g.shortForms, func(i, j int) bool {
		a, b := g.shortForms[i].head, g.shortForms[j].head
		return len(a) > len(b) || len(a) == len(b) && a < b
	})
	return nil
}

// nameGap reports whether the text between two words may lie inside one
// name: spaces, a hyphen, an apostrophe, or the dot of "TP.HCM".
func nameGap(gap string) bool {
	if gap == "." {
		return true
	}
	if strings.ContainsAny(gap, "\n\r") {
		return false
	}
	g := strings.TrimSpace(strings.ReplaceAll(gap, "\u00a0", " "))
	switch g {
	case "", "-", "'", "\u2019", "&", "\u2010", "\u2011":
		return true
	}
	return false
}

// gapsOK reports whether every gap before tokens [from, to) may stand
// inside a name (gapOK).
func gapsOK(ft *foldedText, from, to int) bool {
	for k := from; k < to; k++ {
		if !gapOK(ft, k) {
			return false
		}
	}
	return true
}

// gapOK reports whether the text between tokens j-1 and j may lie inside
// a name; after an abbreviation such as "TP" a dot and a space may too
// ("TP. Hồ Chí Minh").
func gapOK(ft *foldedText, j int) bool {
	g := ft.gap(j)
	if nameGap(g) {
		return true
	}
	if strings.TrimSpace(g) != "." || strings.ContainsAny(g, "\n\r") {
		return false
	}
	prev := ft.orig[ft.toks[j-1].OrigStart:ft.toks[j-1].OrigEnd]
	return len(prev) <= 3 && isAcronym(prev)
}

// discover finds institutions by pattern in the tokens not covered by the
// gazetteer matches known.
func (g *Gazetteer) discover(ft *foldedText, known []match[*Institution]) []InstitutionMention {
	var out []InstitutionMention
	var asides []aside               // the found names that give their acronym in brackets
	var bare []match[*headRule]      // agency heads named alone ("le département provincial de la santé")
	foundBy := map[*headRule][]int{} // the found names in out, by their head
	var spans [][2]int               // the tokens of each found name in out
	k := 0                           // next known match
	lower := 0                       // first token a name may start at
	for i := 0; i < len(ft.toks); {
		for k < len(known) && known[k].To <= i {
			lower = known[k].To
			k++
		}
		if k < len(known) && known[k].From <= i {
			i = known[k].To
			continue
		}
		upper := len(ft.toks)
		if k < len(known) {
			upper = known[k].From
		}
		hm := g.heads.longestAt(ft, i)
		if hm.To == 0 || hm.To > upper {
			i++
			continue
		}
		h := hm.Values[0]
		fwd := hm.To // where the name a forward head reads ends
		if !h.backward {
			fwd = g.extendForward(ft, h.rules, hm.To, upper)
		}
		afterName := i > lower && nameGap(ft.gap(i)) && ft.capitalised(i-1)
		if !h.backward && afterName && (fwd == hm.To || countryOnly(places.matcherFor(g.allLangs).findRange(ft, i, fwd), i, fwd, hm)) {
			// "Inha University Hospital of South Korea": after a name
			// word, a head that would read forward ("University Hospital
			// of …") into nothing but a country ends a name told
			// backward on the head it holds.
			for j := i + 1; j < hm.To; j++ {
				if bm := g.heads.longestAt(ft, j); bm.To > 0 && bm.To <= hm.To && bm.Values[0].backward {
					hm, h, i = bm, bm.Values[0], j
					break
				}
			}
		}
		var from, to int
		if h.backward {
			// A later head in the same run of capitalised words ends the
			// name: "Yokohama City University Cancer Center".
			for j := hm.To; j < upper && nameGap(ft.gap(j)) && ft.capitalised(j); j++ {
				if nm := g.heads.longestAt(ft, j); nm.To > 0 && nm.To <= upper && nm.Values[0].backward {
					hm, j = nm, nm.To-1
				}
			}
			h = hm.Values[0]
			from, to = g.extendBackward(ft, h.rules, lower, i), hm.To
			if from == i {
				from = to // nothing before the head
				if h.kind == medcoop.Agency {
					// nothing before an agency's head, a place after it:
					// "the Center for Disease Control (CDC) of Gia Lai"
					// (the name ends on its first place: "the Centre for
					// Disease Control and Kon Tum General Hospital" names two)
					if f := g.extendForward(ft, h.rules, hm.To, upper); f > hm.To {
						ps := places.matcherFor(g.allLangs).findRange(ft, hm.To, f)
						if len(ps) > 0 && !slices.ContainsFunc(ft.toks[hm.To:ps[0].From], func(t token) bool {
							return h.rules.joiners[ft.folded.Text[t.Start:t.End]]
						}) {
							from, to = i, ps[0].To
						}
					}
				}
			}
		} else {
			from, to = i, fwd
			if to == hm.To {
				to = from
				if h.kind == medcoop.Agency && afterName {
					// nothing after the head, a name before it: "the
					// Hà Nội Department of Health"
					if b := g.extendBackward(ft, h.rules, lower, i); b < i {
						from, to = b, hm.To
					}
				}
			}
		}
		var ps []match[placeValue] // the places the name holds, found once
		if to > from {
			ps = places.matcherFor(g.allLangs).findRange(ft, from, to)
			ps = slices.DeleteFunc(ps, func(p match[placeValue]) bool {
				s, e := ft.span(p.From, p.To)
				return h.rules.notPlaces[textnorm.NFC(ft.orig[s:e])]
			})
		}
		if to > from && (!h.needsPlace || len(ps) > 0) && !countryOnly(ps, from, to, hm) {
			out = append(out, g.discovered(ft, h, from, to, hm, ps))
			if h.kind == medcoop.Hospital && len(h.rules.affiliated.findRange(ft, from, to)) > 0 {
				out[len(out)-1].within = true // "Bệnh viện Phụ thuộc số 1 Đại học Y khoa Quảng Tây"
			}
			spans = append(spans, [2]int{from, to})
			foundBy[h] = append(foundBy[h], len(out)-1)
			for j := from + 1; j <= to && j < len(ft.toks); j++ {
				// inside the name, or right after it: "Gia Lai Provincial
				// Centre for Disease Control (CDC)"
				if (inside(ft, j, from, to) || j == to && ft.bracketed(j)) && g.acronymOf(ft, j) {
					asides = append(asides, aside{len(out) - 1, j, h.rules, ps})
					break
				}
			}
			lower = to
			i = to
			continue
		}
		if h.kind == medcoop.Agency && hm.To-hm.From >= bareHeadWords {
			bare = append(bare, hm)
		}
		i = hm.To
	}
	for _, hm := range bare {
		// A body's head alone names the one body of that head the page
		// gives in full ("le directeur du département provincial de la
		// santé" after "au département provincial de la santé de
		// Battambang"); with a place right after it, it is another body
		// ("the Center for Disease Control in Atlanta").
		if p := placeAfter(ft, places.matcherFor(g.allLangs), g.placeWords, hm.To); p.To > 0 {
			continue
		}
		var body *Institution
		n := 0
		for _, k := range foundBy[hm.Values[0]] {
			if in := out[k].Institution; body == nil || in.ID != body.ID {
				body, n = in, n+1
			}
		}
		if n == 1 {
			s, e := ft.span(hm.From, hm.To)
			out = append(out, InstitutionMention{Start: s, End: e, Surface: ft.orig[s:e], Institution: body, Discovered: true, Again: true})
		}
	}
	if len(asides) > 0 {
		out = g.acronymMentions(ft, known, out, spans, asides)
	}
	return out
}

// bareHeadWords is the fewest words an agency's head has for the head
// alone to name a body the page gives in full: "sở y tế", "provincial
// health department", not "department".
const bareHeadWords = 3

// acronymOf reports whether the acronym at token acr may be a name's: no
// place ("Ninewells Hospital (UK)"). Its letters need not be the name's
// initials: Vietnamese names keep English acronyms ("Trung tâm Kiểm soát
// bệnh tật (CDC)").
func (g *Gazetteer) acronymOf(ft *foldedText, acr int) bool {
	return places.matcherFor(g.allLangs).longestAt(ft, acr).To == 0
}

// anotherPlaceBefore reports whether a place other than all of named
// ends right before token j: "the Gia Lai CDC", where the aside named
// Kon Tum's.
func (g *Gazetteer) anotherPlaceBefore(ft *foldedText, j int, named []match[placeValue]) bool {
	pm := places.matcherFor(g.allLangs)
	for k := max(0, j-3); k < j; k++ {
		if p := pm.longestAt(ft, k); p.To == j && gapsOK(ft, k+1, j) {
			return !holdsPlace(named, p)
		}
	}
	return false
}

// holdsPlace reports whether ps holds the place p names.
func holdsPlace(ps []match[placeValue], p match[placeValue]) bool {
	return slices.ContainsFunc(ps, func(q match[placeValue]) bool { return q.Values[0].name == p.Values[0].name })
}

// aside is a found name, out[name], that gives its acronym in brackets at
// token acr: "Centre de contrôle des maladies (CDC) de la province de
// Dien Bien", whose places are places.
type aside struct {
	name, acr int
	rules     *discoveryRules
	places    []match[placeValue]
}

// acronymMentions adds to out, the found names (in the tokens spans), the
// text's other mentions of an acronym a found name gives in brackets (the
// asides): "le CDC", "CDC de Dien Bien" name the same body. An acronym that reads on into
// another place ("le CDC de la province voisine de Lai Chau") names
// another one, and an acronym two names give names neither.
func (g *Gazetteer) acronymMentions(ft *foldedText, known []match[*Institution], out []InstitutionMention, spans [][2]int, asides []aside) []InstitutionMention {
	covered := make([]bool, len(ft.toks))
	for _, mt := range known {
		for j := mt.From; j < mt.To; j++ {
			covered[j] = true
		}
	}
	for _, a := range asides {
		covered[a.acr] = true // the acronym given in brackets is not another mention
	}
	for _, sp := range spans {
		for j := sp[0]; j < sp[1]; j++ {
			covered[j] = true
		}
	}
	byAcr := map[string]int{} // folded acronym → index in asides, -1 when two names give it
	for k, a := range asides {
		w := ft.word(a.acr)
		if _, dup := byAcr[w]; dup {
			byAcr[w] = -1
		} else {
			byAcr[w] = k
		}
	}
	// A name found on its own that is the acronym and words of the full
	// name ("EPSM Lille-Métropole" beside "établissement public de santé
	// mentale (EPSM) Lille-Métropole") is the same body.
	for i, sp := range spans {
		k, ok := byAcr[ft.word(sp[0])]
		if !ok || k < 0 || i == asides[k].name {
			continue
		}
		full := asides[k]
		fs := spans[full.name]
		inFull := func(j int) bool {
			for f := fs[0]; f < fs[1]; f++ {
				if f != full.acr && ft.word(f) == ft.word(j) {
					return true
				}
			}
			return false
		}
		rest := true
		for j := sp[0] + 1; j < sp[1]; j++ {
			rest = rest && inFull(j)
		}
		if rest {
			out[i].Institution = out[full.name].Institution
		}
	}
	pm := places.matcherFor(g.allLangs)
	n := len(out)
	for j := range ft.toks {
		k, ok := byAcr[ft.word(j)]
		if covered[j] || !ok || k < 0 || !isAcronym(ft.orig[ft.toks[j].OrigStart:ft.toks[j].OrigEnd]) {
			continue
		}
		a := asides[k]
		if j > 0 && nameGap(ft.gap(j)) && (a.rules.plurals[ft.word(j-1)] || g.anotherPlaceBefore(ft, j, a.places)) {
			continue // "les CDC des provinces voisines", "the Gia Lai CDC" beside Kon Tum's
		}
		to, other := j+1, false
		// The words after the acronym that may hold its place: "de la
		// province de", "tỉnh", and one word more joined by a connector
		// ("voisine de").
		loose := 1
		for t := j + 1; t < len(ft.toks) && !covered[t] && nameGap(ft.gap(t)); {
			if p := pm.longestAt(ft, t); p.To > 0 {
				other = !holdsPlace(a.places, p)
				to = p.To
				break
			}
			if m := max(a.rules.connectors.longestAt(ft, t).To, a.rules.modifiers.longestAt(ft, t).To); m > 0 {
				t = m
				continue
			}
			if loose > 0 && !ft.capitalised(t) && t+1 < len(ft.toks) && a.rules.connectors.longestAt(ft, t+1).To > 0 {
				loose--
				t++
				continue
			}
			break
		}
		if other {
			continue
		}
		s, e := ft.span(j, to)
		out = append(out, InstitutionMention{Start: s, End: e, Surface: ft.orig[s:e], Institution: out[a.name].Institution, Discovered: true, Again: true})
	}
	if len(out) > n {
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// extendForward returns the end of a name whose words start at token p and
// may not reach upper.
func (g *Gazetteer) extendForward(ft *foldedText, r *discoveryRules, p, upper int) int {
	end := p
	afterName := false // the previous token was a capitalised name word
	pm := places.matcherFor(g.allLangs)
	afterAcronym := -1 // the token after an acronym in brackets, whose gap is ") "
	for j := p; j < upper; {
		if ft.bracketed(j) && j+1 < upper && strings.TrimSpace(ft.gap(j+1)) == ")" && !strings.ContainsAny(ft.gap(j+1), "\n\r") {
			// "Centre de contrôle des maladies (CDC) de la province de
			// Dien Bien": the name goes on after its acronym.
			j++
			afterAcronym = j
			continue
		}
		if j != afterAcronym && (!gapOK(ft, j) || j == p && !nameGap(ft.gap(j))) {
			break // no period between a head and its name: "le CHU. Il"
		}
		if m := r.modifiers.longestAt(ft, j); m.To > 0 && m.To <= upper {
			// A capitalised modifier after a name word ends a name too:
			// "Viện Dinh dưỡng Quốc gia".
			if end > p && ft.capitalised(j) {
				end = m.To
			}
			j = m.To
			afterName = false
			continue
		}
		if m := g.heads.longestAt(ft, j); m.To > 0 {
			break // "Hôpital X et Hôpital Y": a new name begins
		}
		if m := r.connectors.longestAt(ft, j); m.To > 0 && m.To <= upper {
			// before the stop words, which hold a sentence's opening "Và",
			// unless a longer stop starts here: "et le" joins two names
			// ("le CHU Saint-Pierre et le Sihanouk Hospital").
			if r.stop.longestAt(ft, j).To > m.To {
				break
			}
			j = m.To
			afterName = false
			continue
		}
		if m := r.stop.longestAt(ft, j); m.To > 0 {
			break
		}
		if ft.capitalised(j) {
			j++
			// a place of several words is read whole: "Son La", whose
			// "La" would be read as an article
			if pl := pm.longestAt(ft, j-1); pl.To > j && pl.To <= upper && gapsOK(ft, j, pl.To) {
				j = pl.To
			}
			end = j
			afterName = true
			continue
		}
		if r.lowerAfterCapital && afterName && !r.isBreak(ft, j) && g.nameGoesOn(ft, r, j, upper) {
			j++
			end = j
			afterName = false
			continue
		}
		if r.lowerAfterCapital && afterName && g.twoLowerInName(ft, r, j, upper) {
			j += 2 // "Bệnh viện Cựu chiến binh Đài Trung"
			end = j
			afterName = false
			continue
		}
		break
	}
	return end
}

// extendBackward returns the first token of a name whose head is at token
// p, not reaching before lower.
func (g *Gazetteer) extendBackward(ft *foldedText, r *discoveryRules, lower, p int) int {
	// A head in lower case ("Menzies and Binh Phuoc hospital") names a
	// place's hospital, not a proper name joined by "and" or "of".
	plain := !ft.capitalised(p)
	start := p
	// joined is where the name began before it last took a connector: a
	// place after "in" does not begin the name that follows its "and"
	// ("KK Hospital in Singapore and Bac Giang Hospital").
	joined := -1
	j := p
	for j > lower {
		if !gapOK(ft, j) {
			break
		}
		t := j - 1
		if r.stop.longestAt(ft, t).To == t+1 {
			break
		}
		if !plain && r.connectors.longestAt(ft, t).To == t+1 {
			joined = start
			j--
			continue
		}
		if r.modifiers.longestAt(ft, t).To == t+1 {
			j--
			continue
		}
		if ft.capitalised(t) {
			j--
			start = j
			continue
		}
		break
	}
	if joined >= 0 && start < joined && j > 0 && g.placeWords.longestAt(ft, j-1).To == j &&
		places.matcherFor(g.allLangs).longestAt(ft, start).To > 0 {
		return joined
	}
	return start
}

// countryOnly reports whether the name in tokens [from, to) says nothing
// beside its head but a country ("bệnh viện Australia", "an Australian
// hospital"): a description, not a name.
// ps are the places in those tokens.
func countryOnly(ps []match[placeValue], from, to int, head match[*headRule]) bool {
	if len(ps) != 1 || !ps[0].Values[0].isCountry {
		return false
	}
	for j := from; j < to; j++ {
		if (j < head.From || j >= head.To) && (j < ps[0].From || j >= ps[0].To) {
			return false
		}
	}
	return true
}

// discovered makes the mention of a name found by pattern in tokens
// [from, to), which hold the places ps: a gazetteer hospital when the
// name says nothing but its city, else a new institution with an id from
// its folded name.
func (g *Gazetteer) discovered(ft *foldedText, h *headRule, from, to int, head match[*headRule], ps []match[placeValue]) InstitutionMention {
	pm := places.matcherFor(g.allLangs)
	if len(ps) > 0 && ps[0].From == from && ps[0].To+1 < to && ft.word(ps[0].To) == "s" && strings.ContainsAny(ft.gap(ps[0].To), "'’") {
		// "Canada's McGill University": the country is not part of the name.
		from = ps[0].To + 1
		ps = ps[:1]
	}
	s, e := ft.span(from, to)
	surface := ft.orig[s:e]
	if h.kind == medcoop.Hospital && !h.specialty {
		var content []string
		for j := from; j < to; j++ {
			if j >= head.From && j < head.To || inside(ft, j, from, to) {
				continue
			}
			if w := ft.word(j); !h.rules.filler[w] && h.rules.connectors.longestAt(ft, j).To != j+1 {
				content = append(content, w)
			}
		}
		if in := g.byCity[strings.Join(content, " ")]; in != nil {
			return InstitutionMention{Start: s, End: e, Surface: surface, Institution: in}
		}
	}
	// The name and its id leave out an acronym in brackets: "Centre de
	// contrôle des maladies (CDC) de la province de Dien Bien" is named
	// as where the acronym is not given.
	var written strings.Builder
	words := make([]string, 0, to-from)
	at := s // the next byte of the surface to write
	for j := from; j < to; j++ {
		if inside(ft, j, from, to) {
			written.WriteString(ft.orig[at:ft.toks[j-1].OrigEnd] + " ")
			at = ft.toks[j+1].OrigStart
			continue
		}
		words = append(words, ft.word(j))
	}
	written.WriteString(ft.orig[at:e])
	name := strings.Join(strings.Fields(textnorm.NFC(written.String())), " ")
	in := &Institution{ID: discoveredID(strings.Join(words, " ")), Name: name, Kind: h.kind, Aliases: []string{name}}
	if len(ps) == 0 {
		if p := placeAfter(ft, pm, g.placeWords, to); p.To > 0 {
			ps = append(ps, p)
		}
	}
	if len(ps) > 0 {
		in.Country = ps[0].Values[0].country
		if v := ps[0].Values[0]; !v.isCountry && !v.region {
			in.City = v.name // a region is no city: "centre de lutte contre le cancer de Bourgogne"
		}
	}
	if h.body != "" {
		// "Department of Health of Vietnam's Quang Tri province": the
		// province, past the country, is whose body it is
		for _, p := range ps {
			if v := p.Values[0]; !v.isCountry {
				in.ID, in.Country = discoveredID(h.body+" "+textnorm.Key(v.name)), v.country
				if !v.region {
					in.City = v.name
				}
				break
			}
		}
	}
	return InstitutionMention{Start: s, End: e, Surface: surface, Institution: in, Discovered: true, within: h.within}
}

// inside reports whether token j is an acronym in brackets inside the name
// in tokens [from, to), not at its end: the gap after it is ")".
func inside(ft *foldedText, j, from, to int) bool {
	return j > from && j+1 < to && ft.bracketed(j)
}

// DiscoveredID returns the id of an institution the gazetteer does not
// know: "x-" and a hash of its folded name, so that every spelling that
// folds alike (case, accents, punctuation) gets the same id, in extraction
// and in an editor's correction alike; a public body of a place found
// whole in name ("Sở Y tế tỉnh Quảng Trị") has that place's body's id.
func DiscoveredID(name string) string {
	for _, m := range Institutions().Find(name) {
		if m.Discovered && m.Start == 0 && m.End == len(name) {
			return m.Institution.ID
		}
	}
	return discoveredID(textnorm.Key(name))
}

// discoveredID hashes a name already folded as textnorm.Key folds it.
func discoveredID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "x-" + hex.EncodeToString(sum[:5])
}

// placeAfter returns the place named right after a name that ends before
// token to: in brackets or after a comma ("X (Pháp)", "X, Lyon"), or after
// a place word of any language ("X in Toulouse"); To == 0 when none is.
func placeAfter[V any](ft *foldedText, pm *matcher[V], words *matcher[bool], to int) match[V] {
	if to >= len(ft.toks) || strings.ContainsAny(ft.gap(to), "\n\r") {
		return match[V]{}
	}
	switch strings.TrimSpace(strings.ReplaceAll(ft.gap(to), "\u00a0", " ")) {
	case "(":
		return pm.longestAt(ft, to)
	case ",":
		if p := pm.longestAt(ft, to); p.To > 0 {
			return p
		}
		// "X, en Algérie", "X, in Japan"
		if w := words.longestAt(ft, to); w.To > 0 && w.To < len(ft.toks) && strings.TrimSpace(ft.gap(w.To)) == "" {
			return pm.longestAt(ft, w.To)
		}
		return match[V]{}
	case "":
		w := words.longestAt(ft, to)
		if w.To == 0 || w.To >= len(ft.toks) || strings.TrimSpace(ft.gap(w.To)) != "" {
			return match[V]{}
		}
		return pm.longestAt(ft, w.To)
	}
	return match[V]{}
}
