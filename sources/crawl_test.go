package sources

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// site is an httptest server that records when each path was requested.
type site struct {
	srv  *httptest.Server
	mux  *http.ServeMux
	mu   sync.Mutex
	hits map[string][]time.Time
	reqs []*http.Request
	at   []time.Time // arrival of each of reqs
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{mux: http.NewServeMux(), hits: map[string][]time.Time{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.RequestURI()] = append(s.hits[r.URL.RequestURI()], time.Now())
		s.reqs = append(s.reqs, r.Clone(context.Background()))
		s.at = append(s.at, time.Now())
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.hits[path])
}

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.reqs)
}

// pageTimes returns the arrival times of every request but robots.txt, in order.
func (s *site) pageTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []time.Time
	for i, r := range s.reqs {
		if r.URL.Path != "/robots.txt" {
			out = append(out, s.at[i])
		}
	}
	return out
}

func (s *site) arrivals() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []time.Time
	for _, ts := range s.hits {
		all = append(all, ts...)
	}
	sortTimes(all)
	return all
}

func sortTimes(ts []time.Time) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Before(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func (s *site) html(path, body string) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})
}

func (s *site) serve(path, contentType, body string) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	})
}

// collector is a Handler that keeps the pages it is given.
type collector struct {
	mu    sync.Mutex
	pages map[string]*Page
	order []string
}

func (c *collector) HandlePage(_ context.Context, p *Page) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]*Page{}
	}
	c.pages[p.URL] = p
	c.order = append(c.order, p.URL)
	return nil
}

func (c *collector) get(u string) *Page {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pages[u]
}

func testCrawler() *Crawler {
	return &Crawler{AllowPrivate: true, RetryBase: 10 * time.Millisecond, Timeout: 2 * time.Second}
}

func crawl(t *testing.T, c *Crawler, src Source) (*SourceReport, *collector) {
	t.Helper()
	if src.Name == "" {
		src.Name = "test"
	}
	col := &collector{}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	rep, err := c.Run(ctx, &Config{UserAgent: "medcoop-test/1.0 (+https://example.org)", Sources: []Source{src}}, col)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return rep.PerSource[src.Name], col
}

func link(href string) string { return `<a href="` + href + `">x</a>` }

func TestRobotsDisallowAndCrawlDelay(t *testing.T) {
	s := newSite(t)
	s.serve("/robots.txt", "text/plain", "User-agent: other\nDisallow: /\n\nUser-agent: medcoop-test\nDisallow: /private/\nCrawl-delay: 0.15\n")
	s.html("/", link("/a")+link("/b")+link("/private/secret")+link("/c"))
	for _, p := range []string{"/a", "/b", "/c", "/private/secret"} {
		s.html(p, "<p>page</p>")
	}
	rep, col := crawl(t, testCrawler(), Source{Start: []string{s.url("/")}, Follow: []string{"."}, MaxDepth: 1, Delay: 20 * time.Millisecond})
	if n := s.count("/private/secret"); n != 0 {
		t.Errorf("disallowed page requested %d times", n)
	}
	if rep.Kinds[KindRobots] != 1 || rep.Skipped != 1 {
		t.Errorf("robots skips = %d, skipped = %d, want 1", rep.Kinds[KindRobots], rep.Skipped)
	}
	if rep.Handled != 4 || len(col.pages) != 4 {
		t.Errorf("handled %d pages, want 4: %v", rep.Handled, rep.Errors)
	}
	ts := s.arrivals()
	for i := 1; i < len(ts); i++ {
		if gap := ts[i].Sub(ts[i-1]); gap < 140*time.Millisecond {
			t.Errorf("gap %d is %v, want at least the 150ms Crawl-delay", i, gap)
		}
	}
}

