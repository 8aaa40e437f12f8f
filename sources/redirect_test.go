package sources

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medcoop/medcoop/store"
)

// gaps returns the time between consecutive arrivals.
func gaps(ts []time.Time) []time.Duration {
	var out []time.Duration
	for i := 1; i < len(ts); i++ {
		out = append(out, ts[i].Sub(ts[i-1]))
	}
	return out
}

// TestRedirectSameHostRobots: a hop to a path the host's robots.txt disallows is not
// requested, and an allowed hop waits for the host's Crawl-delay like any request.
func TestRedirectSameHostRobots(t *testing.T) {
	s := newSite(t)
	s.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n")
	s.mux.Handle("/go", http.RedirectHandler("/private/x", http.StatusFound))
	s.html("/private/x", "<p>secret</p>")
	s.mux.Handle("/hop", http.RedirectHandler("/dest", http.StatusMovedPermanently))
	s.html("/dest", "<p>dest</p>")
	rep, col := crawl(t, testCrawler(), Source{Start: []string{s.url("/go"), s.url("/hop")}})
	if n := s.count("/private/x"); n != 0 {
		t.Errorf("the disallowed redirect target was requested %d times", n)
	}
	if rep.Kinds[KindRobots] != 1 || rep.Skipped != 1 {
		t.Errorf("kinds %v, skipped %d; want one robots skip", rep.Kinds, rep.Skipped)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], "redirect to "+s.url("/private/x")) {
		t.Errorf("errors %q do not name the redirect", rep.Errors)
	}
	if col.get(s.url("/dest")) == nil || rep.Handled != 1 {
		t.Errorf("allowed redirect not followed: %v", rep.Errors)
	}
	s.mu.Lock()
	hop, dest := s.hits["/hop"], s.hits["/dest"]
	s.mu.Unlock()
	if len(hop) != 1 || len(dest) != 1 {
		t.Fatalf("hop %d, dest %d requests", len(hop), len(dest))
	}
	if d := dest[0].Sub(hop[0]); d < 250*time.Millisecond {
		t.Errorf("redirect hop came %v after the redirect, Crawl-delay is 300ms", d)
	}
}

// TestRedirectOtherHostRobots: a redirect to a second host whose robots.txt disallows the
// target never reaches it; the first URL ends as redirected, not failed.
func TestRedirectOtherHostRobots(t *testing.T) {
	first, second := newSite(t), newSite(t)
	second.serve("/robots.txt", "text/plain", "User-agent: medcoop-test\nDisallow: /secret\n")
	second.html("/secret", "<p>secret</p>")
	first.mux.Handle("/go", http.RedirectHandler(second.url("/secret"), http.StatusFound))
	rep, col := crawl(t, testCrawler(), Source{Start: []string{first.url("/go")}})
	if n := second.count("/secret"); n != 0 {
		t.Errorf("the disallowed target on the second host was requested %d times", n)
	}
	if second.count("/robots.txt") != 1 {
		t.Errorf("the second host's robots.txt was requested %d times", second.count("/robots.txt"))
	}
	if rep.Redirected != 1 || rep.Kinds[KindRedirected] != 1 || rep.Kinds[KindRobots] != 1 || rep.Failed != 0 {
		t.Errorf("redirected %d failed %d kinds %v", rep.Redirected, rep.Failed, rep.Kinds)
	}
	if len(col.pages) != 0 {
		t.Errorf("%d pages handed over", len(col.pages))
	}
}

