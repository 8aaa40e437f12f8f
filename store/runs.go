package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// runIDLayout is fixed-width so that run IDs sort in start order.
const runIDLayout = "2006-01-02T15:04:05.000000000Z"

// RunRecord is one crawl (or ingest) run. It is a plain record so that the
// crawler's report can be stored without this package knowing the crawler:
// per-source counters go in a map.
type RunRecord struct {
	// ID is the run's key; empty means derived from Start, so putting the
	// same run again (at its start, then at its end) replaces it.
	ID      string    `json:"id"`
	Command string    `json:"command,omitempty"`
	Start   time.Time `json:"start"`
	// End is zero while the run goes on, or if it was killed.
	End time.Time `json:"end"`
	// Sources maps a source's name to its counters, by counter name
	// ("fetched", "not_modified", "errors", "events", ...).
	Sources map[string]map[string]int64 `json:"sources"`
	// Failures maps a source's name to its failed and skipped URLs, counted
	// by reason ("404", "timeout", "host backed off", ...).
	Failures map[string]map[string]int64 `json:"failures,omitempty"`
	// Errors keeps, per source, the first few failures as "url: reason".
	Errors map[string][]string `json:"errors,omitempty"`
	// Resumed is true when the run took over the frontier of a run that
	// did not finish (killed, or stopped by a limit).
	Resumed bool `json:"resumed,omitempty"`
	// Unreached names the sources that gave no answer at all.
	Unreached []string `json:"unreached,omitempty"`
	// Error is why the run stopped early, if it did.
	Error string `json:"error,omitempty"`
}

// Finished reports whether the run ran to its end (possibly failing); a
// run killed in its course is stored with its start only.
func (r RunRecord) Finished() bool { return !r.End.IsZero() }

// PutRun stores r, replacing the run with the same ID.
func (s *Store) PutRun(r RunRecord) error {
	if r.ID == "" {
		if r.Start.IsZero() {
			return errors.New("put run: the run has neither ID nor start time")
		}
		r.ID = r.Start.UTC().Format(runIDLayout)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketRuns), r.ID, r)
	})
	if err != nil {
		return fmt.Errorf("put run %s: %w", r.ID, err)
	}
	return nil
}

// Runs returns every stored run, oldest first.
func (s *Store) Runs() ([]RunRecord, error) {
	runs := []RunRecord{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRuns).ForEach(func(k, v []byte) error {
			var r RunRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode run %s: %w", k, err)
			}
			runs = append(runs, r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("runs: %w", err)
	}
	slices.SortStableFunc(runs, func(a, b RunRecord) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return runs, nil
}
