package extract

import (
	"log/slog"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/medcoop/medcoop/extract/ner"
	"github.com/medcoop/medcoop/extract/people"
	"github.com/medcoop/medcoop/extract/textnorm"
)

// The statistical model (extract/ner) finds the people that titles and role
// words miss, as a second finder behind extract/people: patterns stay first,
// and the model reads only the few sentences where a person is likely and
// the patterns found nobody. It is slow (tens of milliseconds per 5 KB) and
// imprecise on its own (about half of its exact person spans are right), so
// it is asked only to vouch for a name the pattern grammar would read were
// a title written before it, and that name is kept only when
//   - it has two words or more, is not in capitals, and overlaps no
//     institution or place the lexicon found;
//   - the sentence holds a quotation or gives the name a role (a role phrase
//     of the people lexicon, or in English an apposition ", <role> at|of
//     <institution>").

// peopleFinders says which finders fill a document's people; tests compare
// them, extraction uses patternsAndModel.
type peopleFinders int

const (
	patternsOnly     peopleFinders = iota // extract/people alone
	patternsAndModel                      // the model adds people in candidate sentences
	modelCandidates                       // the model alone, on the candidate sentences
	modelEverywhere                       // the model alone, on every sentence
)

// finders is the mode extraction runs in.
var finders = patternsAndModel

// probeTitles are the titles written before a name to ask the people
// finder how it would read it; they name nobody's role.
var probeTitles = map[string]string{"fr": "M.", "en": "Mr"}

// recognizer returns the model for a language, or nil: French has the
// model trained on WiNER-fr, English prose's own; Vietnamese has none.
func recognizer(lang string) *ner.Recognizer {
	var r *ner.Recognizer
	var err error
	switch lang {
	case "fr":
		r, err = ner.Load()
	case "en":
		r, err = ner.English()
	}
	if err != nil {
		modelErrOnce.Do(func() { slog.Warn("people model unavailable, titles and roles only", "lang", lang, "err", err) })
		return nil
	}
	return r
}

// modelErrOnce logs a model that fails to load once, not on every page.
var modelErrOnce sync.Once

// addModelPeople adds to m.people the people the model finds where the
// patterns found none (or, in the model-alone modes, replaces them).
func (m *mentions) addModelPeople() {
	if finders == patternsOnly {
		return
	}
	if probeTitles[m.lang] == "" { // no model for the language
		if finders != patternsAndModel {
			m.people = nil
		}
		return
	}
	// The model is loaded on the first sentence that needs it: most pages
	// have none, and a model costs tens of megabytes.
	var r *ner.Recognizer
	var found []people.Mention
	for _, s := range m.sentences {
		if finders != modelEverywhere && m.hasPerson(s) {
			continue
		}
		cands := m.nameCandidates(s)
		if len(cands) == 0 {
			continue
		}
		if finders != modelEverywhere && !personLikely(s, cands) {
			continue
		}
		if r == nil {
			if r = recognizer(m.lang); r == nil {
				break
			}
		}
		ents := r.Find(s.Text)
		for _, c := range cands {
			if vouched(ents, c.pm.Start-s.Start, c.pm.End-s.Start) {
				found = append(found, c.pm)
			}
		}
	}
	if finders != patternsAndModel {
		m.people = found
		return
	}
	m.people = append(m.people, found...)
	sort.SliceStable(m.people, func(i, j int) bool { return m.people[i].Start < m.people[j].Start })
}

// hasPerson reports whether the patterns found a person in sentence s.
func (m *mentions) hasPerson(s Sentence) bool {
	for _, p := range m.people {
		if p.Start < s.End && s.Start < p.End {
			return true
		}
	}
	return false
}

// vouched reports whether the model labels a person a span overlapping
// [start, end) of the sentence.
func vouched(ents []ner.Entity, start, end int) bool {
	for _, e := range ents {
		if e.Label == "PER" && e.Start < end && start < e.End {
			return true
		}
	}
	return false
}

// nameCandidate is a name the people finder would take with a title.
type nameCandidate struct {
	pm people.Mention // offsets in the document's text; no title
}

// personLikely reports whether a sentence is one where a person is likely
// named: it quotes someone, or gives one of its names a role.
func personLikely(s Sentence, cands []nameCandidate) bool {
	if strings.ContainsAny(s.Text, "«»“”\"") {
		return true
	}
	for _, c := range cands {
		if c.pm.Role != "" {
			return true
		}
	}
	return false
}