// TestRedirectOtherHostCrawlDelay: links on a fast host that redirect to a host asking for a
// Crawl-delay reach that host spaced by its delay; a target outside the follow patterns is
// not fetched; a start page moved to the second host is crawled like a start page.
func TestRedirectOtherHostCrawlDelay(t *testing.T) {
	first, second := newSite(t), newSite(t)
	second.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.3\n")
	var links string
	for i := 1; i <= 3; i++ {
		p := fmt.Sprintf("/r%d", i)
		first.mux.Handle(p, http.RedirectHandler(second.url(fmt.Sprintf("/p%d", i)), http.StatusMovedPermanently))
		second.html(fmt.Sprintf("/p%d", i), "<p>page</p>")
		links += link(p)
	}
	first.mux.Handle("/away", http.RedirectHandler(second.url("/outside"), http.StatusFound))
	second.html("/outside", "<p>outside</p>")
	first.html("/", links+link("/away"))
	first.mux.Handle("/moved-start", http.RedirectHandler(second.url("/start"), http.StatusMovedPermanently))
	second.html("/start", link("/p1"))
	follow := "^" + regexp.QuoteMeta(first.url("/")) + "|/p[0-9]$"
	rep, col := crawl(t, testCrawler(), Source{Start: []string{first.url("/"), first.url("/moved-start")},
		Follow: []string{follow}, MaxDepth: 1})
	if second.count("/outside") != 0 {
		t.Errorf("a redirect target outside the follow patterns was fetched")
	}
	for i := 1; i <= 3; i++ {
		if col.get(second.url(fmt.Sprintf("/p%d", i))) == nil {
			t.Errorf("/p%d not handed over under its final URL: %v", i, rep.Errors)
		}
	}
	if p := col.get(second.url("/start")); p == nil || !p.Hub || p.Depth != 0 {
		t.Errorf("moved start page not crawled as a start page: %+v", p)
	}
	if rep.Redirected != 5 || rep.Failed != 0 {
		t.Errorf("redirected %d failed %d: %v", rep.Redirected, rep.Failed, rep.Errors)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], "not followed") {
		t.Errorf("errors %q: want the target outside the follow patterns", rep.Errors)
	}
	times := second.pageTimes()
	if len(times) != 4 {
		t.Fatalf("second host got %d page requests, want 4", len(times))
	}
	for i, g := range gaps(times) {
		if g < 250*time.Millisecond {
			t.Errorf("requests %d and %d to the second host %v apart, its Crawl-delay is 300ms", i, i+1, g)
		}
	}
}

// TestRedirectLoopAcrossHosts: two hosts redirecting to each other, once in a cycle and once
// through an endless chain of new URLs, end the crawl.
func TestRedirectLoopAcrossHosts(t *testing.T) {
	first, second := newSite(t), newSite(t)
	first.mux.Handle("/a", http.RedirectHandler(second.url("/b"), http.StatusFound))
	second.mux.Handle("/b", http.RedirectHandler(first.url("/a"), http.StatusFound))
	chain := func(next *site) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			var n int
			fmt.Sscanf(r.URL.Query().Get("n"), "%d", &n)
			http.Redirect(w, r, next.url(fmt.Sprintf("/chain?n=%d", n+1)), http.StatusFound)
		}
	}
	first.mux.HandleFunc("/chain", chain(second))
	second.mux.HandleFunc("/chain", chain(first))
	rep, _ := crawl(t, testCrawler(), Source{Start: []string{first.url("/a"), first.url("/chain?n=0")}})
	if first.count("/a") != 1 || second.count("/b") != 1 {
		t.Errorf("cycle: /a %d, /b %d requests", first.count("/a"), second.count("/b"))
	}
	var hops int
	for _, s := range []*site{first, second} {
		s.mu.Lock()
		for p, ts := range s.hits {
			if strings.HasPrefix(p, "/chain") {
				hops += len(ts)
			}
		}
		s.mu.Unlock()
	}
	if hops != maxRedirects+1 || rep.Kinds[KindTooManyRedirect] != 1 {
		t.Errorf("chain: %d requests, kinds %v; want %d and one too many redirects", hops, rep.Kinds, maxRedirects+1)
	}
}

// storeFrontier keeps a crawl's frontier in a real store file, as the program does.
type storeFrontier struct {
	st *store.Store
	// afterPush, when set, sees every successful Push.
	afterPush func([]Entry)
	mu        sync.Mutex
}

func (f *storeFrontier) Load() ([]Entry, error) {
	entries, err := f.st.Frontier()
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(entries))
	for i, e := range entries {
		out[i] = Entry{URL: e.URL, Source: e.Source, Kind: EntryKind(e.Kind), Depth: e.Depth, Level: e.Level,
			FeedItem: e.FeedItem, LastMod: e.LastMod, Hops: e.Hops, Done: e.Done}
	}
	return out, nil
}

