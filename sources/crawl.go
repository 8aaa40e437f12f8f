package sources

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/net/html"
)

// Page is one fetched HTML page, decoded to UTF-8, as handed to a Handler.
type Page struct {
	URL       string      // canonicalised final URL after redirects
	Canonical string      // <link rel=canonical>, else og:url, resolved, or ""
	Source    string      // source name
	Lang      string      // the source's language hint
	Status    int         // HTTP status (2xx)
	Header    http.Header // response headers; Content-Type rewritten to charset=utf-8, the original in X-Original-Content-Type
	Body      []byte      // UTF-8 HTML
	Charset   string      // the charset the body was decoded from
	FetchedAt time.Time
	Depth     int  // links away from a start page; feed and sitemap entries are at depth 1
	Hub       bool // a start page, or a listing page (a start page's path with another query, such as ?page=2) reached only to find links
	// FrontierURL is the URL as the Frontier queued it (before redirects), set when the
	// Crawler has a Frontier: a Handler that stores the page marks it done in the same
	// transaction, so that a killed crawl never fetches a stored page again.
	FrontierURL string
	// Root is Body parsed (golang.org/x/net/html's document node), as the crawler read it
	// for links, so that a Handler need not parse the page again. It is nil when the page
	// could not be parsed. The Handler must not modify the tree, and must not keep it (nor
	// the Page) after HandlePage returns: the crawler holds a page only while it is handed over.
	Root *html.Node
}

// Handler is what the crawler hands pages to. It is called from several goroutines at once
// (one per host being crawled). An error is recorded in the report and the crawl goes on,
// unless it wraps ErrAbort, which stops the crawl and is returned by Run.
type Handler interface {
	HandlePage(ctx context.Context, p *Page) error
}

// HandlerFunc lets a function be a Handler.
type HandlerFunc func(ctx context.Context, p *Page) error

// HandlePage calls f.
func (f HandlerFunc) HandlePage(ctx context.Context, p *Page) error { return f(ctx, p) }

// ErrAbort, wrapped in a Handler's error, stops the crawl.
var ErrAbort = errors.New("crawl aborted by handler")

// Validators gives the stored ETag and Last-Modified of a URL for conditional GET; empty
// strings when none is known. It is called from several goroutines at once.
type Validators interface {
	Validators(url string) (etag, lastModified string)
}

// Defaults for the Crawler's zero fields.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultMaxBodyBytes  = 5 << 20
	DefaultRetryBase     = time.Second
	DefaultMaxRetries    = 2
	DefaultMaxRetryAfter = time.Minute
	DefaultMaxCrawlDelay = time.Minute
	DefaultWorkers       = 4
	// DefaultMaxHostFailures consecutive failures (network, timeout, 5xx, 429, each after
	// its retries) back a host off for the rest of the run.
	DefaultMaxHostFailures = 5
	// DefaultProgressEvery is how often OnProgress is called when ProgressEvery is zero.
	DefaultProgressEvery = 10 * time.Second
	maxSitemapNesting    = 3
	maxRedirects         = 5 // the longest chain of redirects followed, across hosts too
	maxErrorsPerSource   = 200
	maxBackoff           = time.Minute
)

// Crawler fetches the pages of a Config's sources. Its zero value works: it builds a safe client,
// refuses private addresses and crawls without a page limit.
//
// Redirects are followed by the crawler, not the client, so that no hop escapes politeness. A
// hop that stays on the host (same host name and port; http to https of the same name counts
// as the same host) is followed at once if that scheme's robots.txt allows it (else the URL is
// skipped as "robots disallow"), after the host's delay like any request. A hop to another
// host ends the URL as "redirected" (SourceReport.Redirected; not a failure, not counted
// against the host) and queues the target as a task of the same kind, source, depth and feed
// item, in the Frontier too, where that host's robots.txt, delay and Crawl-delay apply. The
// source's follow patterns apply to the target as they applied to the URL: a link's target
// must match them (a sitemap entry's too, when the source has any), while a start page, a
// feed, a sitemap or a feed item may move to another host, as the source's own configuration
// or feed could have named it there; a moved start page is crawled as a start page. A chain
// of more than five redirects, counted across hosts (Entry.Hops), fails as "too many
// redirects", and a chain that comes back to a URL of its own ends as "redirect loop" or, across
// hosts, at the URL already fetched. The page is handed over under the URL it was fetched from.
type Crawler struct {
	// Client makes the requests; nil: built by NewClient with the safe dialer. Its
	// CheckRedirect is replaced: the crawler follows redirects itself.
	Client       *http.Client
	AllowPrivate bool         // allow loopback and private addresses (tests, demo); only used when Client is nil
	MaxPages     int          // stop after this many URLs were requested; 0: no limit
	Logger       *slog.Logger // nil: no logging
	Validators   Validators   // may be nil: no conditional GET
	RetryBase    time.Duration

	MaxRetries    int           // retries after a 429, 5xx or network error; 0: DefaultMaxRetries, negative: none
	MaxRetryAfter time.Duration // a longer Retry-After gives up on the URL; 0: DefaultMaxRetryAfter
	Timeout       time.Duration // whole request, body included; 0: DefaultTimeout
	MaxBodyBytes  int64         // bigger bodies are refused as "too large"; 0: DefaultMaxBodyBytes
	MaxCrawlDelay time.Duration // robots.txt Crawl-delay is capped at this; 0: DefaultMaxCrawlDelay
	Workers       int           // requests in flight at once, over all hosts; 0: DefaultWorkers
	// Decode converts an HTML body to UTF-8 given its Content-Type, and
	// names the charset; nil uses x/net/html/charset's rules. The program
	// gives the extractor's decoder, which also tells windows-1258 and
	// VISCII Vietnamese pages apart by their words.
	Decode func(body []byte, contentType string) ([]byte, string, error)

	// Frontier, when set, keeps the queue across processes: Run resumes the unfinished crawl
	// it holds and clears it once the crawl has finished (not when it was cancelled, aborted
	// or stopped by MaxPages: the next Run takes over).
	Frontier Frontier
	// History, when set, makes the crawl incremental: conditional GET for listings too
	// (and for pages when Validators is nil), sitemap entries whose <lastmod> is not newer
	// than their last fetch and feed items already fetched are not fetched, and a listing
	// that answers 304 leads to the links it gave last time.
	History History
	// Archive, when set, receives every response (see Archiver).
	Archive Archiver
	// MaxHostFailures consecutive failures back a host off; 0: DefaultMaxHostFailures,
	// negative: never.
	MaxHostFailures int
	// OnProgress, when set, is called every ProgressEvery and once at the end.
	OnProgress    func(Progress)
	ProgressEvery time.Duration
}