func TestRobotsStatus(t *testing.T) {
	tests := []struct {
		status  int
		handled int
		kind    Kind
	}{
		{http.StatusNotFound, 1, ""},
		{http.StatusForbidden, 1, ""},
		{http.StatusInternalServerError, 0, KindRobots},
		{http.StatusTooManyRequests, 0, KindRobots},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			s := newSite(t)
			s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tt.status) })
			s.html("/", "<p>x</p>")
			rep, _ := crawl(t, testCrawler(), Source{Start: []string{s.url("/")}})
			if rep.Handled != tt.handled || (tt.kind != "" && rep.Kinds[tt.kind] != 1) {
				t.Errorf("handled %d, kinds %v; want %d, %q", rep.Handled, rep.Kinds, tt.handled, tt.kind)
			}
			if tt.handled == 0 && s.count("/") != 0 {
				t.Errorf("page fetched although robots.txt gave %d", tt.status)
			}
		})
	}
}

func TestDelayBetweenRequests(t *testing.T) {
	s := newSite(t)
	s.html("/", link("/1")+link("/2")+link("/3"))
	for _, p := range []string{"/1", "/2", "/3"} {
		s.html(p, "<p>x</p>")
	}
	const delay = 60 * time.Millisecond
	rep, _ := crawl(t, testCrawler(), Source{Start: []string{s.url("/")}, Follow: []string{"/\\d$"}, MaxDepth: 1, Delay: delay})
	if rep.Handled != 4 {
		t.Fatalf("handled %d, want 4: %v", rep.Handled, rep.Errors)
	}
	ts := s.arrivals() // robots.txt and the four pages
	if len(ts) != 5 {
		t.Fatalf("%d requests, want 5", len(ts))
	}
	for i := 1; i < len(ts); i++ {
		if gap := ts[i].Sub(ts[i-1]); gap < delay-5*time.Millisecond {
			t.Errorf("gap %d is %v, want at least %v", i, gap, delay)
		}
	}
}