func (f *storeFrontier) Push(entries []Entry) error {
	out := make([]store.FrontierEntry, len(entries))
	for i, e := range entries {
		out[i] = store.FrontierEntry{URL: e.URL, Source: e.Source, Kind: string(e.Kind), Depth: e.Depth, Level: e.Level,
			FeedItem: e.FeedItem, LastMod: e.LastMod, Hops: e.Hops}
	}
	if err := f.st.PushFrontier(out); err != nil {
		return err
	}
	f.mu.Lock()
	hook := f.afterPush
	f.mu.Unlock()
	if hook != nil {
		hook(entries)
	}
	return nil
}

func (f *storeFrontier) Done(u string, ok bool) error { return f.st.FrontierDone(u, ok) }
func (f *storeFrontier) Clear() error                 { return f.st.ClearFrontier() }

// TestRedirectTargetResumes interrupts a crawl right after a cross-host redirect target was
// queued: the store file keeps it, with its hop, and the next crawl fetches it, once.
func TestRedirectTargetResumes(t *testing.T) {
	first, second := newSite(t), newSite(t)
	first.mux.Handle("/start", http.RedirectHandler(second.url("/page"), http.StatusMovedPermanently))
	second.html("/page", "<p>moved here</p>")
	path := filepath.Join(t.TempDir(), "crawl.db")
	cfg := &Config{UserAgent: "medcoop-test/1.0", Sources: []Source{{Name: "s", Start: []string{first.url("/start")}}}}
	target := second.url("/page")

	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fr := &storeFrontier{st: st}
	fr.afterPush = func(es []Entry) {
		for _, e := range es {
			if e.URL == target {
				cancel() // the process dies right after the target reached the file
			}
		}
	}
	c := testCrawler()
	c.Frontier = fr
	col := &collector{}
	if _, err := c.Run(ctx, cfg, col); !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: %v, want cancelled", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if second.count("/page") != 0 {
		t.Fatalf("the target was fetched before the interruption")
	}

	st, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pending, err := st.Frontier()
	if err != nil {
		t.Fatal(err)
	}
	var kept *store.FrontierEntry
	for i := range pending {
		if pending[i].URL == target {
			kept = &pending[i]
		}
	}
	if kept == nil || kept.Done || kept.Hops != 1 || kept.Kind != "page" || kept.Depth != 0 {
		t.Fatalf("frontier after the interruption: %+v", pending)
	}
	c = testCrawler()
	c.Frontier = &storeFrontier{st: st}
	rep, err := c.Run(context.Background(), cfg, col)
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	if !rep.Resumed || second.count("/page") != 1 || first.count("/start") != 1 {
		t.Errorf("resumed %v; /page %d, /start %d requests, want 1 each", rep.Resumed, second.count("/page"), first.count("/start"))
	}
	if p := col.get(target); p == nil || p.FrontierURL != target {
		t.Errorf("target not handed over under its URL: %+v", p)
	}
	if left, _ := st.Frontier(); len(left) != 0 {
		t.Errorf("frontier not cleared: %+v", left)
	}
}

// TestPoliteKey: one politeness unit per host name and non-default port, whatever the scheme.
func TestPoliteKey(t *testing.T) {
	tests := map[string]string{
		"http://Example.org/a":        "example.org",
		"https://example.org:443/b":   "example.org",
		"http://example.org:80/":      "example.org",
		"https://example.org:8443/":   "example.org:8443",
		"http://127.0.0.1:8080/x":     "127.0.0.1:8080",
		"https://[2001:db8::1]/":      "2001:db8::1",
		"http://[2001:db8::1]:8080/x": "[2001:db8::1]:8080",
	}
	for raw, want := range tests {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := politeKey(u); got != want {
			t.Errorf("politeKey(%s) = %q, want %q", raw, got, want)
		}
	}
}

