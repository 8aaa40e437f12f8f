package extract

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/medcoop/medcoop/extract/textnorm"
)

// metaPrescanBytes is how far into a page a <meta charset> is looked for,
// as browsers do (WHATWG "prescan a byte stream").
const metaPrescanBytes = 1024

// DecodeHTML returns a page read from disk as UTF-8, and the name of the
// charset it was in ("utf-8", "windows-1252", "windows-1258", "viscii",
// "utf-16le"…). The crawler decodes at the edge; `medcoop ingest` and
// `medcoop extract` read files, and call this.
//
// The charset comes from, in order: a byte-order mark; the hint (a
// Content-Type value such as "text/html; charset=windows-1258", or a bare
// charset label); the page's <meta charset> or http-equiv Content-Type in
// its first kilobyte; else sniffing. A body that is valid UTF-8 is kept as
// UTF-8 whatever a hint or meta says: legacy-encoded French or Vietnamese
// text is practically never valid UTF-8, while pages saved as UTF-8 with a
// stale meta are common. A declared UTF-8 that is not valid is sniffed.
// Text decoded from a legacy charset is put in NFC: windows-1258 writes tones
// as combining marks.
func DecodeHTML(body []byte, contentTypeHint string) ([]byte, string, error) {
	if enc, name, size := bomEncoding(body); enc != nil {
		if name == "utf-8" {
			return bytes.ToValidUTF8(body[size:], []byte("\uFFFD")), name, nil
		}
		out, err := decodeWith(enc, body[size:])
		if err != nil {
			return nil, "", fmt.Errorf("decode %s page: %w", name, err)
		}
		return out, name, nil
	}
	label := hintCharset(contentTypeHint)
	if label == "" {
		label = metaCharset(body)
	}
	enc, name := lookupCharset(label)
	if isASCII(body) {
		if name == "" || strings.HasPrefix(name, "utf-16") {
			name = "utf-8"
		}
		return body, name, nil
	}
	if utf8.Valid(body) && !strings.HasPrefix(name, "utf-16") {
		return body, "utf-8", nil
	}
	if enc == nil || name == "utf-8" {
		enc, name = sniffCharset(body)
	}
	out, err := decodeWith(enc, body)
	if err != nil {
		return nil, "", fmt.Errorf("decode %s page: %w", name, err)
	}
	return out, name, nil
}

// bomEncoding returns the encoding a byte-order mark names, and the mark's size.
func bomEncoding(body []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return encoding.Nop, "utf-8", 3 // kept as it is, not decoded
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}), bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		// charset reads the mark itself and names the byte order.
		enc, name, _ := charset.DetermineEncoding(body[:2], "")
		return enc, name, 2
	}
	return nil, "", 0
}

// hintCharset returns the charset label of a Content-Type value, or the
// hint itself when it is a bare label.
func hintCharset(hint string) string {
	hint = strings.TrimSpace(hint)
	if hint == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(hint); err == nil {
		return params["charset"]
	}
	if !strings.ContainsAny(hint, "/;= ") {
		return hint
	}
	return ""
}

// metaCharset returns the charset a page declares in a <meta> of its first
// kilobyte, or "".
func metaCharset(body []byte) string {
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), metaPrescanBytes)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var httpEquiv, content, declared string
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					declared = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if declared == "" && httpEquiv == "content-type" {
				declared = hintCharset(content)
			}
			if declared = strings.TrimSpace(declared); declared != "" {
				return declared
			}
		}
	}
}

// visciiLabels are the names VISCII goes by (IANA and common use); the
// WHATWG index that x/net/html/charset follows does not list it.
var visciiLabels = map[string]bool{"viscii": true, "csviscii": true, "viscii1.1-1": true, "x-viet-viscii": true}

// lookupCharset returns the encoding a charset label names and its
// canonical name, or nil and "" for an unknown label.
func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return nil, ""
	}
	if visciiLabels[label] {
		v, err := visciiCharset()
		if err != nil {
			panic(err) // embedded data: a broken table is a build defect
		}
		return v, "viscii"
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	return enc, name
}

// sniffCharset guesses the charset of a body that is not UTF-8 and does not
// say what it is. Vietnamese pages come in windows-1258 and VISCII, French
// and English ones in windows-1252: each is decoded, and a Vietnamese
// charset wins when it makes more Vietnamese words than windows-1252 does,
// at least minSniffWords of them, and most of its accented words are
// Vietnamese (French decoded as VISCII keeps its é and è, which are not).
func sniffCharset(body []byte) (encoding.Encoding, string) {
	best, bestName := encoding.Encoding(charmap.Windows1252), "windows-1252"
	bestScore, _ := vietnameseWordScore(body, best)
	viscii, err := visciiCharset()
	if err != nil {
		panic(err) // embedded data: a broken table is a build defect
	}
	for _, c := range []struct {
		enc  encoding.Encoding
		name string
	}{{charmap.Windows1258, "windows-1258"}, {viscii, "viscii"}} {
		score, accented := vietnameseWordScore(body, c.enc)
		if score > bestScore && score >= minSniffWords && score*10 >= accented*6 {
			best, bestName, bestScore = c.enc, c.name, score
		}
	}
	return best, bestName
}

