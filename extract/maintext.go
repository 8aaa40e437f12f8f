package extract

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// blockTags end a paragraph of the main text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "tr": true, "table": true, "ul": true, "ol": true,
	"section": true, "article": true, "head": true, "br": true, "figure": true, "figcaption": true,
	"dt": true, "dd": true, "quote": true, "list": true, "item": true, "row": true,
}

// go-trafilatura's fallback (go-readability, then go-domdistiller, compared
// with its own extraction) costs as much as trafilatura itself, about 4 ms
// of a news page, so it runs only where it can pay:
//
//   - when trafilatura alone fails, or keeps fewer than minSureRunes runes
//     (the fallback finds the article it missed: laviedesidees.fr, 413 runes
//     alone, 35,962 with it);
//   - on listings, whose headlines only the fallback keeps.
//
// On the shared corpora this scores as the fallback on every page did
// (TestMainTextCorpora: Zyte body F1 0.951 against 0.955, web-extraction
// segment F1 0.938 against 0.936, French 0.922 against 0.917).

// minSureRunes is the shortest main text kept from go-trafilatura alone:
// twice its own MinExtractedSize, under which it tries the next fallback.
var minSureRunes = 2 * trafilatura.DefaultConfig().MinExtractedSize

// mainText is the readable content of a page, without boilerplate.
type mainText struct {
	Title    string
	SiteName string // og:site_name or the like: often the publishing institution
	Text     string // paragraphs in order, one per line
}

// extractMainText runs go-trafilatura on a parsed page, as Document does.
func extractMainText(doc *html.Node, pageURL string) (mainText, error) {
	return mainTextOf(doc, pageURL, isListing(doc))
}

// mainTextOf runs go-trafilatura on a parsed page, which it leaves as it
// is, with its fallback when listing is set or its own text is short. Its
// ContentText loses paragraph breaks, so the text is rebuilt from ContentNode.
func mainTextOf(doc *html.Node, pageURL string, listing bool) (mainText, error) {
	opts := trafilatura.Options{
		HtmlDateMode:    trafilatura.Disabled, // the dates package reads the date, once
		ExcludeComments: true,
		EnableFallback:  listing,
		Focus:           trafilatura.Balanced,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" {
		opts.OriginalURL = u
	}
	lede := findLede(doc)
	res, err := trafilatura.ExtractDocument(doc, opts)
	if !opts.EnableFallback && (err != nil || utf8.RuneCountInString(res.ContentText) < minSureRunes) {
		opts.EnableFallback = true
		if fb, fbErr := trafilatura.ExtractDocument(doc, opts); fbErr == nil || err != nil {
			res, err = fb, fbErr
		}
	}
	if err != nil {
		return mainText{}, fmt.Errorf("main text: %w", err)
	}
	var b strings.Builder
	writeBlocks(&b, res.ContentNode)
	text := tidyLines(b.String())
	if lede != "" && !strings.Contains(strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(lede), " ")) {
		text = lede + "\n" + text
	}
	return mainText{Title: strings.TrimSpace(res.Metadata.Title), SiteName: strings.TrimSpace(res.Metadata.Sitename), Text: text}, nil
}

// ledeClasses are the class names news sites give the standfirst that
// opens an article ("chapô", "sapo"). Sites often set it apart from the
// article body, where a main-text extractor leaves it out, yet it is the
// sentence that says who signed with whom, and when.
var ledeClasses = []string{"chapo", "chapeau", "sapo", "lead", "lede", "standfirst", "intro", "summary", "excerpt", "description"}

// notLedeMarks are class, id or role words of blocks that are never a
// standfirst even when they say "description" or "intro": cookie banners,
// author bios, video players, dialogs, captions.
var notLedeMarks = []string{"author", "bio", "cookie", "consent", "modal", "dialog", "video", "player", "caption", "newsletter"}

// notLede reports whether n is marked as one of those blocks.
func notLede(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, m := range notLedeMarks {
			if strings.Contains(v, m) {
				return true
			}
		}
	}
	return false
}

// minLedeBytes keeps a one-line teaser or label from passing for a lede.
const minLedeBytes = 60

// findLede returns the text of the page's standfirst, if it marks one. It
// does not look inside boilerplate (navigation, header, footer, forms,
// scripts, and blocks [notLede] names), where no standfirst is taken.
func findLede(doc *html.Node) string {
	var lede string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template":
				return false
			}
			if notLede(n) {
				return false
			}
			if (n.Data == "p" || n.Data == "div" || n.Data == "h2") && hasClass(n, ledeClasses) {
				var b strings.Builder
				writeBlocks(&b, n)
				if t := tidyLines(b.String()); len(t) >= minLedeBytes {
					lede = t
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return lede
}

// hasClass reports whether one of n's class tokens starts or ends with one
// of names ("article-sapo", "chapo", "lead-paragraph").
func hasClass(n *html.Node, names []string) bool {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for tok := range strings.FieldsSeq(strings.ToLower(a.Val)) {
			for _, name := range names {
				if tok == name || strings.HasPrefix(tok, name+"-") || strings.HasSuffix(tok, "-"+name) || strings.HasSuffix(tok, "_"+name) {
					return true
				}
			}
		}
	}
	return false
}

// writeBlocks writes the text of n, with a line break at each block.
func writeBlocks(b *strings.Builder, n *html.Node) {
	if n == nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		// go-trafilatura trims text at inline-tag edges ("<em>market</em>it"):
		// two words that meet across a tag get their space back.
		if r, _ := utf8.DecodeLastRuneInString(b.String()); isWordRune(r) {
			if f, _ := utf8.DecodeRuneInString(n.Data); isWordRune(f) && n.PrevSibling != nil {
				b.WriteByte(' ')
			}
		}
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch {
		case blockTags[n.Data]:
			b.WriteByte('\n')
			defer b.WriteByte('\n')
		case n.Data == "td" || n.Data == "th" || n.Data == "cell":
			b.WriteByte(' ')
			defer b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeBlocks(b, c)
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tidyLines collapses white space inside lines and drops empty lines.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
