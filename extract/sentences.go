package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a span of the document's text.
type Sentence struct {
	Start, End int // byte offsets in the text
	Text       string
}

// SplitSentences cuts text into sentences: at line breaks, and after ".",
// "!", "?" or "…" followed by space and a capital, digit or quote — but not
// after an abbreviation such as "Pr.", "M.", "GS.TS." or "TP.HCM.", whose
// period is part of a title, not the end of a sentence.
func SplitSentences(text string) []Sentence {
	var out []Sentence
	add := func(start, end int) {
		for start < end {
			r, n := utf8.DecodeRuneInString(text[start:])
			if !unicode.IsSpace(r) {
				break
			}
			start += n
		}
		for end > start {
			r, n := utf8.DecodeLastRuneInString(text[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= n
		}
		if start < end {
			out = append(out, Sentence{Start: start, End: end, Text: text[start:end]})
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			add(start, i)
			start = i + n
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + n
			// closing quotes and brackets stay with the sentence
			for j < len(text) {
				q, qn := utf8.DecodeRuneInString(text[j:])
				if q == ' ' || q == '\u00a0' || q == '\u202f' {
					// French typography puts a space before »
					if c, cn := utf8.DecodeRuneInString(text[j+qn:]); c == '»' {
						j += qn + cn
						continue
					}
					break
				}
				if q != '"' && q != '»' && q != '”' && q != ')' && q != '\'' && q != '’' {
					break
				}
				j += qn
			}
			if endsSentence(text, i, j) {
				add(start, j)
				start = j
				i = j
				continue
			}
		}
		i += n
	}
	add(start, len(text))
	return out
}

// endsSentence reports whether the punctuation at text[i] (with closing
// marks up to j) ends a sentence.
func endsSentence(text string, i, j int) bool {
	if j >= len(text) {
		return true
	}
	r, n := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsSpace(r) {
		return false
	}
	k := j + n
	for k < len(text) {
		r, n = utf8.DecodeRuneInString(text[k:])
		if !unicode.IsSpace(r) || r == '\n' {
			break
		}
		k += n
	}
	if k >= len(text) || r == '\n' {
		return true
	}
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("«\"“(-–", r)) {
		return false
	}
	if text[i] == '.' && isAbbreviation(text[:i]) {
		return false
	}
	return true
}

// isAbbreviation reports whether the word just before a period is an
// abbreviation of the data files (Pr, Dr, M, Mme, GS, TS, TP.HCM...), one
// with inner periods (GS.TS, PGS.TS), or a single letter (an initial, p.).
func isAbbreviation(before string) bool {
	w := before
	if k := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' }); k >= 0 {
		w = before[k+1:]
	}
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		return true
	}
	return abbreviations()[strings.ToLower(w)]
}