// Report says what a crawl did, per source.
type Report struct {
	PerSource    map[string]*SourceReport
	Started      time.Time
	Finished     time.Time
	LimitReached bool // MaxPages stopped the crawl
	Resumed      bool // the crawl took over an unfinished crawl's Frontier
}

// SourceReport counts what happened to one source's URLs. Fetched counts URLs requested (retries
// and redirect hops on the same host not counted); each then ends NotModified, Failed, Skipped
// (robots, not HTML, duplicate after a redirect), Redirected (to another host, whose URL is then
// a task of its own) or, for pages, Handled; feeds and sitemaps that were read count in Fetched
// only.
type SourceReport struct {
	Fetched     int
	NotModified int
	Failed      int
	Skipped     int
	Redirected  int
	Handled     int
	Known       int          // sitemap entries and feed items not fetched: unchanged since the last crawl
	Errors      []string     // "url: reason", at most 200
	Kinds       map[Kind]int // failures, skips and redirects by kind
	Reached     bool         // at least one response with a status below 400 came back
}

type taskKind int

const (
	taskPage taskKind = iota
	taskFeed
	taskSitemap
)

type task struct {
	url      string
	kind     taskKind
	src      *sourceState
	depth    int
	level    int       // sitemap index nesting
	feedItem string    // guid of the feed item it came from
	lastMod  time.Time // sitemap <lastmod>
	hops     int       // redirects across hosts that led here
}

var kindNames = map[taskKind]EntryKind{taskPage: EntryPage, taskFeed: EntryFeed, taskSitemap: EntrySitemap}

func (t task) entry() Entry {
	return Entry{URL: t.url, Source: t.src.src.Name, Kind: kindNames[t.kind], Depth: t.depth,
		Level: t.level, FeedItem: t.feedItem, LastMod: t.lastMod, Hops: t.hops}
}

// taskOf turns a stored entry back into a task; false for an unknown source or kind.
func taskOf(e Entry, states map[string]*sourceState) (task, bool) {
	st := states[e.Source]
	if st == nil {
		return task{}, false
	}
	t := task{url: e.URL, src: st, depth: e.Depth, level: e.Level, feedItem: e.FeedItem, lastMod: e.LastMod, hops: e.Hops}
	switch e.Kind {
	case EntryPage:
		t.kind = taskPage
	case EntryFeed:
		t.kind = taskFeed
	case EntrySitemap:
		t.kind = taskSitemap
	default:
		return task{}, false
	}
	return t, true
}

type sourceState struct {
	src     *Source
	rep     *SourceReport
	listing map[string]bool // scheme://host/path of the start pages
}

// hostState is one host for politeness (politeKey): its queue, its worker and its delay.
type hostState struct {
	key     string // politeKey
	queue   []task
	running bool
	// delay is the longest delay of the sources using this host, and of the hosts whose
	// robots.txt redirects here.
	delay      time.Duration
	crawlDelay time.Duration // the longest Crawl-delay of its robots.txt files
	last       time.Time     // when its last request ended
	notBefore  time.Time     // no request before this (Retry-After, backoff)

	// turn is held through each request to the host, its wait included: the host's own
	// worker and the robots.txt redirects of other hosts' workers take turns.
	turn sync.Mutex

	// Owned by the host's worker goroutine.
	robots    map[string]*robotsState // by hostKey: http and https have their own robots.txt
	failures  int                     // consecutive
	backedOff bool                    // for the rest of the run
}

// robotsState is one robots.txt: its rules, or why it could not be fetched at all.
type robotsState struct {
	data *robotstxt.RobotsData
	err  *FetchError
}

type run struct {
	c       *Crawler
	ctx     context.Context
	cancel  context.CancelFunc
	h       Handler
	f       *fetcher
	log     *slog.Logger
	ua      string
	sem     chan struct{}
	pending sync.WaitGroup

	retryBase, maxRetryAfter, maxCrawlDelay time.Duration
	maxRetries, maxHostFailures             int
	validators                              Validators

	mu       sync.Mutex      // guards what follows, and hostState's delay, crawlDelay, last and notBefore
	seen     map[string]bool // URLs queued
	fetched  map[string]bool // URLs requested or reached by a redirect
	hosts    map[string]*hostState
	requests int
	stopped  bool
	abortErr error
	report   *Report
	done     int // tasks finished or dropped
	queued   int // tasks waiting
	failed   int
}

