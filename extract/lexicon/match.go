package lexicon

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medcoop/medcoop/extract/textnorm"
)

// token is one word of folded text: [Start, End) in the folded text and
// [OrigStart, OrigEnd) in the original.
type token struct {
	Start, End         int
	OrigStart, OrigEnd int
}

// foldedText is a text folded once and cut into words, shared by every
// matcher that runs over it.
type foldedText struct {
	orig   string
	folded textnorm.Folded
	toks   []token
}

func newFoldedText(text string) *foldedText {
	f := textnorm.Fold(text)
	ft := &foldedText{orig: text, folded: f}
	s := f.Text
	ft.toks = make([]token, 0, len(s)/5+1)
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		os, oe := f.Span(i, j)
		ft.toks = append(ft.toks, token{Start: i, End: j, OrigStart: os, OrigEnd: oe})
		i = j
	}
	return ft
}

// word returns the folded form of token i.
func (ft *foldedText) word(i int) string { return ft.folded.Text[ft.toks[i].Start:ft.toks[i].End] }

// span returns the original byte range of tokens [i, j).
func (ft *foldedText) span(i, j int) (int, int) {
	return ft.toks[i].OrigStart, ft.toks[j-1].OrigEnd
}

// gap returns the original text between tokens i-1 and i.
func (ft *foldedText) gap(i int) string {
	return ft.orig[ft.toks[i-1].OrigEnd:ft.toks[i].OrigStart]
}

// capitalised reports whether token i starts with an upper-case letter or a
// digit in the original text.
func (ft *foldedText) capitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(ft.orig[ft.toks[i].OrigStart:])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// bracketed reports whether token i is an acronym alone in brackets
// ("Centre de contrôle des maladies (CDC) de la province de …", "… for
// Disease Control (CDC);"): an aside inside or after a name, not a word
// of it.
func (ft *foldedText) bracketed(i int) bool {
	if i == 0 || strings.TrimSpace(ft.gap(i)) != "(" {
		return false
	}
	var closing string
	if i+1 < len(ft.toks) {
		closing = ft.gap(i + 1)
	} else {
		closing = ft.orig[ft.toks[i].OrigEnd:]
	}
	return strings.HasPrefix(strings.TrimSpace(closing), ")") && isAcronym(ft.orig[ft.toks[i].OrigStart:ft.toks[i].OrigEnd])
}

// inCapitals reports whether tokens [i, j) stand in a run of words
// written in capitals, a space apart, that opens its line: a dateline or
// a headline in capitals ("HAI PHONG — …"), where a word is no acronym.
// A run inside a line ("a USAID HIV programme") holds acronyms.
func (ft *foldedText) inCapitals(i, j int) bool {
	caps := func(k int) bool {
		w := ft.orig[ft.toks[k].OrigStart:ft.toks[k].OrigEnd]
		return utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
	}
	spaced := func(k int) bool { return strings.Trim(ft.gap(k), " ") == "" }
	s, e := i, j
	for s > 0 && spaced(s) && caps(s-1) {
		s--
	}
	for e < len(ft.toks) && spaced(e) && caps(e) {
		e++
	}
	opensLine := s == 0 && strings.Trim(ft.orig[:ft.toks[0].OrigStart], " ") == "" || s > 0 && strings.Contains(ft.gap(s), "\n")
	return (s < i || e > j) && opensLine
}