func TestHostsCrawledConcurrently(t *testing.T) {
	a, b := newSite(t), newSite(t)
	for _, s := range []*site{a, b} {
		s.html("/", link("/1")+link("/2"))
		s.html("/1", "x")
		s.html("/2", "x")
	}
	c := testCrawler()
	cfg := &Config{UserAgent: "medcoop-test", Sources: []Source{
		{Name: "a", Start: []string{a.url("/")}, Follow: []string{"."}, MaxDepth: 1, Delay: 100 * time.Millisecond},
		{Name: "b", Start: []string{b.url("/")}, Follow: []string{"."}, MaxDepth: 1, Delay: 100 * time.Millisecond},
	}}
	start := time.Now()
	rep, err := c.Run(context.Background(), cfg, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	// Each host needs 4 requests 100ms apart (300ms); done one after the other it would be 600ms.
	if el := time.Since(start); el > 550*time.Millisecond {
		t.Errorf("two hosts took %v: not crawled concurrently", el)
	}
	if rep.PerSource["a"].Handled != 3 || rep.PerSource["b"].Handled != 3 {
		t.Errorf("handled a=%d b=%d", rep.PerSource["a"].Handled, rep.PerSource["b"].Handled)
	}
}

func TestFollowAndMaxDepth(t *testing.T) {
	s := newSite(t)
	s.html("/news/", link("item1.html")+link("/news/item1.html#comments")+link("/news/item1.html?utm_source=x")+
		link("/about.html")+link("mailto:x@example.org")+link("javascript:void(0)")+link("/news/?page=2"))
	s.html("/news/item1.html", `<link rel="canonical" href="/news/item-1">`+link("/news/item2.html"))
	s.html("/news/item2.html", link("/news/item3.html"))
	s.html("/news/item3.html", "deep")
	s.html("/about.html", "not followed")
	rep, col := crawl(t, testCrawler(), Source{Lang: "fr", Start: []string{s.url("/news/")}, Follow: []string{`/news/`}, MaxDepth: 2})
	for path, want := range map[string]int{"/news/": 1, "/news/item1.html": 1, "/news/item2.html": 1, "/news/?page=2": 1, "/news/item3.html": 0, "/about.html": 0} {
		if got := s.count(path); got != want {
			t.Errorf("%s requested %d times, want %d", path, got, want)
		}
	}
	if rep.Handled != 4 {
		t.Errorf("handled %d, want 4: %v", rep.Handled, rep.Errors)
	}
	start := col.get(s.url("/news/"))
	if start == nil || !start.Hub || start.Depth != 0 || start.Lang != "fr" || start.Source != "test" {
		t.Errorf("start page = %+v", start)
	}
	if p := col.get(s.url("/news/?page=2")); p == nil || !p.Hub || p.Depth != 1 {
		t.Errorf("listing page 2 = %+v, want a hub at depth 1", p)
	}
	item := col.get(s.url("/news/item1.html"))
	if item == nil || item.Hub || item.Depth != 1 || item.Canonical != s.url("/news/item-1") {
		t.Errorf("item page = %+v", item)
	}
	if p := col.get(s.url("/news/item2.html")); p == nil || p.Depth != 2 {
		t.Errorf("depth-2 page = %+v", p)
	}
}

func TestSitemapIndexAndFeed(t *testing.T) {
	s := newSite(t)
	s.serve("/sitemap_index.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>`+s.url("/sitemap-news.xml.gz")+`</loc></sitemap>
</sitemapindex>`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	fmt.Fprint(zw, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>`+s.url("/news/from-sitemap.html")+`</loc><lastmod>2025-11-13</lastmod></url>
  <url><loc>`+s.url("/shop/not-news.html")+`</loc></url>
</urlset>`)
	zw.Close()
	s.mux.HandleFunc("/sitemap-news.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gz.Bytes())
	})
	s.serve("/rss.xml", "application/rss+xml", `<?xml version="1.0"?>
<rss version="2.0"><channel><title>News</title><link>`+s.url("/")+`</link>
<item><title>One</title><link>`+s.url("/news/from-feed.html?utm_medium=rss")+`</link></item>
<item><title>Two</title><link>/elsewhere/from-feed-2.html</link></item>
</channel></rss>`)
	for _, p := range []string{"/news/from-sitemap.html", "/shop/not-news.html", "/news/from-feed.html", "/elsewhere/from-feed-2.html"} {
		s.html(p, "<p>x</p>")
	}
	rep, col := crawl(t, testCrawler(), Source{Sitemaps: []string{s.url("/sitemap_index.xml")}, Feeds: []string{s.url("/rss.xml")}, Follow: []string{"/news/"}, MaxDepth: 1})
	for _, p := range []string{"/news/from-sitemap.html", "/news/from-feed.html", "/elsewhere/from-feed-2.html"} {
		pg := col.get(s.url(p))
		if pg == nil {
			t.Errorf("%s not handed over; errors %v", p, rep.Errors)
			continue
		}
		if pg.Hub || pg.Depth != 1 {
			t.Errorf("%s: hub %v depth %d", p, pg.Hub, pg.Depth)
		}
	}
	if s.count("/shop/not-news.html") != 0 {
		t.Error("sitemap entry outside the follow patterns fetched")
	}
	if rep.Handled != 3 || rep.Fetched != 6 {
		t.Errorf("handled %d fetched %d, want 3 and 6: %v", rep.Handled, rep.Fetched, rep.Errors)
	}
}

func TestRetryAfter429ThenSuccess(t *testing.T) {
	s := newSite(t)
	var n int
	var mu sync.Mutex
	s.mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		first := n == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>ok</p>")
	})
	rep, col := crawl(t, testCrawler(), Source{Start: []string{s.url("/busy")}})
	if rep.Handled != 1 || col.get(s.url("/busy")) == nil {
		t.Fatalf("not handled after 429: %v", rep.Errors)
	}
	ts := s.pageTimes()
	if len(ts) != 2 {
		t.Fatalf("%d requests, want 2", len(ts))
	}
	if gap := ts[1].Sub(ts[0]); gap < 950*time.Millisecond {
		t.Errorf("retried after %v, Retry-After said 1s", gap)
	}
}

