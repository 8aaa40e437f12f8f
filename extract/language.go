package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/pemistahl/lingua-go"

	"github.com/medcoop/medcoop/extract/textnorm"
)

// Extracted is the set of languages medcoop extracts events from. Pages in
// any other language are labelled, stored and left unextracted.
var Extracted = map[string]bool{"fr": true, "vi": true, "en": true}

// Language detection runs in four steps, surest first:
//
//  1. the script: Khmer, Lao, Thai, Korean, Japanese, Chinese… are told by
//     their letters alone (data/lang/scripts.txt, and Han/kana/Hangul in code);
//  2. Vietnamese syllables: text whose words are mostly syllables of the
//     Vietnamese inventory (data/lang/vi-syllables.txt) is Vietnamese, with
//     or without its diacritics ("Benh vien Bach Mai da ky ket…"), which a
//     statistical model trained on written Vietnamese calls French;
//  3. whatlanggo, for French and English it is certain of: on long text
//     with no sign of Vietnamese, a sure answer of its trigram profiles is
//     lingua's answer (below, [certainWords]), at a third of lingua's cost;
//  4. lingua-go, in low-accuracy mode (trigram models only), among the Latin
//     and Cyrillic languages in [detectable].
//
// Text too short to be sure of (fewer than minWords words, fewer than
// minScriptLetters letters of a script) is "und".

//go:embed data/lang/*.txt
var langData embed.FS

// detectable are the languages lingua chooses among once the script says
// the text is Latin or Cyrillic: the three we extract and the others the
// region's news and its partners write in, so that a Spanish or Malay page
// is labelled as such instead of forced into French or English.
var detectable = []lingua.Language{
	lingua.French, lingua.Vietnamese, lingua.English,
	lingua.German, lingua.Spanish, lingua.Portuguese, lingua.Italian,
	lingua.Dutch, lingua.Russian, lingua.Indonesian, lingua.Tagalog,
}

// Malay is left out of [detectable]: lingua tells it from Indonesian no
// better than chance on news sentences, and a Malay page labelled "id" is
// at least not labelled French or English.

const (
	// maxDetectBytes bounds the text read for its scripts and Vietnamese
	// syllables: two kilobytes decide as well as a whole page.
	maxDetectBytes = 2000
	// maxLinguaBytes bounds the text given to lingua. Past about 600 bytes,
	// lingua's sums of log probabilities underflow a float64 for the
	// languages the text fits worst, and it computes their exponents in
	// arbitrary-precision decimals, about 0.2 ms a language: 2000 bytes cost
	// 4 ms a page, 600 bytes 1.2 ms. On the 2089 texts of the shared corpora
	// (WiNER-fr, Dân Trí with and without diacritics, the main text of the
	// 360 benchmark pages) lingua on 600 bytes decides as on 2000, every one.
	maxLinguaBytes = 600
	// minWords is the fewest words of Latin or Cyrillic text given a
	// language: two words ("Bach Mai", "CHU Bordeaux") are names, not a language.
	minWords = 3
	// minScriptLetters is the fewest letters of Khmer, Thai, Han… named by
	// their script alone.
	minScriptLetters = 4
	// minVietnameseWords and minVietnameseShare: a text of at least that many
	// words, that share of them syllables of the Vietnamese inventory, is
	// Vietnamese. Measured on real news: Dân Trí articles 0.74–0.99 (median
	// 0.95), French Wikinews 0.12–0.46 (median 0.25), English pages ≤ 0.62.
	minVietnameseWords = 5
	minVietnameseShare = 0.75
	// certainWords is the fewest Latin words of a text that whatlanggo may
	// label without lingua. lingua spends little on its n-gram look-ups and
	// most on its per-word alphabet rules and the arbitrary-precision
	// exponents of its confidence (see maxLinguaBytes): about 1.3 ms on 600
	// bytes, against 0.4 ms for whatlanggo. On the 1514
	// French and English texts of the shared corpora (WiNER-fr, the main text
	// of the 360 benchmark pages, languageCases), whatlanggo is certain of
	// 1490, and lingua says the same on every one of them, as on all 2139
	// texts (TestCertainLanguageAgreesWithLingua).
	certainWords = 20
	// minLinguaConfidence is the least confidence lingua must have in its
	// first language for the label to stand.
	minLinguaConfidence = 0.5
	// minLinguaMargin is the least lead of lingua's first language over its
	// second: closer than that, the text is ambiguous.
	minLinguaMargin = 0.2
	// cjkWeight counts a Han, kana or Hangul character as about the three
	// letters a Latin word spends on one syllable, so that a Chinese page
	// with English names in it is still Chinese.
	cjkWeight = 3
)

