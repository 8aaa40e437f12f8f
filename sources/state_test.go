package sources

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHostBackoff serves a start page whose twenty links all answer 500: after
// DefaultMaxHostFailures failures in a row the host is backed off and the rest of
// its URLs are skipped with the reason, never requested.
func TestHostBackoff(t *testing.T) {
	s := newSite(t)
	var links strings.Builder
	for i := range 20 {
		path := fmt.Sprintf("/news/%02d.html", i)
		links.WriteString(link(path))
		s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusInternalServerError)
		})
	}
	s.html("/news/", "<html><body>"+links.String()+"</body></html>")
	c := testCrawler()
	c.MaxRetries = -1
	rep, _ := crawl(t, c, Source{Start: []string{s.url("/news/")}, Follow: []string{`/news/\d+`}, MaxDepth: 1})
	failing := 0
	for i := range 20 {
		failing += s.count(fmt.Sprintf("/news/%02d.html", i))
	}
	if failing != DefaultMaxHostFailures {
		t.Errorf("%d requests to failing pages, want %d (then backed off)", failing, DefaultMaxHostFailures)
	}
	if rep.Failed != DefaultMaxHostFailures || rep.Kinds[KindHostBackoff] != 20-DefaultMaxHostFailures {
		t.Errorf("report: failed %d, kinds %v", rep.Failed, rep.Kinds)
	}
	found := false
	for _, e := range rep.Errors {
		found = found || strings.Contains(e, string(KindHostBackoff)+": ")
	}
	if !found {
		t.Errorf("no backed-off URL says why: %v", rep.Errors)
	}
}

// TestHostBackoffResetsOnSuccess alternates failing and working pages: the host never
// fails five times in a row, so nothing is backed off.
func TestHostBackoffResetsOnSuccess(t *testing.T) {
	s := newSite(t)
	var links strings.Builder
	for i := range 12 {
		path := fmt.Sprintf("/news/%02d.html", i)
		links.WriteString(link(path))
		if i%3 == 2 {
			s.html(path, "<html><body>ok</body></html>")
			continue
		}
		s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusServiceUnavailable)
		})
	}
	s.html("/news/", "<html><body>"+links.String()+"</body></html>")
	c := testCrawler()
	c.MaxRetries = -1
	rep, _ := crawl(t, c, Source{Start: []string{s.url("/news/")}, Follow: []string{`/news/\d+`}, MaxDepth: 1})
	if rep.Kinds[KindHostBackoff] != 0 || rep.Failed != 8 || rep.Handled != 5 {
		t.Errorf("report: failed %d, handled %d, kinds %v", rep.Failed, rep.Handled, rep.Kinds)
	}
}

// archived is an Archiver that keeps what it is given.
type archived struct {
	mu    sync.Mutex
	items []string // "METHOD URL STATUS len(body)"
}

func (a *archived) Archive(resp *http.Response, body []byte, fetchedAt time.Time) error {
	if resp.Request == nil || fetchedAt.IsZero() {
		return fmt.Errorf("response without request or time")
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.items = append(a.items, fmt.Sprintf("%s %s %d %d", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, len(body)))
	return nil
}

// TestArchiveEveryResponse checks the Archiver sees robots.txt, a redirect, a page, a feed,
// an error with its body and a non-HTML body, each with the request that got it.
func TestArchiveEveryResponse(t *testing.T) {
	s := newSite(t)
	s.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n")
	s.html("/a.html", "<html><body>"+link("/old.html")+link("/missing.html")+link("/doc.pdf")+"</body></html>")
	s.mux.HandleFunc("/old.html", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/b.html", http.StatusMovedPermanently)
	})
	s.html("/b.html", "<html><body>b</body></html>")
	s.mux.HandleFunc("/missing.html", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such page", http.StatusNotFound)
	})
	s.serve("/doc.pdf", "application/pdf", "%PDF-1.4")
	s.serve("/feed.rss", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`)
	c := testCrawler()
	arch := &archived{}
	c.Archive = arch
	crawl(t, c, Source{Start: []string{s.url("/a.html")}, Feeds: []string{s.url("/feed.rss")}, Follow: []string{`.`}, MaxDepth: 1})
	got := strings.Join(arch.items, "\n")
	for _, want := range []string{
		"GET /robots.txt 200 23", "GET /old.html 301 0", "GET /b.html 200 27",
		"GET /missing.html 404 13", "GET /doc.pdf 200 8", "GET /feed.rss 200",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("archive lacks %q; it has:\n%s", want, got)
		}
	}
}