func TestRetryAfterTooLongGivesUp(t *testing.T) {
	s := newSite(t)
	s.mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	start := time.Now()
	rep, _ := crawl(t, testCrawler(), Source{Start: []string{s.url("/busy")}})
	if s.count("/busy") != 1 || rep.Kinds[KindServerError] != 1 || time.Since(start) > 2*time.Second {
		t.Errorf("requests %d, kinds %v, took %v", s.count("/busy"), rep.Kinds, time.Since(start))
	}
}

func TestStatusRetries(t *testing.T) {
	tests := []struct {
		status   int
		requests int
		kind     Kind
	}{
		{http.StatusInternalServerError, 3, KindServerError},
		{http.StatusBadGateway, 3, KindServerError},
		{http.StatusNotFound, 1, KindNotFound},
		{http.StatusForbidden, 1, KindForbidden},
		{http.StatusGone, 1, KindGone},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			s := newSite(t)
			s.mux.HandleFunc("/p", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tt.status) })
			rep, _ := crawl(t, testCrawler(), Source{Start: []string{s.url("/p")}})
			if got := s.count("/p"); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
			if rep.Failed != 1 || rep.Kinds[tt.kind] != 1 || rep.Fetched != 1 {
				t.Errorf("failed %d fetched %d kinds %v, want one %q", rep.Failed, rep.Fetched, rep.Kinds, tt.kind)
			}
			if len(rep.Errors) != 1 || !strings.HasPrefix(rep.Errors[0], s.url("/p")+": "+string(tt.kind)) {
				t.Errorf("errors = %q", rep.Errors)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	s := newSite(t)
	s.mux.Handle("/loop-a", http.RedirectHandler("/loop-b", http.StatusFound))
	s.mux.Handle("/loop-b", http.RedirectHandler("/loop-a", http.StatusFound))
	for i := 1; i <= 7; i++ {
		s.mux.Handle(fmt.Sprintf("/chain%d", i), http.RedirectHandler(fmt.Sprintf("/chain%d", i+1), http.StatusMovedPermanently))
	}
	s.mux.Handle("/old", http.RedirectHandler("/new?utm_source=redirect", http.StatusMovedPermanently))
	s.html("/new", "<p>moved</p>")
	s.mux.Handle("/old2", http.RedirectHandler("/new", http.StatusMovedPermanently))
	rep, col := crawl(t, testCrawler(), Source{Start: []string{s.url("/loop-a"), s.url("/chain1"), s.url("/old"), s.url("/old2")}})
	if rep.Kinds[KindRedirectLoop] != 1 || rep.Kinds[KindTooManyRedirect] != 1 {
		t.Errorf("kinds = %v", rep.Kinds)
	}
	if s.count("/chain7") != 0 || s.count("/chain6") != 1 {
		t.Errorf("redirect chain followed too far: chain6 %d chain7 %d", s.count("/chain6"), s.count("/chain7"))
	}
	if p := col.get(s.url("/new")); p == nil || rep.Handled != 1 {
		t.Errorf("redirected page not handed over under its final URL: %v", rep.Errors)
	}
	if rep.Kinds[KindDuplicate] != 1 {
		t.Errorf("second redirect to an already fetched page not skipped: %v", rep.Kinds)
	}
}

func TestBodyTooLarge(t *testing.T) {
	s := newSite(t)
	big := "<p>" + strings.Repeat("x", 4096) + "</p>"
	s.html("/big", big) // with Content-Length
	s.mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 8; i++ {
			fmt.Fprint(w, strings.Repeat("y", 512))
			w.(http.Flusher).Flush()
		}
	})
	s.html("/small", "<p>small</p>")
	c := testCrawler()
	c.MaxBodyBytes = 1024
	rep, _ := crawl(t, c, Source{Start: []string{s.url("/big"), s.url("/chunked"), s.url("/small")}})
	if rep.Kinds[KindTooLarge] != 2 || rep.Handled != 1 {
		t.Errorf("kinds %v handled %d: %v", rep.Kinds, rep.Handled, rep.Errors)
	}
}

