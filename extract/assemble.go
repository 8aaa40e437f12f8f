package extract

import (
	"cmp"
	"embed"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/dates"
	"github.com/medcoop/medcoop/extract/lexicon"
	"github.com/medcoop/medcoop/extract/people"
	"github.com/medcoop/medcoop/extract/textnorm"
)

//go:embed data/*.yaml
var assemblyData embed.FS

// assemblyLexicon is the per-language wording event assembly needs beyond
// the lexicon package: phrases that make an institution a witness, not a party.
type assemblyLexicon struct {
	Witness       []string `yaml:"witness"`
	Reporting     []string `yaml:"reporting"`
	Abbreviations []string `yaml:"abbreviations" fold:"no"`
	Background    []string `yaml:"background"`
	// Sourced are the words that set a sentence as background unless it
	// tells the future of the cooperation, with a cue: "according to the
	// Ministry of Health, seven million people live with diabetes" (or
	// "cases will double by 2030") is context, "the trainees will work in
	// the emergency department, according to the health office" is the
	// programme.
	Sourced      []string `yaml:"sourced"`
	Hypothetical []string `yaml:"hypothetical"`
	Ongoing      []string `yaml:"ongoing"`
	Past         []string `yaml:"past"`
	// Faculty are the words, matched as written (case too), that open
	// the name of a faculty or school ("faculté de", "School of"): the
	// fields listed after them name it.
	Faculty []string `yaml:"faculty" fold:"no"`
	// ListJoiners are the words that join the last items of a list ("et",
	// "and"), as a comma joins the others.
	ListJoiners []string `yaml:"list_joiners" fold:"no"`
	// FoldedListJoiners are ListJoiners folded, for sentence keys.
	FoldedListJoiners []string `yaml:"-" fold:"no"`
	// EarlierCooperation are the words that make a sentence tell an
	// earlier stage of the parties' cooperation even when it names them
	// ("La première entente portait sur…", "has worked with… since the
	// early 2000s").
	EarlierCooperation []string `yaml:"earlier_cooperation"`
	Extension          []string `yaml:"extension"`
	Attendance         []string `yaml:"attendance"`
	Parent             []string `yaml:"parent"`
	NameWords          []string `yaml:"name_words"`
	Another            []string `yaml:"another"`
	// OtherEvent are the words that name another event outright ("une
	// autre délégation"): like Another they take the cue from the
	// sentence, and its fields too.
	OtherEvent []string `yaml:"other_event"`
	// HistoryOpening are the words that, opening a sentence with a
	// history cue, make it tell history without a date ("Depuis, plus
	// de…", "It all began…").
	HistoryOpening []string `yaml:"history_opening"`
	// SinceYear are the words that, followed by a year, open a sentence
	// on a span of years up to now ("Since 2019, X has trained…", "Từ năm
	// 2019 đến nay…"): the sentence tells a party's record.
	SinceYear []string `yaml:"since_year"`
	// CountryOpening are the words that, with a country and a comma,
	// open a sentence about that country's situation ("Au Vietnam, le
	// dépistage se limite…", "Tại Lào, …"): its fields are background
	// unless it names a party or a cue.
	CountryOpening []string `yaml:"country_opening"`
	// SubjectPronouns open a sentence that goes on with the subject of
	// the one before ("Elles inaugurent le programme…", "They will…"):
	// a cue there is that sentence's institutions' as well. They match as
	// written but for case: "Họ" is a pronoun, "Hỗ trợ" is not.
	SubjectPronouns []string `yaml:"subject_pronouns" fold:"no"`
	// Impersonal are the openings where a pronoun stands for nothing
	// before it ("Il y a deux ans, …", « Il faut dire… »).
	Impersonal []string `yaml:"impersonal"`
	// Subordinators open a clause with a subject of its own: a sentence
	// opening on one ("Quand les internes sont arrivés, ils…") does not
	// take up the sentence before it.
	Subordinators []string `yaml:"subordinators"`
	// BothParties are the words that name the two partners of a page
	// again without their names ("the two hospitals", "les deux
	// établissements", "hai bệnh viện"): a cue sentence holding them is
	// the act of the two institutions named before it.
	BothParties  []string `yaml:"both_parties"`
	EquipmentUse []string `yaml:"equipment_use"`
	CityHospital []string `yaml:"city_hospital"`
	ParentJoiner []string `yaml:"parent_joiner"`
	Venue        []string `yaml:"venue"`
	Routine      []string `yaml:"routine"`
	// NotRoutine are lengths that hold a word of Routine ("a year-long
	// programme"): taken out before Routine is read.
	NotRoutine []string `yaml:"not_routine"`
	// WorkplaceWords bounds the words between a word of Workplace and
	// the field it names; 0 is no bound.
	WorkplaceWords int `yaml:"workplace_words"`
	// NotParty are the words that, soon after a name, say it is no party
	// ("sans être partie à l'accord").
	NotParty []string `yaml:"not_party"`
	// PossessiveKinds map the noun of an owner before "'s" to the kind of
	// party a role after it is at ("the hospital's director").
	PossessiveKinds map[string]medcoop.PartyKind `yaml:"possessive_kinds"`
	// ClauseOpeners open a clause that says something of what comes
	// before it (", que", "pour lesquelles", ", which"): a word of
	// background there is not about a field named before it. Read as
	// written, lower-cased.
	ClauseOpeners []string `yaml:"clause_openers" fold:"no"`
	// DescribedKinds map the nouns that, with a country beside them,
	// describe an institution without naming it ("Vietnam's top cancer
	// hospital", "un hôpital cambodgien", "một bệnh viện của Nhật Bản")
	// to its kind; read folded.
	DescribedKinds map[string]medcoop.PartyKind `yaml:"described_kinds"`
	// DescribedNouns are DescribedKinds' nouns, folded, longest first:
	// the order describedBy tries them in.
	DescribedNouns []string `yaml:"-" fold:"no"`
	// DescribedLinkers join a noun of DescribedKinds to the country after
	// it ("du", "of", "của").
	DescribedLinkers []string `yaml:"described_linkers"`
	// LocatedIn are the words that may stand between a name and the city
	// that says where it is ("in", "à", "tại", "thành phố").
	LocatedIn []string `yaml:"located_in"`
	// FoundedBy are the words after which a person named in the same
	// sentence founded an institution ("fondés par le pédiatre X",
	// "founded by Dr X", "do bác sĩ X sáng lập"): history, not the event.
	FoundedBy []string `yaml:"founded_by"`
	// Workplace are the words after which a sentence, up to its next
	// semicolon, says where the people trained or met work ("40 điều
	// dưỡng đang công tác tại khoa Cấp cứu"), not what they learn.
	Workplace []string `yaml:"workplace"`
	// ParentSubject are the nouns for an institution that a clause of
	// belonging may follow ("the French hospital, part of AP-HP").
	ParentSubject []string `yaml:"parent_subject"`
	// Team are the nouns after which a list of trades says who a team is
	// made of ("les six visiteurs, deux chirurgiens, un anesthésiste et…",
	// "đoàn gồm 3 bác sĩ gây mê và 2 điều dưỡng"): who travels, not
	// what the cooperation covers. Past a few words the list needs one of
	// TeamMadeOf ("included", "gồm"). TeamBreak are the words that,
	// between them and the list, make the list what the team does ("pour
	// former deux anesthésistes").
	Team       []string `yaml:"team"`
	TeamMadeOf []string `yaml:"team_made_of"`
	TeamBreak  []string `yaml:"team_break"`
	// Counts are the words that count the people of a trade ("deux",
	// "an", "hai"); numerals count too.
	Counts []string `yaml:"counts"`
	// AttendedBy are the words before a person that make them one who
	// attended ("was attended by"); an office's holder so named is a
	// witness. Institutions after them may still act ("a course attended
	// by nurses of Cho Ray Hospital").
	AttendedBy []string `yaml:"attended_by"`
	// AgeAfter are the words after a number that give a person's age
	// right after their name ("Mme X, 58 ans,", "bà X, 54 tuổi", "X, 61
	// years old"; "," for English "X, 61,"): a patient or a private
	// person, who speaks for no party. Read as written, lower-cased.
	AgeAfter []string `yaml:"age_after" fold:"no"`
	// ShortenedNameWords are the words a name may drop when the page names
	// an institution again ("l'hôpital général de l'Amitié de Nghe An",
	// then "l'hôpital de l'Amitié de Nghe An").
	ShortenedNameWords []string `yaml:"shortened_name_words"`
	// Future are the words that put a sentence in the future ("will",
	// "sẽ"); an entry that begins with "-" is a verb ending ("-eront").
	Future []string `yaml:"future" fold:"no"`
	// Pledges are the words with which a speaker's side says what it
	// will do ("nous allons", "chúng tôi sẽ", "we will"), or a word and a
	// verb ending read with its accents ("nous -erons": "nous testerons",
	// not "nous espérons"): a quote that holds one tells the programme
	// (« Nous allons suivre 3 000 habitants… »), not a view.
	Pledges []string `yaml:"pledges" fold:"no"`
	// WitnessAround frames a name that funds or hosts without acting: a
	// word right before it and one right after ("do JICA tài trợ").
	WitnessAround []struct {
		Before string   `yaml:"before"`
		After  []string `yaml:"after"`
	} `yaml:"witness_around"`
}

var (
	assemblyOnce sync.Once
	assemblyLex  map[string]assemblyLexicon
)

// abbreviations are the words of every language that a period does not
// end a sentence after, lower-cased: sentences are split before the
// language is known to assembly, and "Pr." is no sentence end in any.
func abbreviations() map[string]bool {
	assemblyWords("")
	return abbreviationSet
}

var abbreviationSet = map[string]bool{}

func assemblyWords(lang string) assemblyLexicon {
	assemblyOnce.Do(func() {
		assemblyLex = map[string]assemblyLexicon{}
		for l := range Extracted {
			b, err := assemblyData.ReadFile("data/" + l + ".yaml")
			if err != nil {
				panic(fmt.Sprintf("extract: embedded data/%s.yaml: %v", l, err)) // a build defect, caught by tests
			}
			var lex assemblyLexicon
			if err := yaml.Unmarshal(b, &lex); err != nil {
				panic(fmt.Sprintf("extract: data/%s.yaml: %v", l, err))
			}
			folded := make(map[string]medcoop.PartyKind, len(lex.DescribedKinds))
			for w, k := range lex.DescribedKinds {
				folded[textnorm.Key(w)] = k
			}
			lex.DescribedKinds = folded
			lex.DescribedNouns = slices.SortedFunc(maps.Keys(folded), func(a, b string) int {
				return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
			})
			for _, j := range lex.ListJoiners {
				lex.FoldedListJoiners = append(lex.FoldedListJoiners, textnorm.Key(j))
			}
			for i := range lex.WitnessAround {
				lex.WitnessAround[i].Before = textnorm.Key(lex.WitnessAround[i].Before)
				for j, w := range lex.WitnessAround[i].After {
					lex.WitnessAround[i].After[j] = textnorm.Key(w)
				}
			}
			// Every list of words is matched against folded text, but
			// those tagged fold:"no" (read as written, or verb endings).
			v := reflect.ValueOf(&lex).Elem()
			for i := range v.NumField() {
				list, ok := v.Field(i).Interface().([]string)
				if !ok || v.Type().Field(i).Tag.Get("fold") == "no" {
					continue
				}
				for j, w := range list {
					list[j] = textnorm.Key(w)
				}
			}
			for i, w := range lex.Future {
				if end, ok := strings.CutPrefix(w, "-"); ok {
					lex.Future[i] = "-" + textnorm.Key(end)
				} else {
					lex.Future[i] = textnorm.Key(w)
				}
			}
			for _, w := range lex.Abbreviations {
				abbreviationSet[strings.ToLower(w)] = true
			}
			assemblyLex[l] = lex
		}
	})
	return assemblyLex[lang]
}

// Thresholds of event assembly.
const (
	minCueStrength = 0.5 // a weaker cue alone does not make an event
	weakCue        = 0.4 // a bare word for cooperation ("partenariat", "hợp tác")
	titleWeight    = 1.0 // a cue or party in the title counts as one in the text
)

// mentions are everything found in one document's text.
type mentions struct {
	sentences []Sentence
	insts     []lexicon.InstitutionMention
	places    []lexicon.PlaceMention
	domains   []lexicon.DomainMention
	cues      []lexicon.Cue
	dates     []dates.Mention
	people    []people.Mention
	titleInst []lexicon.InstitutionMention
	titleCues []lexicon.Cue
	// titlePlaces are the places the title names outside institutions' names.
	titlePlaces []lexicon.PlaceMention
	publisher   *lexicon.Institution
	siteName    string
	text        string // the document's text
	title       string // the document's title
	lang        string
	// attendance are the sentences that open on who attended.
	attendance map[int]bool
	// keys caches each sentence folded, filled by sentenceKey.
	keys []string
	// glossed holds the known institution a found name's gloss names
	// ("Bệnh viện Nhi Đại học Hoàng hậu Fabiola (HUDERF)"), by the found
	// name's id: every mention of that name, the headline's too, is that
	// institution.
	glossed map[string]*lexicon.Institution
	// glossedFound holds the found name that glosses another found name
	// in brackets, by the glossed name's id ("Bệnh viện Cựu chiến binh Đài
	// Trung (Taichung Veterans General Hospital)").
	glossedFound map[string]*lexicon.Institution
	// domainsLeftOut says, for each of domains, why the event leaves it
	// out, or "" (leftOut); nil before assembly makes an event.
	domainsLeftOut []string
}

func findMentions(doc *medcoop.Document, published time.Time, siteName string) mentions {
	g := lexicon.Institutions()
	text := lexicon.Prepare(doc.Text) // folded once for the four searches
	title := lexicon.Prepare(doc.Title)
	m := mentions{
		sentences: SplitSentences(doc.Text),
		insts:     g.FindPrepared(text),
		places:    lexicon.FindPlacesPrepared(text, doc.Lang),
		domains:   lexicon.FindDomainsPrepared(text, doc.Lang),
		cues:      lexicon.FindCuesPrepared(text, doc.Lang),
		dates:     dates.Find(doc.Text, doc.Lang, published),
		people:    people.Find(doc.Text, doc.Lang),
		titleInst: g.FindPrepared(title),
		titleCues: lexicon.FindCuesPrepared(title, doc.Lang),
		publisher: publisher(g, siteName),
		siteName:  siteName,
		text:      doc.Text,
		title:     doc.Title,
		lang:      doc.Lang,
	}
	titlePlaces := lexicon.FindPlacesPrepared(title, doc.Lang)
	// A place inside a name ("Bệnh viện Đa khoa Đồng Tháp") names no
	// institution by itself.
	m.titlePlaces = slices.DeleteFunc(slices.Clone(titlePlaces), func(p lexicon.PlaceMention) bool {
		return insideAny(m.titleInst, p.Start, p.End)
	})
	found := m.foundIDs()
	m.resolveShared(titlePlaces)
	m.resolveShortForms(g, titlePlaces)
	m.keys = make([]string, len(m.sentences))
	m.attendance = m.attendanceSentences()
	m.insts = m.settleDiscovered(doc.Text, m.insts, m.places)
	m.titleInst = m.settleDiscovered(doc.Title, m.titleInst, titlePlaces)
	m.resolveCityHospitals(titlePlaces)
	m.resolveShortenedNames()
	m.resolveInitialisms()
	m.resolveHeadlineNames(titlePlaces)
	m.resolveAcronyms(found)
	return m
}

// foundIDs returns, for the text's mentions then the title's, the id of
// each institution found by pattern, by the mention's start, before any
// resolution.
func (m mentions) foundIDs() [2]map[int]string {
	var ids [2]map[int]string
	for k, ims := range [][]lexicon.InstitutionMention{m.insts, m.titleInst} {
		ids[k] = map[int]string{}
		for _, im := range ims {
			if im.Discovered {
				ids[k][im.Start] = im.Institution.ID
			}
		}
	}
	return ids
}

// resolveAcronyms gives a found name's acronym ("NUH" after "National
// University Hospital (NUH)") the institution the name was resolved to
// elsewhere on the page (Singapore's hospital). A found name resolved to
// two institutions leaves its acronym as it was.
func (m *mentions) resolveAcronyms(found [2]map[int]string) {
	to := map[string]*lexicon.Institution{}
	for k, ims := range [][]lexicon.InstitutionMention{m.insts, m.titleInst} {
		for _, im := range ims {
			if id := found[k][im.Start]; id != "" && im.Institution.ID != id {
				if prev, ok := to[id]; ok && (prev == nil || prev.ID != im.Institution.ID) {
					to[id] = nil
				} else {
					to[id] = im.Institution
				}
			}
		}
	}
	if len(to) == 0 {
		return
	}
	for _, ims := range [][]lexicon.InstitutionMention{m.insts, m.titleInst} {
		for i, im := range ims {
			if in := to[im.Institution.ID]; in != nil && im.Discovered && im.Again {
				ims[i].Institution, ims[i].Discovered = in, false
			}
		}
	}
}

// wordsOfName reports whether every word of the headline name h of three
// letters or more, but its places' words, is a word of one of in's names:
// "l'institut d'hématologie de Hanoï" shortens "l'Institut national
// d'hématologie et de transfusion sanguine", whatever kind each is given.
func wordsOfName(h lexicon.InstitutionMention, places []lexicon.PlaceMention, in *lexicon.Institution) bool {
	place := map[string]bool{}
	for _, p := range places {
		if h.Start <= p.Start && p.End <= h.End {
			for _, w := range strings.Fields(textnorm.Key(p.Surface)) {
				place[w] = true
			}
		}
	}
	var words []string
	for _, w := range strings.Fields(textnorm.Key(h.Surface)) {
		if len(w) >= 3 && !place[w] {
			words = append(words, w)
		}
	}
	if len(words) < 2 {
		return false
	}
	keys := lexicon.Institutions().Keys(in)
	if keys == nil { // a found name: its own spellings
		for _, a := range append([]string{in.Name}, in.Aliases...) {
			keys = append(keys, textnorm.Key(a))
		}
	}
	for _, k := range keys {
		names := strings.Fields(k)
		if !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(names, w) }) {
			return true
		}
	}
	return false
}

