package people

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medcoop/medcoop/extract/textnorm"
)

// token is a word (letters, digits and their combining marks, with inner
// hyphens: "Jean-Marc") or a single punctuation rune, with its byte span.
type token struct {
	start, end int
	text       string
	word       bool
	nl         bool   // a line break separates it from the previous token
	exact      string // NFC text
	lower      string // NFC text in lower case
	fold       string // textnorm.Key, or the normalised punctuation rune
}

func (t token) key(kind keyKind) string {
	switch kind {
	case keyExact:
		return t.exact
	case keyLower:
		return t.lower
	}
	return t.fold
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// punctKey folds the typographic variants of a punctuation rune.
func punctKey(r rune) string {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '`':
		return "'"
	case '\u2013', '\u2014', '\u2010', '\u2011', '\u2212':
		return "-"
	case '\u00a0':
		return " "
	}
	return string(r)
}

// tokenize cuts s into tokens. Space separates tokens and is not kept.
func tokenize(s string) []token {
	var toks []token
	folds := map[string]string{} // textnorm.Key is slow on non-ASCII words; words repeat
	nl := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			nl = true
			i += size
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			i += size
		case isWordRune(r) && !unicode.Is(unicode.Mn, r):
			j := i + size
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if isHyphen(r2) && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				if nameApostrophe(s[i:j], r2) && j+n2 < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); unicode.IsUpper(r3) {
						j += n2 // "H'Nhi", "K'Bríp", "O'Brien"
						continue
					}
				}
				break
			}
			toks = append(toks, newToken(s, i, j, true, nl, folds))
			nl = false
			i = j
		default:
			toks = append(toks, newToken(s, i, i+size, false, nl, folds))
			nl = false
			i += size
		}
	}
	return toks
}

// elided are the capitals a French word elides before an apostrophe
// ("L'Hôpital", "D'Annecy"): they begin no name.
const elided = "CDJLMNST"

// nameApostrophe reports whether an apostrophe r after word, a single
// capital, joins a name's prefix to its next capital: Ê Đê and Jrai
// women's names ("H'Nhi"), K'Ho names ("K'Bríp"), Irish ones
// ("O'Brien").
func nameApostrophe(word string, r rune) bool {
	if r != '\'' && r != '\u2019' {
		return false
	}
	c, n := utf8.DecodeRuneInString(word)
	return n == len(word) && unicode.IsUpper(c) && !strings.ContainsRune(elided, c)
}

func newToken(s string, start, end int, word, nl bool, folds map[string]string) token {
	t := token{start: start, end: end, text: s[start:end], word: word, nl: nl}
	if word {
		t.exact = textnorm.NFC(t.text)
		t.lower = strings.ToLower(t.exact)
		t.fold = foldWord(t.text, t.lower, folds)
	} else {
		r, _ := utf8.DecodeRuneInString(t.text)
		t.exact = t.text
		t.lower = punctKey(r)
		t.fold = t.lower
	}
	return t
}

// foldWord returns textnorm.Key(text): computed directly for ASCII words,
// through the cache for others.
func foldWord(text, lower string, folds map[string]string) string {
	ascii := true
	for i := 0; i < len(lower); i++ {
		if lower[i] >= utf8.RuneSelf || lower[i] == '\'' { // "o'brien" folds as "o brien"
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ReplaceAll(lower, "-", " ")
	}
	if f, ok := folds[text]; ok {
		return f
	}
	f := textnorm.Key(text)
	folds[text] = f
	return f
}

// capitalised reports whether a word token starts with an upper-case letter.
func (t token) capitalised() bool {
	if !t.word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// nameShaped reports whether a capitalised word token can be a word of a
// name: no digits ("CK1") and no capital after a small letter ("NutiFood").
func (t token) nameShaped() bool {
	if !t.capitalised() {
		return false
	}
	prevLower := false
	for _, r := range t.exact {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsUpper(r) && prevLower:
			return false
		}
		prevLower = unicode.IsLower(r)
	}
	return true
}

// acronym reports whether a word token is two or more letters, all capitals.
func (t token) acronym() bool {
	if !t.word {
		return false
	}
	n := 0
	for _, r := range t.exact {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