func TestNonHTMLSkipped(t *testing.T) {
	s := newSite(t)
	s.serve("/doc.pdf", "application/pdf", "%PDF-1.4")
	s.mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no type: sniffed
		w.Write([]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0})
	})
	s.mux.HandleFunc("/untyped.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		fmt.Fprint(w, "<!DOCTYPE html><html><body><p>sniffed</p></body></html>")
	})
	rep, col := crawl(t, testCrawler(), Source{Start: []string{s.url("/doc.pdf"), s.url("/untyped"), s.url("/untyped.html")}})
	if rep.Kinds[KindNotHTML] != 2 || rep.Skipped != 2 || rep.Handled != 1 || col.get(s.url("/untyped.html")) == nil {
		t.Errorf("kinds %v skipped %d handled %d", rep.Kinds, rep.Skipped, rep.Handled)
	}
}

func TestCharsetDecoded(t *testing.T) {
	s := newSite(t)
	// "Hôpital: coopération" in windows-1252, declared only in <meta>.
	cp1252 := []byte("<html><head><meta charset=\"windows-1252\"><title>H\xf4pital</title></head><body><p>coop\xe9ration \x80 5</p></body></html>")
	s.mux.HandleFunc("/cp1252", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(cp1252)
	})
	// ISO-8859-1 declared only in the header.
	s.mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<p>d\xe9l\xe9gation</p>"))
	})
	// UTF-8 with no declaration, its first non-ASCII byte after 1 KiB.
	vi := "<html><head><script>" + strings.Repeat("var a = 1;\n", 150) + "</script></head><body><p>Bệnh viện Bạch Mai</p></body></html>"
	s.mux.HandleFunc("/utf8", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, vi)
	})
	// gzip sent by the server, decoded by the transport.
	s.mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, "<p>Hà Nội</p>")
		zw.Close()
	})
	rep, col := crawl(t, testCrawler(), Source{Start: []string{s.url("/cp1252"), s.url("/latin1"), s.url("/utf8"), s.url("/gzip")}})
	if rep.Handled != 4 {
		t.Fatalf("handled %d: %v", rep.Handled, rep.Errors)
	}
	for path, want := range map[string]string{"/cp1252": "Hôpital</title></head><body><p>coopération € 5", "/latin1": "délégation", "/utf8": "Bệnh viện Bạch Mai", "/gzip": "Hà Nội"} {
		p := col.get(s.url(path))
		if !strings.Contains(string(p.Body), want) {
			t.Errorf("%s body %q does not contain %q", path, p.Body[max(0, len(p.Body)-80):], want)
		}
		if ct := p.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s Content-Type = %q", path, ct)
		}
	}
	if cs := col.get(s.url("/cp1252")).Charset; cs != "windows-1252" {
		t.Errorf("cp1252 charset = %q", cs)
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	s := newSite(t)
	s.mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	s.mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>start")
		w.(http.Flusher).Flush()
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	c := testCrawler()
	c.Timeout = 200 * time.Millisecond
	start := time.Now()
	rep, _ := crawl(t, c, Source{Start: []string{s.url("/slow"), s.url("/slow-body")}, Delay: time.Millisecond})
	if rep.Kinds[KindTimeout] != 2 {
		t.Errorf("kinds %v: %v", rep.Kinds, rep.Errors)
	}
	if s.count("/slow") != 1 {
		t.Errorf("timed-out page requested %d times, want 1 (no retry)", s.count("/slow"))
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %v", el)
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	s := newSite(t)
	s.html("/", "<p>internal</p>")
	c := testCrawler()
	c.AllowPrivate = false
	rep, col := crawl(t, c, Source{Start: []string{s.url("/"), s.url("/other")}})
	if s.total() != 0 {
		t.Errorf("the server got %d requests", s.total())
	}
	if rep.Kinds[KindPrivateAddress] != 2 || len(col.pages) != 0 || rep.Reached {
		t.Errorf("kinds %v pages %d reached %v", rep.Kinds, len(col.pages), rep.Reached)
	}
	if len(rep.Errors) == 0 || !strings.Contains(rep.Errors[0], "refused private address") {
		t.Errorf("errors %q", rep.Errors)
	}
}

// TestRedirectToLoopbackRefused lets the dialer reach the first server (standing in for a public
// site) and nothing else, so the redirect to another loopback server must be refused by the
// check of the address really dialled.
func TestRedirectToLoopbackRefused(t *testing.T) {
	internal := newSite(t)
	internal.html("/admin", "<p>secret</p>")
	public := newSite(t)
	public.mux.Handle("/go", http.RedirectHandler(internal.url("/admin"), http.StatusFound))
	public.mux.Handle("/go-localhost", http.RedirectHandler(strings.Replace(internal.url("/admin"), "127.0.0.1", "localhost", 1), http.StatusFound))
	allowed := public.srv.Listener.Addr().String()
	control := func(network, address string, rc syscall.RawConn) error {
		if address == allowed {
			return nil
		}
		return refusePrivate(network, address, rc)
	}
	c := testCrawler()
	c.Client = newClient(2*time.Second, control)
	rep, col := crawl(t, c, Source{Start: []string{public.url("/go"), public.url("/go-localhost")}})
	if internal.total() != 0 {
		t.Errorf("internal server got %d requests", internal.total())
	}
	if rep.Kinds[KindPrivateAddress] != 2 || len(col.pages) != 0 {
		t.Errorf("kinds %v, %d pages: %v", rep.Kinds, len(col.pages), rep.Errors)
	}
}

func TestPublicAddr(t *testing.T) {
	tests := map[string]bool{
		"93.184.216.34": true, "2606:2800:220:1:248:1893:25c8:1946": true, "8.8.8.8": true,
		"127.0.0.1": false, "::1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "fe80::1": false, "0.0.0.0": false, "::": false, "224.0.0.1": false,
		"ff02::1": false, "100.100.100.200": false, "fd00:ec2::254": false, "::ffff:127.0.0.1": false,
		"::ffff:10.0.0.1": false, "64:ff9b::a9fe:a9fe": false, "64:ff9b::808:808": true, "255.255.255.255": false,
	}
	for s, want := range tests {
		if got := publicAddr(netip.MustParseAddr(s)); got != want {
			t.Errorf("publicAddr(%s) = %v, want %v", s, got, want)
		}
	}
	if err := refusePrivate("tcp", "127.0.0.1:80", nil); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("refusePrivate(127.0.0.1) = %v", err)
	}
	if err := refusePrivate("tcp", net.JoinHostPort("8.8.8.8", "443"), nil); err != nil {
		t.Errorf("refusePrivate(8.8.8.8) = %v", err)
	}
}