var (
	langDataOnce sync.Once
	viSyllables  map[string]bool
	scriptCodes  []scriptCode
	langDataErr  error

	detectorOnce sync.Once
	detector     lingua.LanguageDetector
	// detectorMu serialises detection: lingua-go's confidence computation
	// goes through shopspring/decimal's ExpTaylor, whose package-level
	// factorial cache is written without a lock (a data race that -race
	// reports when the crawler extracts pages of two hosts at once).
	detectorMu sync.Mutex
)

// scriptCode is one line of data/lang/scripts.txt.
type scriptCode struct {
	table *unicode.RangeTable
	name  string
	code  string
}

func loadLangData() {
	viSyllables, langDataErr = readWordList("data/lang/vi-syllables.txt")
	if langDataErr != nil {
		return
	}
	lines, err := readLines("data/lang/scripts.txt")
	if err != nil {
		langDataErr = err
		return
	}
	for _, line := range lines {
		f := strings.Fields(line)
		if len(f) != 2 || unicode.Scripts[f[0]] == nil {
			langDataErr = fmt.Errorf("data/lang/scripts.txt: %q is not \"Script code\" with a script Go knows", line)
			return
		}
		scriptCodes = append(scriptCodes, scriptCode{unicode.Scripts[f[0]], f[0], f[1]})
	}
}

// readLines returns the lines of an embedded data file, without blank lines
// and # comments.
func readLines(name string) ([]string, error) {
	f, err := langData.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return lines, nil
}

func readWordList(name string) (map[string]bool, error) {
	lines, err := readLines(name)
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(lines))
	for _, l := range lines {
		set[l] = true
	}
	return set, nil
}

// newDetector builds the lingua detector over [detectable]. Low-accuracy
// mode loads only the trigram models: about a sixth of the heap of high
// accuracy (see BenchmarkDetectorHeap), and lingua uses trigrams alone for
// any text of 120 characters or more even in high accuracy, which page
// texts are.
func newDetector(lowAccuracy bool) lingua.LanguageDetector {
	b := lingua.NewLanguageDetectorBuilder().
		FromLanguages(detectable...).
		WithMinimumRelativeDistance(0.05) // for DetectLanguageOf; DetectLanguage uses minLinguaMargin
	if lowAccuracy {
		b = b.WithLowAccuracyMode()
	}
	return b.Build()
}

func languageDetector() lingua.LanguageDetector {
	detectorOnce.Do(func() { detector = newDetector(true) })
	return detector
}

// DetectLanguage returns the ISO 639-1 code of text's language and the
// confidence in it, or "und" and 0 when it cannot tell.
func DetectLanguage(text string) (string, float64) {
	code, conf, _ := detectLanguage(text, true)
	return code, conf
}

// detectLanguage is DetectLanguage, with whatlanggo's step when certain is
// set; byWhatlang reports that whatlanggo decided.
func detectLanguage(text string, certain bool) (code string, conf float64, byWhatlang bool) {
	langDataOnce.Do(loadLangData)
	if langDataErr != nil {
		panic(langDataErr) // embedded data: a broken file is a build defect
	}
	text = withoutAddresses(truncateUTF8(textnorm.NFC(truncateUTF8(text, 2*maxDetectBytes)), maxDetectBytes))
	count := countScripts(text)
	if code, conf, decided := count.scriptLanguage(); decided {
		return code, conf, false
	}
	switch {
	case count.latin >= count.cyrillic:
		words, share := vietnameseSyllableShare(text)
		if words < minWords {
			return "und", 0, false
		}
		if words >= minVietnameseWords && share >= minVietnameseShare {
			return "vi", share, false
		}
		// Vietnamese letters or syllables leave the text to lingua and the
		// check below.
		if certain && words >= certainWords && count.vietnameseOnly == 0 && share < 0.5 {
			if code, ok := certainFrenchOrEnglish(truncateUTF8(text, maxLinguaBytes)); ok {
				return code, 1, true
			}
		}
		code, conf := detectLingua(truncateUTF8(text, maxLinguaBytes))
		// Vietnamese from lingua with neither its letters nor its syllables
		// is a guess on some other language lingua does not know.
		if code == "vi" && count.vietnamese == 0 && share < 0.5 {
			return "und", 0, false
		}
		return code, conf, false
	default:
		if len(strings.Fields(text)) < minWords {
			return "und", 0, false
		}
		code, conf := detectLingua(truncateUTF8(text, maxLinguaBytes))
		return code, conf, false
	}
}

// certainFrenchOrEnglish returns "fr" or "en" when whatlanggo is certain
// the text is written in it: its confidence 1, a lead of its first language
// over its second above its own confidence curve. whatlanggo chooses among
// all the languages it knows, so that a Catalan or Danish text, which
// lingua (among [detectable] only) may call French or English or leave
// "und", is not taken for French or English here but left to lingua as
// before. (Restricted to [detectable] it would cost half as much.)
func certainFrenchOrEnglish(text string) (string, bool) {
	info := whatlanggo.Detect(text)
	if info.Confidence < 1 {
		return "", false
	}
	switch info.Lang {
	case whatlanggo.Fra:
		return "fr", true
	case whatlanggo.Eng:
		return "en", true
	}
	return "", false
}