// TestRedirectSchemeSameHost: http://example.com and https://example.com (two loopback servers
// the test's dialer stands behind) are one host for politeness: the move to https is followed
// inline, after the https robots.txt was read and its Crawl-delay waited.
func TestRedirectSchemeSameHost(t *testing.T) {
	plain := newSite(t)
	plain.mux.Handle("/old", http.RedirectHandler("https://example.com/new", http.StatusMovedPermanently))
	var mu sync.Mutex
	var hits []string
	var at []time.Time
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits, at = append(hits, r.URL.Path), append(at, time.Now())
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.3\n")
		case "/new":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<p>new home</p>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer secure.Close()
	tr := secure.Client().Transport.(*http.Transport).Clone()
	route := map[string]string{"example.com:80": plain.srv.Listener.Addr().String(), "example.com:443": secure.Listener.Addr().String()}
	var d net.Dialer
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		to, ok := route[addr]
		if !ok {
			return nil, fmt.Errorf("dial %s: not in the test's routes", addr)
		}
		return d.DialContext(ctx, network, to)
	}
	c := testCrawler()
	c.Client = &http.Client{Transport: tr, Timeout: 2 * time.Second}
	rep, col := crawl(t, c, Source{Start: []string{"http://example.com/old"}})
	if col.get("https://example.com/new") == nil || rep.Handled != 1 || rep.Redirected != 0 {
		t.Fatalf("handled %d redirected %d: %v", rep.Handled, rep.Redirected, rep.Errors)
	}
	if plain.count("/robots.txt") != 1 || plain.count("/old") != 1 {
		t.Errorf("http host: robots.txt %d, /old %d requests", plain.count("/robots.txt"), plain.count("/old"))
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(hits, " ") != "/robots.txt /new" {
		t.Fatalf("https host requests: %v", hits)
	}
	if g := at[1].Sub(at[0]); g < 250*time.Millisecond {
		t.Errorf("https page %v after its robots.txt, Crawl-delay is 300ms", g)
	}
}

// TestStoppedCrawlKeepsPendingWork: MaxPages stops the crawl while a URL is in flight on
// another host. What that URL would have queued (a cross-host redirect target, or a page's
// links) cannot reach the frontier any more, so the URL stays pending, and the next crawl
// fetches it again and then what it leads to.
func TestStoppedCrawlKeepsPendingWork(t *testing.T) {
	tests := []struct {
		name  string
		setup func(held func(), first, second *site) (start, want string)
	}{
		{"cross-host redirect", func(held func(), first, second *site) (string, string) {
			first.mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
				held()
				http.Redirect(w, r, second.url("/page"), http.StatusMovedPermanently)
			})
			second.html("/page", "<p>moved here</p>")
			return first.url("/go"), second.url("/page")
		}},
		{"links of a page", func(held func(), first, _ *site) (string, string) {
			first.mux.HandleFunc("/index", func(w http.ResponseWriter, r *http.Request) {
				held()
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprint(w, link("/p1"))
			})
			first.html("/p1", "<p>one</p>")
			return first.url("/index"), first.url("/p1")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, second, gate := newSite(t), newSite(t), newSite(t)
			arrived := make(chan struct{})
			var once sync.Once
			// The URL in flight answers only once the gate host's start page was refused a
			// request by MaxPages, which happens right after the gate's robots.txt.
			held := func() {
				once.Do(func() { close(arrived) })
				time.Sleep(300 * time.Millisecond)
			}
			gate.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-arrived:
				case <-time.After(5 * time.Second):
				}
				http.NotFound(w, r)
			})
			gate.html("/", "<p>gate</p>")
			start, want := tc.setup(held, first, second)
			cfg := &Config{UserAgent: "medcoop-test/1.0", Sources: []Source{{Name: "s",
				Start: []string{start, gate.url("/")}, Follow: []string{"/p1$"}, MaxDepth: 1}}}
			st, err := store.Open(filepath.Join(t.TempDir(), "crawl.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()

			c := testCrawler()
			c.Frontier = &storeFrontier{st: st}
			c.MaxPages = 1
			col := &collector{}
			rep, err := c.Run(context.Background(), cfg, col)
			if err != nil || !rep.LimitReached {
				t.Fatalf("first run: %v, limit reached %v", err, rep.LimitReached)
			}
			if s := rep.PerSource["s"]; s.Redirected != 0 || s.Handled != 0 {
				t.Errorf("first run reports redirected %d handled %d for an unfinished URL", s.Redirected, s.Handled)
			}
			pending, err := st.Frontier()
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range pending {
				if e.URL == start && e.Done {
					t.Errorf("%s marked done though what it leads to was not queued: %+v", start, pending)
				}
			}

			c = testCrawler()
			c.Frontier = &storeFrontier{st: st}
			if _, err := c.Run(context.Background(), cfg, col); err != nil {
				t.Fatalf("second run: %v", err)
			}
			if col.get(want) == nil {
				t.Errorf("%s never handed over after the resumed crawl", want)
			}
		})
	}
}