// resolveHeadlineNames points a name found by pattern in the headline
// only ("HCM City cancer hospital", "Mekong Delta hospital"), with a place
// in it, at the one institution of that kind and the place's country (and
// city, when the place is one) the text names: a headline shortens its
// subject so. titlePlaces are every place the title names.
func (m *mentions) resolveHeadlineNames(titlePlaces []lexicon.PlaceMention) {
	if !slices.ContainsFunc(m.titleInst, func(im lexicon.InstitutionMention) bool { return im.Discovered }) {
		return
	}
	// The text may open with the headline: its names there are the
	// headline's.
	body := 0
	if m.title != "" && strings.HasPrefix(m.text, m.title) {
		body = len(m.title)
	}
	inBody := map[string]bool{}
	for _, im := range m.insts {
		if im.Start >= body {
			inBody[im.Institution.ID] = true
		}
	}
	to := map[string]*lexicon.Institution{}
	for _, h := range m.titleInst {
		if !h.Discovered || inBody[h.Institution.ID] {
			continue
		}
		country, city := "", ""
		for _, p := range titlePlaces {
			if h.Start <= p.Start && p.End <= h.End && p.Country != "" {
				if country != "" && country != p.Country {
					country = ""
					break
				}
				country = p.Country
				if !p.IsCountry && !p.Region {
					city = p.Name // a city names one: "Hanoi hospital" is no hospital of Hue
				}
			}
		}
		if country == "" {
			continue
		}
		found := map[string]*lexicon.Institution{}
		for _, im := range m.insts {
			in := im.Institution
			if im.Start >= body && in.Country == country && (city == "" || medcoop.SameCity(in.City, city)) &&
				(in.Kind == h.Institution.Kind || h.Institution.Kind == medcoop.OtherKind && wordsOfName(h, titlePlaces, in)) {
				found[in.ID] = in
			}
		}
		if len(found) == 1 {
			for _, in := range found {
				to[h.Institution.ID] = in
			}
		}
	}
	for _, ims := range [][]lexicon.InstitutionMention{m.insts, m.titleInst} {
		for i := range ims {
			if in := to[ims[i].Institution.ID]; in != nil && ims[i].Discovered {
				ims[i].Institution, ims[i].Discovered = in, strings.HasPrefix(in.ID, medcoop.DiscoveredPrefix)
			}
		}
	}
}

// placedMentions are institutions named in a text with the places it names.
type placedMentions struct {
	ims    []lexicon.InstitutionMention
	places []lexicon.PlaceMention
}

// placed pairs the text's institutions with its places and the title's
// with titlePlaces; the mentions are the page's own, to resolve in place.
func (m *mentions) placed(titlePlaces []lexicon.PlaceMention) []placedMentions {
	return []placedMentions{{m.insts, m.places}, {m.titleInst, titlePlaces}}
}

// resolveCityHospitals points a hospital named only by its city ("l'hôpital
// de Da Nang", "Da Nang hospital", "bệnh viện Đà Nẵng", "Central Highlands
// hospital") at the one other hospital of that city the page names more
// fully ("l'hôpital d'oncologie de Da Nang"): a report shortens its
// partner's name so, rather than bring in the city's general hospital or
// a second, found one. A found hospital named only by its country ("un
// hôpital du Laos" in a headline) is likewise the one other hospital of
// that country the page names. With none, or two, it stays. titlePlaces
// are every place the title names.
func (m *mentions) resolveCityHospitals(titlePlaces []lexicon.PlaceMention) {
	generic := assemblyWords(m.lang).CityHospital
	// The page's hospitals, each read once: named by its city (or
	// country) only, or more fully.
	type hospital struct {
		im      *lexicon.InstitutionMention
		city    string // the city it is named by alone, if it is
		country bool   // that "city" is a country
	}
	var all []hospital
	for _, in := range m.placed(titlePlaces) {
		for i := range in.ims {
			if in.ims[i].Institution.Kind == medcoop.Hospital {
				city, country := cityOnly(in.ims[i], in.places, generic)
				all = append(all, hospital{&in.ims[i], city, country})
			}
		}
	}
	fuller := map[*lexicon.InstitutionMention]*lexicon.Institution{}
	for _, h := range all {
		if h.city == "" || h.country && !h.im.Discovered {
			continue
		}
		found := map[string]*lexicon.Institution{}
		for _, x := range all {
			// a known hospital named by its city too ("l'hôpital
			// général provincial de Thanh Hoa") is the one a found name
			// ("l'hôpital de Thanh Hoa") means; a known hospital whose
			// name holds the province its city lies in ("l'hôpital
			// d'oncologie de Nghe An", in Vinh) is the one the province's
			// name alone ("l'hôpital de Nghe An") means
			fullerName := x.city == "" || h.im.Discovered && !x.im.Discovered
			in := x.im.Institution
			if !fullerName || in.ID == h.im.Institution.ID {
				continue
			}
			switch {
			case h.country:
				if in.Country == h.im.Institution.Country {
					found[in.ID] = in
				}
			case medcoop.SameCity(in.City, h.city) || x.city == "" && in.Country == h.im.Institution.Country && holdsWords(x.im.Surface, h.city):
				found[in.ID] = in
			}
		}
		for _, other := range found {
			if len(found) == 1 {
				fuller[h.im] = other
			}
		}
	}
	for im, other := range fuller {
		im.Institution, im.Discovered = other, strings.HasPrefix(other.ID, medcoop.DiscoveredPrefix)
	}
}

// holdsWords reports whether name, folded, holds the folded words of part.
func holdsWords(name, part string) bool {
	return part != "" && strings.Contains(" "+textnorm.Key(name)+" ", " "+textnorm.Key(part)+" ")
}

// cityOnly returns the city that an institution's name says alone, beside
// generic words (generic, folded): as the gazetteer spells it, as the text
// spells it, or, for a found name ("l'hôpital de Thanh Hoa", "un hôpital
// du Laos"), the place in it (one of places, found in the name's text),
// with whether that place is a country; "" when the name says more.
func cityOnly(im lexicon.InstitutionMention, places []lexicon.PlaceMention, generic []string) (string, bool) {
	type city struct {
		name, surface string
		country       bool
	}
	var cities []city
	if im.Institution.City != "" {
		cities = append(cities, city{im.Institution.City, im.Institution.City, false})
	}
	for _, p := range places {
		if im.Start <= p.Start && p.End <= im.End && p.Surface != "" {
			// a found name ("hôpital de Thanh Hoa") has no city but the place in it
			// a region ("Mekong Delta hospital") names no city: read it as its country
			cities = append(cities, city{cmp.Or(im.Institution.City, p.Name), p.Surface, (p.IsCountry || p.Region) && im.Institution.City == ""})
		}
	}
	name := " " + textnorm.Key(im.Surface) + " "
	for _, c := range cities {
		k := " " + textnorm.Key(c.surface) + " "
		if strings.Contains(name, k) && !slices.ContainsFunc(strings.Fields(strings.Replace(name, k, " ", 1)), func(w string) bool { return !slices.Contains(generic, w) }) {
			return c.name, c.country
		}
	}
	return "", false
}

// settleDiscovered reviews the institutions found by pattern in text: a
// name that is only generic words and numbers ("hôpital universitaire de
// 1 000") is dropped; one glossed by a known institution in brackets
// ("Trung tâm Y tế Đại học La Réunion (CHU La Réunion)") is that
// institution; one without a country takes the country of a place named
// right beside it ("France's Clinique Pasteur", "Clinique Pasteur in
// Toulouse", "(Trung Quốc)").
func (m *mentions) settleDiscovered(text string, ims []lexicon.InstitutionMention, places []lexicon.PlaceMention) []lexicon.InstitutionMention {
	// The country a name or the place right after it gives ("Okayama
	// University Hospital", "X (La Habana, Cuba)") holds for every mention
	// of that name, before any place merely nearby.
	named := discoveredCountries(ims)
	relocated := map[string]*lexicon.Institution{} // found names a place after them relocates
	if m.glossed == nil {
		m.glossed, m.glossedFound = map[string]*lexicon.Institution{}, map[string]*lexicon.Institution{}
	}
	out := ims[:0]
	for i, im := range ims {
		if !im.Discovered {
			out = append(out, im)
			continue
		}
		if !properName(im.Surface) && !im.Again { // "le CDC" after "Centre … (CDC) de …"
			continue
		}
		if i+1 < len(ims) && !ims[i+1].Discovered && ims[i+1].Institution.Kind == im.Institution.Kind && glosses(text, im.End, ims[i+1].Start) {
			m.glossed[im.Institution.ID] = ims[i+1].Institution
			im.Institution, im.Discovered = ims[i+1].Institution, false
			out = append(out, im)
			continue
		}
		if i+1 < len(ims) && ims[i+1].Discovered && ims[i+1].Institution.Kind == im.Institution.Kind &&
			properName(ims[i+1].Surface) && glosses(text, im.End, ims[i+1].Start) {
			// "Bệnh viện Cựu chiến binh Đài Trung (Taichung Veterans
			// General Hospital, …)": two spellings of one found name; the
			// gloss, most often the English one, names it
			m.glossedFound[im.Institution.ID] = ims[i+1].Institution
		}
		if in := m.glossedFound[im.Institution.ID]; in != nil {
			im.Institution = in
		}
		if i > 0 && !ims[i-1].Discovered && ims[i-1].End <= im.Start && restOfName(text[ims[i-1].End:im.Start], ims[i-1].Institution.Kind, im.Institution.Kind) {
			// "Vinmec Times City International Hospital", "Seoul National
			// University Bundang Hospital", "Osaka University's Graduate
			// School of Medicine": the rest of the known name, or a part
			// of that institution, not another one
			im.Institution, im.Discovered = ims[i-1].Institution, false
			out = append(out, im)
			continue
		}
		if i > 0 && (apposes(text, ims[i-1], im) || describes(text, ims[i-1], im, assemblyWords(m.lang).FoldedListJoiners)) {
			im.Institution, im.Discovered = ims[i-1].Institution, false
			out = append(out, im)
			continue
		}
		after := m.placeAfter(text, places, ims, im.End)
		if p := after; p != nil && im.Institution.Country != "" && im.Institution.City == "" && p.Country != im.Institution.Country && p.Country != "VN" {
			// "China Medical University Hospital (CMUH) in Taichung",
			// "Bệnh viện Đại học Y dược Trung Quốc (Đài Loan)": the place
			// right after the name says where it is; the country word
			// inside the name is only part of the name
			inst := *im.Institution
			inst.Country = p.Country
			if !p.IsCountry {
				inst.City = p.Name
			}
			im.Institution = &inst
			named[im.Institution.ID] = p.Country
			relocated[im.Institution.ID] = &inst
		}
		if im.Institution.Country == "" {
			c := named[im.Institution.ID]
			p := after
			switch {
			case c != "":
			case p != nil && p.Country != "VN":
				// "Bệnh viện Nhân dân huyện Hà Khẩu (tỉnh Vân Nam, Trung
				// Quốc)", past a place in the name before it; a place in
				// Viet Nam is left to countryBeside, whose foreignName
				// guard knows a foreign hospital working there
				c = p.Country
			case i+1 < len(ims) && !ims[i+1].Discovered && glosses(text, im.End, ims[i+1].Start):
				c = ims[i+1].Institution.Country // "Viện X (Bệnh viện Chợ Rẫy)": the parent's country
			default:
				c = countryBeside(places, im.Start, im.End)
				if c == "VN" && m.foreignName(im.Institution.Name) {
					c = "" // "Great Ormond Street Hospital … in Ho Chi Minh City"
				}
			}
			if c != "" {
				inst := *im.Institution
				inst.Country = c
				im.Institution = &inst
			}
		}
		out = append(out, im)
	}
	for i, im := range out {
		if in := m.glossed[im.Institution.ID]; in != nil && im.Discovered {
			out[i].Institution, out[i].Discovered = in, false // another mention (the headline's) of the name glossed below
		}
		if in := m.glossedFound[im.Institution.ID]; in != nil && im.Discovered {
			out[i].Institution = in // a mention before the gloss, or the headline's
		}
		if in := relocated[im.Institution.ID]; in != nil && im.Discovered {
			out[i].Institution = in // every mention of a name is where one of them says it is
		}
	}
	// A name found twice is one institution: the country one mention
	// gives ("Bệnh viện Đại học Kanazawa (Nhật Bản)") is the other's too.
	country := discoveredCountries(out)
	abroad := m.mainForeignCountry()
	for i, im := range out {
		if !im.Discovered || im.Institution.Country != "" {
			continue
		}
		c := country[im.Institution.ID]
		if c == "" && abroad != "" && m.foreignName(im.Institution.Name) {
			// "Université Laval" in a page that says "à Québec" three times
			c = abroad
		}
		if c != "" {
			inst := *im.Institution
			inst.Country = c
			out[i].Institution = &inst
		}
	}
	sameWithPlace(out, places)
	universityHospitals(out)
	return out
}

// restOfName reports whether a found name of kind after, right after a
// known one of kind before with between in the middle, goes on that name
// or names a part of it: the two are joined by a space alone and are of
// one kind, or a university's hospital follows it ("Seoul National
// University Bundang Hospital"), or a possessive joins them ("Osaka
// University's Graduate School of Medicine").
func restOfName(between string, before, after medcoop.PartyKind) bool {
	switch strings.TrimSpace(between) {
	case "":
		return before == after || before == medcoop.University && after == medcoop.Hospital
	case "'s", "’s":
		return true
	}
	return false
}

// universityHospitals makes a found hospital named after a university the
// page names before it ("Bệnh viện Đại học Y khoa Fujita" after "Đại học Y
// khoa Fujita", "Kanazawa University Hospital" after "Kanazawa
// University") that university: its own hospital, not another party.
func universityHospitals(ims []lexicon.InstitutionMention) {
	for i, h := range ims {
		if !h.Discovered || h.Institution.Kind != medcoop.Hospital {
			continue
		}
		for _, u := range ims[:i] {
			if u.Institution.Kind == medcoop.University && u.End <= h.Start && holdsWords(h.Surface, u.Surface) {
				ims[i].Institution, ims[i].Discovered = u.Institution, u.Discovered
				break
			}
		}
	}
}

// sameWithPlace makes a discovered name written once with its city and
// once without ("l'hôpital Preah Ang Duong de Phnom Penh", "l'hôpital
// Preah Ang Duong") one institution: the fuller mention's.
func sameWithPlace(ims []lexicon.InstitutionMention, places []lexicon.PlaceMention) {
	for i, short := range ims {
		if !short.Discovered {
			continue
		}
		key := textnorm.Key(short.Surface)
		for _, long := range ims {
			if !long.Discovered || long.Institution.ID == short.Institution.ID || long.Institution.City == "" {
				continue
			}
			lk := textnorm.Key(long.Surface)
			rest, ok := strings.CutPrefix(lk, key+" ")
			if !ok || !slices.ContainsFunc(places, func(p lexicon.PlaceMention) bool {
				return long.Start <= p.Start && p.End == long.End && strings.HasSuffix(lk, textnorm.Key(p.Surface))
			}) || len(strings.Fields(rest)) > len(strings.Fields(textnorm.Key(long.Institution.City)))+1 {
				continue // only a connector and the city may follow: "de Phnom Penh"
			}
			ims[i].Institution = long.Institution
			break
		}
	}
}

// mainForeignCountry is the country other than Viet Nam that the page's
// places name most often (the first to reach that count on a tie), or "": where a partner
// whose name says nothing of its country most likely comes from.
func (m *mentions) mainForeignCountry() string {
	count := map[string]int{}
	best := ""
	for _, p := range m.places {
		if p.Country == "" || p.Country == "VN" {
			continue
		}
		count[p.Country]++
		if best == "" || count[p.Country] > count[best] {
			best = p.Country
		}
	}
	return best
}

// discoveredCountries maps each discovered institution to the first
// country one of its mentions gives.
func discoveredCountries(ims []lexicon.InstitutionMention) map[string]string {
	out := map[string]string{}
	for _, im := range ims {
		if im.Discovered && im.Institution.Country != "" && out[im.Institution.ID] == "" {
			out[im.Institution.ID] = im.Institution.Country
		}
	}
	return out
}

// foreignName reports whether a discovered institution's name holds a
// word that is neither a Vietnamese syllable nor a generic word of
// institution names ("Hospital", "Université"): "Great Ormond Street
// Hospital", "Bệnh viện Hermanos Ameijeiras". A place near such a name in
// Viet Nam is where it works, not its country.
func (m *mentions) foreignName(name string) bool {
	langDataOnce.Do(loadLangData)
	for _, word := range strings.Fields(name) {
		if acronym(word) {
			continue // "ĐKQT", "BVĐK": an abbreviation says nothing of the language
		}
		for _, w := range strings.Fields(textnorm.Key(word)) {
			if isASCIIWord(w) && !viSyllables[w] && !nameWord(w) {
				return true
			}
		}
	}
	return false
}

