package extract

import (
	"strings"
	"sync"
	"unicode"

	"github.com/pemistahl/lingua-go"

	"github.com/medcoop/medcoop/extract/textnorm"
)

// Extracted is the set of languages medcoop extracts events from. Pages in
// any other language are labelled, stored and left unextracted.
var Extracted = map[string]bool{"fr": true, "vi": true, "en": true}

// detectable are the languages the detector chooses among: the three we
// extract and the others the region's news comes in, so that a Spanish or
// Chinese page is labelled as such instead of forced into French. Loading
// only these keeps the detector's memory to a fraction of all 75.
var detectable = []lingua.Language{
	lingua.French, lingua.Vietnamese, lingua.English,
	lingua.Chinese, lingua.Japanese, lingua.Korean, lingua.Thai,
	lingua.German, lingua.Spanish, lingua.Portuguese, lingua.Russian,
	lingua.Indonesian, lingua.Italian,
}

var (
	detectorOnce sync.Once
	detector     lingua.LanguageDetector
	// detectorMu serialises detection: lingua-go's confidence computation
	// goes through shopspring/decimal's ExpTaylor, whose package-level
	// factorial cache is written without a lock (a data race that -race
	// reports when the crawler extracts pages of two hosts at once).
	detectorMu sync.Mutex
)

func languageDetector() lingua.LanguageDetector {
	detectorOnce.Do(func() {
		detector = lingua.NewLanguageDetectorBuilder().
			FromLanguages(detectable...).
			WithMinimumRelativeDistance(0.05).
			Build()
	})
	return detector
}

// maxDetectBytes bounds the text given to the detector: a few kilobytes
// decide the language as well as a whole page, at a fraction of the time.
const maxDetectBytes = 4000

// DetectLanguage returns the ISO 639-1 code of text's language and the
// detector's confidence in it, or "und" and 0 when it cannot tell.
func DetectLanguage(text string) (string, float64) {
	text = textnorm.NFC(text)
	if len(text) > maxDetectBytes {
		cut := maxDetectBytes
		for cut > 0 && !utf8RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if code, ok := scriptLanguage(text); ok {
		return code, 1
	}
	d := languageDetector()
	detectorMu.Lock()
	defer detectorMu.Unlock()
	lang, ok := d.DetectLanguageOf(text)
	if !ok {
		return "und", 0
	}
	conf := d.ComputeLanguageConfidence(text, lang)
	return strings.ToLower(lang.IsoCode639_1().String()), conf
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// scriptLanguage tells the languages lingua does not know by their script:
// Khmer and Lao pages come with Cambodian and Laotian partners' news.
func scriptLanguage(text string) (string, bool) {
	var khmer, lao, letters int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Khmer, r):
			khmer++
		case unicode.Is(unicode.Lao, r):
			lao++
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case letters == 0:
		return "", false
	case khmer*2 > letters:
		return "km", true
	case lao*2 > letters:
		return "lo", true
	}
	return "", false
}
