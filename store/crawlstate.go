package store

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// FrontierEntry is one URL a crawl has queued: which source found it, how,
// and whether it is finished. It is also how a listing remembers its links.
//
// Invariant: an entry is marked Done only once the crawler is through with
// its URL; for a saved page that happens in the transaction that saves the
// document (PageMeta.FrontierURL), so a killed crawl never fetches a saved
// page again when it resumes.
type FrontierEntry struct {
	URL    string `json:"url"`
	Source string `json:"source"`
	// Kind is "page", "feed" or "sitemap".
	Kind  string `json:"kind"`
	Depth int    `json:"depth,omitempty"`
	// Level is the nesting of a sitemap in sitemap indexes.
	Level int `json:"level,omitempty"`
	// FeedItem is the guid (else the link) of the feed item the URL came
	// from: it is remembered as seen once the URL is done.
	FeedItem string `json:"feed_item,omitempty"`
	// LastMod is a sitemap's <lastmod> for the URL, zero if none.
	LastMod time.Time `json:"lastmod,omitzero"`
	// Hops counts the redirects across hosts that led to the URL.
	Hops int  `json:"hops,omitempty"`
	Done bool `json:"done,omitempty"`
	// Seq orders the frontier in the order URLs were queued.
	Seq uint64 `json:"seq,omitempty"`
}

// PushFrontier adds entries to the frontier in one transaction; a URL that
// is already there, done or not, is left as it is.
func (s *Store) PushFrontier(entries []FrontierEntry) error {
	if len(entries) == 0 {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFrontier)
		for _, e := range entries {
			if e.URL == "" {
				return errors.New("an entry without URL")
			}
			if b.Get([]byte(e.URL)) != nil {
				continue
			}
			seq, err := b.NextSequence()
			if err != nil {
				return err
			}
			e.Seq, e.Done = seq, false
			if err := putJSON(b, e.URL, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("push frontier: %w", err)
	}
	return nil
}

// Frontier returns the frontier left by an unfinished crawl, in the order
// its URLs were queued; empty when the last crawl finished.
func (s *Store) Frontier() ([]FrontierEntry, error) {
	var out []FrontierEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFrontier)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e FrontierEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode frontier entry %s: %w", k, err)
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("frontier: %w", err)
	}
	slices.SortFunc(out, func(a, b FrontierEntry) int { return cmp.Compare(a.Seq, b.Seq) })
	return out, nil
}

// FrontierDone marks url finished. When ok (the URL was fetched, or was not
// modified) and it came from a feed item, the item is remembered as seen.
// A URL that is not in the frontier, or already done, costs no write.
func (s *Store) FrontierDone(url string, ok bool) error {
	pending := false
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFrontier)
		if b == nil {
			return nil
		}
		if raw := b.Get([]byte(url)); raw != nil {
			var e FrontierEntry
			pending = json.Unmarshal(raw, &e) != nil || !e.Done
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("frontier done %s: %w", url, err)
	}
	if !pending {
		return nil
	}
	err = s.db.Update(func(tx *bolt.Tx) error { return frontierDone(tx, url, ok) })
	if err != nil {
		return fmt.Errorf("frontier done %s: %w", url, err)
	}
	return nil
}

// frontierDone marks url done inside tx, and remembers its feed item.
func frontierDone(tx *bolt.Tx, url string, ok bool) error {
	b := tx.Bucket(bucketFrontier)
	raw := b.Get([]byte(url))
	if raw == nil {
		return nil
	}
	var e FrontierEntry
	if err := json.Unmarshal(raw, &e); err != nil {
		return fmt.Errorf("decode frontier entry %s: %w", url, err)
	}
	if e.Done {
		return nil
	}
	e.Done = true
	if ok && e.FeedItem != "" {
		if err := markFeedItem(tx, e.Source, e.FeedItem, time.Now()); err != nil {
			return err
		}
	}
	return putJSON(b, url, e)
}

// HasFrontier reports whether URLs are pending from an unfinished crawl,
// without reading them.
func (s *Store) HasFrontier() (bool, error) {
	var has bool
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketFrontier); b != nil {
			k, _ := b.Cursor().First()
			has = k != nil
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("frontier: %w", err)
	}
	return has, nil
}