// acronym reports whether word is two or more letters, all capitals.
func acronym(word string) bool {
	n := 0
	for _, r := range word {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// nameWord reports whether w, folded, is a generic word of institution
// names in any language: Vietnamese pages keep English ones ("Bệnh viện
// Quốc tế City") and English pages French ones.
func nameWord(w string) bool {
	for l := range Extracted {
		if slices.Contains(assemblyWords(l).NameWords, w) {
			return true
		}
	}
	return false
}

// properName reports whether a discovered name has a capitalised word
// beyond its head: "Hôpital Pratique de Clermont-Ferrand" has, "hôpital
// universitaire de 1 000" has not.
func properName(name string) bool {
	words := strings.Fields(name)
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// glosses reports whether text[end:next] is just an opening bracket: the
// next institution explains the one before it.
func glosses(text string, end, next int) bool {
	if next < end || next-end > 3 {
		return false
	}
	return strings.TrimSpace(text[end:next]) == "("
}

// appositionBytes bounds what stands between a name and its apposition:
// a comma and an article.
const appositionBytes = 6

// apposes reports whether discovered mention im describes the known
// institution named right before it, after a comma, in its city:
// "l'Angkor Hospital for Children, l'hôpital pédiatrique de Siem Reap";
// or, after a bare comma, in lower case, in its country or none, when
// one of the two has no city: "l'Institut Paoli-Calmettes (IPC), centre
// de lutte contre le cancer de Marseille", "le Centre Georges-François
// Leclerc, centre de lutte contre le cancer de Bourgogne".
func apposes(text string, prev, im lexicon.InstitutionMention) bool {
	if prev.Discovered || prev.Institution.Kind != im.Institution.Kind || !afterComma(text, prev, im, appositionBytes) {
		return false
	}
	if medcoop.SameCity(prev.Institution.City, im.Institution.City) {
		return true
	}
	// a description in lower case, where one of the two has no city (a
	// region is none), in the same country or none: only a bare comma, no
	// article, may stand between, so that a list ("X, le centre
	// hospitalier de Vichy et …") stays a list
	r, _ := utf8.DecodeRuneInString(im.Surface)
	return (prev.Institution.City == "" || im.Institution.City == "") &&
		(im.Institution.Country == "" || prev.Institution.Country == im.Institution.Country) && unicode.IsLower(r) &&
		strings.TrimSpace(pastAcronym(text[prev.End:im.Start])) == ","
}

// afterComma reports whether im follows prev within max bytes, after a
// comma and with no other punctuation between them.
func afterComma(text string, prev, im lexicon.InstitutionMention, max int) bool {
	if im.Start < prev.End || im.Start-prev.End > max+maxAcronymBytes {
		return false
	}
	between := pastAcronym(text[prev.End:im.Start])
	return len(between) <= max && strings.HasPrefix(between, ",") && !strings.ContainsAny(between[1:], ",;.()")
}

// pastAcronym returns between, the text between two names, without the
// spaces that open it and an acronym in brackets right after the first
// name ("Universiti Malaya Medical Centre (UMMC), le grand hôpital…").
func pastAcronym(between string) string {
	between = strings.TrimLeft(between, " ")
	if rest, ok := strings.CutPrefix(between, "("); ok {
		if acr, tail, closed := strings.Cut(rest, ")"); closed && len(acr) <= maxAcronymBytes {
			return tail
		}
	}
	return between
}

// maxAcronymBytes bounds the brackets right after a name that afterComma
// reads past: an acronym ("(UMMC)", "(IPC)").
const maxAcronymBytes = 12

// descriptionBytes bounds what stands between a name and a description
// of it: a comma and a word or two ("principal", "the largest").
const descriptionBytes = 24

// describes reports whether discovered mention im, a name in lower case,
// describes the institution right before it, past a comma and a word or
// two: one that says only its country ("l'hôpital Preah Ang Duong de Phnom
// Penh, principal hôpital ophtalmologique public du Cambodge"), the
// institution's own city ("l'hôpital Hermanos Ameijeiras, le grand hôpital
// universitaire de La Havane") or no place of its own ("Gustave Roussy,
// premier centre de lutte contre le cancer en Europe").
func describes(text string, prev, im lexicon.InstitutionMention, joiners []string) bool {
	if prev.Institution.Kind != im.Institution.Kind {
		return false
	}
	r, _ := utf8.DecodeRuneInString(im.Surface)
	if !unicode.IsLower(r) || !afterComma(text, prev, im, descriptionBytes) {
		return false
	}
	if next := strings.Fields(textnorm.Key(text[im.End:min(len(text), im.End+descriptionBytes)])); len(next) > 0 &&
		!strings.HasPrefix(strings.TrimLeft(text[im.End:], " "), ",") && slices.Contains(joiners, next[0]) {
		return false // a list: "l'hôpital Calmette, le centre de lutte contre le cancer Henri-Becquerel et l'hôpital Bach Mai"
	}
	switch in := im.Institution; {
	case in.City != "":
		// the institution's own city, or its country when it has no city
		// ("l'hôpital Hermanos Ameijeiras, le grand hôpital universitaire
		// de La Havane")
		return !prev.Discovered && (medcoop.SameCity(prev.Institution.City, in.City) ||
			prev.Institution.City == "" && prev.Institution.Country == in.Country)
	case in.Country != "":
		return prev.Institution.Country == "" || prev.Institution.Country == in.Country
	}
	return !prev.Discovered
}

// besideBytes is how close a place must stand to a name to give it its country.
const besideBytes = 24

// countryBeside returns the country of one of places (found in the same
// text as [start, end)) named within a few bytes before or after it, or "".
func countryBeside(places []lexicon.PlaceMention, start, end int) string {
	best, bestGap := "", besideBytes+1
	for _, p := range places {
		gap := -1
		switch {
		case p.End <= start && start-p.End <= besideBytes:
			gap = start - p.End
		case p.Start >= end && p.Start-end <= besideBytes:
			gap = p.Start - end
		}
		if gap >= 0 && gap < bestGap && p.Country != "" {
			best, bestGap = p.Country, gap
		}
	}
	return best
}

// placeAfter returns the place that says where the name ending at end
// is: a city named within a few bytes after it with nothing between but
// an acronym, punctuation and words that locate ("… (CMUH) in Taichung",
// "(CMUH, thành phố Đài Trung…)"), or a country in brackets right after
// it ("… (Đài Loan)"); never a place inside another name (ims); or nil.
func (m *mentions) placeAfter(text string, places []lexicon.PlaceMention, ims []lexicon.InstitutionMention, end int) *lexicon.PlaceMention {
	for i, p := range places {
		if p.Start < end || p.Start-end > besideBytes || p.Country == "" || insideAny(ims, p.Start, p.End) {
			continue
		}
		between := text[end:p.Start]
		if p.IsCountry {
			if strings.TrimSpace(between) == "(" && strings.HasPrefix(text[p.End:], ")") {
				return &places[i]
			}
			continue
		}
		if m.onlyLocating(between) {
			return &places[i]
		}
	}
	return nil
}

// onlyLocating reports whether between holds nothing but punctuation,
// acronyms and the language's LocatedIn words ("in", "tại", "thành phố").
func (m *mentions) onlyLocating(between string) bool {
	var rest []string
	for _, w := range strings.FieldsFunc(between, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(),", r) }) {
		if !acronym(w) {
			rest = append(rest, w)
		}
	}
	key := " " + textnorm.Key(strings.Join(rest, " ")) + " "
	for _, w := range assemblyWords(m.lang).LocatedIn {
		key = strings.ReplaceAll(key, " "+w+" ", " ")
	}
	return strings.TrimSpace(key) == ""
}

// resolveShared chooses, for a name several countries' institutions share
// ("hôpital national de pédiatrie" is Hanoi's and Phnom Penh's), the one
// a place right beside the name locates, else the one the page also names
// unambiguously, else the one whose country the page's places name most
// often, else the name's holder. titlePlaces are every place the title names.
func (m *mentions) resolveShared(titlePlaces []lexicon.PlaceMention) {
	shared := func(im lexicon.InstitutionMention) bool { return len(im.Alternatives) > 0 }
	if !slices.ContainsFunc(m.insts, shared) && !slices.ContainsFunc(m.titleInst, shared) {
		return // most pages: nothing to choose
	}
	named := map[*lexicon.Institution]bool{}
	for _, ims := range [][]lexicon.InstitutionMention{m.insts, m.titleInst} {
		for _, im := range ims {
			if len(im.Alternatives) == 0 {
				named[im.Institution] = true
			}
		}
	}
	countries := map[string]int{}
	for _, ps := range [][]lexicon.PlaceMention{m.places, titlePlaces} {
		for _, p := range ps {
			countries[p.Country]++
		}
	}
	better := func(a, b *lexicon.Institution) bool {
		if named[a] != named[b] {
			return named[a]
		}
		return countries[a.Country] > countries[b.Country]
	}
	for _, in := range m.placed(titlePlaces) {
		for i := range in.ims {
			im := &in.ims[i]
			// a place right beside the name says whose it is ("the National
			// Pediatric Hospital in Phnom Penh")
			beside := countryBeside(in.places, im.Start, im.End)
			for k, alt := range im.Alternatives {
				if im.Institution.Country != beside && (alt.Country == beside || better(alt, im.Institution)) {
					im.Alternatives[k], im.Institution = im.Institution, alt
				}
			}
		}
	}
}

// resolveShortForms gives a discovered institution the gazetteer entry it
// is a short form of: "Trường Đại học Khoa học Sức khỏe" in a page about
// Laos is the Lao University of Health Sciences, whose alias it begins,
// when exactly one institution of a country the page names fits; "the
// First Affiliated Hospital" is the one the page names in full.
func (m *mentions) resolveShortForms(g *lexicon.Gazetteer, titlePlaces []lexicon.PlaceMention) {
	named := map[string]bool{}
	for _, p := range append(titlePlaces, m.places...) {
		named[p.Country] = true
	}
	onPage := map[*lexicon.Institution]bool{}
	for _, im := range append(slices.Clone(m.insts), m.titleInst...) {
		if !im.Discovered {
			onPage[im.Institution] = true
		}
	}
	resolve := func(ims []lexicon.InstitutionMention) {
		for i, im := range ims {
			if !im.Discovered {
				continue
			}
			key := textnorm.Key(im.Surface)
			words := len(strings.Fields(key))
			var found *lexicon.Institution
			var candidates []*lexicon.Institution
			n := 0
			for _, inst := range g.All() {
				if !named[inst.Country] && !onPage[inst] {
					continue
				}
				for _, a := range g.Keys(inst) {
					// The short form must carry most of the name: "Viện Nghiên"
					// is not the start of every research institute. The page
					// naming the institution in full shortens it further ("the
					// First Affiliated Hospital").
					if a == key || (strings.HasPrefix(a, key+" ") && (10*words >= 6*len(strings.Fields(a)) || onPage[inst] && words >= 2)) {
						found = inst
						candidates = append(candidates, inst)
						n++
						break
					}
				}
			}
			if n > 1 { // the one the page also names in full
				candidates = slices.DeleteFunc(candidates, func(in *lexicon.Institution) bool { return !onPage[in] })
				if n = len(candidates); n == 1 {
					found = candidates[0]
				}
			}
			if n == 1 {
				ims[i].Institution, ims[i].Discovered = found, false
			}
		}
	}
	resolve(m.insts)
	resolve(m.titleInst)
}

// resolveShortenedNames gives a discovered name the institution, known or
// found, the page names in full under a name it shortens by dropping
// words of ShortenedNameWords: "hôpital de l'Amitié de Nghe An" after
// "l'hôpital général de l'Amitié de Nghe An", "l'université de Hai Duong"
// after "l'Université technique médicale de Hai Duong". A name that
// shortens several stays.
func (m *mentions) resolveShortenedNames() {
	drop := assemblyWords(m.lang).ShortenedNameWords
	if len(drop) == 0 {
		return
	}
	m.resolveFoundNames(func(lexicon.InstitutionMention) bool { return true },
		func(short, full nameWords) bool { return shortenedName(short.folded, full.folded, drop) })
}

// resolveInitialisms gives a discovered name that opens on an acronym
// ("PA Hospital") the institution the page names in full with those
// initials and the same closing words ("Princess Alexandra Hospital").
// An acronym that fits several names stays.
func (m *mentions) resolveInitialisms() {
	m.resolveFoundNames(func(im lexicon.InstitutionMention) bool { return len(strings.Fields(im.Surface)) > 2 },
		func(short, full nameWords) bool {
			return acronym(short.written[0]) && initialism(short.written, full.written)
		})
}

// nameWords are the words of a name as written and folded (textnorm.Key).
type nameWords struct{ written, folded []string }

// wordsOf splits a name into its words as written and folded.
func wordsOf(name string) nameWords {
	return nameWords{strings.Fields(name), strings.Fields(textnorm.Key(name))}
}

// resolveFoundNames gives each discovered name of the text and the title
// the one institution, among the page's names that full keeps, whose
// words (as written) the name's words abbreviate (abbreviates); a name
// that fits several institutions, or none, stays.
func (m *mentions) resolveFoundNames(full func(lexicon.InstitutionMention) bool, abbreviates func(short, full nameWords) bool) {
	discovered := func(im lexicon.InstitutionMention) bool { return im.Discovered }
	if !slices.ContainsFunc(m.insts, discovered) && !slices.ContainsFunc(m.titleInst, discovered) {
		return // most pages: nothing to resolve
	}
	type fullName struct {
		im    lexicon.InstitutionMention
		words nameWords
	}
	var names []fullName
	for _, im := range append(slices.Clone(m.insts), m.titleInst...) {
		if full(im) && !slices.ContainsFunc(names, func(f fullName) bool { return f.im.Institution.ID == im.Institution.ID }) {
			names = append(names, fullName{im, wordsOf(im.Surface)})
		}
	}
	for _, ims := range [][]lexicon.InstitutionMention{m.insts, m.titleInst} {
		for i, im := range ims {
			if !im.Discovered {
				continue
			}
			short := wordsOf(im.Surface)
			if len(short.written) < 2 {
				continue
			}
			var found *fullName
			for k, f := range names {
				if f.im.Institution.ID == im.Institution.ID || !abbreviates(short, f.words) {
					continue
				}
				if found != nil {
					found = nil
					break
				}
				found = &names[k]
			}
			if found != nil {
				ims[i].Institution, ims[i].Discovered = found.im.Institution, found.im.Discovered
			}
		}
	}
}

// initialism reports whether short, an acronym and closing words ("PA
// Hospital"), abbreviates full ("Princess Alexandra Hospital"): the same
// closing words, the acronym's letters the initials of the words before.
func initialism(short, full []string) bool {
	tail := short[1:]
	n := len(full) - len(tail)
	if n < 2 || n != len([]rune(short[0])) {
		return false
	}
	for k, w := range tail {
		if textnorm.Key(w) != textnorm.Key(full[n+k]) {
			return false
		}
	}
	for k, r := range []rune(short[0]) {
		if first, _ := utf8.DecodeRuneInString(full[k]); unicode.ToUpper(first) != r {
			return false
		}
	}
	return true
}

// shortenedName reports whether the words short are the words full less
// some of drop, in order, with at least one dropped.
func shortenedName(short, full, drop []string) bool {
	if len(short) >= len(full) || len(short) < 2 {
		return false
	}
	j := 0
	for _, w := range full {
		switch {
		case j < len(short) && w == short[j]:
			j++
		case !slices.Contains(drop, w):
			return false
		}
	}
	return j == len(short)
}

// publisher is the gazetteer institution a site is named after, if any:
// a hospital's or university's own news site speaks of itself as "le CHU",
// "Nhà trường" or "our teams", and is a party to what it announces.
func publisher(g *lexicon.Gazetteer, siteName string) *lexicon.Institution {
	if siteName == "" {
		return nil
	}
	for _, im := range g.Find(siteName) {
		if !im.Discovered && im.End-im.Start >= len(siteName)/2 {
			return im.Institution
		}
	}
	return nil
}

// assemble makes the events of a document from its mentions. A document
// reports a cooperation event when a cooperation cue and at least two
// institutions (or one and a foreign country) stand in the same sentence
// or in the title; the institutions named in those sentences, less the
// witnesses, are its parties.
func assemble(doc *medcoop.Document, published time.Time, siteName string) ([]medcoop.Event, *mentions) {
	m := findMentions(doc, published, siteName)
	history := m.historySentences(published)
	cueSents := m.cueSentences(history)
	if !m.headlineCue(cueSents) {
		return []medcoop.Event{}, &m
	}
	parties, partyScore := m.parties(doc, cueSents)
	if len(parties) < 2 || !international(parties) {
		return []medcoop.Event{}, &m
	}
	others := m.otherEventSentences(parties)
	ev := medcoop.Event{
		Type:      m.eventType(cueSents),
		Parties:   parties,
		Countries: countriesOf(parties),
		People:    []medcoop.Person{},
	}
	ev.Date = m.eventDate(cueSents, published, others)
	ev.Domains, m.domainsLeftOut = m.eventDomains(published, ev, others, history)
	ev.Domains = m.typeDomain(ev.Type, cueSents, ev.Domains)
	ev.Place = m.eventPlace(cueSents)
	m.addModelPeople() // only for events: the model is slow
	ev.People = m.eventPeople(parties)
	ev.Confidence = confidence(m, cueSents, partyScore, ev.Date != nil, len(parties))
	year := ""
	if ev.Date != nil {
		year = ev.Date.Value[:4]
	} else if !published.IsZero() {
		year = published.Format("2006")
	}
	ev.ID = medcoop.EventID(leadParties(ev.Parties), year)
	return []medcoop.Event{ev}, &m
}

// ledeSentences is how far into the text a cooperation must be told for
// the page to be about it: news puts the event in the headline or the
// lede, and a graduation or an annual report that mentions a partnership
// in its seventh sentence is not a cooperation event.
const ledeSentences = 4

// titleCue reports whether the title holds a cooperation cue.
func (m mentions) titleCue() bool {
	return slices.ContainsFunc(m.titleCues, func(c lexicon.Cue) bool { return c.Negative == "" && c.Strength >= minCueStrength })
}

// headlineCue reports whether the title or the lede holds a cooperation cue.
func (m mentions) headlineCue(cueSents []int) bool {
	return m.titleCue() || len(cueSents) > 0 && cueSents[0] < ledeSentences
}

// historySentences are the sentences that tell history, not the event
// ("a débuté dans les années 1980", "Trước đó, tháng 10/2025, bệnh viện
// đã ký…", "Fondée en 2014, la BMTU forme…"): a history cue and a
// historical date or one well before the publication, or a history cue
// and an opening that tells history by itself ("Depuis, plus de 120
// médecins…"); a recent date keeps a sentence the event's. A span of
// years that ended over a year before publication ("Entre 2002 et 2019,
// il s'est rendu…") tells history with no history cue, unless the
// sentence holds another date or a strong cue (pastSpans).
func (m mentions) historySentences(published time.Time) map[int]bool {
	words := assemblyWords(m.lang)
	histCue, histDate := map[int]bool{}, map[int]bool{}
	for _, c := range m.cues {
		if c.Negative == "history" {
			si := m.sentenceOf(c.Start)
			histCue[si] = true
			if si >= 0 && opensWithWord(m.sentenceKey(si), words.HistoryOpening) {
				histDate[si] = true // "Depuis, plus de 120 médecins ont effectué un stage": the sentence opens on history
			}
		}
	}
	recent := map[int]bool{}
	for _, d := range m.dates {
		si := m.sentenceOf(d.Start)
		if long := !published.IsZero() && d.Time.Before(published.AddDate(0, -earlierMonths, 0)); d.Historical || long {
			histDate[si] = true
			if long && wordBefore(m.text, d.Start, words.SinceYear) {
				histCue[si] = true // "has funded projects in Soc Trang since 2019": a record, told by itself
			}
		} else {
			recent[si] = true // "partners since 2019, they signed on Monday": still this event's
		}
	}
	for si := range recent {
		delete(histDate, si)
	}
	history := map[int]bool{}
	for si := range histCue {
		history[si] = histDate[si]
	}
	for si := range m.pastSpans(published) {
		history[si] = true // a span of years long past tells history without a history cue
	}
	return history
}

// cueSentences are the indexes of sentences holding a strong enough cue.
func (m mentions) cueSentences(history map[int]bool) []int {
	var out []int
	headline := m.titleCue()
	for _, c := range m.cues {
		if c.Negative != "" || c.Strength < weakCue {
			continue
		}
		si := m.sentenceOf(c.Start)
		if si < 0 || history[si] || slices.Contains(out, si) {
			continue
		}
		// Under a headline with a cue ("Taiwanese stroke team begins
		// two-week course"), a bare word of cooperation in the lede
		// ("began a two-week stroke course at…") tells the event the
		// headline names, whichever word it is.
		// A word of cooperation inside a name ("Cơ quan Hợp tác Quốc tế
		// Hàn Quốc") tells nothing.
		// After a lede sentence with a strong cue, such a word adds
		// nothing: "Deux internes passeront six mois au Vinatier" after
		// the signing names a host, not a partner.
		if c.Strength < minCueStrength && (!headline || si >= ledeSentences || insideAny(m.insts, c.Start, c.End) ||
			slices.ContainsFunc(out, func(o int) bool { return o > 0 && m.hasCue(o, "", minCueStrength) })) {
			continue
		}
		// "Le CHU a reçu ce mois-ci une autre délégation étrangère": the
		// page turns to another event.
		if m.turnsAway(si) {
			continue
		}
		out = append(out, si)
	}
	slices.Sort(out)
	return out
}

// pastSpans are the sentences whose only dates are one span of years
// that ended more than a year before publication ("Entre 2002 et 2019",
// "2004–2018") and that hold no strong cue: they tell history. A span
// still running ("giai đoạn 2021–2025" published in 2025), a lone "fondé
// en 1910" beside "depuis 2005", or a signing cue keeps the sentence.
func (m mentions) pastSpans(published time.Time) map[int]bool {
	out := map[int]bool{}
	if published.IsZero() {
		return out
	}
	perSentence := map[int][]*dates.Mention{}
	for i := range m.dates {
		d := &m.dates[i]
		si := m.sentenceOf(d.Start)
		perSentence[si] = append(perSentence[si], d)
	}
	for si, ds := range perSentence {
		if si < 0 || len(ds) != 2 {
			continue
		}
		a, b := ds[0], ds[1]
		ended := b.Time.AddDate(1, 0, 0) // a year's date is its first day; the span runs to its end
		if !a.Historical || !b.Historical || b.Start-a.End > maxSpanGap || !ended.Before(published.AddDate(-1, 0, 0)) {
			continue
		}
		if !m.hasCue(si, "", strongCue) {
			out[si] = true
		}
	}
	return out
}

// maxSpanGap is how many bytes may part the two years of one span
// ("2002 et 2019", "2004–2018", "2002 đến năm 2019").
const maxSpanGap = 12

// sentenceOf returns the index of the sentence holding byte offset pos.
func (m mentions) sentenceOf(pos int) int {
	i := sort.Search(len(m.sentences), func(i int) bool { return m.sentences[i].End > pos })
	if i < len(m.sentences) && m.sentences[i].Start <= pos {
		return i
	}
	return -1
}

func (m mentions) evidence(pos int) *medcoop.Evidence {
	i := m.sentenceOf(pos)
	if i < 0 {
		return nil
	}
	s := m.sentences[i]
	return &medcoop.Evidence{Text: s.Text, Start: s.Start, End: s.End}
}

// maxNotParty bounds how far after a name the words that say it is no
// party are looked for.
const maxNotParty = 60

// isWitness reports whether the institution mention at [start, end) is
// introduced by a witness phrase ("en présence de", "với sự chứng kiến của",
// "funded by"), framed by one ("do Cơ quan Hợp tác Quốc tế Nhật Bản
// (JICA) tài trợ": funded by, in Vietnamese word order) or followed by
// words that say it is no party ("sans être partie à l'accord").
func isWitness(text string, start, end int, lang string) bool {
	words := assemblyWords(lang)
	if phraseBefore(text, start, words.Witness) {
		return true
	}
	after := text[end:min(len(text), end+40)]
	if rest, ok := strings.CutPrefix(strings.TrimLeft(after, " "), "("); ok {
		if _, tail, closed := strings.Cut(rest, ")"); closed {
			after = tail // the acronym after a name: "(JICA) tài trợ"
		}
	}
	if containsWord(" "+textnorm.Key(text[end:min(len(text), end+maxNotParty)])+" ", words.NotParty) {
		return true // "l'hôpital Mahosot, qui les accueille sans être partie à l'accord"
	}
	after = " " + textnorm.Key(after) + " "
	before := textnorm.Key(text[textnorm.Back(text, start, 60):start])
	for _, a := range words.WitnessAround {
		if (before == a.Before || strings.HasSuffix(before, " "+a.Before)) && opensWithWord(after, a.After) {
			return true
		}
	}
	return false
}

// phraseBefore reports whether one of phrases (folded) ends right before
// start, or a few words before it ("in the presence of Dr").
func phraseBefore(text string, start int, phrases []string) bool {
	before := textnorm.Key(text[textnorm.Back(text, start, 60):start])
	for _, w := range phrases {
		if strings.HasSuffix(before, w) || strings.Contains(before, w+" ") && len(before)-strings.LastIndex(before, w) < len(w)+25 {
			return true
		}
	}
	return false
}

// wordBefore reports whether one of words (folded) ends the text right
// before start: "since" before "2019".
func wordBefore(text string, start int, words []string) bool {
	before := " " + textnorm.Key(text[textnorm.Back(text, start, 30):start])
	return slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(before, " "+w) })
}

// parentOf reports whether institution mention i names the body the one
// before it belongs to ("Viện Tim mạch Việt Nam (Bệnh viện Bạch Mai)",
// a group's acronym right after its hospital: "hôpital Necker AP-HP",
// "Ramathibodi Hospital, part of Mahidol University") or the body that a
// hospital named another way belongs to (parentPhraseBefore): a parent
// named there is not a party.
func (m mentions) parentOf(i int) bool {
	if m.parentPhraseBefore(m.insts[i].Start) {
		return true // "the French hospital, part of the Paris public hospital group AP-HP"
	}
	if i == 0 {
		return false
	}
	prev, im := m.insts[i-1], m.insts[i]
	if prev.Institution.ID == im.Institution.ID || im.Start < prev.End || im.Start-prev.End > 40 {
		return false
	}
	between := strings.TrimSpace(m.text[prev.End:im.Start])
	if between == "(" {
		return true // "Viện Tim mạch (Bệnh viện Bạch Mai)"
	}
	if between == "" && !strings.Contains(m.text[prev.End:im.Start], "\n") &&
		prev.Institution.Kind == medcoop.Hospital && allCaps(im.Surface) {
		return true // "l'hôpital Necker-Enfants malades AP-HP": the group's acronym right after its hospital
	}
	key := " " + textnorm.Key(between) + " "
	words := assemblyWords(m.lang)
	if prev.Institution.Kind == medcoop.Hospital && im.Institution.Kind == medcoop.University &&
		slices.Contains(words.ParentJoiner, strings.TrimSpace(key)) {
		return true // "l'hôpital de Chine occidentale de l'université du Sichuan": the university's own hospital
	}
	// "HEGP, établissement de l'AP-HP", "… (HEGP), établissement de
	// l'AP-HP"; not "Le CHU, établissement de recours, et l'hôpital Bach
	// Mai", where the clause ends before the next name.
	rest, ok := strings.CutPrefix(strings.TrimPrefix(between, ")"), ",")
	return ok && len(listItems(rest, words.ListJoiners)) == 1 && opensWithWord(key, words.Parent)
}

// parentPhraseBefore reports whether the clause that ends at pos, after
// its last comma in the sentence and within parentBytes, opens with a word
// of belonging and follows a noun for an institution ("the French
// hospital, part of the Paris public hospital group AP-HP"): the
// institution named there is the body that hospital belongs to. After a
// person ("Dr An, a member of the board of…") or a place ("in Hanoi, part
// of a programme with…") it is not.
func (m mentions) parentPhraseBefore(pos int) bool {
	si := m.sentenceOf(pos)
	if si < 0 {
		return false
	}
	start := m.sentences[si].Start
	before := m.text[max(start, pos-parentBytes):pos]
	c := strings.LastIndex(before, ",")
	if c < 0 {
		return false
	}
	words := assemblyWords(m.lang)
	key := " " + textnorm.Key(before[c+1:]) + " "
	if !opensWithWord(key, words.Parent) {
		return false
	}
	comma := pos - len(before) + c
	subject := " " + textnorm.Key(m.text[max(start, comma-parentBytes):comma])
	return slices.ContainsFunc(words.ParentSubject, func(w string) bool { return strings.HasSuffix(subject, " "+w) })
}

// parentBytes is how far before an institution a word of belonging is
// looked for.
const parentBytes = 60

// attendanceBytes is how much of a sentence's opening is read for an
// attendance phrase: more than the longest of them.
const attendanceBytes = 80

// attendanceSentences are the sentences that open on who attended
// ("Tham dự lễ ký có…", "Étaient présents…"): the institutions they name
// witnessed the event.
func (m mentions) attendanceSentences() map[int]bool {
	out := map[int]bool{}
	words := assemblyWords(m.lang).Attendance
	for si, sent := range m.sentences {
		cut := min(len(sent.Text), attendanceBytes) // the phrases open the sentence
		for cut < len(sent.Text) && !utf8.RuneStart(sent.Text[cut]) {
			cut++
		}
		key := " " + textnorm.Key(sent.Text[:cut]) + " "
		if opensWithWord(key, words) {
			out[si] = true
		}
	}
	return out
}

// parties picks the event's parties: institutions in the cue sentences and
// the title, weighted by where they stand, then by how often the text
// names them; a cue sentence that opens on a subject pronoun counts for
// the sentence before it too (subjectGoesOn). Ministries and embassies
// count only when they act.
func (m mentions) parties(doc *medcoop.Document, cueSents []int) ([]medcoop.Party, float64) {
	type cand struct {
		inst     *lexicon.Institution
		score    float64
		first    int
		surface  []string
		evidence []medcoop.Evidence
		// discovered is set when the name was found by pattern, not in
		// the gazetteer; bodyMentions counts its mentions in the text.
		discovered   bool
		bodyMentions int
		// sentences counts the sentences that name it; lastSentence is
		// the last of them.
		sentences, lastSentence int
		// lede is set when the title or the lede names it.
		lede bool
	}
	cands := map[string]*cand{}
	get := func(in *lexicon.Institution, pos int) *cand {
		c, ok := cands[in.ID]
		if !ok {
			c = &cand{inst: in, first: pos}
			cands[in.ID] = c
		}
		return c
	}
	inCue := map[int]bool{}
	for _, i := range cueSents {
		inCue[i] = true
		if m.subjectGoesOn(i) {
			inCue[i-1] = true // "X sont arrivés à Phnom Penh. Ils inaugurent le programme…"
		}
	}
	bothActed, credited := m.bothParties(doc.Text, inCue), map[string]bool{}
	hosts := m.hostsOfOthers()
	for i, im := range m.insts {
		si := m.sentenceOf(im.Start)
		c := get(im.Institution, im.Start)
		if !slices.Contains(c.surface, im.Surface) {
			c.surface = append(c.surface, im.Surface)
		}
		if isWitness(doc.Text, im.Start, im.End, doc.Lang) || m.attendance[si] || m.parentOf(i) {
			continue
		}
		w := 0.2
		both := !inCue[si] && bothActed[im.Institution.ID] && !credited[im.Institution.ID]
		if both {
			credited[im.Institution.ID] = true // once, for the sentence that names the pair
		}
		if (inCue[si] || both) && !hosts[i] {
			w = 1
			if ev := m.evidence(im.Start); ev != nil && len(c.evidence) < 3 && !hasEvidence(c.evidence, *ev) {
				c.evidence = append(c.evidence, *ev)
			}
		}
		c.discovered = c.discovered || im.Discovered
		c.bodyMentions++
		if c.sentences == 0 || si != c.lastSentence {
			c.sentences++
			c.lastSentence = si
		}
		c.score += w
		if si >= 0 && si < ledeSentences {
			c.lede = true
		}
	}
	for _, im := range m.titleInst {
		c := get(im.Institution, -1)
		c.lede = true
		c.score += titleWeight
		c.discovered = c.discovered || im.Discovered
		if !slices.Contains(c.surface, im.Surface) {
			c.surface = append(c.surface, im.Surface)
		}
	}
	// A headline that names a city for its institution ("une délégation
	// de Ca Mau en visite au CHU de Poitiers") names the one the lede
	// names in that city; of several, the one the text credits most
	// ("Chiang Mai faculty" is the signing faculty, not the hospital
	// where its students will work).
	if m.titleCue() {
		seen, bonus := map[string]bool{}, map[*cand]bool{}
		for _, p := range m.titlePlaces {
			if p.IsCountry || seen[p.Name] {
				continue
			}
			seen[p.Name] = true
			var in []*cand // the lede's candidates in the headline's city, best first
			for _, c := range cands {
				if c.lede && c.inst.City != "" && medcoop.SameCity(p.Name, c.inst.City) {
					in = append(in, c)
				}
			}
			slices.SortFunc(in, func(a, b *cand) int { return cmp.Compare(b.score, a.score) })
			if len(in) == 1 || len(in) > 1 && in[0].score > in[1].score {
				bonus[in[0]] = true
			}
		}
		for c := range bonus {
			c.score += titleWeight
		}
	}
	// "Vietnam's top cancer hospital and Japan's National Cancer Center
	// launched…", "Le CHU de Brest équipe un hôpital laotien": a partner
	// a cue sentence or the headline describes by its country and kind
	// is the one institution of that country and kind the page names
	// elsewhere.
	var descs []description
	for _, si := range cueSents {
		s := m.sentences[si]
		descs = append(descs, m.describedInstitutions(m.text, m.places, m.insts, s.Start, s.End)...)
	}
	if len(cueSents) > 0 || m.titleCue() {
		descs = append(descs, m.describedInstitutions(m.title, m.titlePlaces, m.titleInst, 0, len(m.title))...)
	}
	for _, d := range descs {
		var only *cand
		n := 0
		for _, c := range cands {
			if c.inst.Country == d.country && c.inst.Kind == d.kind && c.bodyMentions > 0 {
				only, n = c, n+1
			}
		}
		if n == 1 && only.score < 1 {
			only.score = 1
		}
	}
	if pub := m.publisher; pub != nil && (len(cueSents) > 0 || len(m.titleCues) > 0) {
		// The publisher joins when another country's institution acts in
		// its news: a site's own CHU is a party to what the CHU announces.
		foreign := false
		for _, c := range cands {
			if c.score >= 1 && c.inst.Country != "" && c.inst.Country != pub.Country {
				foreign = true
			}
		}
		if foreign {
			c := get(pub, len(doc.Text))
			c.score = max(c.score, 1)
			if len(c.surface) == 0 {
				c.surface = []string{m.siteName} // as the site names itself
			}
		}
	}
	var list []*cand
	for _, c := range cands {
		if c.discovered && c.bodyMentions == 0 {
			continue // a name only the headline gives ("Ha Noi medical university") is not known well enough
		}
		minScore := 1.0
		if c.inst.Kind == medcoop.Ministry || c.inst.Kind == medcoop.Embassy || c.inst.Kind == medcoop.Agency {
			minScore = 1.5 // named in a cue sentence and again elsewhere
		}
		if c.score >= minScore {
			list = append(list, c)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].first < list[j].first
	})
	if len(list) > 2 && list[0].lede && list[1].lede {
		// Two partners lead the page: an institution named once, further
		// down, is another story's ("a week earlier, the hospital signed
		// with Inha University Hospital") or a partner of one of them
		// ("đang hợp tác với nhiều đối tác nước ngoài, trong đó có…").
		list = append(list[:2], slices.DeleteFunc(list[2:], func(c *cand) bool {
			return !c.lede && c.sentences < 2 && c.inst != m.publisher // "le Centre … (CDC) …; le CDC doit…" is one sentence
		})...)
	}
	var out []medcoop.Party
	total := 0.0
	for _, c := range list {
		out = append(out, medcoop.Party{
			ID: c.inst.ID, Name: c.inst.Name, Country: c.inst.Country, Kind: c.inst.Kind, City: c.inst.City,
			Surface: c.surface, Evidence: c.evidence,
		})
		total += c.score
	}
	return out, total
}