type fixedValidators map[string][2]string

func (v fixedValidators) Validators(u string) (string, string) { return v[u][0], v[u][1] }

func TestConditionalGET(t *testing.T) {
	s := newSite(t)
	const lastMod = "Wed, 12 Nov 2025 08:00:00 GMT"
	s.mux.HandleFunc("/etag", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>x</p>")
	})
	s.mux.HandleFunc("/lastmod", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>y</p>")
	})
	s.html("/changed", "<p>new</p>")
	c := testCrawler()
	c.Validators = fixedValidators{s.url("/etag"): {`"v1"`, ""}, s.url("/lastmod"): {"", lastMod}, s.url("/changed"): {`"old"`, ""}}
	rep, col := crawl(t, c, Source{Start: []string{s.url("/etag"), s.url("/lastmod"), s.url("/changed")}})
	if rep.NotModified != 2 || rep.Handled != 1 || len(col.pages) != 1 || col.get(s.url("/changed")) == nil {
		t.Errorf("not modified %d handled %d pages %v", rep.NotModified, rep.Handled, col.order)
	}
	if !rep.Reached {
		t.Error("source not marked reached")
	}
}

func TestCancelStopsQuickly(t *testing.T) {
	s := newSite(t)
	var links strings.Builder
	for i := 0; i < 50; i++ {
		links.WriteString(link(fmt.Sprintf("/p%d", i)))
		s.html(fmt.Sprintf("/p%d", i), "<p>x</p>")
	}
	s.html("/", links.String())
	c := testCrawler()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelled time.Time
	h := HandlerFunc(func(ctx context.Context, p *Page) error {
		// Cancel while the next page waits for the host's delay.
		cancelled = time.Now()
		cancel()
		return nil
	})
	cfg := &Config{Sources: []Source{{Name: "slow", Start: []string{s.url("/")}, Follow: []string{"/p"}, MaxDepth: 1, Delay: 600 * time.Millisecond}}}
	c.MaxCrawlDelay = time.Second
	s.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.1\n") // 0.1s < Delay: the source's delay stays
	rep, err := c.Run(ctx, cfg, h)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run error = %v, want context.Canceled", err)
	}
	if el := time.Since(cancelled); cancelled.IsZero() || el > 300*time.Millisecond {
		t.Errorf("Run returned %v after cancellation", el)
	}
	if rep == nil || rep.PerSource["slow"].Handled != 1 || rep.Finished.IsZero() || s.count("/p0") != 0 {
		t.Errorf("report = %+v, source %+v, /p0 requested %d times", rep, rep.PerSource["slow"], s.count("/p0"))
	}
}

