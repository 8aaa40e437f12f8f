package sources

import (
	"slices"
	"strings"
	"testing"
)

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name, html string
		links      []string
		canonical  string
		nofollow   bool
	}{
		{
			name:  "relative, fragment, tracking and duplicates",
			html:  `<a href="b.html">1</a><a href="/c?utm_source=x#top">2</a><a href="b.html#x">3</a><a href="mailto:a@b">4</a><a href="#">5</a><area href="../d">`,
			links: []string{"https://h.example/news/b.html", "https://h.example/c", "https://h.example/d"},
		},
		{
			name:      "base href and canonical",
			html:      `<head><base href="https://cdn.example/x/"><link rel="alternate canonical" href="/article/1?fbclid=z"></head><a href="y">y</a>`,
			links:     []string{"https://cdn.example/x/y"},
			canonical: "https://cdn.example/article/1",
		},
		{
			name:      "og:url when there is no canonical link",
			html:      `<head><meta property="og:url" content="https://h.example/news/a.html?utm_medium=x"></head>`,
			canonical: "https://h.example/news/a.html",
		},
		{
			name:     "meta robots nofollow",
			html:     `<meta name="ROBOTS" content="noindex, nofollow"><a href="/z">z</a>`,
			links:    []string{"https://h.example/z"},
			nofollow: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := parseHTML([]byte(tt.html), "https://h.example/news/a.html")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(info.Links, tt.links) || info.Canonical != tt.canonical || info.NoFollow != tt.nofollow {
				t.Errorf("got links %q canonical %q nofollow %v", info.Links, info.Canonical, info.NoFollow)
			}
		})
	}
}

func TestParseSitemapErrors(t *testing.T) {
	for _, body := range []string{"", "<html><body>not a sitemap</body></html>", "\x1f\x8bnot gzip"} {
		if _, _, err := sitemapURLs([]byte(body), 1<<20); err == nil {
			t.Errorf("parseSitemap(%q) gave no error", body)
		}
	}
	pages, subs, err := sitemapURLs([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><urlset><url><loc> https://H.example/caf`+"\xe9"+` </loc></url><url><loc>ftp://x/</loc></url></urlset>`), 1<<20)
	if err != nil || len(subs) != 0 || !slices.Equal(pages, []string{"https://h.example/caf%C3%A9"}) {
		t.Errorf("latin-1 sitemap: %q %q %v", pages, subs, err)
	}
}

func TestParseFeedAtom(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link href="/posts/1"/><id>1</id></entry>
<entry><title>b</title><link href="https://other.example/2"/><id>2</id></entry></feed>`
	links, err := feedLinks([]byte(atom), "https://h.example/feed.atom")
	if err != nil || !slices.Equal(links, []string{"https://h.example/posts/1", "https://other.example/2"}) {
		t.Errorf("atom links %q, err %v", links, err)
	}
	if _, err := feedLinks([]byte("<html>no feed</html>"), "https://h.example/"); err == nil {
		t.Error("HTML accepted as a feed")
	}
}

func FuzzParseSitemap(f *testing.F) {
	f.Add(`<urlset><url><loc>https://a.example/x</loc></url></urlset>`)
	f.Add(`<sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>`)
	f.Fuzz(func(t *testing.T, body string) {
		pages, subs, err := sitemapURLs([]byte(body), 1<<16)
		if err != nil {
			return
		}
		for _, u := range append(pages, subs...) {
			if c, err := Canonicalize(u); err != nil || c != u {
				t.Fatalf("sitemap gave non-canonical URL %q", u)
			}
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	f.Add(`<base href="//x.example/"><link rel=canonical href="a"><a href="../b?utm_x=1#f">b</a>`)
	f.Add(`<a href="http://[::1">bad</a><a href=" https://x.example ">ok</a>`)
	f.Fuzz(func(t *testing.T, body string) {
		info, err := parseHTML([]byte(body), "https://h.example/dir/page.html")
		if err != nil {
			return
		}
		for _, u := range append(info.Links, info.Canonical) {
			if u == "" {
				continue
			}
			if !strings.HasPrefix(u, "http") {
				t.Fatalf("link %q is not http(s)", u)
			}
			if c, err := Canonicalize(u); err != nil || c != u {
				t.Fatalf("link %q not canonical (%q, %v)", u, c, err)
			}
		}
	})
}

// sitemapURLs is parseSitemapEntries with the URLs only.
func sitemapURLs(body []byte, maxSize int64) (pages, sitemaps []string, err error) {
	pe, se, err := parseSitemapEntries(body, maxSize)
	for _, e := range pe {
		pages = append(pages, e.URL)
	}
	for _, e := range se {
		sitemaps = append(sitemaps, e.URL)
	}
	return pages, sitemaps, err
}

// feedLinks is parseFeedItems with the links only.
func feedLinks(body []byte, feedURL string) ([]string, error) {
	items, err := parseFeedItems(body, feedURL)
	links := make([]string, 0, len(items))
	for _, it := range items {
		links = append(links, it.Link)
	}
	return links, err
}

// TestPageURL checks the rule ingest and the crawler share for a page's
// own URL: a relative canonical link is resolved against the page, and a
// page that names no URL gives "".
func TestPageURL(t *testing.T) {
	for body, want := range map[string]string{
		`<link rel="canonical" href="/actualites/b.html">`:            "https://h.example/actualites/b.html",
		`<meta property="og:url" content="https://h.example/c.html">`: "https://h.example/c.html",
		`<p>no URL here</p>`:     "",
		"plain text, not a page": "",
	} {
		if got, _ := PageURL([]byte(body), "https://h.example/news/a.html"); got != want {
			t.Errorf("PageURL(%q) = %q, want %q", body, got, want)
		}
	}
}