// hostsOfOthers returns the institutions (indexes into m.insts) named as
// the opening place of a sentence whose two or more other institutions
// come after it: "Sáng 12/3, tại Bệnh viện Trường Đại học Y Dược Cần Thơ,
// Trường Đại học Y Dược Cần Thơ và Khoa Y Lyon Est đã ký kết…" is signed
// by the two, at the first. A place after an actor ("a remis deux
// échographes à l'hôpital X", "operated on children at Hue Central
// Hospital") is a recipient or a worksite, not a host.
func (m mentions) hostsOfOthers() map[int]bool {
	out := map[int]bool{}
	for i, at := range m.insts {
		if !m.venue(at.Start) {
			continue
		}
		si := m.sentenceOf(at.Start)
		others, first := map[string]bool{}, true
		for _, im := range m.insts {
			if m.sentenceOf(im.Start) != si || im.Institution.ID == at.Institution.ID {
				continue
			}
			if im.Start < at.Start {
				first = false
				break
			}
			others[im.Institution.ID] = true
		}
		if first && len(others) >= 2 {
			out[i] = true
		}
	}
	return out
}

// bothParties returns the ids of the two institutions a cue sentence
// names again as a pair ("The visit is the first under a partnership
// between the two hospitals"): the two, and only two, acting institutions
// the text names before it. A sentence that names an institution itself
// says who acts.
func (m mentions) bothParties(text string, inCue map[int]bool) map[string]bool {
	words := assemblyWords(m.lang)
	for si := range m.sentences {
		if !inCue[si] || !containsWord(m.sentenceKey(si), words.BothParties) {
			continue
		}
		var before []string // ids
		named := false
		for i, im := range m.insts {
			switch ms := m.sentenceOf(im.Start); {
			case ms == si:
				named = true
			case ms < si && !isWitness(text, im.Start, im.End, m.lang) && !m.attendance[ms] && !m.parentOf(i) && !slices.Contains(before, im.Institution.ID):
				before = append(before, im.Institution.ID)
			}
		}
		if named || len(before) != 2 {
			continue
		}
		return map[string]bool{before[0]: true, before[1]: true}
	}
	return nil
}

