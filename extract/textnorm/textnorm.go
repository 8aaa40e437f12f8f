// Package textnorm normalises text for matching: Unicode NFC, diacritics
// folded (Vietnamese đ included), case and punctuation folded, with a map
// from every folded byte back to the original text so that a match found in
// folded text can be cited as evidence in the original.
package textnorm

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Back returns where the at most n bytes of s before pos begin, moved
// forward to the start of a rune: the window a rule reads before a match
// ("depuis" before "1991", "funded by" before a name).
func Back(s string, pos, n int) int {
	from := max(0, pos-n)
	for from < pos && !utf8.RuneStart(s[from]) {
		from++
	}
	return from
}

// Forward returns where the at most n bytes of s after pos end, moved
// forward to the start of a rune (or len(s)): the window a rule reads
// after a match ("ans" after "58").
func Forward(s string, pos, n int) int {
	to := min(len(s), pos+n)
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	return to
}

// NFC returns s in Unicode normal form C. Vietnamese text often arrives
// decomposed (NFD), which defeats both matching and language detection.
func NFC(s string) string { return norm.NFC.String(s) }

// foldRune maps one rune to its base letters without diacritics. It returns
// the rune itself for runes with no diacritics to remove.
func foldRune(r rune) string {
	switch r {
	case 'đ':
		return "d"
	case 'Đ':
		return "D"
	case 'œ':
		return "oe"
	case 'Œ':
		return "OE"
	case 'æ':
		return "ae"
	case 'Æ':
		return "AE"
	case 'ß':
		return "ss"
	case 'ø':
		return "o"
	case 'Ø':
		return "O"
	case 'ł':
		return "l"
	case 'Ł':
		return "L"
	case '\u2019', '\u2018', '\u02bc':
		return "'"
	case '\u2013', '\u2014', '\u2010', '\u2011':
		return "-"
	}
	if r < utf8.RuneSelf {
		return asciiRunes[r]
	}
	if r < foldTableSize {
		foldTableOnce.Do(buildFoldTable)
		return foldTable[r]
	}
	return stripMarks(r)
}

// foldTableSize covers Latin, its extensions and Vietnamese (U+1E00–U+1EFF):
// their folded forms are computed once instead of on every rune.
const foldTableSize = 0x2000

var (
	asciiRunes    [utf8.RuneSelf]string
	foldTable     []string
	foldTableOnce sync.Once
)

func init() {
	for i := range asciiRunes {
		asciiRunes[i] = string(rune(i))
	}
}

func buildFoldTable() {
	foldTable = make([]string, foldTableSize)
	for r := rune(0); r < foldTableSize; r++ {
		foldTable[r] = stripMarks(r)
	}
}

// stripMarks decomposes r and drops its combining marks. It runs once
// per rune of the fold table: plain NFD and NFC, not a transform chain
// built per call (that took 50 ms at start-up).
func stripMarks(r rune) string {
	out := norm.NFC.String(strings.Map(func(c rune) rune {
		if unicode.Is(unicode.Mn, c) {
			return -1
		}
		return c
	}, norm.NFD.String(string(r))))
	if out == "" {
		return string(r)
	}
	return out
}

// ASCII returns s with diacritics removed and case kept: "Lê Ngọc Thành"
// becomes "Le Ngoc Thanh". Runes with no ASCII form are dropped.
func ASCII(s string) string {
	var b strings.Builder
	for _, r := range NFC(s) {
		for _, f := range foldRune(r) {
			if f < utf8.RuneSelf && f >= 0x20 {
				b.WriteRune(f)
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Folded is text folded for matching, with a byte map back to its source.
type Folded struct {
	// Text is lower case, without diacritics; every run of punctuation and
	// space is one space. Letters outside Latin (CJK, Thai) are kept as they are.
	Text string
	// Offsets[i] is the byte offset in the original text of Text[i];
	// Offsets[len(Text)] is the original's length.
	Offsets []int
	orig    string
}

// Fold folds s for matching. Apostrophes and hyphens count as punctuation,
// so "l'hôpital mère-enfant" folds to "l hopital mere enfant".
func Fold(s string) Folded {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1)
	lastSpace := true
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r) {
			if !lastSpace {
				b.WriteByte(' ')
				offs = append(offs, i)
				lastSpace = true
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark of NFD text: its base letter is already written
		}
		lastSpace = false
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			offs = append(offs, i)
			continue
		}
		f := strings.ToLower(foldRune(r))
		for j := 0; j < len(f); j++ {
			offs = append(offs, i)
		}
		b.WriteString(f)
	}
	offs = append(offs, len(s))
	return Folded{Text: b.String(), Offsets: offs, orig: s}
}

// Key folds s to a plain matching key: Fold(s).Text without leading or
// trailing space.
func Key(s string) string { return strings.TrimSpace(Fold(s).Text) }

// Span maps the folded byte range [start, end) back to the original text:
// the original range starts at the rune that produced Text[start] and ends
// after the rune (and any combining marks) that produced Text[end-1].
func (f Folded) Span(start, end int) (int, int) {
	start = max(0, min(start, len(f.Text)))
	end = max(start, min(end, len(f.Text)))
	if start == end {
		return f.Offsets[start], f.Offsets[start]
	}
	last := f.Offsets[end-1]
	_, size := utf8.DecodeRuneInString(f.orig[last:])
	origEnd := last + size
	for origEnd < len(f.orig) {
		r, n := utf8.DecodeRuneInString(f.orig[origEnd:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		origEnd += n
	}
	return f.Offsets[start], origEnd
}
