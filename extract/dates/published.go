package dates

import (
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// languages are the languages whose data files Published tries on visible
// text when it does not know the page's language.
var languages = []string{"fr", "vi", "en"}

// minPublished is the earliest publication date accepted: the web of news
// pages starts in the mid 1990s (go-htmldate's own default).
var minPublished = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// Published returns the page's publication date: go-htmldate on the parsed
// page first (JSON-LD, meta tags, <time>, URL, then its extensive search of
// the text), then the visible text's own marks ("Publié le 14/11/2025",
// "Mise à jour le 19.12.2022", "Thứ Năm, 13/11/2025 14:05", "Cập nhật: 14:05
// 13/11/2025"), which also serve plain-text input (pass doc nil). A date
// after tomorrow is never a publication date. The time is midnight UTC of
// the date.
func Published(doc *html.Node, pageURL string, text string) (time.Time, bool) {
	now := time.Now().UTC()
	maxDate := now.AddDate(0, 0, 1)
	langs := languages
	if doc != nil {
		if l := pageLang(doc); l != "" {
			langs = append([]string{l}, without(languages, l)...)
		}
		res, err := htmldate.FromDocument(doc, htmldate.Options{
			URL:             pageURL,
			UseOriginalDate: true,
			MinDate:         minPublished,
			MaxDate:         maxDate,
			DateParserConfig: &dps.Configuration{
				Languages:           langs,
				CurrentTime:         now,
				DateOrder:           dps.DMY,
				PreferredDateSource: dps.Past,
				StrictParsing:       true,
			},
		})
		if strings.TrimSpace(text) == "" {
			text = visibleText(doc)
		}
		switch {
		case err != nil:
			slog.Debug("dates: htmldate found no date", "url", pageURL, "err", err)
		case !res.IsZero():
			t := res.DateTime
			t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			// A site's creation date in its metadata ("dc.created") is older
			// than any of its articles: a page that states its own publication
			// date well after the metadata's is believed.
			if v, rank, ok := publishedInText(text, langs, maxDate); ok && rank <= rankHeader && v.After(t.AddDate(0, 0, staleMetadataDays)) {
				slog.Debug("dates: visible publication date overrides metadata", "url", pageURL, "metadata", t, "visible", v)
				return v, true
			}
			return t, true
		}
	}
	t, _, ok := publishedInText(text, langs, maxDate)
	return t, ok
}

// The ranks of the publication marks in visible text, strongest first.
const (
	rankPublished = iota // "Publié le 14/11/2025", "Đăng ngày 12/11/2025"
	rankHeader           // "Thứ Năm, 13/11/2025 14:05" opening a line
	rankUpdated          // "Mise à jour le 19.12.2022", "Cập nhật: 14:05 13/11/2025"
	rankNone
)

// staleMetadataDays is how much later than go-htmldate's date a visible
// publication mark must be to override it.
const staleMetadataDays = 31

// publishedInText reads the publication date from marks in visible text: a
// publication prefix first, then a weekday-dated line ("Thứ Năm, 13/11/2025
// 14:05", the header of many Vietnamese pages), then an update prefix. It
// returns the rank of the mark it used.
func publishedInText(text string, langs []string, maxDate time.Time) (time.Time, int, bool) {
	if len(text) > maxMarkText {
		text = text[:maxMarkText] // the marks sit at the top of a page
	}
	type found struct {
		t    time.Time
		rank int
	}
	best := found{rank: rankNone}
	lines := markLinesOf(text)
	for _, lang := range langs {
		lx, err := lexiconFor(lang)
		if err != nil {
			continue
		}
		for _, m := range lx.markedMentions(text, lang, lines) {
			if m.Precision != "day" || m.Relative || m.Historical || m.Time.Before(minPublished) || m.Time.After(maxDate) {
				continue
			}
			rank := rankNone
			switch {
			case lx.prefixedBy(lx.published, text, m.Start):
				rank = rankPublished
			case lx.startsWeekdayLine(text, m):
				rank = rankHeader
			case lx.prefixedBy(lx.updated, text, m.Start):
				rank = rankUpdated
			}
			if rank < best.rank {
				best = found{m.Time, rank}
			}
		}
	}
	return best.t, best.rank, best.rank < rankNone
}

// markWindow is how far after a publication prefix, or into a line, a
// publication date may lie.
const markWindow = 96

// markedMentions returns the dates that may be publication marks: those in a
// short window after a publication or update prefix, and those at the start of
// a line that opens with a weekday. Searching only there keeps Published fast
// on long pages; the prefixes themselves are searched only on the lines that
// hold a word they start with (see [markLines]).
func (lx *lexicon) markedMentions(text, lang string, lines *markLines) []Mention {
	var windows [][2]int
	for _, k := range []struct {
		re   *regexp.Regexp
		kind markKind
	}{{lx.published, markPublished}, {lx.updated, markUpdated}} {
		for _, loc := range lines.findAll(k.re, text, lang, k.kind) {
			windows = append(windows, [2]int{loc[1], loc[1] + markWindow})
		}
	}
	for _, loc := range lines.findAll(lx.weekdayLine, text, lang, markWeekday) {
		windows = append(windows, [2]int{loc[0], loc[0] + markWindow})
	}
	var out []Mention
	seen := map[int]bool{}
	for _, w := range windows {
		a, b := w[0], min(len(text), w[1])
		for b < len(text) && !utf8.RuneStart(text[b]) {
			b++
		}
		for _, m := range Find(text[a:b], lang, time.Time{}) {
			m.Start += a
			m.End += a
			if !seen[m.Start] {
				seen[m.Start] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// prefixedBy reports whether a prefix matched by re ends shortly before
// text[start:], with only fillers (": le", "lúc 14:05", "|") between them.
func (lx *lexicon) prefixedBy(re *regexp.Regexp, text string, start int) bool {
	from := max(0, start-64)
	for from < start && (text[from]&0xC0) == 0x80 {
		from++
	}
	window := text[from:start]
	for _, loc := range re.FindAllStringIndex(window, -1) {
		if lx.fillers.MatchString(window[loc[1]:]) {
			return true
		}
	}
	return false
}

// startsWeekdayLine reports whether m opens its line with a weekday
// ("Thứ Năm, 13/11/2025 14:05").
func (lx *lexicon) startsWeekdayLine(text string, m Mention) bool {
	lineStart := strings.LastIndexByte(text[:m.Start], '\n') + 1
	if strings.TrimSpace(text[lineStart:m.Start]) != "" {
		return false
	}
	fields := strings.FieldsFunc(m.Surface, func(r rune) bool { return r == ',' || r == ' ' })
	for n := 1; n <= 2 && n <= len(fields); n++ {
		if _, ok := lx.weekdayIdx[foldKey(strings.Join(fields[:n], " "))]; ok {
			return true
		}
	}
	return false
}

// pageLang returns the primary language of <html lang>, if it has data.
func pageLang(doc *html.Node) string {
	var lang string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "html" {
			for _, a := range n.Attr {
				if a.Key == "lang" {
					lang = strings.ToLower(strings.SplitN(strings.SplitN(a.Val, "-", 2)[0], "_", 2)[0])
				}
			}
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	if _, err := lexiconFor(lang); err != nil {
		return ""
	}
	return lang
}

func without(list []string, drop string) []string {
	var out []string
	for _, s := range list {
		if s != drop {
			out = append(out, s)
		}
	}
	return out
}

// maxMarkText is how much of a page's text is searched for publication marks.
const maxMarkText = 1 << 16

// visibleText returns the text of doc outside script, style and template,
// one line per block of text, up to the first line that ends past
// maxMarkText bytes.
func visibleText(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if b.Len() > maxMarkText {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template", "noscript", "head":
				return
			}
		}
		if n.Type == html.TextNode {
			if t := strings.TrimSpace(n.Data); t != "" {
				b.WriteString(t)
				b.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// Finding publication marks fast.
//
// The publication, update and weekday-line patterns start, after a boundary,
// with a word of the data files ("publié le", "cập nhật", "Thứ Năm"), and
// Go's regexp tries them at every byte of a page's visible text: that was
// most of the time Published took. A match can only start at a word of the
// text that begins, case folded as (?i) folds, with a phrase's first word.
// So the text is cut into words once, each line is flagged with the
// languages and kinds of mark whose first word it holds, and each pattern
// runs only on the flagged lines and the few after each, where a phrase
// split across text nodes ends ("Publié" / "le 14/11/2025"). On text
// without blank lines, as visible text and main text are, the matches are
// those of the pattern on the whole text (TestMarkLinesFindAll, FuzzMarkLines).

// markKind is one of the three kinds of publication mark.
type markKind int

const (
	markPublished markKind = iota
	markUpdated
	markWeekday
	markKinds
)

// markKey is the first word of a mark phrase, with the bit of its language
// and kind.
type markKey struct {
	word string
	bit  uint32
}

// markIndex is every language's mark words, by their first rune, folded.
type markIndex struct {
	langBit map[string]int // language -> index of its first bit
	ascii   [utf8.RuneSelf][]markKey
	other   map[rune][]markKey
	always  uint32 // the bits of marks that start with no word: every line is searched
	spill   int    // the most lines a phrase can run into after its first: its words less one
}

var (
	markIndexOnce sync.Once
	marks         *markIndex
	marksErr      error
)

func markIndexFor() (*markIndex, error) {
	markIndexOnce.Do(func() { marks, marksErr = loadMarkIndex() })
	return marks, marksErr
}

// loadMarkIndex reads the mark phrases of every data file.
func loadMarkIndex() (*markIndex, error) {
	data, err := langDataFiles()
	if err != nil {
		return nil, err
	}
	idx := &markIndex{langBit: map[string]int{}, other: map[rune][]markKey{}}
	for i, d := range data {
		if (i+1)*int(markKinds) > 32 {
			return nil, fmt.Errorf("dates: more data files than the mark index holds")
		}
		base := i * int(markKinds)
		idx.langBit[d.Lang] = base
		var weekdays []string
		for _, w := range d.Weekdays {
			weekdays = append(weekdays, w...)
		}
		for kind, phrases := range [markKinds][]string{d.PublishedPrefix, d.UpdatedPrefix, weekdays} {
			bit := uint32(1) << (base + kind)
			for _, p := range phrases {
				idx.spill = max(idx.spill, len(strings.Fields(p))-1)
				w := firstWord(p)
				if w == "" {
					idx.always |= bit
					continue
				}
				r, _ := utf8.DecodeRuneInString(w)
				if r = foldRune(r); r < utf8.RuneSelf {
					idx.ascii[r] = append(idx.ascii[r], markKey{w, bit})
				} else {
					idx.other[r] = append(idx.other[r], markKey{w, bit})
				}
			}
		}
	}
	return idx, nil
}

// firstWord is the run of letters and digits that phrase p starts with
// ("jusqu" of "jusqu'à"), or "" when p starts with neither.
func firstWord(p string) string {
	p = strings.TrimSpace(p)
	end := strings.IndexFunc(p, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		return p
	}
	return p[:end]
}

// foldRune maps r to one rune of its case-folding orbit, the same for every
// rune (?i) takes for it: the smallest.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// hasFoldPrefix reports whether s starts with prefix, case folded.
func hasFoldPrefix(s, prefix string) bool {
	for _, pr := range prefix {
		if s == "" {
			return false
		}
		r, n := utf8.DecodeRuneInString(s)
		if r != pr && foldRune(r) != foldRune(pr) {
			return false
		}
		s = s[n:]
	}
	return true
}

// markLines is a text cut into lines, each flagged with the languages and
// kinds of mark whose first word it holds.
type markLines struct {
	idx   *markIndex
	start []int // byte offset of each line in the text
	flags []uint32
}

// markLinesOf flags the lines of text. On a broken data file it returns
// nil, and the patterns then run on the whole text.
func markLinesOf(text string) *markLines {
	idx, err := markIndexFor()
	if err != nil {
		return nil
	}
	ml := &markLines{idx: idx, start: make([]int, 0, 64), flags: make([]uint32, 0, 64)}
	ml.start = append(ml.start, 0)
	ml.flags = append(ml.flags, 0)
	line := 0
	inWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			ml.start = append(ml.start, i+1)
			ml.flags = append(ml.flags, 0)
			line++
			inWord = false
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		word := isWordRune(r)
		if word && !inWord {
			var keys []markKey
			if f := foldRune(r); f < utf8.RuneSelf {
				keys = idx.ascii[f]
			} else {
				keys = idx.other[f]
			}
			for _, k := range keys {
				if ml.flags[line]&k.bit == 0 && hasFoldPrefix(text[i:], k.word) {
					ml.flags[line] |= k.bit
				}
			}
		}
		inWord = word
		i += size
	}
	return ml
}

// findAll returns what re.FindAllStringIndex(text, -1) returns, re being a
// pattern of lang's marks of the given kind, running re only on the lines
// that may hold a match.
func (ml *markLines) findAll(re *regexp.Regexp, text, lang string, kind markKind) [][]int {
	base, ok := 0, false
	if ml != nil {
		base, ok = ml.idx.langBit[lang]
	}
	bit := uint32(1) << (base + int(kind))
	if !ok || ml.idx.always&bit != 0 {
		return re.FindAllStringIndex(text, -1)
	}
	spill := ml.idx.spill
	var out [][]int
	for first := 0; first < len(ml.flags); first++ {
		if ml.flags[first]&bit == 0 {
			continue
		}
		last := first // the last flagged line of a run closer than spill lines apart
		for l := first + 1; l < len(ml.flags) && l <= last+spill+1; l++ {
			if ml.flags[l]&bit != 0 {
				last = l
			}
		}
		end := min(len(ml.flags)-1, last+spill)
		// From the '\n' before the line, which a boundary takes as on the whole text.
		a, b := max(0, ml.start[first]-1), len(text)
		if end+1 < len(ml.start) {
			b = ml.start[end+1] - 1 // the '\n' that ends line end
		}
		for _, loc := range re.FindAllStringIndex(text[a:b], -1) {
			out = append(out, []int{loc[0] + a, loc[1] + a})
		}
		first = end
	}
	return out
}