// description is an institution a text describes by its country and kind
// instead of naming it.
type description struct {
	country string
	kind    medcoop.PartyKind
}

// describeWords is how many words after a country's possessive its noun
// of kind may stand ("Vietnam's top cancer hospital").
const describeWords = 4

// describedInstitutions returns the institutions that text[from:to]
// describes by a country (one of places, outside the names ims) and a
// noun of kind (data described_kinds) linked to it in the same clause
// (describedBy).
func (m mentions) describedInstitutions(text string, places []lexicon.PlaceMention, ims []lexicon.InstitutionMention, from, to int) []description {
	words := assemblyWords(m.lang)
	if len(words.DescribedNouns) == 0 {
		return nil
	}
	var out []description
	for _, p := range places {
		if !p.IsCountry || p.Start < from || p.End > to || p.End > len(text) || text[p.Start:p.End] != p.Surface ||
			insideAny(ims, p.Start, p.End) {
			continue
		}
		// the clause around the country, cut at punctuation and at a name
		lo, hi := from, to
		if i := strings.LastIndexAny(text[from:p.Start], ",;:.()«»\"“”"); i >= 0 {
			lo = from + i + 1
		}
		if i := strings.IndexAny(text[p.End:to], ",;:.()«»\"“”"); i >= 0 {
			hi = p.End + i
		}
		for _, im := range ims {
			if im.End <= p.Start && im.End > lo {
				lo = im.End
			}
			if im.Start >= p.End && im.Start < hi {
				hi = im.Start
			}
		}
		before := strings.Fields(textnorm.Key(text[lo:p.Start]))
		after := strings.Fields(textnorm.Key(text[p.End:hi]))
		if k, ok := describedBy(before, after, possessive(text[p.End:hi]), &words); ok {
			out = append(out, description{p.Country, k})
		}
	}
	return out
}

// describedBy returns the kind a country describes, given the folded
// words of its clause before and after it: a noun of lex.DescribedKinds
// right before it, or before a linker (data described_linkers) with at
// most one word between ("hôpital cambodgien", "hôpital pédiatrique du Cambodge",
// "bệnh viện của Nhật Bản"); or right after it, or after its possessive
// within describeWords words ("a Japanese university", "Vietnam's top
// cancer hospital"). A verb between ("l'hôpital part au Cambodge", "the
// hospital has partnered with Vietnam") describes nothing.
func describedBy(before, after []string, possessive bool, lex *assemblyLexicon) (medcoop.PartyKind, bool) {
	nounAt := func(words []string, i int) (medcoop.PartyKind, int) {
		for _, w := range lex.DescribedNouns {
			n := strings.Count(w, " ") + 1
			if i >= 0 && i+n <= len(words) && strings.Join(words[i:i+n], " ") == w {
				return lex.DescribedKinds[w], n
			}
		}
		return "", 0
	}
	// noun, then up to one word and a linker, then the country
	for gap := 0; gap <= 2 && gap <= len(before); gap++ {
		if gap > 0 && !slices.Contains(lex.DescribedLinkers, before[len(before)-1]) {
			break
		}
		for start := len(before) - gap - 1; start >= max(len(before)-gap-3, 0); start-- {
			if k, n := nounAt(before, start); n > 0 && start+n == len(before)-gap {
				return k, true
			}
		}
	}
	if k, n := nounAt(after, 0); n > 0 {
		return k, true
	}
	if possessive && len(after) > 0 {
		for i := 1; i < min(len(after), describeWords+1); i++ {
			if k, n := nounAt(after, i); n > 0 {
				return k, true
			}
		}
	}
	return "", false
}

// possessive reports whether rest opens on a possessive "'s".
func possessive(rest string) bool {
	return strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ")
}

func hasEvidence(es []medcoop.Evidence, e medcoop.Evidence) bool {
	for _, x := range es {
		if x.Start == e.Start {
			return true
		}
	}
	return false
}

// leadParties are the ids that name an event: the first (most cited)
// party of each country. Two reports of one signing agree on these even
// when one of them names a third institution the other leaves out.
func leadParties(ps []medcoop.Party) []string {
	seen := map[string]bool{}
	var ids []string
	for _, p := range ps {
		if p.Country == "" || seen[p.Country] {
			continue
		}
		seen[p.Country] = true
		ids = append(ids, p.ID)
	}
	return ids
}

// international reports whether the parties come from two countries or
// more. A party of unknown country does not count: a discovered "hôpital
// Edouard-Herriot" beside a French CHU says nothing international.
func international(ps []medcoop.Party) bool {
	seen := map[string]bool{}
	for _, p := range ps {
		if p.Country != "" {
			seen[p.Country] = true
		}
	}
	return len(seen) >= 2
}

func countriesOf(ps []medcoop.Party) []string {
	var out []string
	for _, p := range ps {
		if p.Country != "" && !slices.Contains(out, p.Country) {
			out = append(out, p.Country)
		}
	}
	sort.Strings(out)
	return out
}

// strongerLede is the strength under which a headline's cue gives way to a
// stronger one in the lede's first cue sentence.
const strongerLede = 0.6

// pickCue returns the strongest of cues that keep accepts, preferring the
// more specific type among two of about the same strength, or nil.
func pickCue(cues []lexicon.Cue, keep func(lexicon.Cue) bool) *lexicon.Cue {
	var best *lexicon.Cue
	for i := range cues {
		c := &cues[i]
		if c.Negative != "" || c.Type == "" || !keep(*c) {
			continue
		}
		if best == nil || c.Strength > best.Strength+0.15 ||
			(c.Strength > best.Strength-0.15 && specificity[c.Type] > specificity[best.Type]) {
			best = c
		}
	}
	return best
}

// eventType is the type leadingType reads, but for a visit whose headline
// says it teaches: a training; and for a plain signing whose first cue
// sentence names a study: joint research.
func (m mentions) eventType(cueSents []int) medcoop.EventType {
	t := m.leadingType(cueSents)
	if t == medcoop.AgreementSigned && len(cueSents) > 0 && m.studySigned(cueSents[0]) {
		// "signed an agreement … to carry out a joint study of bile duct
		// cancer", "signed the protocol of a three-year study": what is
		// signed is the study.
		return medcoop.JointResearch
	}
	if t == medcoop.DelegationVisit && m.teaches() {
		// "Chuyên gia Hàn Quốc chuyển giao kỹ thuật thay khớp gối …" over
		// "đoàn y, bác sĩ … đã làm việc tại …": a team the headline says
		// teaches makes a training, its visit the means. A visit "to
		// discuss cooperation in training" stays a visit.
		return medcoop.TrainingProgramme
	}
	return t
}

// studySigned reports whether sentence si holds a cue of joint research
// that is no item of a list: "signed … to carry out a joint study", not
// "an agreement on training, joint research and exchanges", where the
// research is one field of many.
func (m mentions) studySigned(si int) bool {
	if m.hasCue(si, "hypothetical", 0) {
		return false // "research projects may follow"
	}
	joiners := assemblyWords(m.lang).FoldedListJoiners
	s := m.sentences[si]
	return slices.ContainsFunc(m.cues, func(c lexicon.Cue) bool {
		if c.Negative != "" || c.Type != medcoop.JointResearch || m.sentenceOf(c.Start) != si {
			return false
		}
		// an item of a list: a comma or a joiner right after it, or one
		// within the two words before it ("and on joint research", "as
		// well as joint research")
		before := " " + strings.Join(lastWords(textnorm.Key(m.text[s.Start:c.Start]), studyListWords), " ") + " "
		after := strings.TrimLeft(m.text[c.End:s.End], " ")
		item := strings.HasSuffix(strings.TrimRight(m.text[s.Start:c.Start], " "), ",") || strings.HasPrefix(after, ",") ||
			containsWord(before, joiners) ||
			slices.ContainsFunc(joiners, func(j string) bool { return strings.HasPrefix(textnorm.Key(after)+" ", j+" ") })
		return !item
	})
}

// studyListWords is how many words before a cue of research a list
// joiner makes it an item of a list.
const studyListWords = 2

// lastWords returns the last n words of key, or all of them.
func lastWords(key string, n int) []string {
	w := strings.Fields(key)
	return w[max(0, len(w)-n):]
}

// teaches reports whether the headline holds a cue of training.
func (m mentions) teaches() bool {
	training := func(c lexicon.Cue) bool { return c.Negative == "" && c.Type == medcoop.TrainingProgramme }
	return slices.ContainsFunc(m.titleCues, training)
}

// leadingType is the type the headline gives, else the lede's, else the
// strongest cue's. Between cues of about the same strength the more
// specific type wins: a memorandum or a renewal is also a signing.
func (m mentions) leadingType(cueSents []int) medcoop.EventType {
	pick := func(cues []lexicon.Cue, keep func(lexicon.Cue) bool) medcoop.EventType {
		best := pickCue(cues, keep)
		if best == nil {
			return ""
		}
		return best.Type
	}
	all := func(lexicon.Cue) bool { return true }
	strong := func(c lexicon.Cue) bool { return c.Strength >= minCueStrength }
	if tc := pickCue(m.titleCues, strong); tc != nil {
		// A weak headline word ("en stage à Nantes") gives way to a
		// stronger one in the lede ("le programme d'échange lancé par…").
		if i := slices.IndexFunc(cueSents, func(si int) bool { return si > 0 }); tc.Strength < strongerLede && i >= 0 && cueSents[i] < ledeSentences {
			first := cueSents[i]
			if lc := pickCue(m.cues, func(c lexicon.Cue) bool { return m.sentenceOf(c.Start) == first }); lc != nil && lc.Strength > tc.Strength {
				return lc.Type
			}
		}
		return tc.Type
	}
	if len(cueSents) > 0 {
		first := cueSents[0]
		if t := pick(m.cues, func(c lexicon.Cue) bool { return m.sentenceOf(c.Start) == first }); t != "" {
			if t == medcoop.DelegationVisit && len(cueSents) > 1 && m.sameParagraph(first, cueSents[1]) {
				// "Une délégation … était reçue jeudi au CHRU. Les deux
				// établissements ont signé à cette occasion un mémorandum":
				// what the visit was for names the event.
				next := cueSents[1]
				if s := pick(m.cues, func(c lexicon.Cue) bool {
					return m.sentenceOf(c.Start) == next && signingTypes[c.Type] && c.Strength >= strongCue
				}); s != "" {
					return s
				}
			}
			return t
		}
	}
	if t := pick(m.cues, all); t != "" {
		return t
	}
	return medcoop.OtherCooperation
}

// typeDomains are the fields an event's type is in by itself: a training
// or an exchange programme is medical education, joint research is
// research, whatever else it covers.
var typeDomains = map[medcoop.EventType]string{
	medcoop.TrainingProgramme: medicalEducation,
	medcoop.ExchangeProgramme: medicalEducation,
	medcoop.JointResearch:     researchCode,
}

// medicalEducation is the contract's code for teaching and training.
const medicalEducation = "medical-education"

// researchCode is the contract's code for joint studies and trials.
const researchCode = "research"

// typeDomain adds the field the event's type is in when no word of the
// text named it ("ont formé leurs collègues"), with the cue that set the
// type as its surface.
func (m mentions) typeDomain(t medcoop.EventType, cueSents []int, ds []medcoop.Domain) []medcoop.Domain {
	code, ok := typeDomains[t]
	if !ok || slices.ContainsFunc(ds, func(d medcoop.Domain) bool { return d.Code == code }) {
		return ds
	}
	typed := func(c lexicon.Cue) bool { return c.Type == t && c.Negative == "" }
	surface := ""
	if i := slices.IndexFunc(m.titleCues, typed); i >= 0 {
		surface = m.titleCues[i].Surface
	} else if i := slices.IndexFunc(m.cues, func(c lexicon.Cue) bool {
		return typed(c) && slices.Contains(cueSents, m.sentenceOf(c.Start))
	}); i >= 0 {
		surface = m.cues[i].Surface
	}
	if surface != "" {
		ds = append(ds, medcoop.Domain{Code: code, Label: lexicon.DomainLabel(code), Surface: []string{surface}})
	}
	return ds
}

// signingTypes are the types of an event that is a signature.
var signingTypes = map[medcoop.EventType]bool{
	medcoop.AgreementSigned: true, medcoop.MOUSigned: true, medcoop.PartnershipRenewed: true,
}

// strongCue is the strength of a cue that names an event by itself ("ont
// signé", "mémorandum d'entente", "ký kết").
const strongCue = 0.8

// sameParagraph reports whether sentences i and j lie in one paragraph.
func (m mentions) sameParagraph(i, j int) bool {
	a, b := m.sentences[min(i, j)], m.sentences[max(i, j)]
	return !strings.Contains(m.text[a.End:b.Start], "\n")
}

// specificity ranks event types when cues of equal strength disagree.
var specificity = map[medcoop.EventType]int{
	medcoop.OtherCooperation: 0, medcoop.AgreementSigned: 1, medcoop.DelegationVisit: 2,
	medcoop.TrainingProgramme: 3, medcoop.ExchangeProgramme: 3, medcoop.JointResearch: 3,
	medcoop.MOUSigned: 4, medcoop.PartnershipRenewed: 4, medcoop.DonationOrEquipment: 4,
}

// eventDate picks the date of the event among the non-historical dates of
// the text, the one dateScore ranks first; a month so picked ("this
// month" in the lede) is made a day by the best-ranked day of that month
// the page names ("the course opened on Monday 8 September"), unless
// that day is ranked below nothing (another event's, a report's).
func (m mentions) eventDate(cueSents []int, published time.Time, others map[int]bool) *medcoop.Date {
	pick := m.bestDate(cueSents, published, others, func(*dates.Mention) bool { return true })
	if pick == nil {
		return nil
	}
	if pick.Precision == medcoop.Month {
		if day := m.bestDate(cueSents, published, others, func(d *dates.Mention) bool {
			return d.Precision == medcoop.Day && strings.HasPrefix(d.Value, pick.Value+"-")
		}); day != nil && m.dateScore(day, cueSents, published, others) > 0 {
			pick = day
		}
	}
	return &medcoop.Date{Value: pick.Value, Precision: pick.Precision, Evidence: m.evidence(pick.Start)}
}

// bestDate is the non-historical date that keep accepts and dateScore
// ranks first, or nil.
func (m mentions) bestDate(cueSents []int, published time.Time, others map[int]bool, keep func(*dates.Mention) bool) *dates.Mention {
	var pick *dates.Mention
	best := math.Inf(-1)
	for i := range m.dates {
		d := &m.dates[i]
		if d.Historical || !keep(d) {
			continue
		}
		if score := m.dateScore(d, cueSents, published, others); score > best {
			pick, best = d, score
		}
	}
	return pick
}