// Run crawls cfg's sources, handing each fetched HTML page to h, until every discovered URL was
// tried, MaxPages URLs were requested or ctx is cancelled. It always returns the report; the
// error is ctx's when cancelled, or the handler's when it aborted.
func (c *Crawler) Run(ctx context.Context, cfg *Config, h Handler) (*Report, error) {
	if cfg == nil || len(cfg.Sources) == 0 {
		return nil, errors.New("crawl: no sources")
	}
	if h == nil {
		return nil, errors.New("crawl: nil handler")
	}
	r := c.newRun(ctx, cfg, h)
	defer r.cancel()
	if c.Client == nil {
		defer r.f.client.CloseIdleConnections()
	}
	states := make([]*sourceState, len(cfg.Sources))
	byName := map[string]*sourceState{}
	for i := range cfg.Sources {
		src := cfg.Sources[i] // a copy: compiling patterns must not touch the caller's Config
		src.follow = append([]*regexp.Regexp(nil), src.follow...)
		if err := src.compile(); err != nil {
			return nil, fmt.Errorf("crawl: source %s: %w", src.Name, err)
		}
		st := &sourceState{src: &src, rep: &SourceReport{Kinds: map[Kind]int{}}, listing: map[string]bool{}}
		if _, dup := r.report.PerSource[src.Name]; dup {
			return nil, fmt.Errorf("crawl: two sources named %s", src.Name)
		}
		r.report.PerSource[src.Name] = st.rep
		for _, s := range src.Start {
			if u, err := url.Parse(s); err == nil {
				st.listing[hostKey(u)+u.EscapedPath()] = true
			}
		}
		states[i] = st
		byName[src.Name] = st
	}
	// An unfinished crawl's frontier: its finished URLs are not fetched again, the others are
	// queued first, before the start URLs (which it normally holds already).
	var resumed []task
	if c.Frontier != nil {
		entries, err := c.Frontier.Load()
		if err != nil {
			return nil, fmt.Errorf("crawl: load frontier: %w", err)
		}
		for _, e := range entries {
			t, ok := taskOf(e, byName)
			if !ok {
				continue
			}
			r.seen[e.URL] = true
			if e.Done {
				r.fetched[e.URL] = true
				// A source finished before the kill was reached if something of it was stored.
				if !t.src.rep.Reached && c.History != nil {
					if _, ok := c.History.LastFetched(e.URL); ok {
						t.src.rep.Reached = true
					}
				}
				continue
			}
			resumed = append(resumed, t)
		}
		if len(entries) > 0 {
			r.report.Resumed = true
			r.log.Info("resuming an unfinished crawl", "done", len(entries)-len(resumed), "queued", len(resumed))
		}
	}
	r.queue(resumed)
	var starts []task
	for _, st := range states {
		for _, s := range st.src.Start {
			starts = append(starts, task{url: s, kind: taskPage, src: st})
		}
		for _, s := range st.src.Feeds {
			starts = append(starts, task{url: s, kind: taskFeed, src: st})
		}
		for _, s := range st.src.Sitemaps {
			starts = append(starts, task{url: s, kind: taskSitemap, src: st})
		}
	}
	r.enqueue(starts)
	stopProgress := r.startProgress()
	r.pending.Wait()
	stopProgress()
	r.mu.Lock()
	r.report.Finished = time.Now()
	abortErr, limited := r.abortErr, r.report.LimitReached
	r.mu.Unlock()
	if abortErr != nil {
		return r.report, fmt.Errorf("crawl: %w", abortErr)
	}
	if err := ctx.Err(); err != nil {
		return r.report, fmt.Errorf("crawl: %w", err)
	}
	if c.Frontier != nil && !limited {
		if err := c.Frontier.Clear(); err != nil {
			return r.report, fmt.Errorf("crawl: clear frontier: %w", err)
		}
	}
	return r.report, nil
}

// startProgress calls OnProgress periodically until the returned function is called, which
// calls it a last time.
func (r *run) startProgress() (stop func()) {
	if r.c.OnProgress == nil {
		return func() {}
	}
	every := orDuration(r.c.ProgressEvery, DefaultProgressEvery)
	quit, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				r.c.OnProgress(r.progress())
			}
		}
	}()
	return func() {
		close(quit)
		<-finished
		r.c.OnProgress(r.progress())
	}
}

func (r *run) progress() Progress {
	r.mu.Lock()
	defer r.mu.Unlock()
	return Progress{Done: r.done, Queued: r.queued, Failed: r.failed, Elapsed: time.Since(r.report.Started)}
}