// origWords splits s (NFC) into its words as written: letters, digits and
// combining marks, case and diacritics kept.
func origWords(s string) []string {
	s = textnorm.NFC(s)
	var words []string
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			words = append(words, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// entry is one pattern of a matcher with the value it stands for.
type entry[T any] struct {
	value T
	// strict, when set, is the pattern's words as written: a match must
	// carry the same case and diacritics ("Pháp" the country, not "phương
	// pháp"; "UCA" the acronym, not a word).
	strict []string
	// caseless relaxes strict to diacritics only: "Bệnh Viện" matches
	// "bệnh viện" but "viên" does not match "viện".
	caseless bool
	// plainOK relaxes a caseless entry further for text written without
	// diacritics at all: "benh than" matches "bệnh thận", but "bệnh thần"
	// (in "bệnh thần kinh") does not.
	plainOK bool
	// acronym marks a pattern written in capitals ("HAI", "ICU").
	acronym bool
}

type trieNode struct {
	next    map[string]*trieNode
	entries []int
}

// matcher finds, in folded text, the longest non-overlapping runs of whole
// words that equal one of its patterns. It is built once and read-only
// afterwards, so safe for concurrent use.
type matcher[T any] struct {
	root    *trieNode
	entries []entry[T]
	// bounded matchers do not match across a sentence's or a bracket's
	// edge: "(Lào).\nKhóa" is not "lão khoa".
	bounded bool
}

func newMatcher[T any]() *matcher[T] {
	return &matcher[T]{root: &trieNode{}}
}

// isAcronym reports whether a pattern is written in capitals only, like
// "UCA", "AP-HP" or "MoU"-less "VNU-UMP": such patterns must match their case.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && letters <= 8
}

// add registers pattern for value. strict asks for case and diacritics to
// match as written; acronyms are always strict.
func (m *matcher[T]) add(pattern string, value T, strict bool) bool {
	return m.addEntry(pattern, value, strict, false)
}

// addCaseless registers pattern for value, to match with its diacritics
// but in any case.
func (m *matcher[T]) addCaseless(pattern string, value T) bool {
	return m.addEntry(pattern, value, true, true)
}

// addMarked registers pattern for value, to match with its diacritics in
// any case, or in a text written without diacritics.
func (m *matcher[T]) addMarked(pattern string, value T) bool {
	return m.addEntryWith(pattern, entry[T]{value: value, caseless: true, plainOK: true}, true)
}

func (m *matcher[T]) addEntry(pattern string, value T, strict, caseless bool) bool {
	return m.addEntryWith(pattern, entry[T]{value: value, caseless: caseless}, strict)
}

func (m *matcher[T]) addEntryWith(pattern string, e entry[T], strict bool) bool {
	key := textnorm.Key(pattern)
	if key == "" {
		return false
	}
	caseless := e.caseless
	if caseless {
		e.strict = origWords(strings.ToLower(pattern))
	} else if strict || isAcronym(pattern) {
		e.strict = origWords(pattern)
		e.acronym = isAcronym(pattern)
	}
	n := m.root
	for _, w := range strings.Split(key, " ") {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[w]
		if c == nil {
			c = &trieNode{}
			n.next[w] = c
		}
		n = c
	}
	n.entries = append(n.entries, len(m.entries))
	m.entries = append(m.entries, e)
	return true
}

// match is one run of tokens [From, To) with the values that matched it.
type match[T any] struct {
	From, To int
	Values   []T
}

// accept returns the values of node n whose strict form, if any, equals
// the original words of tokens [i, j).
func (m *matcher[T]) accept(ft *foldedText, n *trieNode, i, j int) []T {
	var vals []T
	var words, lower []string
	for _, ei := range n.entries {
		e := m.entries[ei]
		if e.strict != nil {
			if words == nil {
				s, end := ft.span(i, j)
				words = origWords(ft.orig[s:end])
			}
			w := words
			if e.caseless {
				if lower == nil {
					s, end := ft.span(i, j)
					lower = origWords(strings.ToLower(ft.orig[s:end]))
				}
				w = lower
			}
			if !slices.Equal(w, e.strict) && !(e.plainOK && plainWords(w)) {
				continue
			}
			if e.acronym && m.bounded && ft.inCapitals(i, j) {
				continue // "HAI PHONG —": a dateline's word, not an acronym
			}
		}
		vals = append(vals, e.value)
	}
	return vals
}

// plainWords reports whether words are written in ASCII only.
func plainWords(words []string) bool {
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}

// edge reports whether the gap between two words closes a sentence, a
// line or a bracket.
func edge(gap string) bool {
	return strings.ContainsAny(gap, "\n.!?;:()[]")
}

// longestAt returns the longest accepted match starting at token i, or
// To == 0 when none does.
func (m *matcher[T]) longestAt(ft *foldedText, i int) match[T] {
	type hit struct {
		j int
		n *trieNode
	}
	var hits [8]hit
	found := hits[:0]
	n := m.root
	for j := i; j < len(ft.toks) && n.next != nil; j++ {
		if m.bounded && j > i && edge(ft.gap(j)) {
			break
		}
		n = n.next[ft.word(j)]
		if n == nil {
			break
		}
		if len(n.entries) > 0 {
			found = append(found, hit{j + 1, n})
		}
	}
	for k := len(found) - 1; k >= 0; k-- {
		if vals := m.accept(ft, found[k].n, i, found[k].j); len(vals) > 0 {
			return match[T]{From: i, To: found[k].j, Values: vals}
		}
	}
	return match[T]{}
}

// findAll returns the leftmost-longest non-overlapping matches in ft.
func (m *matcher[T]) findAll(ft *foldedText) []match[T] {
	return m.findRange(ft, 0, len(ft.toks))
}

// findRange returns the leftmost-longest non-overlapping matches that
// start in tokens [from, to) and end by to.
func (m *matcher[T]) findRange(ft *foldedText, from, to int) []match[T] {
	var out []match[T]
	for i := from; i < to; {
		if mt := m.longestAt(ft, i); mt.To > 0 && mt.To <= to {
			out = append(out, mt)
			i = mt.To
			continue
		}
		i++
	}
	return out
}