func detectLingua(text string) (string, float64) {
	d := languageDetector()
	detectorMu.Lock()
	// One pass: DetectLanguageOf then ComputeLanguageConfidence would score
	// the text twice.
	values := d.ComputeLanguageConfidenceValues(text)
	detectorMu.Unlock()
	if len(values) == 0 {
		return "und", 0
	}
	first := values[0]
	second := 0.0
	if len(values) > 1 {
		second = values[1].Value()
	}
	if first.Value() < minLinguaConfidence || first.Value()-second < minLinguaMargin {
		return "und", 0
	}
	return strings.ToLower(first.Language().IsoCode639_1().String()), first.Value()
}

// truncateUTF8 cuts s to at most n bytes, on a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// scriptCount is how many letters of a text each script holds.
type scriptCount struct {
	letters, latin, cyrillic    int
	han, kana, hangul           int
	vietnamese                  int // letters Vietnamese writes (ă â đ ê ô ơ ư, and ạ ả ấ… of U+1EA0–U+1EF9)
	vietnameseOnly              int // of those, the ones French does not write (all but â ê ô)
	byScript                    map[string]int
	topScript                   string
	topScriptCount, otherLetter int
}

func countScripts(text string) scriptCount {
	c := scriptCount{byScript: map[string]int{}}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		c.letters++
		switch {
		case r < 0x250 || (r >= 0x1E00 && r <= 0x1EFF) || unicode.Is(unicode.Latin, r):
			c.latin++
			if isVietnameseLetter(r) {
				c.vietnamese++
				if !isFrenchLetter(r) {
					c.vietnameseOnly++
				}
			}
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
		case unicode.Is(unicode.Han, r):
			c.han++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			c.kana++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		default:
			named := false
			for _, s := range scriptCodes {
				if unicode.Is(s.table, r) {
					c.byScript[s.name]++
					named = true
					break
				}
			}
			if !named {
				c.otherLetter++
			}
		}
	}
	for name, n := range c.byScript {
		if n > c.topScriptCount {
			c.topScript, c.topScriptCount = name, n
		}
	}
	return c
}

func isVietnameseLetter(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}

// isFrenchLetter reports whether r is one of the letters of
// [isVietnameseLetter] that French writes too.
func isFrenchLetter(r rune) bool {
	switch unicode.ToLower(r) {
	case 'â', 'ê', 'ô':
		return true
	}
	return false
}

// scriptLanguage decides the text's language from its script alone, or
// says "und" when no script holds the text; decided is false when the text
// is Latin or Cyrillic, for the next steps to tell.
func (c scriptCount) scriptLanguage() (code string, conf float64, decided bool) {
	cjk := c.han + c.kana + c.hangul
	weighted := float64(c.letters - cjk + cjkWeight*cjk)
	if weighted == 0 {
		return "und", 0, true
	}
	if share := float64(cjkWeight*cjk) / weighted; share > 0.5 {
		if cjk < minScriptLetters {
			return "und", 0, true
		}
		switch {
		case c.hangul*2 > cjk:
			return "ko", share, true
		case c.kana*20 >= cjk: // Japanese writes kana in every sentence; Chinese never
			return "ja", share, true
		default:
			return "zh", share, true
		}
	}
	if share := float64(c.topScriptCount) / weighted; share > 0.5 {
		if c.topScriptCount < minScriptLetters {
			return "und", 0, true
		}
		for _, s := range scriptCodes {
			if s.name == c.topScript {
				return s.code, share, true
			}
		}
	}
	if float64(c.latin+c.cyrillic)/weighted <= 0.5 {
		return "und", 0, true // Arabic, Devanagari…: scripts of several languages
	}
	return "", 0, false
}

// vietnameseSyllableShare returns how many Latin words text holds and the
// share of them that are Vietnamese syllables once folded to ASCII.
func vietnameseSyllableShare(text string) (words int, share float64) {
	syllables := 0
	for _, w := range strings.Fields(textnorm.Fold(text).Text) {
		if !isASCIIWord(w) {
			continue
		}
		words++
		if viSyllables[w] {
			syllables++
		}
	}
	if words == 0 {
		return 0, 0
	}
	return words, float64(syllables) / float64(words)
}

// isASCIIWord reports whether w is made of ASCII letters only: numbers and
// words of other scripts are not counted.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// withoutAddresses drops the URLs and e-mail addresses from text: their
// "www", "https" and domain names are words of no language.
func withoutAddresses(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") && !strings.Contains(text, "@") {
		return text
	}
	fields := strings.Fields(text)
	kept := fields[:0]
	for _, f := range fields {
		if !strings.Contains(f, "://") && !strings.HasPrefix(f, "www.") && !strings.Contains(f, "@") {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}