func (c *Crawler) newRun(ctx context.Context, cfg *Config, h Handler) *run {
	ctx, cancel := context.WithCancel(ctx)
	r := &run{
		c: c, ctx: ctx, cancel: cancel, h: h,
		log:           c.Logger,
		ua:            cfg.UserAgent,
		retryBase:     orDuration(c.RetryBase, DefaultRetryBase),
		maxRetryAfter: orDuration(c.MaxRetryAfter, DefaultMaxRetryAfter),
		maxCrawlDelay: orDuration(c.MaxCrawlDelay, DefaultMaxCrawlDelay),
		maxRetries:    c.MaxRetries,
		seen:          map[string]bool{},
		fetched:       map[string]bool{},
		hosts:         map[string]*hostState{},
		report:        &Report{PerSource: map[string]*SourceReport{}, Started: time.Now()},
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	if r.ua == "" {
		r.ua = DefaultUserAgent
	}
	r.validators = c.Validators
	if r.validators == nil && c.History != nil {
		r.validators = c.History
	}
	switch {
	case c.MaxHostFailures == 0:
		r.maxHostFailures = DefaultMaxHostFailures
	case c.MaxHostFailures < 0:
		r.maxHostFailures = 0
	default:
		r.maxHostFailures = c.MaxHostFailures
	}
	switch {
	case r.maxRetries == 0:
		r.maxRetries = DefaultMaxRetries
	case r.maxRetries < 0:
		r.maxRetries = 0
	}
	workers := c.Workers
	if workers <= 0 {
		workers = DefaultWorkers
	}
	r.sem = make(chan struct{}, workers)
	timeout := orDuration(c.Timeout, DefaultTimeout)
	client := c.Client
	if client == nil {
		client = NewClient(c.AllowPrivate, timeout)
	}
	// The crawler follows redirects itself, one hop at a time (see process).
	cl := *client
	cl.CheckRedirect = noFollow
	client = &cl
	maxBody := c.MaxBodyBytes
	if maxBody <= 0 {
		maxBody = DefaultMaxBodyBytes
	}
	r.f = &fetcher{client: client, userAgent: r.ua, timeout: timeout, maxBody: maxBody, archive: c.Archive}
	return r
}

func orDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// enqueue queues canonical URLs not queued yet in this run, writing them to the Frontier
// first, in one call; the hosts' workers are started if idle. It reports whether every task
// is queued now (or was already): false when the crawl had stopped (the tasks are then in
// neither the queue nor the Frontier, and the caller must leave the URL they came from
// unfinished, so that a resumed crawl finds them again) or the Frontier failed.
func (r *run) enqueue(ts []task) bool {
	r.mu.Lock()
	var fresh []task
	picked := map[string]bool{}
	for _, t := range ts {
		if r.seen[t.url] || picked[t.url] {
			continue
		}
		if _, err := url.Parse(t.url); err != nil {
			continue
		}
		picked[t.url] = true
		fresh = append(fresh, t)
	}
	if len(fresh) == 0 {
		r.mu.Unlock()
		return true
	}
	if r.stopped {
		r.mu.Unlock()
		return false
	}
	for _, t := range fresh {
		r.seen[t.url] = true
	}
	r.mu.Unlock()
	if r.c.Frontier != nil {
		entries := make([]Entry, len(fresh))
		for i, t := range fresh {
			entries[i] = t.entry()
		}
		if err := r.c.Frontier.Push(entries); err != nil {
			r.abort(fmt.Errorf("frontier: %w", err))
			return false
		}
	}
	r.queue(fresh)
	return true
}

// queue hands tasks to their hosts' workers.
func (r *run) queue(ts []task) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, t := range ts {
		u, err := url.Parse(t.url)
		if err != nil {
			continue
		}
		hs := r.hostLocked(politeKey(u))
		hs.delay = max(hs.delay, t.src.src.Delay)
		hs.queue = append(hs.queue, t)
		r.queued++
		r.pending.Add(1)
		if !hs.running {
			hs.running = true
			go r.hostWorker(hs)
		}
	}
}

// hostLocked returns the host of a politeKey, made on first use; r.mu is held.
func (r *run) hostLocked(key string) *hostState {
	hs := r.hosts[key]
	if hs == nil {
		hs = &hostState{key: key, robots: map[string]*robotsState{}}
		r.hosts[key] = hs
	}
	return hs
}

// abort stops the crawl with err.
func (r *run) abort(err error) {
	r.mu.Lock()
	if r.abortErr == nil {
		r.abortErr = err
	}
	r.stopped = true
	r.mu.Unlock()
	r.cancel()
}

// hostWorker takes one host's tasks in order, one at a time, and tells the Frontier of each
// one finished.
func (r *run) hostWorker(hs *hostState) {
	for {
		r.mu.Lock()
		if len(hs.queue) == 0 {
			hs.running = false
			r.mu.Unlock()
			return
		}
		t := hs.queue[0]
		hs.queue[0] = task{}
		hs.queue = hs.queue[1:]
		r.queued--
		r.mu.Unlock()
		finished, ok := r.process(hs, t)
		if finished && r.c.Frontier != nil {
			if err := r.c.Frontier.Done(t.url, ok); err != nil {
				r.abort(fmt.Errorf("frontier: %w", err))
			}
		}
		r.mu.Lock()
		r.done++
		r.mu.Unlock()
		r.pending.Done()
	}
}

func (r *run) isStopped() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stopped || r.ctx.Err() != nil
}

