package sources

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// htmlInfo is what discovery takes from an HTML page.
type htmlInfo struct {
	Links     []string // canonical absolute http(s) links, in document order, without repeats
	Canonical string   // <link rel=canonical>, else og:url, resolved and canonicalised, or ""
	NoFollow  bool     // <meta name=robots> says nofollow or none
	// Root is the parsed page (the document node), which discovery only reads: the
	// crawler hands it on in Page.Root so that extraction need not parse the page again.
	Root *html.Node
}

// PageURL returns the URL an HTML page fetched from (or archived as)
// pageURL gives for itself — its <link rel="canonical">, else its og:url,
// resolved and canonicalised — or "". The crawler and ingest read a page's
// own URL by this one rule. It also returns the parsed page (nil when it
// could not be parsed), for extraction to read instead of parsing it again
// (extract.Input.Root).
func PageURL(body []byte, pageURL string) (string, *html.Node) {
	info, err := parseHTML(body, pageURL)
	if err != nil {
		return "", nil
	}
	return info.Canonical, info.Root
}

// parseHTML finds the links and the canonical URL (rel=canonical, else
// og:url) of a UTF-8 HTML page fetched from pageURL.
func parseHTML(body []byte, pageURL string) (*htmlInfo, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, fmt.Errorf("parse page URL %s: %w", pageURL, err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse html %s: %w", pageURL, err)
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := base.Parse(strings.TrimSpace(href)); err == nil {
			base = b
		}
	}
	info := &htmlInfo{Root: doc.Nodes[0]}
	doc.Find("meta[name]").Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		if !strings.EqualFold(strings.TrimSpace(name), "robots") {
			return
		}
		content, _ := s.Attr("content")
		for _, d := range strings.Split(strings.ToLower(content), ",") {
			if d = strings.TrimSpace(d); d == "nofollow" || d == "none" {
				info.NoFollow = true
			}
		}
	})
	doc.Find("link[rel][href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		rel, _ := s.Attr("rel")
		for _, r := range strings.Fields(strings.ToLower(rel)) {
			if r == "canonical" {
				href, _ := s.Attr("href")
				if u, err := base.Parse(strings.TrimSpace(href)); err == nil {
					if c, err := canonicalURL(u); err == nil {
						info.Canonical = c
						return false
					}
				}
			}
		}
		return true
	})
	if info.Canonical == "" {
		if content, ok := doc.Find(`meta[property="og:url"]`).First().Attr("content"); ok {
			if u, err := base.Parse(strings.TrimSpace(content)); err == nil {
				if c, err := canonicalURL(u); err == nil {
					info.Canonical = c
				}
			}
		}
	}
	seen := map[string]bool{}
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		href = strings.TrimSpace(href)
		if href == "" || strings.HasPrefix(href, "#") {
			return
		}
		u, err := base.Parse(href)
		if err != nil {
			return
		}
		c, err := canonicalURL(u)
		if err != nil || seen[c] {
			return
		}
		seen[c] = true
		info.Links = append(info.Links, c)
	})
	return info, nil
}

// maxSitemapEntries bounds the entries taken from one sitemap (the protocol's own limit).
const maxSitemapEntries = 50000

type sitemapDoc struct {
	XMLName  xml.Name
	URLs     []sitemapLoc `xml:"url"`
	Sitemaps []sitemapLoc `xml:"sitemap"`
}

type sitemapLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// sitemapEntry is one <url> or <sitemap> of a sitemap: its canonical URL and its <lastmod>,
// zero when absent or unreadable.
type sitemapEntry struct {
	URL     string
	LastMod time.Time
}

// w3cDatetime are the forms the sitemap protocol allows for <lastmod> (W3C Datetime), most
// precise first.
var w3cDatetime = []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02", "2006-01", "2006"}

// parseLastMod reads a <lastmod> value; zero when it is not a W3C datetime.
func parseLastMod(v string) time.Time {
	v = strings.TrimSpace(v)
	for _, layout := range w3cDatetime {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// parseSitemapEntries reads a sitemap (<urlset>) or a sitemap index (<sitemapindex>), gzipped or
// not, and returns the canonical URLs of its pages and of its child sitemaps with their <lastmod>.
func parseSitemapEntries(body []byte, maxSize int64) (pages, sitemaps []sitemapEntry, err error) {
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, nil, fmt.Errorf("sitemap gzip: %w", err)
		}
		body, err = io.ReadAll(io.LimitReader(zr, maxSize+1))
		if err != nil {
			return nil, nil, fmt.Errorf("sitemap gzip: %w", err)
		}
		if int64(len(body)) > maxSize {
			return nil, nil, fmt.Errorf("sitemap over %d bytes once decompressed", maxSize)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	var doc sitemapDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("sitemap xml: %w", err)
	}
	switch doc.XMLName.Local {
	case "urlset", "sitemapindex":
	default:
		return nil, nil, fmt.Errorf("sitemap xml: root element <%s> is neither urlset nor sitemapindex", doc.XMLName.Local)
	}
	add := func(dst []sitemapEntry, locs []sitemapLoc) []sitemapEntry {
		for _, l := range locs {
			if len(dst) >= maxSitemapEntries {
				break
			}
			if c, err := Canonicalize(l.Loc); err == nil {
				dst = append(dst, sitemapEntry{URL: c, LastMod: parseLastMod(l.LastMod)})
			}
		}
		return dst
	}
	return add(nil, doc.URLs), add(nil, doc.Sitemaps), nil
}

// feedItem is one item of a feed: its canonical link and its guid (the link when it has none).
type feedItem struct {
	Link string
	GUID string
}

// parseFeedItems is parseFeed with each item's guid.
func parseFeedItems(body []byte, feedURL string) ([]feedItem, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	base, err := url.Parse(feedURL)
	if err != nil {
		return nil, fmt.Errorf("feed URL %s: %w", feedURL, err)
	}
	var links []feedItem
	seen := map[string]bool{}
	for _, it := range feed.Items {
		guid := strings.TrimSpace(it.GUID)
		cands := append([]string{it.Link}, it.Links...)
		for _, l := range cands {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			u, err := base.Parse(l)
			if err != nil {
				continue
			}
			if c, err := canonicalURL(u); err == nil && !seen[c] {
				seen[c] = true
				if guid == "" {
					guid = c
				}
				links = append(links, feedItem{Link: c, GUID: guid})
				break
			}
		}
	}
	return links, nil
}