// dateScore ranks a date as the event's: one in a cue sentence beats one
// elsewhere, an earlier sentence a later one, a precise date a vague one;
// one in a sentence about another event (others), after a reporting verb
// or in a wire report's dateline comes last but for history; dates after
// publication are plans and dates long before it are history, both kept
// only when nothing better is said.
func (m mentions) dateScore(d *dates.Mention, cueSents []int, published time.Time, others map[int]bool) float64 {
	score := float64(medcoop.PrecisionRank(d.Precision))
	si := m.sentenceOf(d.Start)
	switch {
	case others[si]:
		score -= 3 // "jeudi, elle recevait également une délégation de l'hôpital Calmette": another event's day
	case slices.Contains(cueSents, si):
		score += 3
	}
	score -= float64(si) * 0.05
	if m.reported(d.Start) {
		score -= 2.5 // "the hospital said on Thursday": the report's date
	}
	if m.dateline(d.Start, d.End) {
		score -= 3 // "KHON KAEN, June 19 – …": the report's date
	}
	if !published.IsZero() {
		switch {
		case d.Time.After(published.AddDate(0, 0, 1)):
			score -= 4
		case d.Time.Before(published.AddDate(0, -3, 0)):
			score -= 3
		}
	}
	return score
}

// datelineRE is the opening of a wire report's paragraph before its date:
// a place in capitals, perhaps its country, and a comma ("KHON KAEN, ",
// "VIENTIANE, Laos, ", "PARIS, le ").
var datelineRE = regexp.MustCompile(`^[\p{Lu}][\p{Lu} .'’-]*,(?: \p{Lu}[\p{L} ]*,)? (?:le )?$`)

// dateline reports whether the date at [start, end) is a wire report's
// dateline ("KHON KAEN, June 19 – …"): the day the report was filed, not
// the event's.
func (m mentions) dateline(start, end int) bool {
	para := strings.LastIndex(m.text[:start], "\n") + 1
	if !datelineRE.MatchString(m.text[para:start]) {
		return false
	}
	after := strings.TrimLeft(m.text[end:], " ")
	return strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "-") ||
		strings.HasPrefix(after, "(")
}

// reported reports whether a reporting verb stands right before pos.
func (m mentions) reported(pos int) bool {
	from := max(0, pos-24)
	before := textnorm.Key(m.text[from:pos])
	for _, w := range assemblyWords(m.lang).Reporting {
		if strings.HasSuffix(before, w) || strings.HasSuffix(before, w+" on") {
			return true
		}
	}
	return false
}

// eventPlace is the first city named in a cue sentence, else none.
func (m mentions) eventPlace(cueSents []int) *medcoop.Place {
	for _, p := range m.places {
		if p.IsCountry {
			continue
		}
		if slices.Contains(cueSents, m.sentenceOf(p.Start)) {
			return &medcoop.Place{Name: p.Name, Country: p.Country}
		}
	}
	return nil
}

// eventDomains are the medical fields the text names, once each, less
// those named in passing: in an institution's or a faculty's name
// (facultyName), a person's role, a background sentence, a paragraph that
// presents one party (presentation), a sentence about the past or about
// an earlier event of another type (earlierEvents), a
// sentence on a country's situation that names no party
// (countryOpening), a speaker's quoted view (quoted), a sentence about
// cooperation with someone else (otherEventSentences) or one that turns
// to another event (OtherEvent words, or Another words where no party is
// named); and, for each of the page's field mentions, why it was left
// out (leftOut), or "".
func (m mentions) eventDomains(published time.Time, ev medcoop.Event, others, history map[int]bool) ([]medcoop.Domain, []string) {
	out := []medcoop.Domain{}
	idx := map[string]int{}
	named := m.partySentences(ev.Parties)
	past := m.pastSentences(published, named)
	earlier := m.earlierEvents(ev, published)
	background, presented := m.backgroundSentences(), m.presentation(ev.Parties, history)
	quotes := m.quoteSpans()
	words := assemblyWords(m.lang)
	why := make([]string, len(m.domains))
	for k, d := range m.domains {
		why[k] = m.leftOut(d, named, past, background, presented, others, quotes, &words)
		if why[k] == "" && earlier[m.sentenceOf(d.Start)] {
			why[k] = "earlier event" // "Tháng 11/2025, X đã trao tặng … 4 máy lọc máu" in a later memorandum's report
		}
		if why[k] != "" {
			continue
		}
		i, ok := idx[d.Code]
		if !ok {
			idx[d.Code] = len(out)
			out = append(out, medcoop.Domain{Code: d.Code, Label: d.Label, Surface: []string{d.Surface}})
			continue
		}
		if !slices.Contains(out[i].Surface, d.Surface) {
			out[i].Surface = append(out[i].Surface, d.Surface)
		}
	}
	return out, why
}

// leftOut says why the field mention d is named in passing, not as what
// the cooperation covers ("past", "name", "role", "background",
// "presentation", "other event", "device use", "workplace", "quoted"), or
// "" when it counts; eventDomains adds "earlier event" (earlierEvents).
// named, past, background, presented, others and quotes are the page's
// sentences and spans as eventDomains reads them.
func (m mentions) leftOut(d lexicon.DomainMention, named map[int]int, past, background, presented, others map[int]bool, quotes [][2]int, words *assemblyLexicon) string {
	si := m.sentenceOf(d.Start)
	switch {
	case past[si]:
		return "past" // "La première convention, en 2012, portait sur l'anesthésie"
	case m.inName(d, words.Faculty):
		return "name" // "pharmacie" in "Université de médecine et de pharmacie" is a name, not a field
	case m.inRole(d):
		return "role" // "Trưởng khoa Tim mạch" says who speaks, not what is covered
	case background[si] && !m.laterClause(d, si, words.ClauseOpeners) || named[si] == 0 && m.countryOpening(si, words.CountryOpening):
		return "background" // "confrontés à des défis tels que le cancer": background, not what is covered
	case presented[si]:
		return "presentation" // "Il compte 1 800 lits et pratique la chirurgie cardiaque": what a party is
	case others[si] || containsWord(m.sentenceKey(si), words.OtherEvent) ||
		named[si] == 0 && containsWord(m.sentenceKey(si), words.Another):
		// "a week after, X signed with Inha University Hospital on
		// emergency medicine", "Cũng trong chuyến công tác, Sở Y tế
		// tỉnh Điện Biên và … đã ký…": another event's
		return "other event"
	case d.Code == medicalEducation && m.deviceTraining(si, words.EquipmentUse):
		return "device use" // "deux techniciens ont installé les appareils et formé les utilisateurs": the delivery's, not education
	case m.makeUp(d, words):
		return "make-up" // "les six visiteurs, deux chirurgiens, un anesthésiste et deux infirmières": who travels
	case m.workplace(d.Start, words.Workplace):
		return "workplace" // "dành cho 40 điều dưỡng đang công tác tại khoa Cấp cứu": where the trainees work
	case m.quoted(quotes, d.Start, d.End, words):
		return "quoted" // "« Une infection évitée, c'est des antibiotiques en moins », a résumé…": a view, not what is covered
	}
	return ""
}

// countryOpening reports whether sentence si opens on one of words, a
// country and a comma, with no cue ("In Laos, most provincial hospitals
// lack…"): it speaks of the country, not of the cooperation.
func (m mentions) countryOpening(si int, words []string) bool {
	if si < 0 || m.hasCue(si, "", minCueStrength) {
		return false
	}
	s := m.sentences[si]
	for _, p := range m.places {
		if p.Start < s.Start || !p.IsCountry {
			continue
		}
		if p.Start > s.Start+countryOpeningBytes || p.End > s.End {
			break
		}
		lead := strings.TrimSpace(textnorm.Key(m.text[s.Start:p.Start]))
		rest := strings.TrimLeft(m.text[p.End:s.End], " ")
		return slices.Contains(words, lead) && strings.HasPrefix(rest, ",")
	}
	return false
}

// countryOpeningBytes is how far into a sentence its opening country is
// looked for.
const countryOpeningBytes = 12

// partySet is the set of the parties' ids.
func partySet(parties []medcoop.Party) map[string]bool {
	ids := map[string]bool{}
	for _, p := range parties {
		ids[p.ID] = true
	}
	return ids
}

// partySentences counts, for each sentence that names one of parties,
// the distinct parties it names. A party named only as a speaker's
// affiliation ("Dr X, a neonatologist at CHU Sainte-Justine, said her
// hospital had trained…") does not count: the sentence is not about this
// cooperation for it.
func (m mentions) partySentences(parties []medcoop.Party) map[int]int {
	isParty := partySet(parties)
	seen := map[int]map[string]bool{}
	for _, im := range m.insts {
		if isParty[im.Institution.ID] && !m.attribution(im.Start, im.End) {
			si := m.sentenceOf(im.Start)
			if seen[si] == nil {
				seen[si] = map[string]bool{}
			}
			seen[si][im.Institution.ID] = true
		}
	}
	out := make(map[int]int, len(seen))
	for si, ids := range seen {
		out[si] = len(ids)
	}
	return out
}

// workplace reports whether the field at pos is named after one of words
// in its sentence, with no semicolon and no word of the future between:
// it says where people work, not what they will learn.
func (m mentions) workplace(pos int, words []string) bool {
	si := m.sentenceOf(pos)
	if si < 0 || len(words) == 0 {
		return false
	}
	before := m.text[m.sentences[si].Start:pos]
	if i := strings.LastIndex(before, ";"); i >= 0 {
		before = before[i+1:]
	}
	// the workplace ends where the sentence goes on to what they will do:
	// "Doctors working in the neonatal unit will learn non-invasive ventilation"
	rest, ok := afterLastWord(" "+textnorm.Key(before)+" ", words)
	lex := assemblyWords(m.lang)
	return ok && !future(rest, lex.Future) && (lex.WorkplaceWords == 0 || len(strings.Fields(rest)) <= lex.WorkplaceWords)
}

// makeUp reports whether the field mention d is a trade counted in the
// list that says who a team is made of, right after a noun of Team or
// past a word of TeamMadeOf, with no word of TeamBreak or of the future
// between ("Une mission de quatre soignants, un gériatre, un
// kinésithérapeute et deux infirmières, se rendra…", "The delegation, led
// by its deputy director, included an anaesthetist, two emergency nurses
// and…"): the trades say who travels, not what the cooperation covers;
// "La délégation a signé un accord permettant à deux infirmières…" and
// "đoàn sẽ hỗ trợ 3 bác sĩ…" are what it does. Another counted item must
// stand in the list, before d or right after it.
func (m mentions) makeUp(d lexicon.DomainMention, words *assemblyLexicon) bool {
	si := m.sentenceOf(d.Start)
	if si < 0 || len(words.Team) == 0 || !people.Trade(m.lang, d.Surface) {
		return false
	}
	rest, ok := afterLastWord(" "+textnorm.Key(m.text[m.sentences[si].Start:d.Start])+" ", words.Team)
	if !ok || containsWord(rest, words.TeamBreak) || future(rest, words.Future) {
		return false
	}
	before := strings.Fields(rest)
	if len(before) == 0 || !counts(before[len(before)-1], words.Counts) {
		return false
	}
	// the list's items: a count and a trade ("deux chirurgiens", "two
	// emergency nurses"), not "un accord permettant à deux infirmières"
	var items []int
	for i, w := range before[:len(before)-1] {
		if counts(w, words.Counts) && m.countsTrade(before[i+1:min(len(before), i+3)]) {
			items = append(items, i)
		}
	}
	open := len(before) - 1 // where the list opens: its first item
	if len(items) > 0 {
		open = items[0]
	}
	if open > maxTeamWords || open > closeTeamWords && !containsWord(" "+strings.Join(before[:open], " ")+" ", words.TeamMadeOf) {
		return false
	}
	if len(items) > 0 {
		return true
	}
	// the next item: ", un anesthésiste", " and a hospital administrator"
	after := strings.Fields(textnorm.Key(m.text[d.End:m.sentences[si].End]))
	next := strings.TrimLeft(m.text[d.End:m.sentences[si].End], " ")
	joined := strings.HasPrefix(next, ",") || len(after) > 0 && slices.Contains(words.FoldedListJoiners, after[0])
	if !joined {
		return false
	}
	for _, w := range after[:min(len(after), 3)] {
		if counts(w, words.Counts) {
			return true
		}
	}
	return false
}

// maxTeamWords bounds the words between a noun of Team and the list of
// the team's make-up ("The delegation, led by Dr Hiroshi Tanabe, included
// an anaesthetist"); past closeTeamWords ("les six visiteurs, deux
// chirurgiens") a word of TeamMadeOf must say the list is the team's.
const (
	maxTeamWords   = 10
	closeTeamWords = 3
)

// countsTrade reports whether the folded words after a count, one or
// two, name a trade; where trades are matched with their diacritics
// (Vietnamese), which folded words have lost, any item counts.
func (m mentions) countsTrade(next []string) bool {
	if people.KeepsDiacritics(m.lang) {
		return true
	}
	for n := 1; n <= len(next); n++ {
		if people.Trade(m.lang, strings.Join(next[:n], " ")) {
			return true
		}
	}
	return false
}

// counts reports whether the folded word w counts people: one of words
// or a numeral.
func counts(w string, words []string) bool {
	return slices.Contains(words, w) || w != "" && strings.Trim(w, "0123456789") == ""
}

// deviceTraining reports whether sentence si teaches only how to use
// equipment ("former les utilisateurs", "trained the staff to use them"):
// it says so and names no field beside medical education. Teaching a
// clinical skill with the device ("hướng dẫn sử dụng thiết bị và kỹ thuật
// hồi sức sơ sinh") is education.
func (m mentions) deviceTraining(si int, equipmentUse []string) bool {
	if !containsWord(m.sentenceKey(si), equipmentUse) {
		return false
	}
	faculty := assemblyWords(m.lang).Faculty
	return !slices.ContainsFunc(m.domains, func(d lexicon.DomainMention) bool {
		// a field in a role or a name ("ophtalmologiste pédiatrique à la
		// Fondation …") says who the trainer is, not what is taught
		return d.Code != medicalEducation && m.sentenceOf(d.Start) == si && !m.inName(d, faculty) && !m.inRole(d)
	})
}

// earlierMonths is how long before publication a date in a sentence with
// a history cue, or before the event's date a date in a sentence telling
// an event of another type (earlierEvents), makes it an earlier event's,
// not this one's.
const earlierMonths = 2

// pastYears is how long before publication a date makes its sentence
// one about the past.
const pastYears = 2

// earlierEvents are the sentences dated only at a month or a day at least
// earlierMonths before the event's date, outside the sentence that
// gives it, that tell an event of another type, not in the future: an
// earlier event of the partners ("Tháng 11/2025, CHU de Bordeaux đã trao
// tặng … 4 máy lọc máu" in the report of a memorandum signed in March
// 2026), whose fields are not this one's. A date more than pastYears
// before publication is pastSentences' to judge: a sentence that names the partners beside it
// may still tell what they now do ("… dans le champ que le mémorandum
// signé le 8 janvier 2018 entre les ministres a défini").
func (m mentions) earlierEvents(ev medcoop.Event, published time.Time) map[int]bool {
	out := map[int]bool{}
	date := ev.Date
	if date == nil || date.Evidence == nil {
		return out
	}
	i := slices.IndexFunc(m.dates, func(d dates.Mention) bool { return d.Value == date.Value })
	if i < 0 {
		return out
	}
	at := m.dates[i].Time // the first day of the event's date
	own := m.sentenceOf(date.Evidence.Start)
	later := map[int]bool{} // sentences that also give a date not that early
	fut := assemblyWords(m.lang).Future
	for _, d := range m.dates {
		si := m.sentenceOf(d.Start)
		if si < 0 || si == own {
			continue
		}
		if d.Precision != medcoop.Year && d.Time.AddDate(0, earlierMonths, 0).Before(at) && !d.Time.Before(published.AddDate(-pastYears, 0, 0)) &&
			slices.ContainsFunc(m.cues, func(c lexicon.Cue) bool {
				// a cue told in the future ("ten nurses … will be
				// trained") is no earlier event, whatever month the
				// sentence names
				return m.sentenceOf(c.Start) == si && c.Negative == "" && c.Strength >= minCueStrength && c.Type != ev.Type && c.Type != medcoop.OtherCooperation &&
					!future(" "+textnorm.Key(m.text[textnorm.Back(m.text, c.Start, futureCueBytes):c.End])+" ", fut)
			}) {
			out[si] = true
		} else {
			later[si] = true
		}
	}
	for si := range later {
		delete(out, si)
	}
	return out
}

// futureCueBytes is how far before a cue a word of the future makes it
// told in the future ("will be trained", "seront formés").
const futureCueBytes = 48