// process fetches one task. finished says the URL is through (fetched, failed or skipped) and
// must not be fetched again if the crawl resumes; ok says it was fetched or not modified.
func (r *run) process(hs *hostState, t task) (finished, ok bool) {
	if r.isStopped() {
		return false, false
	}
	u, err := url.Parse(t.url)
	if err != nil {
		r.fail(t, &FetchError{URL: t.url, Kind: KindBadURL, Err: err})
		return true, false
	}
	if hs.backedOff {
		r.skip(t, &FetchError{URL: t.url, Kind: KindHostBackoff,
			Err: fmt.Errorf("%s failed %d times in a row", hs.key, hs.failures)})
		return true, false
	}
	robots, fe := r.robotsFor(hs, u)
	if r.isStopped() {
		return false, false
	}
	if fe != nil {
		fe.URL = t.url
		r.fail(t, fe)
		return true, false
	}
	if !robots.TestAgent(robotsPath(u), r.ua) {
		r.skip(t, &FetchError{URL: t.url, Kind: KindRobots})
		return true, false
	}
	if reserved, stop := r.reserve(t); !reserved {
		return !stop, false
	}
	opt := requestOptions{Want: wantAny}
	if t.kind == taskPage {
		opt.Want = wantHTML
	}
	if r.validators != nil && (t.kind == taskPage || r.c.History != nil) {
		opt.ETag, opt.LastModified = r.validators.Validators(t.url)
	}
	resp, finished, ok := r.fetchFollowing(hs, t, opt)
	if resp == nil {
		return finished, ok
	}
	listing := r.isListing(t, u)
	if resp.Status == http.StatusNotModified {
		r.count(t, func(rep *SourceReport) { rep.NotModified++ })
		r.log.Debug("not modified", "url", resp.URL, "source", t.src.src.Name)
		if r.c.History != nil {
			if err := r.c.History.MarkNotModified(resp.URL, time.Now().UTC()); err != nil {
				r.log.Warn("mark not modified", "url", resp.URL, "err", err)
			}
			if listing {
				if links, ok := r.c.History.Listing(t.url); ok {
					var ts []task
					for _, e := range links {
						if c, ok := taskOf(e, map[string]*sourceState{t.src.src.Name: t.src}); ok {
							ts = append(ts, c)
						}
					}
					if !r.enqueue(r.admit(ts)) {
						return false, false
					}
				}
			}
		}
		return true, true
	}
	var children []task
	switch t.kind {
	case taskPage:
		var handled bool
		finished, handled, children = r.handlePage(t, resp, listing)
		if !handled {
			return finished, false
		}
	case taskFeed:
		items, err := parseFeedItems(resp.Body, resp.URL)
		if err != nil {
			r.fail(t, &FetchError{URL: t.url, Kind: KindBadContent, Status: resp.Status, Err: err})
			return true, false
		}
		r.log.Debug("feed read", "url", t.url, "items", len(items))
		for _, it := range items {
			children = append(children, task{url: it.Link, kind: taskPage, src: t.src, depth: 1, feedItem: it.GUID})
		}
		if !r.enqueue(r.admit(children)) {
			return false, false
		}
	case taskSitemap:
		pages, subs, err := parseSitemapEntries(resp.Body, r.f.maxBody)
		if err != nil {
			r.fail(t, &FetchError{URL: t.url, Kind: KindBadContent, Status: resp.Status, Err: err})
			return true, false
		}
		r.log.Debug("sitemap read", "url", t.url, "pages", len(pages), "sitemaps", len(subs))
		for _, p := range pages {
			if len(t.src.src.Follow) == 0 || t.src.src.Follows(p.URL) {
				children = append(children, task{url: p.URL, kind: taskPage, src: t.src, depth: 1, lastMod: p.LastMod})
			}
		}
		if t.level < maxSitemapNesting {
			for _, s := range subs {
				children = append(children, task{url: s.URL, kind: taskSitemap, src: t.src, level: t.level + 1, lastMod: s.LastMod})
			}
		}
		if !r.enqueue(r.admit(children)) {
			return false, false
		}
	}
	if listing && r.c.History != nil {
		entries := make([]Entry, 0, len(children))
		for _, c := range children {
			entries = append(entries, c.entry())
		}
		err := r.c.History.SaveListing(t.url, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), time.Now().UTC(), entries)
		if err != nil {
			r.abort(fmt.Errorf("save listing: %w", err))
			return false, false
		}
	}
	return true, true
}