// TestRedirectHopFailureLeavesTarget: a same-host hop whose request fails does not count as
// reaching its target: the target's own task still fetches it.
func TestRedirectHopFailureLeavesTarget(t *testing.T) {
	s := newSite(t)
	s.mux.Handle("/old", http.RedirectHandler("/new", http.StatusMovedPermanently))
	var mu sync.Mutex
	calls := 0
	s.mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		if n == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>new</p>")
	})
	c := testCrawler()
	c.MaxRetries = -1
	rep, col := crawl(t, c, Source{Start: []string{s.url("/old"), s.url("/new")}})
	if s.count("/new") != 2 || col.get(s.url("/new")) == nil {
		t.Errorf("/new requested %d times, handed over %v: %v", s.count("/new"), col.get(s.url("/new")) != nil, rep.Errors)
	}
	if rep.Failed != 1 || rep.Handled != 1 {
		t.Errorf("failed %d handled %d, want the hop failed and the target handled", rep.Failed, rep.Handled)
	}
}

// TestRobotsRedirectToSharedHost: hosts whose robots.txt redirects to one shared host (a CDN)
// reach it spaced by their delay, and its rules apply to them.
func TestRobotsRedirectToSharedHost(t *testing.T) {
	cdn := newSite(t)
	cdn.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private\n")
	var starts []string
	var hosts []*site
	for range 3 {
		h := newSite(t)
		h.mux.Handle("/robots.txt", http.RedirectHandler(cdn.url("/robots.txt"), http.StatusMovedPermanently))
		h.html("/", link("/private"))
		h.html("/private", "<p>secret</p>")
		starts = append(starts, h.url("/"))
		hosts = append(hosts, h)
	}
	rep, col := crawl(t, testCrawler(), Source{Start: starts, Follow: []string{"/private$"}, MaxDepth: 1,
		Delay: 300 * time.Millisecond})
	if len(col.pages) != 3 {
		t.Errorf("%d pages handed over, want the 3 start pages: %v", len(col.pages), rep.Errors)
	}
	for i, h := range hosts {
		if h.count("/private") != 0 {
			t.Errorf("host %d: /private requested though the robots.txt it redirects to disallows it", i)
		}
	}
	times := cdn.arrivals()
	if len(times) != 3 {
		t.Fatalf("the shared host got %d requests, want 3", len(times))
	}
	for i, g := range gaps(times) {
		if g < 250*time.Millisecond {
			t.Errorf("robots.txt requests %d and %d to the shared host %v apart, the delay is 300ms", i, i+1, g)
		}
	}
}

// TestNewClientDoesNotFollow: NewClient hands a redirect back as the response; the crawler
// follows it itself.
func TestNewClientDoesNotFollow(t *testing.T) {
	s := newSite(t)
	s.mux.Handle("/old", http.RedirectHandler("/new", http.StatusMovedPermanently))
	s.html("/new", "<p>new</p>")
	resp, err := NewClient(true, 2*time.Second).Get(s.url("/old"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || s.count("/new") != 0 {
		t.Errorf("status %d, /new requested %d times", resp.StatusCode, s.count("/new"))
	}
}