// ClearFrontier empties the frontier: the crawl finished.
func (s *Store) ClearFrontier() error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketFrontier) == nil {
			return nil
		}
		if err := tx.DeleteBucket(bucketFrontier); err != nil {
			return err
		}
		_, err := tx.CreateBucket(bucketFrontier)
		return err
	})
	if err != nil {
		return fmt.Errorf("clear frontier: %w", err)
	}
	return nil
}

// Listing is the last full fetch of a URL read only for its links (a start
// page, a feed, a sitemap): its validators for the next conditional GET,
// and the links it gave, so that a 304 can still lead to them.
type Listing struct {
	URL          string          `json:"url"`
	FetchedAt    time.Time       `json:"fetched_at"`
	ETag         string          `json:"etag,omitempty"`
	LastModified string          `json:"last_modified,omitempty"`
	Links        []FrontierEntry `json:"links"`
}

// SaveListing stores l, replacing the last one of its URL.
func (s *Store) SaveListing(l Listing) error {
	if l.URL == "" {
		return errors.New("save listing: no URL")
	}
	l.FetchedAt = l.FetchedAt.UTC()
	if l.FetchedAt.IsZero() {
		l.FetchedAt = time.Now().UTC()
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return putJSON(tx.Bucket(bucketListings), l.URL, l) })
	if err != nil {
		return fmt.Errorf("save listing %s: %w", l.URL, err)
	}
	return nil
}

// Listing returns the stored listing of url, and false if there is none.
func (s *Store) Listing(url string) (*Listing, bool, error) {
	var l *Listing
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		l, err = getListing(tx, url)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("listing %s: %w", url, err)
	}
	return l, l != nil, nil
}

func getListing(tx *bolt.Tx, url string) (*Listing, error) {
	b := tx.Bucket(bucketListings)
	if b == nil {
		return nil, nil
	}
	raw := b.Get([]byte(url))
	if raw == nil {
		return nil, nil
	}
	var l Listing
	if err := json.Unmarshal(raw, &l); err != nil {
		return nil, fmt.Errorf("decode listing %s: %w", url, err)
	}
	return &l, nil
}

// LastFetched returns when url was last fetched, as a page or a listing,
// and false if it never was.
func (s *Store) LastFetched(url string) (time.Time, bool) {
	var at time.Time
	err := s.db.View(func(tx *bolt.Tx) error {
		if p, err := getPage(tx, url); err != nil || p != nil {
			if p != nil {
				at = p.FetchedAt
			}
			return err
		}
		l, err := getListing(tx, url)
		if l != nil {
			at = l.FetchedAt
		}
		return err
	})
	if err != nil {
		slog.Warn("store: reading fetch time", "url", url, "err", err)
		return time.Time{}, false
	}
	return at, !at.IsZero()
}

func feedItemKey(source, item string) []byte {
	return []byte(source + "\x00" + item)
}

func markFeedItem(tx *bolt.Tx, source, item string, at time.Time) error {
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], uint64(at.Unix()))
	return tx.Bucket(bucketFeedItems).Put(feedItemKey(source, item), v[:])
}

// FeedItemSeen reports whether source's feed item was fetched by an
// earlier crawl: its guid was remembered, or its link is a stored page.
func (s *Store) FeedItemSeen(source, guid, link string) bool {
	seen := false
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketFeedItems); b != nil {
			for _, item := range []string{guid, link} {
				if item != "" && b.Get(feedItemKey(source, item)) != nil {
					seen = true
					return nil
				}
			}
		}
		seen = link != "" && tx.Bucket(bucketPages).Get([]byte(link)) != nil
		return nil
	})
	if err != nil {
		// Not knowing means fetching the item again: harmless, but said.
		slog.Warn("store: feed item lookup failed", "source", source, "link", link, "err", err)
		return false
	}
	return seen
}

// PageURLs returns the URLs of the stored pages, sorted.
func (s *Store) PageURLs() ([]string, error) {
	var urls []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPages).ForEach(func(k, _ []byte) error {
			urls = append(urls, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("page URLs: %w", err)
	}
	return urls, nil
}
