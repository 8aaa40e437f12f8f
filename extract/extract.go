// Package extract turns a page into a medcoop.Document: main text without
// boilerplate, language, publication date, and the cooperation events the
// text reports, each field with the sentence it came from. It knows nothing
// of HTTP or of the store.
//
// The stages, each in its own file or subpackage: maintext (go-trafilatura),
// language (lingua-go), dates (go-htmldate, go-dateparser and a rule layer),
// lexicon (institutions, places, domains, cues), people (titles and roles),
// and assemble (mentions → events).
package extract

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/dates"
	"github.com/medcoop/medcoop/extract/textnorm"
)

// Input is one page to extract.
type Input struct {
	// Body is the page: HTML, or plain text when IsText is set. It must be
	// UTF-8 (the sources package decodes charsets at the edge).
	Body   []byte
	IsText bool
	// Root, when set, is Body already parsed by golang.org/x/net/html (the
	// document node html.Parse returns, as the crawler's goquery holds it):
	// the HTML is then not parsed again. Body must still be the page, and
	// is still checked against MaxBodyBytes and read for whether it is HTML
	// at all. Extraction only reads the tree; it never modifies it.
	Root *html.Node
	// URL is the page's address, if known.
	URL string
	// Published overrides the publication date read from the page.
	Published time.Time
	// LangHint is the source's language, used only when detection cannot tell.
	LangHint string
}

// MaxBodyBytes is the largest page extracted; bigger pages are refused.
const MaxBodyBytes = 8 << 20

// Document extracts one page.
func Document(in Input) (*medcoop.Document, error) {
	doc, _, err := document(in)
	return doc, err
}

// pageContext is what extraction knows of a page beyond its document: the
// context event assembly read the text in, and what it found there (nil
// when the page was not assembled: a listing, a language not extracted).
type pageContext struct {
	published time.Time
	siteName  string
	mentions  *mentions
}

// document extracts one page and returns the context it was read in.
func document(in Input) (*medcoop.Document, pageContext, error) {
	if len(in.Body) > MaxBodyBytes {
		return nil, pageContext{}, fmt.Errorf("extract %s: page of %d bytes is over the %d-byte limit", in.URL, len(in.Body), MaxBodyBytes)
	}
	if !utf8.Valid(in.Body) {
		in.Body = bytes.ToValidUTF8(in.Body, []byte("\uFFFD"))
	}
	doc := &medcoop.Document{URL: in.URL, Events: []medcoop.Event{}}
	var published time.Time
	var siteName string
	var listing bool
	if in.IsText || !looksLikeHTML(in.Body) {
		doc.Text = textnorm.NFC(tidyLines(string(in.Body)))
		doc.Title = headline(doc.Text)
		published, _ = dates.Published(nil, in.URL, doc.Text)
	} else {
		root := in.Root
		if root == nil {
			var err error
			if root, err = html.Parse(bytes.NewReader(in.Body)); err != nil {
				return nil, pageContext{}, fmt.Errorf("extract %s: parse html: %w", in.URL, err)
			}
		}
		// One tree for every stage, which none of them modifies, so that a
		// caller's tree (Input.Root) is left as it was (TestDocumentRoot):
		// dates.Published and go-htmldate read it (go-htmldate prunes a
		// view, not the tree), isListing and findLede only walk it, and
		// go-trafilatura reads its metadata in place and extracts from its
		// own deep clones (dom.Clone copies attributes too).
		published, _ = dates.Published(root, in.URL, "")
		listing = isListing(root)
		mt, err := mainTextOf(root, in.URL, listing)
		if err != nil {
			return nil, pageContext{}, fmt.Errorf("extract %s: %w", in.URL, err)
		}
		doc.Title = textnorm.NFC(mt.Title)
		siteName = textnorm.NFC(mt.SiteName)
		doc.Text = textnorm.NFC(mt.Text)
		if published.IsZero() {
			published, _ = dates.Published(nil, in.URL, doc.Text)
		}
	}
	if !in.Published.IsZero() {
		published = in.Published
	}
	if !published.IsZero() {
		doc.Published = published.Format("2006-01-02")
	}
	doc.Lang, doc.LangConfidence = DetectLanguage(doc.Title + "\n" + truncateUTF8(doc.Text, 2*maxDetectBytes))
	if doc.Lang == "und" && in.LangHint != "" {
		doc.Lang = in.LangHint
	}
	pg := pageContext{published: published, siteName: siteName}
	if Extracted[doc.Lang] && !listing {
		doc.Events, pg.mentions = assemble(doc, published, siteName)
	}
	return doc, pg, nil
}

// looksLikeHTML reports whether body starts, after space, with a tag.
func looksLikeHTML(body []byte) bool {
	head := bytes.TrimSpace(body[:min(len(body), 1024)])
	return bytes.HasPrefix(head, []byte("<")) || bytes.Contains(bytes.ToLower(head), []byte("<html"))
}

// maxHeadlineBytes bounds the first line of plain text taken as its title.
const maxHeadlineBytes = 200

// headline is plain text's first line when it reads as a headline: short,
// and not ending a sentence.
func headline(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxHeadlineBytes || strings.HasSuffix(line, ".") || !strings.Contains(text, "\n") {
		return ""
	}
	return line
}