// pastSentences are the sentences that tell what was done before: they hold
// a date of history ("depuis 2008", "in 2015") at least a year before
// publication (pastYears for a plain date), or an earlier calendar year
// given alone in a sentence with no cue of minCueStrength, and no recent
// one, or a word of the past without a date ("la première convention",
// "since the early 2000s"); they do not bring it up to now ("de 1991 à nos
// jours"), and name none of the parties — a sentence that does ("Taiyuan
// veut collaborer avec le CHU de Nîmes dans le champ que le mémorandum de
// 2018 a défini") speaks of their cooperation, whatever its date, unless
// it tells an earlier stage of it in so many words ("La première entente
// entre X et Y portait sur…") or opens on history ("Depuis, …") or on a
// span of years up to now ("Từ năm 2019 đến nay, X đã đào tạo…", "Since
// 2019, X has trained…": a record), and gives no recent date. One party named
// alone, with no word of cooperation, tells that party's own past ("Le
// CHU, de son côté, accueille depuis plusieurs années des internes en
// pédiatrie"). A party named only as a speaker's affiliation
// (attribution) does not count: named are the sentences that name a
// party (partySentences).
func (m mentions) pastSentences(published time.Time, named map[int]int) map[int]bool {
	past := map[int]bool{}
	if published.IsZero() {
		return past
	}
	recent, today := map[int]bool{}, map[int]bool{}
	for _, d := range m.dates {
		si := m.sentenceOf(d.Start)
		if si < 0 {
			continue
		}
		switch {
		case d.Time.Before(published.AddDate(-pastYears, 0, 0)) || (d.Historical && d.Time.Before(published.AddDate(-1, 0, 0))):
			past[si] = true
		case d.Precision == medcoop.Year && d.Time.Year() < published.Year() && !m.hasCue(si, "", minCueStrength):
			past[si] = true // "Năm 2023, bệnh viện đã triển khai thành công kỹ thuật can thiệp mạch vành": an earlier year's work
		case d.Today && !m.hasCue(si, "", minCueStrength):
			today[si] = true
		default:
			recent[si] = true
		}
	}
	// "Formés à Rennes en 2015, ils dirigent aujourd'hui le service": a
	// "today" set against an earlier date, with no cue, tells where past
	// work led; alone it is as recent as any date.
	for si := range today {
		if !past[si] {
			recent[si] = true
		}
	}
	words := assemblyWords(m.lang)
	for _, d := range m.domains {
		si := m.sentenceOf(d.Start)
		if si < 0 || past[si] {
			continue
		}
		if key := m.sentenceKey(si); containsWord(key, words.Past) || containsWord(key, words.EarlierCooperation) {
			past[si] = true // "La première convention portait sur…", "since the early 2000s"
		}
	}
	ongoing := words.Ongoing
	for si := range past {
		key := m.sentenceKey(si)
		if containsWord(key, ongoing) || recent[si] || named[si] > 0 && !containsWord(key, words.EarlierCooperation) && !opensWithWord(key, words.HistoryOpening) && !opensOnYear(key, words.SinceYear) && (named[si] > 1 || m.hasCue(si, "", weakCue)) {
			delete(past, si)
		}
	}
	return past
}

// closingQuote pairs each opening quotation mark with its closing one.
var closingQuote = map[rune]rune{'«': '»', '“': '”', '"': '"'}

// quoted reports whether [start, end) lies within a quotation (« »,
// “ ”, or straight double quotes) that is a speaker's words — one that
// opens its sentence or runs on from the sentence before — and whose part
// in that sentence holds no cooperation cue: a speaker's view of a field
// ("« Une infection évitée, c'est des antibiotiques en moins », a résumé…")
// rather than what the partners agreed ("la coopération s'ouvre à la
// recherche"). A title quoted inside a sentence ("dự án “Nâng cao năng lực
// điều trị ung thư vú”") is not a view, and neither is a pledge: the
// speaker's side saying what it will do (Pledges: "“Chúng tôi sẽ cử
// chuyên gia châm cứu sang…”", "« Nous allons suivre… »"), not what it
// hopes (« Nous espérons que… ») or believes ("We believe cancer will…").
func (m mentions) quoted(quotes [][2]int, start, end int, words *assemblyLexicon) bool {
	i := slices.IndexFunc(quotes, func(q [2]int) bool { return q[0] <= start && end <= q[1] })
	si := m.sentenceOf(start)
	if i < 0 || si < 0 {
		return false
	}
	s, q := m.sentences[si], quotes[i]
	if q[0] > s.Start+len("« ") {
		return false // quoted inside the sentence: a title or a term
	}
	from, to := max(q[0], s.Start), min(q[1], s.End)
	if pledged(m.text[from:to], words.Pledges) {
		return false
	}
	return !m.cueIn(from, to, "", 0)
}

// pledged reports whether quote holds one of pledges: a phrase ("we
// will"), or a word and the ending of the verb right after it ("nous
// -erons": "nous testerons", not "nous espérons"), read with its accents.
func pledged(quote string, pledges []string) bool {
	key := " " + textnorm.Key(quote) + " "
	var words []string
	for _, p := range pledges {
		w, end, ending := strings.Cut(p, " -")
		if !ending {
			if strings.Contains(key, " "+textnorm.Key(p)+" ") {
				return true
			}
			continue
		}
		if words == nil {
			words = strings.FieldsFunc(strings.ToLower(textnorm.NFC(quote)), func(r rune) bool { return !unicode.IsLetter(r) })
		}
		for i := 0; i+1 < len(words); i++ {
			if words[i] == w && strings.HasSuffix(words[i+1], end) && len(words[i+1]) > len(end)+1 {
				return true
			}
		}
	}
	return false
}

// quoteSpans are the spans of the text within quotation marks.
func (m mentions) quoteSpans() [][2]int {
	var out [][2]int
	open := -1
	var closer rune
	for i, r := range m.text {
		switch {
		case open < 0:
			if c, ok := closingQuote[r]; ok {
				open, closer = i, c
			}
		case r == closer || r == '\n': // a quote left open ends with its paragraph
			out = append(out, [2]int{open, i})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(m.text)})
	}
	return out
}

// hasCue reports whether sentence si holds a cue whose Negative is
// negative ("" for a cue of cooperation) of at least strength min.
func (m mentions) hasCue(si int, negative string, min float64) bool {
	s := m.sentences[si]
	return m.cueIn(s.Start, s.End, negative, min)
}

// cueIn reports whether [from, to) holds a cue whose Negative is negative
// of at least strength min.
func (m mentions) cueIn(from, to int, negative string, min float64) bool {
	return slices.ContainsFunc(m.cues, func(c lexicon.Cue) bool {
		return c.Negative == negative && from <= c.Start && c.End <= to && c.Strength >= min
	})
}

// otherEventSentences are the sentences that tell of cooperation with an
// institution that is not a party ("The visit came a week after the
// hospital signed a memorandum with Inha University Hospital on…"): the
// fields they name are another event's. An institution that witnessed,
// that a party belongs to or that a speaker works for does not count.
func (m mentions) otherEventSentences(parties []medcoop.Party) map[int]bool {
	isParty := partySet(parties)
	out := map[int]bool{}
	for i, im := range m.insts {
		si := m.sentenceOf(im.Start)
		if si < 0 || out[si] || isParty[im.Institution.ID] || m.attendance[si] || m.parentOf(i) ||
			m.attribution(im.Start, im.End) || isWitness(m.text, im.Start, im.End, m.lang) || m.venue(im.Start) {
			continue
		}
		switch im.Institution.Kind {
		case medcoop.Ministry, medcoop.Embassy, medcoop.Agency:
			continue // "theo thỏa thuận giữa Bộ Y tế hai nước": a frame, not another partner
		}
		if m.hasCue(si, "", minCueStrength) {
			out[si] = true
		}
	}
	return out
}

// venue reports whether the institution named at start is where something
// takes place ("sang học tập ngắn hạn tại Bệnh viện Đại học Liège",
// "trained at Hanoi Heart Hospital"), not a partner of its own.
func (m mentions) venue(start int) bool {
	before := " " + textnorm.Key(m.text[textnorm.Back(m.text, start, 12):start])
	return slices.ContainsFunc(assemblyWords(m.lang).Venue, func(w string) bool { return strings.HasSuffix(before, " "+w) })
}

// sentenceKey is sentence si folded (textnorm.Key) with a space at each
// end, for containsWord; each sentence is folded once, however many rules
// read it (keys is shared by every copy of m).
func (m mentions) sentenceKey(si int) string {
	if m.keys[si] == "" {
		m.keys[si] = " " + textnorm.Key(m.sentences[si].Text) + " "
	}
	return m.keys[si]
}

// withoutWords returns key, folded and padded, with every one of words
// taken out.
func withoutWords(key string, words []string) string {
	for _, w := range words {
		key = strings.ReplaceAll(key, " "+w+" ", " ")
	}
	return key
}

// containsWord reports whether key, folded and padded by sentenceKey,
// holds one of words (folded) as whole words.
func containsWord(key string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(key, " "+w+" ") })
}

// opensOnYear reports whether key, folded and padded like containsWord's,
// begins with one of words (folded) and a year ("since 2019").
func opensOnYear(key string, words []string) bool {
	for _, w := range words {
		if rest, ok := strings.CutPrefix(key, " "+w+" "); ok {
			if y, _, _ := strings.Cut(rest, " "); len(y) == 4 && (strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20")) && strings.Trim(y, "0123456789") == "" {
				return true
			}
		}
	}
	return false
}

// opensWithWord reports whether key, folded and padded like containsWord's,
// begins with one of words (folded) as whole words.
func opensWithWord(key string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(key, " "+w+" ") })
}

// maxAttribution bounds the apposition between a person's name and the
// institution they speak for ("Dr X, a neonatologist at CHU …").
const maxAttribution = 80

// attribution reports whether [start, end) names the institution a person
// speaks for: inside their role phrase, or in the apposition right after
// their name ("Giáo sư Yamada Takeshi, Trường Đại học Nagasaki, cho biết").
func (m mentions) attribution(start, end int) bool {
	_, apposed := m.apposition(start)
	return m.insideRole(start, end) || apposed
}

// apposedField reports whether [start, end) lies in an apposition right
// after a person's name that closes with a comma within its sentence and
// holds no cue ("TS. X, bác sĩ gây mê hồi sức, trưởng nhóm…"): the
// person's own field. "Selon le Pr X, la convention porte sur…" is none.
func (m mentions) apposedField(start, end int) bool {
	name, ok := m.apposition(start)
	if !ok {
		return false
	}
	rest := m.text[end:]
	i := strings.IndexAny(rest, ",;.:!?\n")
	return i >= 0 && rest[i] == ',' && !m.cueIn(name, end+i, "", 0)
}

// apposition reports whether start lies in the apposition right after a
// person's name, before its next comma ("TS. Takeshi Moriyama, bác sĩ gây
// mê hồi sức, trưởng nhóm…"), and where that name ends.
func (m mentions) apposition(start int) (int, bool) {
	for _, pm := range m.people {
		if pm.End > start || start-pm.End > maxAttribution {
			continue
		}
		between := m.text[pm.End:start]
		if strings.HasPrefix(between, ",") && !strings.ContainsAny(between[1:], ",;.:!?\n") {
			return pm.End, true
		}
	}
	return 0, false
}

// inName reports whether field mention d is part of a name: an
// institution's or a faculty's (faculty: data faculty).
func (m mentions) inName(d lexicon.DomainMention, faculty []string) bool {
	return m.insideInstitution(d.Start, d.End) || m.facultyName(d.Start, faculty)
}

// inRole reports whether field mention d says who a person is: inside
// their role phrase or an apposition of a profession.
func (m mentions) inRole(d lexicon.DomainMention) bool {
	return m.insideRole(d.Start, d.End) || m.apposedField(d.Start, d.End)
}

// insideRole reports whether [start, end) lies within a person's role
// phrase.
func (m mentions) insideRole(start, end int) bool {
	for _, pm := range m.people {
		if pm.RoleStart >= 0 && pm.RoleStart <= start && end <= pm.RoleEnd {
			return true
		}
	}
	return false
}

// backgroundSentences are the sentences that set the scene (a country's
// health challenges, a hospital's strengths, a delegation's make-up, a
// hospital's yearly figures when the sentence holds no cooperation cue)
// or speak of a possibility ("could later extend to"), rather than saying
// what the cooperation covers.
// Only the sentences that name a field are read, each once.
func (m mentions) backgroundSentences() map[int]bool {
	out := map[int]bool{}
	read := map[int]bool{}
	for _, d := range m.domains {
		si := m.sentenceOf(d.Start)
		if si < 0 || read[si] {
			continue
		}
		read[si] = true
		out[si] = m.backgroundKey(m.sentenceKey(si), si)
	}
	return out
}

// presentation returns the sentences of the paragraphs that present one
// party, past the headline and the lede: a paragraph with no word of
// cooperation, even a bare one, no word of the future, and one party or
// none named ("Premier employeur de l'île, le CHU compte 1 800 lits. Il
// est le seul à pratiquer la chirurgie cardiaque.") tells what a party
// is, not what the cooperation covers. A cue in a sentence of history
// does not count ("Fondée en 2014, la BMTU forme des médecins…").
func (m mentions) presentation(parties []medcoop.Party, history map[int]bool) map[int]bool {
	out := map[int]bool{}
	isParty := partySet(parties)
	future := assemblyWords(m.lang).Future
	para := 0
	for i := 0; i < len(m.sentences); {
		j := i + 1
		for j < len(m.sentences) && m.sameParagraph(j-1, j) {
			j++
		}
		para++
		if para > 2 && m.presents(i, j, isParty, history, future) {
			for si := i; si < j; si++ {
				out[si] = true
			}
		}
		i = j
	}
	return out
}

// presentationOpening is how far into a paragraph that presents a party
// the party is named: "Premier employeur de l'île, le CHU de Martinique…".
const presentationOpening = 60

// presents reports whether sentences [i, j), one paragraph, present one
// party (presentation); history are the sentences of history.
func (m mentions) presents(i, j int, isParty map[string]bool, history map[int]bool, futureWords []string) bool {
	start, end := m.sentences[i].Start, m.sentences[j-1].End
	if strings.HasSuffix(strings.TrimSpace(m.text[start:end]), ":") {
		return false // it introduces a list
	}
	for _, c := range m.cues {
		if c.Negative == "" && c.Start >= start && c.Start < end && !history[m.sentenceOf(c.Start)] {
			return false
		}
	}
	ids := map[string]bool{}
	opens := false // the party is the paragraph's subject: named in its opening
	for _, im := range m.insts {
		if im.Start >= start && im.Start < end && isParty[im.Institution.ID] {
			ids[im.Institution.ID] = true
			opens = opens || im.Start-start <= presentationOpening
		}
	}
	if len(ids) != 1 || !opens || m.listItem(i) {
		return false
	}
	for si := i; si < j; si++ {
		if future(m.sentenceKey(si), futureWords) {
			return false
		}
	}
	return true
}

// backgroundKey reports whether key, the folded words of sentence si or
// of a part of it, sets what it names as background: a word of
// background or of a possibility ("Une extension à la cancérologie
// pourrait être étudiée"), or of routine work with no cue and no future
// ("the hospital operates on 600 children with heart disease a year").
func (m mentions) backgroundKey(key string, si int) bool {
	words := assemblyWords(m.lang)
	return containsWord(key, words.Background) || containsWord(key, words.Hypothetical) ||
		containsWord(key, words.Sourced) && !(future(key, words.Future) && m.hasCue(si, "", minCueStrength)) ||
		containsWord(key, words.Extension) && m.hasCue(si, "hypothetical", 0) ||
		containsWord(withoutWords(key, words.NotRoutine), words.Routine) && !m.hasCue(si, "", minCueStrength) && !m.listItem(si) && !future(key, words.Future)
}

// listItem reports whether sentence si is an item of a bulleted list
// that a sentence introduces, not itself background ("La nouvelle
// convention retient trois axes :", then "- l'accueil chaque année de
// deux internes…"): the item says what was agreed, not a yearly routine.
func (m mentions) listItem(si int) bool {
	bullet := func(i int) bool {
		t := strings.TrimSpace(m.sentences[i].Text)
		return strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "•") || strings.HasPrefix(t, "*")
	}
	if si < 0 || !bullet(si) {
		return false
	}
	for i := si - 1; i >= 0; i-- {
		if !bullet(i) {
			return strings.HasSuffix(strings.TrimSpace(m.sentences[i].Text), ":") && !m.backgroundKey(m.sentenceKey(i), i)
		}
	}
	return false
}

// clauseWords bounds the words between a field and the opener of a
// clause about it ("la dialyse péritonéale à domicile, que…").
const clauseWords = 5