func TestMaxPagesAndAbort(t *testing.T) {
	s := newSite(t)
	var links strings.Builder
	for i := 0; i < 10; i++ {
		links.WriteString(link(fmt.Sprintf("/p%d", i)))
		s.html(fmt.Sprintf("/p%d", i), "<p>x</p>")
	}
	s.html("/", links.String())
	src := Source{Name: "s", Start: []string{s.url("/")}, Follow: []string{"/p"}, MaxDepth: 1, Delay: time.Millisecond}
	c := testCrawler()
	c.MaxPages = 4
	rep, err := c.Run(context.Background(), &Config{Sources: []Source{src}}, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.PerSource["s"].Fetched; got != 4 || !rep.LimitReached || s.total() != 5 {
		t.Errorf("fetched %d, limit reached %v, server requests %d", got, rep.LimitReached, s.total())
	}

	c = testCrawler()
	n := 0
	h := HandlerFunc(func(ctx context.Context, p *Page) error {
		n++
		if n == 2 {
			return fmt.Errorf("store full: %w", ErrAbort)
		}
		return nil
	})
	_, err = c.Run(context.Background(), &Config{Sources: []Source{src}}, h)
	if !errors.Is(err, ErrAbort) || n != 2 {
		t.Errorf("abort: err %v after %d pages", err, n)
	}
}

func TestUserAgentSent(t *testing.T) {
	s := newSite(t)
	s.html("/", "<p>x</p>")
	crawl(t, testCrawler(), Source{Start: []string{s.url("/")}})
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.reqs {
		if ua := r.Header.Get("User-Agent"); ua != "medcoop-test/1.0 (+https://example.org)" {
			t.Errorf("%s sent User-Agent %q", r.URL, ua)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 11, 12, 8, 0, 0, 0, time.UTC)
	tests := map[string]time.Duration{
		"": 0, "5": 5 * time.Second, "-3": 0, "soon": 0,
		"Wed, 12 Nov 2025 08:00:30 GMT": 30 * time.Second, "Wed, 12 Nov 2025 07:00:00 GMT": 0,
	}
	for in, want := range tests {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestPageRoot checks that a page comes with the tree the crawler parsed it into: the tree
// of its decoded body, which discovery left as it was.
func TestPageRoot(t *testing.T) {
	s := newSite(t)
	// "Hôpital: coopération" in windows-1252: the tree is of the UTF-8 body, not the bytes sent.
	s.mux.HandleFunc("/cp1252", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><meta charset=\"windows-1252\"><title>H\xf4pital</title>" +
			"<link rel=\"canonical\" href=\"/page\"></head><body><p>coop\xe9ration</p><a href=\"/other\">x</a></body></html>"))
	})
	s.html("/other", `<base href="/dir/"><meta name="robots" content="nofollow"><p>Bệnh viện <b>Bạch Mai</p>`)
	rep, col := crawl(t, testCrawler(), Source{Start: []string{s.url("/cp1252")}, Follow: []string{`/`}, MaxDepth: 1})
	if rep.Handled != 2 {
		t.Fatalf("handled %d, want 2: %v", rep.Handled, rep.Errors)
	}
	for _, path := range []string{"/cp1252", "/other"} {
		p := col.get(s.url(path))
		if p == nil || p.Root == nil {
			t.Fatalf("%s: page %+v has no tree", path, p)
		}
		want, err := html.Parse(bytes.NewReader(p.Body))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := renderHTML(t, p.Root), renderHTML(t, want); got != want {
			t.Errorf("%s: tree renders as\n%s\nwant the body's\n%s", path, got, want)
		}
	}
	if got := renderHTML(t, col.get(s.url("/cp1252")).Root); !strings.Contains(got, "Hôpital") {
		t.Errorf("cp1252 tree %q is not of the decoded body", got)
	}
}

func renderHTML(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatalf("render: %v", err)
	}
	return b.String()
}

