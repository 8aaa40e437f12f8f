// Package store keeps medcoop's one-file database: the pages fetched (with
// their validators for conditional GET and their main text, which evidence
// offsets refer to), the events reported by them, and the crawl runs.
//
// It wraps bbolt and knows nothing of HTML or HTTP: it stores
// medcoop.Documents and medcoop.Events as the contract's JSON. Every mutation
// is one bbolt transaction, so a killed process leaves either the whole
// change or none of it. Only one process may open the database for writing
// at a time; a second one waits up to Options.Timeout and then fails with
// ErrLocked.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the version of the layout this package writes. A file
// with a higher version was written by a newer medcoop and is refused.
const SchemaVersion = 1

// DefaultTimeout is how long Open waits for another process to release the
// database when Options.Timeout is zero.
const DefaultTimeout = 5 * time.Second

// The errors Open can return, to be tested with errors.Is.
var (
	// ErrLocked means another process holds the database file.
	ErrLocked = errors.New("database locked")
	// ErrNotDatabase means the file is not a bbolt database, is corrupted,
	// or is a bbolt database that medcoop did not write.
	ErrNotDatabase = errors.New("corrupted or not a medcoop database")
	// ErrSchema means the file's schema version is newer than, or unknown
	// to, this build.
	ErrSchema = errors.New("unsupported database schema version")
	// ErrNotFound means the event, page or run asked for is not stored.
	ErrNotFound = errors.New("not found")
)

// Bucket names. The party index maps partyID NUL eventID to nothing, so that
// the events naming a party are one cursor seek away.
var (
	bucketMeta       = []byte("meta")
	bucketPages      = []byte("pages")
	bucketEvents     = []byte("events")
	bucketPartyIndex = []byte("party_events")
	bucketRuns       = []byte("runs")
	// The crawl state: the frontier of an unfinished crawl, the listings
	// (start pages, feeds, sitemaps) with their validators and links, and
	// the feed items already fetched. They came after the first files were
	// written, so a writer adds them to an older file and a reader does
	// without them.
	bucketFrontier  = []byte("frontier")
	bucketListings  = []byte("listings")
	bucketFeedItems = []byte("feed_items")

	allBuckets   = [][]byte{bucketMeta, bucketPages, bucketEvents, bucketPartyIndex, bucketRuns}
	crawlBuckets = [][]byte{bucketFrontier, bucketListings, bucketFeedItems}

	keySchemaVersion = []byte("schema_version")
	keyCreated       = []byte("created")
)

// Options tunes Open. The zero value opens for reading and writing and waits
// DefaultTimeout for the file lock.
type Options struct {
	// Timeout bounds the wait for another process to release the file.
	// Zero means DefaultTimeout; a negative value means try only once.
	Timeout time.Duration
	// ReadOnly opens the database for commands that only read: several
	// readers may share the file, but not with a writer. The file must exist.
	ReadOnly bool
	// NoSync skips fsync after each commit: faster bulk loads, at the price
	// of losing the last commits (never consistency) in a power failure.
	NoSync bool
}

// Store is an open medcoop database. Its methods are safe for concurrent use.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
}

// Open opens the database at path, creating the file and its buckets on
// first use. It refuses a file that is not a medcoop database (and never
// writes to it), a file with a newer schema version, and, after waiting
// opts.Timeout, a file another process holds (ErrLocked).
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.Timeout
	switch {
	case timeout == 0:
		timeout = DefaultTimeout
	case timeout < 0:
		timeout = time.Nanosecond // bbolt tries once before it looks at the clock
	}
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout:  timeout,
		ReadOnly: opts.ReadOnly,
		NoSync:   opts.NoSync,
	})
	if err != nil {
		switch {
		case errors.Is(err, berrors.ErrTimeout):
			return nil, fmt.Errorf("open store %s: %w: another medcoop process holds the database at %s (gave up after %s)",
				path, ErrLocked, path, timeout)
		case isSystemError(err):
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		// Past the lock, bbolt fails only on what it reads: the meta pages
		// (ErrInvalid, ErrChecksum, ErrVersionMismatch) or the file's size.
		return nil, fmt.Errorf("open store %s: %w (%v); the file was left untouched", path, ErrNotDatabase, err)
	}
	s := &Store{db: db, path: path, readOnly: opts.ReadOnly}
	if err := s.checkSchema(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// isSystemError tells an error of the operating system (permission, missing
// file, no memory to map) from a complaint about the file's contents.
func isSystemError(err error) bool {
	var pathErr *fs.PathError
	var errno syscall.Errno
	return errors.As(err, &pathErr) || errors.As(err, &errno)
}

// checkSchema creates the buckets of a brand-new (empty) bbolt file and
// checks the schema version of an existing one.
func (s *Store) checkSchema() error {
	check := func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return fmt.Errorf("%w: no %q bucket", ErrNotDatabase, bucketMeta)
		}
		raw := meta.Get(keySchemaVersion)
		v, err := strconv.Atoi(string(raw))
		if err != nil {
			return fmt.Errorf("%w: schema version %q is not a number", ErrSchema, raw)
		}
		if v > SchemaVersion || v < 1 {
			return fmt.Errorf("%w: the file has version %d, this medcoop reads version %d; use a newer medcoop",
				ErrSchema, v, SchemaVersion)
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("%w: no %q bucket", ErrNotDatabase, name)
			}
		}
		return nil
	}
	if s.readOnly {
		return s.db.View(check)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if !empty {
			if err := check(tx); err != nil {
				return err
			}
			for _, name := range crawlBuckets {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return fmt.Errorf("create bucket %s: %w", name, err)
				}
			}
			return nil
		}
		for _, name := range append(allBuckets, crawlBuckets...) {
			if _, err := tx.CreateBucket(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keySchemaVersion, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return err
		}
		return meta.Put(keyCreated, []byte(time.Now().UTC().Format(time.RFC3339)))
	})
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// Stats counts what the store holds.
type Stats struct {
	Pages  int `json:"pages"`
	Events int `json:"events"`
	Runs   int `json:"runs"`
}

// Stats counts the stored pages, events and crawl runs.
func (s *Store) Stats() (Stats, error) {
	var st Stats
	err := s.db.View(func(tx *bolt.Tx) error {
		st.Pages = tx.Bucket(bucketPages).Stats().KeyN
		st.Events = tx.Bucket(bucketEvents).Stats().KeyN
		st.Runs = tx.Bucket(bucketRuns).Stats().KeyN
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats %s: %w", s.path, err)
	}
	return st, nil
}