// fetchFollowing fetches t, following the redirects that stay on its host (politeKey) one hop
// at a time, each checked against robots.txt and spaced by the host's delay like any request.
// A redirect to another host ends t as Redirected and queues the target as a task of its own,
// for its own host's worker, robots.txt and delay. resp is the last response, nil when t ended
// otherwise (finished and ok then say how, as process returns them).
func (r *run) fetchFollowing(hs *hostState, t task, opt requestOptions) (resp *response, finished, ok bool) {
	cur, hops, chain := t.url, t.hops, []string{t.url}
	for {
		var err error
		resp, err = r.fetchWithRetry(hs, cur, opt)
		if err != nil {
			if errors.Is(err, ErrArchive) {
				r.abort(err)
				return nil, false, false
			}
			if r.ctx.Err() != nil {
				return nil, false, false
			}
			fe := classify(cur, err)
			r.hostFailed(hs, fe)
			if fe.Kind == KindNotHTML {
				r.reached(t)
				r.skip(t, fe)
				return nil, true, false
			}
			if fe.Status > 0 && fe.Status < 400 {
				r.reached(t)
			}
			r.fail(t, fe)
			return nil, true, false
		}
		hs.failures = 0
		r.reached(t)
		if cur != t.url {
			// A hop's target counts as reached once it answered, not before: a hop that
			// failed leaves the target to its own task, if it has one.
			r.mu.Lock()
			r.fetched[cur], r.seen[cur] = true, true
			r.mu.Unlock()
		}
		if resp.Location == "" {
			return resp, true, true
		}
		next := resp.Location
		hops++
		switch {
		case slices.Contains(chain, next):
			r.fail(t, &FetchError{URL: t.url, Kind: KindRedirectLoop, Status: resp.Status,
				Err: fmt.Errorf("%s redirects back to %s", cur, next)})
			return nil, true, false
		case hops > maxRedirects:
			r.fail(t, &FetchError{URL: t.url, Kind: KindTooManyRedirect, Status: resp.Status,
				Err: fmt.Errorf("%s redirects to %s after %d redirects", cur, next, hops-1)})
			return nil, true, false
		}
		nu, err := url.Parse(next)
		if err != nil { // next is canonical: this does not happen
			r.fail(t, &FetchError{URL: t.url, Kind: KindBadURL, Status: resp.Status, Err: err})
			return nil, true, false
		}
		if politeKey(nu) != hs.key {
			return nil, r.redirectAway(t, cur, resp.Status, next, hops), false
		}
		robots, fe := r.robotsFor(hs, nu)
		if r.isStopped() {
			return nil, false, false
		}
		if fe != nil {
			fe.URL = t.url
			fe.Err = fmt.Errorf("redirect to %s: %w", next, fe.Err)
			r.fail(t, fe)
			return nil, true, false
		}
		if !robots.TestAgent(robotsPath(nu), r.ua) {
			r.skip(t, &FetchError{URL: t.url, Kind: KindRobots, Status: resp.Status,
				Err: fmt.Errorf("redirect to %s, which robots.txt disallows", next)})
			return nil, true, false
		}
		r.mu.Lock()
		dup := r.fetched[next]
		r.mu.Unlock()
		if dup {
			r.skip(t, &FetchError{URL: t.url, Kind: KindDuplicate, Status: resp.Status,
				Err: fmt.Errorf("redirected to %s, already fetched", next)})
			return nil, true, false
		}
		r.log.Debug("redirect", "url", cur, "to", next, "status", resp.Status)
		chain = append(chain, next)
		cur = next
		opt.ETag, opt.LastModified = "", ""
		if r.validators != nil && (t.kind == taskPage || r.c.History != nil) {
			opt.ETag, opt.LastModified = r.validators.Validators(next)
		}
	}
}

// redirectAway ends t, which redirected from from to another host: the target is queued as a
// task of the same kind, source, depth and feed item, with hops redirects behind it, where its
// host's robots.txt and delay apply. The source's follow patterns apply to it as they would to
// the link or sitemap entry t was; a start page, a feed, a sitemap or a feed item may move to
// another host as the source's own configuration or feed could name it there. finished is
// false when the crawl stopped before the target could be queued: t then stays pending, so
// that a resumed crawl follows the redirect again.
func (r *run) redirectAway(t task, from string, status int, to string, hops int) (finished bool) {
	target := task{url: to, kind: t.kind, src: t.src, depth: t.depth, level: t.level,
		feedItem: t.feedItem, lastMod: t.lastMod, hops: hops}
	src := t.src.src
	follows := t.kind != taskPage || t.depth == 0 || t.feedItem != "" || len(src.Follow) == 0 || src.Follows(to)
	r.mu.Lock()
	fetched, queued := r.fetched[to], r.seen[to]
	r.mu.Unlock()
	fe := &FetchError{URL: t.url, Kind: KindRedirected, Status: status}
	switch {
	case !follows:
		fe.Err = fmt.Errorf("%s redirects to %s, outside the source's follow patterns: not followed", from, to)
	case fetched:
		fe.Err = fmt.Errorf("%s redirects to %s, already fetched", from, to)
	case queued:
		fe.Err = fmt.Errorf("%s redirects to %s, already queued", from, to)
	default:
		if !r.enqueue([]task{target}) {
			return false
		}
		fe.Err = fmt.Errorf("%s redirects to %s on another host: queued", from, to)
	}
	r.log.Info("redirected", "url", t.url, "source", src.Name, "reason", fe.Err)
	r.count(t, func(rep *SourceReport) {
		rep.Redirected++
		rep.Kinds[KindRedirected]++
		if !follows && len(rep.Errors) < maxErrorsPerSource {
			rep.Errors = append(rep.Errors, t.url+": "+string(KindRedirected)+": "+fe.Err.Error())
		}
	})
	return true
}

// isListing reports whether t is read only for its links: a feed, a sitemap, a start page or
// a listing page (a start page's path with another query).
func (r *run) isListing(t task, u *url.URL) bool {
	return t.kind != taskPage || t.depth == 0 || t.src.listing[hostKey(u)+u.EscapedPath()]
}

// admit drops the tasks an earlier crawl makes unnecessary: feed items already fetched, and
// sitemap entries whose <lastmod> is not newer than their last fetch.
func (r *run) admit(ts []task) []task {
	h := r.c.History
	if h == nil {
		return ts
	}
	out := ts[:0:0]
	for _, t := range ts {
		known := false
		switch {
		case t.feedItem != "":
			known = h.FeedItemSeen(t.src.src.Name, t.feedItem, t.url)
		case !t.lastMod.IsZero():
			at, ok := h.LastFetched(t.url)
			known = ok && !t.lastMod.After(at)
		}
		if known {
			r.count(t, func(rep *SourceReport) { rep.Known++ })
			continue
		}
		out = append(out, t)
	}
	return out
}