// nameCandidates returns the names of sentence s that the people finder
// reads as a person when a title is written before them: runs of two
// capitalised words or more, not in capitals, outside every institution
// and place the lexicon found, with the role the sentence gives them.
func (m *mentions) nameCandidates(s Sentence) []nameCandidate {
	title := probeTitles[m.lang]
	if title == "" {
		return nil
	}
	var out []nameCandidate
	for _, at := range runStarts(s.Text) {
		abs := s.Start + at
		if m.inLexicon(abs, abs+1) {
			continue
		}
		probe := s.Text[:at] + title + " " + s.Text[at:]
		shift := len(title) + 1
		for _, pm := range people.Find(probe, m.lang) {
			if pm.Start != at+shift {
				continue
			}
			pm = m.unprobe(pm, s, at, shift)
			if len(strings.Fields(pm.Name)) < 2 || allCaps(pm.Name) || m.inLexicon(pm.Start, pm.End) {
				break
			}
			if pm.Role == "" && m.lang == "en" {
				m.appositiveRole(&pm)
			}
			out = append(out, nameCandidate{pm: pm})
			break
		}
	}
	return out
}

// unprobe takes a mention found in a probe (sentence s with a title of
// shift bytes written at byte at) back to the document's text.
func (m *mentions) unprobe(pm people.Mention, s Sentence, at, shift int) people.Mention {
	back := func(off int) int {
		if off >= at+shift {
			off -= shift
		}
		return s.Start + off
	}
	pm.Start, pm.End = back(pm.Start), back(pm.End)
	pm.Title = ""
	if pm.RoleStart >= 0 && pm.RoleStart < at+shift && pm.RoleEnd > at {
		// the role the probe's title implies: none is written
		pm.Role, pm.RoleStart, pm.RoleEnd = "", -1, -1
	}
	if pm.RoleStart >= 0 {
		pm.RoleStart, pm.RoleEnd = back(pm.RoleStart), back(pm.RoleEnd)
	}
	pm.Surface = m.surface(pm)
	return pm
}

// surface is the name with the role written next to it, as written.
func (m *mentions) surface(pm people.Mention) string {
	ss, se := pm.Start, pm.End
	if pm.RoleStart >= pm.End && onlyPunct(m.text[pm.End:pm.RoleStart]) {
		se = pm.RoleEnd
	}
	if pm.RoleStart >= 0 && pm.RoleEnd <= pm.Start && onlyPunct(m.text[pm.RoleEnd:pm.Start]) {
		ss = pm.RoleStart
	}
	return strings.Join(strings.Fields(textnorm.NFC(m.text[ss:se])), " ")
}

// onlyPunct reports whether s is a short run of spaces and punctuation.
func onlyPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return false
		}
	}
	return len(s) <= 8
}

// appositionEN is an English role in apposition: ", international affairs
// officer at" (then an institution).
var appositionEN = regexp.MustCompile(`^,\s+((?:[a-z][a-z'-]*\s+){0,5}[a-z][a-z'-]*)\s+(?:at|of)\s+(?:the\s+)?`)

// appositiveRole reads, after a name in English text, a role in apposition
// followed by an institution the lexicon found, and gives it to pm.
func (m *mentions) appositiveRole(pm *people.Mention) {
	loc := appositionEN.FindStringSubmatchIndex(m.text[pm.End:min(len(m.text), pm.End+120)])
	if loc == nil {
		return
	}
	instAt := pm.End + loc[1]
	for _, im := range m.insts {
		if im.Start == instAt {
			pm.Role = m.text[pm.End+loc[2] : pm.End+loc[3]]
			pm.RoleStart, pm.RoleEnd = pm.End+loc[2], im.End
			pm.Surface = m.surface(*pm)
			return
		}
	}
}

// inLexicon reports whether [start, end) overlaps an institution or a
// place the lexicon found.
func (m *mentions) inLexicon(start, end int) bool {
	for _, im := range m.insts {
		if im.Start < end && start < im.End {
			return true
		}
	}
	for _, p := range m.places {
		if p.Start < end && start < p.End {
			return true
		}
	}
	return false
}

// runStarts returns the byte offsets in s of the words that begin a run of
// two capitalised words or more.
func runStarts(s string) []int {
	var out []int
	prevCap, runStart, runLen := false, -1, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		// a word: letters, hyphens and apostrophes
		j := i
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && r2 != '-' && r2 != '\'' && r2 != '’' {
				break
			}
			j += n
		}
		capital := unicode.IsUpper(r)
		// a run goes on across one space only
		joined := prevCap && i > 0 && s[i-1] == ' ' && (i < 2 || s[i-2] != ',' && s[i-2] != '.')
		switch {
		case capital && joined:
			runLen++
			if runLen == 2 {
				out = append(out, runStart)
			}
		case capital:
			runStart, runLen = i, 1
		default:
			runLen = 0
		}
		prevCap = capital
		i = j
	}
	return out
}

// allCaps reports whether a name is written in capitals ("QUANG TRI").
func allCaps(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}