// minSniffWords is the fewest Vietnamese words that make a page Vietnamese
// to the charset sniffer.
const minSniffWords = 3

// vietnameseWordScore decodes body with enc and returns how many of its
// words with a non-ASCII letter are Vietnamese syllables, and how many such
// words there are in all.
func vietnameseWordScore(body []byte, enc encoding.Encoding) (vietnamese, accented int) {
	out, err := decodeWith(enc, body)
	if err != nil {
		return -1, 0
	}
	langDataOnce.Do(loadLangData)
	for _, w := range strings.FieldsFunc(string(out), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '<' || r == '>' || r == '='
	}) {
		nonASCII, letters := false, true
		for _, r := range w {
			if r >= utf8.RuneSelf {
				nonASCII = true
			}
			if !unicode.IsLetter(r) {
				letters = false
			}
		}
		if !nonASCII || !letters {
			continue
		}
		accented++
		if isVietnameseWord(w) {
			vietnamese++
		}
	}
	return vietnamese, accented
}

// isVietnameseWord reports whether w folds to a Vietnamese syllable and
// carries at most one tone mark.
func isVietnameseWord(w string) bool {
	folded := strings.TrimSpace(textnorm.Fold(w).Text)
	if !viSyllables[folded] {
		return false
	}
	tones := 0
	for _, r := range norm.NFD.String(w) {
		switch r {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
			tones++
		}
	}
	return tones <= 1
}

// decodeWith decodes body and puts it in NFC.
func decodeWith(enc encoding.Encoding, body []byte) ([]byte, error) {
	out, _, err := transform.Bytes(transform.Chain(enc.NewDecoder(), norm.NFC), body)
	if err != nil {
		return nil, err
	}
	return out, nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// visciiEncoding is VISCII as an x/text encoding, from data/lang/vi-viscii.txt.
type visciiEncoding struct {
	toRune [256]rune
	toByte map[rune]byte
}

var (
	visciiOnce sync.Once
	viscii     *visciiEncoding
	visciiErr  error
)

func visciiCharset() (*visciiEncoding, error) {
	visciiOnce.Do(func() { viscii, visciiErr = loadVISCII() })
	return viscii, visciiErr
}

func loadVISCII() (*visciiEncoding, error) {
	const name = "data/lang/vi-viscii.txt"
	lines, err := readLines(name)
	if err != nil {
		return nil, err
	}
	if len(lines) != 256 {
		return nil, fmt.Errorf("%s: %d entries, want 256", name, len(lines))
	}
	v := &visciiEncoding{toByte: make(map[rune]byte, 256)}
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, fmt.Errorf("%s: line %q is not \"byte code-point name\"", name, line)
		}
		b, err1 := strconv.ParseUint(f[0], 16, 8)
		r, err2 := strconv.ParseUint(f[1], 16, 32)
		if err1 != nil || err2 != nil || int(b) != i {
			return nil, fmt.Errorf("%s: line %q: want byte %02X and a hex code point", name, line, i)
		}
		if _, dup := v.toByte[rune(r)]; dup {
			return nil, fmt.Errorf("%s: U+%04X given to two bytes", name, r)
		}
		v.toRune[b] = rune(r)
		v.toByte[rune(r)] = byte(b)
	}
	return v, nil
}

// NewDecoder returns a VISCII to UTF-8 decoder.
func (v *visciiEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: visciiDecoder{v}}
}

// NewEncoder returns a UTF-8 to VISCII encoder; text must be in NFC, as
// VISCII has precomposed letters only.
func (v *visciiEncoding) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: visciiEncoder{v}}
}

type visciiDecoder struct{ v *visciiEncoding }

func (d visciiDecoder) Reset() {}

func (d visciiDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		r := d.v.toRune[src[nSrc]]
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc++
	}
	return nDst, nSrc, nil
}

// errNotInVISCII is the encoder's error for a rune VISCII cannot write.
var errNotInVISCII = errors.New("viscii: rune not in the charset")

type visciiEncoder struct{ v *visciiEncoding }

func (e visciiEncoder) Reset() {}

func (e visciiEncoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size <= 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			return nDst, nSrc, fmt.Errorf("viscii: invalid UTF-8 at byte %d", nSrc)
		}
		b, ok := e.v.toByte[r]
		if !ok {
			return nDst, nSrc, fmt.Errorf("%w: %U", errNotInVISCII, r)
		}
		if nDst >= len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		dst[nDst] = b
		nDst++
		nSrc += size
	}
	return nDst, nSrc, nil
}
