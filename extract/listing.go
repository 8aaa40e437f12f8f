package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// minTeasers is how many headline links make a page a listing.
const minTeasers = 2

// isListing reports whether a page is a list of articles (a news index,
// page 2 of "Actualités") rather than an article: it does not call itself
// an article (og:type, JSON-LD) and its body, outside menus and footers,
// has headings that link to other pages, as teasers do. A listing's teasers
// name partners and dates out of context, so no event is read from it.
func isListing(doc *html.Node) bool {
	teasers := 0
	article := false
	var walk func(n *html.Node, chrome, heading bool)
	walk = func(n *html.Node, chrome, heading bool) {
		if article {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "nav", "header", "footer", "aside":
				chrome = true
			case "h1", "h2", "h3", "h4":
				heading = true
			case "meta":
				if attr(n, "property") == "og:type" && strings.EqualFold(attr(n, "content"), "article") {
					article = true
				}
			case "script":
				if attr(n, "type") == "application/ld+json" && n.FirstChild != nil &&
					strings.Contains(n.FirstChild.Data, "Article\"") {
					article = true
				}
			case "a":
				if !chrome && heading && headlineLike(n) {
					teasers++
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, chrome, heading)
		}
	}
	walk(doc, false, false)
	return !article && teasers >= minTeasers
}

// headlineLike reports whether a link reads like an article's headline:
// four words or more, pointing to another page.
func headlineLike(a *html.Node) bool {
	href := attr(a, "href")
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "javascript:") {
		return false
	}
	var b strings.Builder
	writeBlocks(&b, a)
	return len(strings.Fields(b.String())) >= 4
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
