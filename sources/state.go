package sources

import (
	"net/http"
	"time"
)

// EntryKind says what a queued URL is fetched for.
type EntryKind string

// The kinds of queued URL.
const (
	EntryPage    EntryKind = "page"
	EntryFeed    EntryKind = "feed"
	EntrySitemap EntryKind = "sitemap"
)

// Entry is one queued URL of a crawl, as the Frontier keeps it, and one link
// of a listing, as the History keeps it.
type Entry struct {
	URL      string
	Source   string // the source's name
	Kind     EntryKind
	Depth    int       // links away from a start page
	Level    int       // nesting of a sitemap in sitemap indexes
	FeedItem string    // the guid (else the link) of the feed item it came from
	LastMod  time.Time // the sitemap's <lastmod> for it, zero if none
	// Hops counts the redirects that led here from another host: a URL
	// that redirects elsewhere is done, and its target queued with one hop
	// more, so that a chain or loop of redirects across hosts ends.
	Hops int
	Done bool // finished (Frontier.Load only)
}

// Frontier keeps a crawl's queue where a killed process cannot lose it. A
// Crawler with a Frontier resumes the unfinished crawl it holds: finished
// URLs are not fetched again, the others are. Its methods are called from
// several goroutines at once.
type Frontier interface {
	// Load returns the entries of an unfinished crawl, done or not, in the
	// order they were queued; none when the last crawl finished.
	Load() ([]Entry, error)
	// Push adds entries; a URL already there, done or not, stays as it is.
	Push(entries []Entry) error
	// Done marks url finished; ok says it was fetched (or not modified),
	// so that its feed item can be remembered as seen. A page the Handler
	// saved may already be done (see Page.FrontierURL).
	Done(url string, ok bool) error
	// Clear empties the frontier once a crawl has finished.
	Clear() error
}

// History is what earlier crawls learnt, for an incremental crawl: the
// validators for conditional GET, the fetch times that sitemap <lastmod>
// dates are compared with, the feed items already fetched, and the links
// of the listings (start pages, feeds, sitemaps), so that a listing that
// answers 304 still leads to its links. Its methods are called from several
// goroutines at once.
type History interface {
	Validators
	// LastFetched returns when url was last fetched, false if never.
	LastFetched(url string) (time.Time, bool)
	// FeedItemSeen reports whether a source's feed item was fetched before.
	FeedItemSeen(source, guid, link string) bool
	// Listing returns the links a listing gave at its last full fetch.
	Listing(url string) ([]Entry, bool)
	// SaveListing records a listing's validators, fetch time and links.
	SaveListing(url, etag, lastModified string, fetchedAt time.Time, links []Entry) error
	// MarkNotModified records that url answered 304 at at.
	MarkNotModified(url string, at time.Time) error
}

// Archiver keeps raw responses (a WARC writer). Archive is called for every
// response received: robots.txt, sitemaps, feeds, pages, redirects and
// errors; resp.Request is the request that got it, body the body as
// received after content decoding and before charset decoding (nil for a
// redirect, a 304 or a body not read). It is called from several goroutines
// at once; an error stops the crawl.
type Archiver interface {
	Archive(resp *http.Response, body []byte, fetchedAt time.Time) error
}

// Progress is a snapshot of a running crawl, for a progress line.
type Progress struct {
	Done    int           // URLs finished
	Queued  int           // URLs waiting
	Failed  int           // URLs failed
	Elapsed time.Duration // since the crawl started
}

// Rate returns the URLs finished per second.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Done) / p.Elapsed.Seconds()
}