// laterClause reports whether what makes the sentence of field mention d
// background stands only in a clause that opens right after d (within
// clauseWords words; data clause_openers: ", que", "pour lesquelles", ",
// which"): "la dialyse péritonéale à domicile, que l'hôpital souhaite
// proposer aux habitants des îles" is what the convention covers.
func (m mentions) laterClause(d lexicon.DomainMention, si int, openers []string) bool {
	s := m.sentences[si]
	if d.End > s.End {
		return false
	}
	rest := strings.ToLower(m.text[d.End:s.End])
	if len(rest) != s.End-d.End {
		return false // lower case changed the bytes: offsets would not hold
	}
	cut := -1
	for _, o := range openers {
		if i := strings.Index(rest, o); i >= 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	return cut >= 0 && len(strings.Fields(textnorm.Key(rest[:cut]))) <= clauseWords &&
		!m.backgroundKey(" "+textnorm.Key(m.text[s.Start:d.End+cut])+" ", si)
}

// future reports whether key, folded and padded by sentenceKey, speaks of
// the future: it holds one of words, or a word with one of its endings
// ("-eront" for "passeront").
func future(key string, words []string) bool {
	for _, w := range words {
		if end, ok := strings.CutPrefix(w, "-"); ok {
			for _, f := range strings.Fields(key) {
				if strings.HasSuffix(f, end) && len(f) > len(end)+1 {
					return true
				}
			}
		} else if strings.Contains(key, " "+w+" ") {
			return true
		}
	}
	return false
}

// facultyName reports whether the field at pos is one in the list that
// names a faculty or school, right after one of words ("la faculté de
// médecine, maïeutique et métiers de la santé", "UGM's Faculty of
// Medicine, Public Health and Nursing"): only short items joined by commas
// and "and" stand between, so the field names the school, not what is
// covered.
func (m mentions) facultyName(pos int, words []string) bool {
	si := m.sentenceOf(pos)
	if si < 0 {
		return false
	}
	before := strings.ReplaceAll(m.text[max(m.sentences[si].Start, pos-facultyBytes):pos], "’", "'")
	for _, w := range words {
		i := strings.LastIndex(before, w)
		if i < 0 || i > 0 && before[i-1] != ' ' && before[i-1] != '\'' {
			continue
		}
		end := i + len(w)
		if !strings.HasSuffix(w, "'") {
			if end == len(before) || before[end] != ' ' {
				continue // "Trường Y" in "môi trường y tế" is no faculty
			}
			end++
		}
		rest := before[end:]
		if rest == "" {
			return true
		}
		items := listItems(rest, assemblyWords(m.lang).ListJoiners)
		if items[len(items)-1] != "" {
			continue // "la faculté de médecine formera des infirmières": a clause, not the name
		}
		if !slices.ContainsFunc(items, func(it string) bool { return len(strings.Fields(it)) > 3 || strings.ContainsAny(it, "0123456789.;:") }) {
			return true
		}
	}
	return false
}

// facultyBytes is how far before a field the word for a faculty is looked for.
const facultyBytes = 70

// listItems splits s at its commas and at the words that join a list
// (joiners, as written), each item trimmed: "médecine, maïeutique et " gives
// "médecine", "maïeutique", "".
func listItems(s string, joiners []string) []string {
	for _, j := range joiners {
		s = strings.ReplaceAll(s, " "+j+" ", ",")
	}
	items := strings.Split(s, ",")
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return items
}

// insideInstitution reports whether [start, end) lies within an
// institution's name.
func (m mentions) insideInstitution(start, end int) bool {
	return insideAny(m.insts, start, end)
}

// insideAny reports whether [start, end) lies within one of the names ims.
func insideAny(ims []lexicon.InstitutionMention, start, end int) bool {
	return slices.ContainsFunc(ims, func(im lexicon.InstitutionMention) bool { return im.Start <= start && end <= im.End })
}

// namesPlaceOrInstitution reports whether [start, end) lies within a
// place or an institution the lexicon knows ("Clermont-Ferrand" after a
// speech verb); a person merely ending in a city's name ("Trương Quang
// Vinh") is still a person.
func (m mentions) namesPlaceOrInstitution(start, end int) bool {
	for _, p := range m.places {
		if p.Start <= start && end <= p.End {
			return true
		}
	}
	for _, im := range m.insts {
		if !im.Discovered && im.Start <= start && end <= im.End {
			return true
		}
	}
	return false
}

// openingWords bounds the phrase that may open a sentence before its
// subject pronoun ("Pendant six semaines, elles…").
const openingWords = 5

// subjectGoesOn reports whether cue sentence si opens on a subject pronoun
// that takes up the subject of the sentence before it, in the same
// paragraph ("Trois infirmières de X sont arrivées lundi. Elles ouvrent le
// programme…"), or after a short opening phrase ("Pendant six semaines,
// elles…") that is no clause of its own ("Quand les internes sont
// arrivés, ils…"). A sentence before it with a cue of its own, or that
// tells another event ("Separately, …"), is left as the cue rules read it.
func (m mentions) subjectGoesOn(si int) bool {
	if si <= 0 || !m.sameParagraph(si-1, si) {
		return false
	}
	words := assemblyWords(m.lang)
	text := strings.TrimSpace(m.sentences[si].Text)
	pronoun := func(s string) bool {
		first, _, _ := strings.Cut(s, " ")
		return slices.Contains(words.SubjectPronouns, strings.ToLower(strings.TrimRight(first, ",;:")))
	}
	// the pronoun opens the sentence or follows a short opening phrase:
	// "Pendant six semaines, elles formeront…"
	opening, rest, comma := strings.Cut(text, ", ")
	short := comma && len(strings.Fields(opening)) <= openingWords && !opensWithWord(" "+textnorm.Key(opening)+" ", words.Subordinators)
	if !pronoun(text) && !(short && pronoun(rest)) || opensWithWord(m.sentenceKey(si), words.Impersonal) ||
		short && opensWithWord(" "+textnorm.Key(rest)+" ", words.Impersonal) {
		return false
	}
	prev := m.sentences[si-1]
	return !slices.ContainsFunc(m.cues, func(c lexicon.Cue) bool {
		return prev.Start <= c.Start && c.End <= prev.End // a cue of any kind, history's too
	}) && !m.turnsAway(si-1)
}

// turnsAway reports whether sentence si turns to another event in so many
// words ("Le CHU a reçu ce mois-ci une autre délégation", "Separately, …").
func (m mentions) turnsAway(si int) bool {
	words := assemblyWords(m.lang)
	key := m.sentenceKey(si)
	return containsWord(key, words.Another) || containsWord(key, words.OtherEvent)
}

// partyShortName reports whether name is a party's name without its
// generic words ("Cho Ray" for "Cho Ray Hospital", "hôpital Cho Ray").
func partyShortName(name string, parties []medcoop.Party) bool {
	k := textnorm.Key(name)
	generic := func(rest string) bool {
		return !slices.ContainsFunc(strings.Fields(rest), func(w string) bool { return !nameWord(w) })
	}
	for _, p := range parties {
		for _, s := range append([]string{p.Name}, p.Surface...) {
			sk := textnorm.Key(s)
			if rest, ok := strings.CutPrefix(sk, k+" "); ok && generic(rest) {
				return true
			}
			if rest, ok := strings.CutSuffix(sk, " "+k); ok && generic(rest) {
				return true
			}
		}
	}
	return false
}

// eventPeople are the people named with a title or role; a person's
// affiliation is the party named in their role phrase, else the party
// named right after it in the same sentence. A person whose role names
// institutions none of which is a party speaks for someone else (a health
// department that attended) and is left out.
func (m mentions) eventPeople(parties []medcoop.Party) []medcoop.Person {
	isParty := partySet(parties)
	government := slices.ContainsFunc(parties, func(p medcoop.Party) bool {
		return p.Kind == medcoop.Embassy || p.Kind == medcoop.Ministry || p.Kind == medcoop.CityOrRegion
	})
	var guests []string // the ASCII names of those who speak for no party
	named := m.partySentences(parties)
	out := []medcoop.Person{}
	for _, pm := range m.people {
		if pm.Title == "" && pm.Role == "" {
			continue
		}
		if pm.NameASCII == "" {
			continue // a name with no Latin letters cannot be given its required ASCII form
		}
		if m.namesPlaceOrInstitution(pm.Start, pm.End) {
			continue // "Clermont-Ferrand" after a speech verb is a city
		}
		if pm.Title == "" && partyShortName(pm.Name, parties) {
			continue // "One Cho Ray pathologist will…": the hospital, not a person
		}
		if m.founder(pm) {
			continue // "Fondés en 1992 par le pédiatre Beat Richner": history
		}
		if m.aged(pm) {
			continue // "Mme Ly Thi Sau, 58 ans, opérée en 2019": a patient
		}
		p := medcoop.Person{Name: pm.Name, NameASCII: pm.NameASCII, Role: pm.Role, Surface: pm.Surface,
			Evidence: m.evidence(pm.Start)}
		if pm.RoleStart >= 0 {
			other := false // the role names an institution that is not a party
			for _, im := range m.insts {
				if im.Start >= pm.RoleStart && im.Start < pm.RoleEnd {
					if isParty[im.Institution.ID] {
						p.Affiliation = im.Institution.ID
						break
					}
					other = true
				}
			}
			if other && p.Affiliation == "" {
				guests = append(guests, p.NameASCII)
				continue // "Phó Giám đốc Sở Y tế tỉnh Phú Thọ" attended; he speaks for no party
			}
		}
		if p.Affiliation == "" {
			p.Affiliation = m.possessiveParty(pm, parties)
		}
		if si := m.sentenceOf(pm.Start); p.Affiliation == "" && m.attendance[si] && named[si] == 0 {
			// "Présent à la cérémonie, M. X, conseiller…": a guest; in
			// "Tham dự lễ ký kết có … đoàn công tác của CHU Limoges do GS. X"
			// he may lead a party's team
			guests = append(guests, p.NameASCII)
			continue
		}
		if p.Affiliation == "" && (people.Official(pm.Role) && !government ||
			(m.roleNamesCountry(pm) || people.Official(pm.Role)) && (isWitness(m.text, pm.Start, pm.End, m.lang) || phraseBefore(m.text, pm.Start, assemblyWords(m.lang).AttendedBy))) {
			// "en présence de Mme Claire Moissac, consule générale de
			// France", "attended by the deputy minister": an office's
			// witness; "L'ambassadeur, M. X, a salué…" speaks for his
			// country, no party, when no embassy, ministry, city or
			// region is one
			guests = append(guests, p.NameASCII)
			continue
		}
		dup := false
		for i := range out {
			if sameOrShortName(out[i].NameASCII, p.NameASCII) {
				if len(p.Name) > len(out[i].Name) {
					out[i].Name, out[i].NameASCII, out[i].Surface = p.Name, p.NameASCII, p.Surface
				}
				dup = true
				if out[i].Affiliation == "" {
					out[i].Affiliation = p.Affiliation
				}
				if out[i].Role == "" {
					out[i].Role = p.Role
				}
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	// "Tham dự có ông Olivier Brunel, Tổng Lãnh sự Pháp…" and later "ông
	// Olivier Brunel cho biết": a guest named again is still a guest
	return slices.DeleteFunc(out, func(p medcoop.Person) bool {
		return p.Affiliation == "" && slices.ContainsFunc(guests, func(g string) bool { return sameOrShortName(g, p.NameASCII) })
	})
}

// aged reports whether the person's age follows their name: ", 58 ans",
// ", 54 tuổi", ", 61 years old" (data age_after).
func (m mentions) aged(pm people.Mention) bool {
	words := assemblyWords(m.lang)
	if pm.Role != "" || pm.Title != "" && !people.PrivateTitle(pm.Title) {
		return false // "Le Pr Jean Martel, 62 ans, chef du service…" speaks as a professional
	}
	rest, ok := strings.CutPrefix(m.text[pm.End:], ",")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	digits := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
	if digits == 0 || digits > 3 {
		return false
	}
	rest = strings.ToLower(rest[digits:textnorm.Forward(rest, digits, 24)])
	return slices.ContainsFunc(words.AgeAfter, func(w string) bool {
		if unicode.IsPunct([]rune(w)[0]) {
			return strings.HasPrefix(rest, w)
		}
		after, ok := strings.CutPrefix(rest, " "+w)
		if !ok {
			after, ok = strings.CutPrefix(rest, "-"+w) // "58-year-old"
		}
		return ok && (after == "" || !unicode.IsLetter([]rune(after)[0]))
	})
}

// founder reports whether the person is named as the founder of an
// institution: a FoundedBy word stands in the clause before the name
// ("Fondés en 1992 par le pédiatre X"), or in the clause after it, as in
// Vietnamese word order ("do bác sĩ X sáng lập").
func (m mentions) founder(pm people.Mention) bool {
	si := m.sentenceOf(pm.Start)
	if si < 0 {
		return false
	}
	words := assemblyWords(m.lang).FoundedBy
	sent := m.sentences[si]
	if pm.Start < sent.Start || pm.End > sent.End {
		return false
	}
	joiners := assemblyWords(m.lang).FoldedListJoiners
	before := m.text[sent.Start:pm.Start] // the clause the name ends
	if n := strings.LastIndexAny(before, ",;:«\""); n >= 0 {
		before = before[n+1:]
	}
	after := m.text[pm.End:sent.End] // the clause it begins
	if n := strings.IndexAny(after, ",;:.»\""); n >= 0 {
		after = after[:n]
	}
	// the founding verb, with no "and" between it and the name: "founded in
	// 2015 and led by Prof X" names who leads, not who founded
	if rest, ok := afterLastWord(" "+textnorm.Key(before)+" ", words); ok && !containsWord(rest, joiners) {
		return true
	}
	upTo, ok := beforeFirstWord(" "+textnorm.Key(after)+" ", words)
	return ok && !containsWord(upTo, joiners)
}

// possessiveParty returns the party that the words between a name and
// the role after it point at ("X, the Vietnamese hospital's deputy
// director"): the one party of the country they name, else the one party
// of the kind their possessive names; or "".
func (m mentions) possessiveParty(pm people.Mention, parties []medcoop.Party) string {
	if pm.RoleStart < pm.End || pm.RoleStart-pm.End > maxAttribution {
		return ""
	}
	between := m.text[pm.End:pm.RoleStart]
	at := max(strings.LastIndex(between, "'s "), strings.LastIndex(between, "’s "))
	if at < 0 {
		return "" // no possessive: "X, director of Y" is read from the role
	}
	one := func(keep func(medcoop.Party) bool) string {
		id := ""
		for _, p := range parties {
			if keep(p) {
				if id != "" {
					return ""
				}
				id = p.ID
			}
		}
		return id
	}
	for _, pl := range m.places {
		if pl.IsCountry && pl.Start >= pm.End && pl.End <= pm.RoleStart {
			return one(func(p medcoop.Party) bool { return p.Country == pl.Country })
		}
	}
	// the noun right before "'s" says which kind: "the university
	// hospital's director" speaks for a hospital
	owner := strings.Fields(textnorm.Key(between[:at]))
	if len(owner) == 0 {
		return ""
	}
	kind, ok := assemblyWords(m.lang).PossessiveKinds[owner[len(owner)-1]]
	if !ok {
		return ""
	}
	return one(func(p medcoop.Party) bool { return p.Kind == kind })
}

// afterLastWord returns what follows the last of words in key (folded and
// padded like containsWord's), padded, and whether one is there.
func afterLastWord(key string, words []string) (string, bool) {
	at := -1
	for _, w := range words {
		if i := strings.LastIndex(key, " "+w+" "); i >= 0 && i+len(w)+1 > at {
			at = i + len(w) + 1
		}
	}
	if at < 0 {
		return "", false
	}
	return key[at:], true
}

// beforeFirstWord returns what comes before the first of words in key
// (folded and padded like containsWord's), padded, and whether one is there.
func beforeFirstWord(key string, words []string) (string, bool) {
	at := -1
	for _, w := range words {
		if i := strings.Index(key, " "+w+" "); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return "", false
	}
	return key[:at+1], true
}

// roleNamesCountry reports whether the role said with a person names a
// country, by its name or its adjective, outside any institution's name
// ("consule générale de France", "Đại sứ Nhật Bản"): someone there for a
// state, not for an institution.
func (m mentions) roleNamesCountry(pm people.Mention) bool {
	if pm.RoleStart < 0 {
		return false
	}
	for _, p := range m.places {
		if p.IsCountry && p.Start >= pm.RoleStart && p.End <= pm.RoleEnd && !m.insideInstitution(p.Start, p.End) {
			return true
		}
	}
	return false
}

// sameOrShortName reports whether two names are one person's: equal, or
// one the other's family name alone ("Corbineau" after "Hélène
// Corbineau"), compared without case or diacritics.
func sameOrShortName(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) != 1 || len(wb) < 2 {
		return false
	}
	return wa[0] == wb[len(wb)-1] || wa[0] == wb[0]
}

// confidence says how sure the machine is that this is a cooperation event
// with these parties: strong cues, gazetteer parties, a date raise it; a
// third party lowers it. `medcoop eval` measures how well it ranks (AUC).
func confidence(m mentions, cueSents []int, partyScore float64, dated bool, nParties int) float64 {
	strength := 0.0
	for _, c := range append(m.cues, m.titleCues...) {
		if c.Negative == "" {
			strength = math.Max(strength, c.Strength)
		}
	}
	x := 0.45*strength + 0.1*math.Min(float64(len(cueSents)), 3)/3 + 0.3*math.Min(partyScore, 6)/6
	if dated {
		x += 0.15
	}
	// Most cooperation is between two institutions: a third party is more
	// often one present without signing (a parent body, a host).
	x -= 0.1 * float64(max(nParties-2, 0))
	return math.Round(math.Min(max(x, 0), 1)*100) / 100
}

// Mentions is everything extraction found in a document's text, for an
// editor or developer asking why an event came out as it did.
type Mentions struct {
	Sentences    []Sentence                   `json:"sentences"`
	CueSentences []int                        `json:"cue_sentences"`
	Institutions []lexicon.InstitutionMention `json:"institutions"`
	Places       []lexicon.PlaceMention       `json:"places"`
	Domains      []lexicon.DomainMention      `json:"domains"`
	// DomainsLeftOut says, for each of Domains, why the event leaves that
	// field out ("past", "role", "background"…), or "" when it counts;
	// empty when the page made no event.
	DomainsLeftOut []string         `json:"domains_left_out,omitempty"`
	Cues           []lexicon.Cue    `json:"cues"`
	TitleCues      []lexicon.Cue    `json:"title_cues"`
	Dates          []dates.Mention  `json:"dates"`
	People         []people.Mention `json:"people"`
}

// Explain extracts a page as Document does and returns, with the
// document, every mention its text was read for, in the same context
// (publication date, publishing site), so that an editor sees why.
func Explain(in Input) (*medcoop.Document, Mentions, error) {
	doc, pg, err := document(in)
	if err != nil {
		return nil, Mentions{}, err
	}
	m := pg.mentions
	if m == nil { // a listing or a language not extracted: read it all the same
		found := findMentions(doc, pg.published, pg.siteName)
		m = &found
	}
	return doc, Mentions{Sentences: m.sentences, CueSentences: m.cueSentences(m.historySentences(pg.published)), Institutions: m.insts,
		Places: m.places, Domains: m.domains, DomainsLeftOut: m.domainsLeftOut, Cues: m.cues, TitleCues: m.titleCues, Dates: m.dates, People: m.people}, nil
}
