package extract

import (
	"fmt"
	"net/url"
	"strings"

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

// mainText is the readable content of a page, without boilerplate.
type mainText struct {
	Title string
	Text  string // paragraphs in order, one per line
}

// extractMainText runs go-trafilatura on a parsed page. Its ContentText
// loses paragraph breaks, so the text is rebuilt from ContentNode.
func extractMainText(doc *html.Node, pageURL string) (mainText, error) {
	opts := trafilatura.Options{
		HtmlDateMode:    trafilatura.Disabled, // the dates package reads the date, once
		ExcludeComments: true,
		EnableFallback:  true,
		Focus:           trafilatura.Balanced,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return mainText{}, fmt.Errorf("main text: %w", err)
	}
	var b strings.Builder
	writeBlocks(&b, res.ContentNode)
	return mainText{Title: strings.TrimSpace(res.Metadata.Title), Text: tidyLines(b.String())}, nil
}

// writeBlocks writes the text of n, with a line break at each block.
func writeBlocks(b *strings.Builder, n *html.Node) {
	if n == nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if blockTags[n.Data] {
			b.WriteByte('\n')
			defer b.WriteByte('\n')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeBlocks(b, c)
	}
}

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