// hostFailed counts a failure against the host; enough in a row back it off for the run.
func (r *run) hostFailed(hs *hostState, fe *FetchError) {
	switch fe.Kind {
	case KindNetwork, KindTimeout, KindServerError, KindTooManyRequests:
	default:
		if fe.Status > 0 {
			hs.failures = 0 // the host answers
		}
		return
	}
	hs.failures++
	if r.maxHostFailures > 0 && hs.failures >= r.maxHostFailures && !hs.backedOff {
		hs.backedOff = true
		r.log.Warn("host backed off for the rest of the run", "host", hs.key, "failures", hs.failures, "last", fe.Kind)
	}
}

// reserve counts a request against MaxPages and marks the URL fetched. reserved is false when
// the crawl must stop (stop) or the URL was already reached through a redirect.
func (r *run) reserve(t task) (reserved, stop bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return false, true
	}
	if r.fetched[t.url] {
		return false, false
	}
	if r.c.MaxPages > 0 && r.requests >= r.c.MaxPages {
		r.stopped = true
		r.report.LimitReached = true
		return false, true
	}
	r.requests++
	r.fetched[t.url] = true
	t.src.rep.Fetched++
	return true, false
}

// handlePage hands a fetched page over and queues its links. handled says the handler took
// it; finished is false when the crawl stopped in the middle. children are the links queued.
func (r *run) handlePage(t task, resp *response, listing bool) (finished, handled bool, children []task) {
	src := t.src.src
	decode := decodeHTML
	if r.c.Decode != nil {
		decode = r.c.Decode
	}
	body, cs, err := decode(resp.Body, resp.Header.Get("Content-Type"))
	if err != nil {
		r.fail(t, &FetchError{URL: t.url, Kind: KindBadContent, Status: resp.Status, Err: err})
		return true, false, nil
	}
	page := &Page{
		URL: resp.URL, Source: src.Name, Lang: src.Lang, Status: resp.Status,
		Header: utf8Header(resp.Header), Body: body, Charset: cs, FetchedAt: time.Now().UTC(), Depth: t.depth,
		Hub: listing,
	}
	if r.c.Frontier != nil {
		page.FrontierURL = t.url
	}
	info, err := parseHTML(body, resp.URL)
	if err != nil {
		r.log.Warn("parse html", "url", resp.URL, "err", err)
	} else {
		page.Canonical = info.Canonical
		page.Root = info.Root
		if !info.NoFollow && t.depth < src.MaxDepth {
			for _, l := range info.Links {
				if src.Follows(l) {
					children = append(children, task{url: l, kind: taskPage, src: t.src, depth: t.depth + 1})
				}
			}
		}
	}
	// The links go to the frontier before the page is done: a crawl killed in between
	// still has them. A crawl that stopped meanwhile takes no more links: the page is not
	// handed over (the Handler would mark it done) and stays pending, to be fetched again
	// with its links when the crawl resumes.
	if !r.enqueue(children) {
		return false, false, nil
	}
	r.log.Debug("page fetched", "url", page.URL, "source", src.Name, "depth", t.depth, "charset", cs)
	if err := r.h.HandlePage(r.ctx, page); err != nil {
		if errors.Is(err, ErrAbort) {
			r.abort(err)
			return false, false, nil
		}
		if r.ctx.Err() != nil {
			return false, false, nil
		}
		r.fail(t, &FetchError{URL: t.url, Kind: KindHandler, Err: err})
		return true, false, nil
	}
	r.count(t, func(rep *SourceReport) { rep.Handled++ })
	return true, true, children
}

// fetchWithRetry makes the request, waiting for the host's turn before each attempt, and
// retries 429, 5xx and network errors with exponential backoff and jitter, or after the
// server's Retry-After when it gives one (bounded by MaxRetryAfter).
func (r *run) fetchWithRetry(hs *hostState, rawURL string, opt requestOptions) (*response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := r.request(hs, rawURL, opt)
		if err == nil {
			return resp, nil
		}
		if r.ctx.Err() != nil {
			return nil, r.ctx.Err()
		}
		fe := classify(rawURL, err)
		if !fe.retryable() || attempt >= r.maxRetries {
			return nil, fe
		}
		wait := r.backoff(attempt)
		if fe.retryAfter > 0 {
			if fe.retryAfter > r.maxRetryAfter {
				fe.Err = fmt.Errorf("Retry-After %s is longer than %s: giving up", fe.retryAfter, r.maxRetryAfter)
				return nil, fe
			}
			wait = fe.retryAfter
		}
		r.log.Info("retrying", "url", rawURL, "reason", fe.Kind, "status", fe.Status, "wait", wait, "attempt", attempt+1)
		r.mu.Lock()
		hs.notBefore = time.Now().Add(wait)
		r.mu.Unlock()
	}
}

// request makes one request once it is the host's turn, its delay has passed and a worker
// slot is free.
func (r *run) request(hs *hostState, rawURL string, opt requestOptions) (*response, error) {
	hs.turn.Lock()
	defer hs.turn.Unlock()
	r.mu.Lock()
	next := hs.last.Add(max(hs.delay, hs.crawlDelay))
	if hs.notBefore.After(next) {
		next = hs.notBefore
	}
	r.mu.Unlock()
	if d := time.Until(next); d > 0 {
		timer := time.NewTimer(d)
		select {
		case <-r.ctx.Done():
			timer.Stop()
			return nil, r.ctx.Err()
		case <-timer.C:
		}
	}
	select {
	case r.sem <- struct{}{}:
	case <-r.ctx.Done():
		return nil, r.ctx.Err()
	}
	resp, err := r.f.get(r.ctx, rawURL, opt)
	<-r.sem
	r.mu.Lock()
	hs.last = time.Now()
	r.mu.Unlock()
	return resp, err
}

