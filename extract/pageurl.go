package extract

import (
	"bytes"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// PageURL returns the URL a page gives for itself: its
// <link rel="canonical">, else its og:url, else "".
func PageURL(body []byte) string {
	if !looksLikeHTML(body) {
		return ""
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return ""
	}
	if href, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok && absoluteHTTP(href) {
		return strings.TrimSpace(href)
	}
	if u, ok := doc.Find(`meta[property="og:url"]`).First().Attr("content"); ok && absoluteHTTP(u) {
		return strings.TrimSpace(u)
	}
	return ""
}

func absoluteHTTP(u string) bool {
	u = strings.TrimSpace(u)
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")
}