// TestPagesNotHeld checks that the crawler keeps no page, nor its tree, once its Handler has
// returned: on one host pages are handed over one at a time, so when a page is handed over
// every earlier page's tree can be collected.
func TestPagesNotHeld(t *testing.T) {
	const n = 12
	s := newSite(t)
	for i := range n {
		s.html(fmt.Sprintf("/p%d", i), strings.Repeat("<p>text</p>", 200)+link(fmt.Sprintf("/p%d", i+1)))
	}
	var collected atomic.Int64
	handled := 0
	var held []string
	h := HandlerFunc(func(_ context.Context, p *Page) error {
		if p.Root == nil {
			return fmt.Errorf("%s: no tree", p.URL)
		}
		// Collected once the crawler lets the page go (the cleanup must not refer to p).
		runtime.AddCleanup(p.Root, func(c *atomic.Int64) { c.Add(1) }, &collected)
		runtime.AddCleanup(p, func(c *atomic.Int64) { c.Add(1) }, &collected)
		if handled > 0 {
			want := int64(2 * handled)
			deadline := time.Now().Add(2 * time.Second)
			for collected.Load() < want && time.Now().Before(deadline) {
				runtime.GC()
				time.Sleep(5 * time.Millisecond)
			}
			if got := collected.Load(); got < want {
				held = append(held, fmt.Sprintf("%s: %d of the %d earlier pages and trees still held", p.URL, want-got, want))
			}
		}
		handled++
		return nil
	})
	c := testCrawler()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	src := Source{Name: "test", Start: []string{s.url("/p0")}, Follow: []string{`/p`}, MaxDepth: n}
	rep, err := c.Run(ctx, &Config{UserAgent: "medcoop-test/1.0 (+https://example.org)", Sources: []Source{src}}, h)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got := rep.PerSource["test"].Handled; got != n {
		t.Fatalf("handled %d pages, want %d: %v", got, n, rep.PerSource["test"].Errors)
	}
	for _, m := range held {
		t.Error(m)
	}
}