func (r *run) backoff(attempt int) time.Duration {
	d := r.retryBase << attempt
	if d <= 0 || d > maxBackoff {
		d = maxBackoff
	}
	return d + rand.N(r.retryBase/2+1)
}

// robotsFor returns the robots.txt rules for u's scheme, host and port, fetching them on first
// use, or the error every URL there fails with. Both are nil when the crawl stopped meanwhile.
func (r *run) robotsFor(hs *hostState, u *url.URL) (*robotstxt.RobotsData, *FetchError) {
	key := hostKey(u)
	rs := hs.robots[key]
	if rs == nil {
		rs = r.loadRobots(hs, key)
		if rs == nil {
			return nil, nil
		}
		hs.robots[key] = rs
	}
	if rs.err != nil {
		fe := *rs.err
		return nil, &fe
	}
	return rs.data, nil
}

// loadRobots fetches the robots.txt of key (scheme://host:port): a 4xx allows everything, a
// 5xx or 429 disallows everything for this run, and a host that cannot be reached at all fails
// every URL with the same reason. It returns nil when the crawl stopped meanwhile.
//
// RFC 9309 (2.3.1.2) says to follow at least five redirects, even to other hosts, and to apply
// the rules reached to this host; after more, the file MAY be taken as unavailable. So up to
// five hops are followed, and a sixth redirect is such an unavailable file: all allowed, like a
// 4xx, through the "unreadable" fallback below (robotstxt.FromStatusAndBytes refuses a 3xx).
// A hop to another host waits for that host's turn and delay (raised to at least this host's
// delay, as a host that only serves robots.txt files has no source of its own), so that many
// hosts whose robots.txt lives on one CDN reach it one request at a time.
func (r *run) loadRobots(hs *hostState, key string) *robotsState {
	robotsURL := key + "/robots.txt"
	var resp *response
	var err error
	at := hs
	for hop := 0; ; hop++ {
		resp, err = r.request(at, robotsURL, requestOptions{Want: wantAny})
		if err != nil || resp.Location == "" || hop == maxRedirects {
			break
		}
		robotsURL = resp.Location
		u, perr := url.Parse(robotsURL)
		if perr != nil { // Location is canonical: this does not happen
			break
		}
		if k := politeKey(u); k != at.key {
			r.mu.Lock()
			next := r.hostLocked(k)
			next.delay = max(next.delay, hs.delay)
			r.mu.Unlock()
			at = next
		}
	}
	if r.ctx.Err() != nil {
		return nil
	}
	status := 0
	var body []byte
	if err != nil {
		fe := classify(robotsURL, err)
		if fe.Status == 0 && fe.Kind != KindTooLarge {
			fe.Err = fmt.Errorf("robots.txt: %w", err)
			r.log.Warn("robots.txt unreachable", "host", key, "err", err)
			return &robotsState{err: fe}
		}
		status = fe.Status
	} else {
		status, body = resp.Status, resp.Body
	}
	if status == http.StatusTooManyRequests {
		status = http.StatusServiceUnavailable
	}
	data, perr := robotstxt.FromStatusAndBytes(status, body)
	if perr != nil {
		r.log.Warn("robots.txt unreadable, allowing all", "host", key, "status", status, "err", perr)
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	var cd time.Duration
	if g := data.FindGroup(r.ua); g != nil && g.CrawlDelay > 0 {
		cd = min(g.CrawlDelay, r.maxCrawlDelay)
		r.mu.Lock()
		hs.crawlDelay = max(hs.crawlDelay, cd)
		r.mu.Unlock()
	}
	r.log.Debug("robots.txt", "host", key, "status", status, "crawl_delay", cd)
	return &robotsState{data: data}
}

func (r *run) count(t task, f func(*SourceReport)) {
	r.mu.Lock()
	f(t.src.rep)
	r.mu.Unlock()
}

func (r *run) reached(t task) { r.count(t, func(rep *SourceReport) { rep.Reached = true }) }

func (r *run) fail(t task, fe *FetchError) {
	r.log.Warn("fetch failed", "url", t.url, "source", t.src.src.Name, "reason", fe.Kind, "err", fe.Err)
	r.count(t, func(rep *SourceReport) {
		r.failed++
		rep.Failed++
		record(rep, t.url, fe)
	})
}

func (r *run) skip(t task, fe *FetchError) {
	r.log.Info("skipped", "url", t.url, "source", t.src.src.Name, "reason", fe.Kind)
	r.count(t, func(rep *SourceReport) {
		rep.Skipped++
		record(rep, t.url, fe)
	})
}

func record(rep *SourceReport, u string, fe *FetchError) {
	rep.Kinds[fe.Kind]++
	if len(rep.Errors) >= maxErrorsPerSource {
		return
	}
	reason := string(fe.Kind)
	switch fe.Kind {
	case KindClientError, KindServerError, KindHTTPStatus:
		reason += fmt.Sprintf(" (status %d)", fe.Status)
	case KindNetwork, KindBadContent, KindHandler, KindBadURL, KindNotHTML, KindTooLarge, KindDuplicate, KindHostBackoff,
		KindRedirectLoop, KindTooManyRedirect, KindRobots:
		if fe.Err != nil {
			reason += ": " + fe.Err.Error()
		}
	}
	rep.Errors = append(rep.Errors, u+": "+reason)
}
