package dates

import (
	"log/slog"
	"regexp"
	"strings"
	"time"
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
	if len(text) > 1<<16 {
		text = text[:1<<16] // the marks sit at the top of a page
	}
	type found struct {
		t    time.Time
		rank int
	}
	best := found{rank: rankNone}
	for _, lang := range langs {
		lx, err := lexiconFor(lang)
		if err != nil {
			continue
		}
		for _, m := range lx.markedMentions(text, lang) {
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
// on long pages.
func (lx *lexicon) markedMentions(text, lang string) []Mention {
	var windows [][2]int
	for _, re := range []*regexp.Regexp{lx.published, lx.updated} {
		for _, loc := range re.FindAllStringIndex(text, -1) {
			windows = append(windows, [2]int{loc[1], loc[1] + markWindow})
		}
	}
	for _, loc := range lx.weekdayLine.FindAllStringIndex(text, -1) {
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

// visibleText returns the text of doc outside script, style and template,
// one line per block of text.
func visibleText(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
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
