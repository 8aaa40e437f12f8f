package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/medcoop/medcoop/extract"
	"github.com/medcoop/medcoop/sources"
	"github.com/medcoop/medcoop/store"
	"github.com/medcoop/medcoop/warc"
)

// crawlFlags are the flags of crawl, shared with demo.
type crawlFlags struct {
	sourcesFile  string
	maxPages     int
	maxDuration  time.Duration
	allowPrivate bool
	warcDir      string
}

// Progress intervals: a redrawn line on a terminal, a log line otherwise.
const (
	progressTerminal = 250 * time.Millisecond
	progressLog      = 10 * time.Second
)

func newCrawlCmd(opts *options) *cobra.Command {
	f := &crawlFlags{}
	cmd := &cobra.Command{
		Use:   "crawl [--sources FILE]",
		Short: "Fetch the sources politely, extract the pages and store the events",
		Long: `Fetch the sources politely, extract the pages and store the events.

One crawl runs per database at a time. A crawl that was killed or stopped by
--max-pages resumes where it stopped when run again; a finished one leaves
nothing behind, and the next crawl starts over, asking only for what changed.
The exit status is 0 only when every source was reached. Without --sources,
the embedded default sources (sources/default.yaml) are crawled.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadSources(f.sourcesFile)
			if err != nil {
				return err
			}
			st, err := store.Open(opts.db, store.Options{})
			if err != nil {
				if errors.Is(err, store.ErrLocked) {
					return fmt.Errorf("crawl: a crawl is already running on %s (another medcoop holds the database; gave up after %s)",
						opts.db, store.DefaultTimeout)
				}
				return err
			}
			defer st.Close()
			return crawl(cmd, st, cfg, f)
		},
	}
	cmd.Flags().StringVar(&f.sourcesFile, "sources", "", "the sources file (YAML)")
	cmd.Flags().IntVar(&f.maxPages, "max-pages", 0, "stop after this many requests (0: no limit); the next crawl resumes")
	cmd.Flags().DurationVar(&f.maxDuration, "max-duration", 0, "stop after this long (0: no limit); the next crawl resumes")
	cmd.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching loopback and private addresses")
	cmd.Flags().StringVar(&f.warcDir, "warc", "", "also write every response to WARC files in this directory")
	return cmd
}

// loadSources reads the sources file, or the embedded default sources
// when none is named.
func loadSources(path string) (*sources.Config, error) {
	if path == "" {
		return sources.Default()
	}
	return sources.Load(path)
}

// crawl runs one crawl into st, stores its report at the start (so that a
// killed run shows as unfinished) and at the end, and prints it. It fails
// when a source could not be reached, so that cron and systemd see it.
func crawl(cmd *cobra.Command, st *store.Store, cfg *sources.Config, f *crawlFlags) error {
	ctx := cmd.Context()
	if f.maxDuration > 0 {
		var cancel func()
		ctx, cancel = context.WithTimeout(ctx, f.maxDuration)
		defer cancel()
	}
	log := slog.Default()
	p := newPipeline(st, log)
	c := &sources.Crawler{
		AllowPrivate: f.allowPrivate,
		MaxPages:     f.maxPages,
		Logger:       log,
		Frontier:     storeFrontier{st},
		History:      storeHistory{st},
		Decode:       extract.DecodeHTML,
	}
	if f.warcDir != "" {
		w, err := warc.NewWriter(f.warcDir, warc.Software(projectName))
		if err != nil {
			return err
		}
		defer w.Close()
		c.Archive = w
	}
	stderr := cmd.ErrOrStderr()
	terminal := isTerminal(stderr)
	c.OnProgress, c.ProgressEvery = progressLogger(log), progressLog
	if terminal {
		c.OnProgress, c.ProgressEvery = progressLine(stderr), progressTerminal
	}
	start := time.Now()
	pending, err := st.HasFrontier()
	if err != nil {
		return err
	}
	first := store.RunRecord{Command: "crawl", Start: start, Resumed: pending, Sources: map[string]map[string]int64{}}
	for _, s := range cfg.Sources {
		first.Sources[s.Name] = map[string]int64{}
	}
	if err := st.PutRun(first); err != nil {
		return err
	}
	rep, err := c.Run(ctx, cfg, p)
	if terminal {
		fmt.Fprintln(stderr)
	}
	rec := p.runRecord("crawl", rep, start, err)
	stoppedEarly := ctx.Err() != nil || (rep != nil && rep.LimitReached)
	if rep != nil {
		for name, sr := range rep.PerSource {
			// A source a limit stopped the crawl before trying is not
			// unreachable: the next crawl resumes with it.
			if !sr.Reached && !(stoppedEarly && sr.Fetched == 0) {
				rec.Unreached = append(rec.Unreached, name)
			}
		}
		sort.Strings(rec.Unreached)
	}
	if perr := st.PutRun(rec); perr != nil {
		return errors.Join(err, perr)
	}
	printRun(stderr, rec)
	if err != nil && !errors.Is(err, ctx.Err()) {
		return fmt.Errorf("crawl: %w", err)
	}
	if len(rec.Unreached) > 0 {
		return fmt.Errorf("crawl: %d source(s) not reached: %v", len(rec.Unreached), rec.Unreached)
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// progressLine redraws one line on a terminal.
func progressLine(w io.Writer) func(sources.Progress) {
	return func(p sources.Progress) {
		fmt.Fprintf(w, "\r\033[Kcrawl: %d done, %d queued, %d errors, %.1f pages/s, %s",
			p.Done, p.Queued, p.Failed, p.Rate(), p.Elapsed.Round(time.Second))
	}
}

// progressLogger logs progress as structured lines.
func progressLogger(log *slog.Logger) func(sources.Progress) {
	return func(p sources.Progress) {
		log.Info("crawl progress", "done", p.Done, "queued", p.Queued, "errors", p.Failed,
			"pages_per_s", fmt.Sprintf("%.1f", p.Rate()), "elapsed", p.Elapsed.Round(time.Second))
	}
}

// printRun writes a run's report as a table, one line per source, then the
// reasons of the failures and skips.
func printRun(w io.Writer, rec store.RunRecord) {
	names := make([]string, 0, len(rec.Sources))
	for n := range rec.Sources {
		names = append(names, n)
	}
	sort.Strings(names)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tFETCHED\tNOT MODIFIED\tKNOWN\tFAILED\tSKIPPED\tPAGES SAVED\tNEW EVENTS\tMERGED")
	for _, n := range names {
		c := rec.Sources[n]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", n, c["fetched"], c["not_modified"], c["known"], c["failed"],
			c["skipped"], c["pages_saved"], c["events_new"], c["events_merged"])
	}
	tw.Flush()
	for _, n := range names {
		if kinds := rec.Failures[n]; len(kinds) > 0 {
			fmt.Fprintf(w, "%s failed or skipped: %s\n", n, countsText(kinds))
		}
	}
	if rec.Resumed {
		fmt.Fprintln(w, "resumed an unfinished crawl")
	}
	fmt.Fprintf(w, "run took %s\n", rec.End.Sub(rec.Start).Round(time.Millisecond))
}

// countsText writes counts by name as "a 3, b 1", the largest first.
func countsText(m map[string]int64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// storeFrontier keeps the crawler's frontier in the store.
type storeFrontier struct{ st *store.Store }

func (f storeFrontier) Load() ([]sources.Entry, error) {
	entries, err := f.st.Frontier()
	if err != nil {
		return nil, err
	}
	out := make([]sources.Entry, len(entries))
	for i, e := range entries {
		out[i] = entryFromStore(e)
		out[i].Done = e.Done
	}
	return out, nil
}

func (f storeFrontier) Push(entries []sources.Entry) error {
	return f.st.PushFrontier(entriesToStore(entries))
}

func (f storeFrontier) Done(url string, ok bool) error { return f.st.FrontierDone(url, ok) }
func (f storeFrontier) Clear() error                   { return f.st.ClearFrontier() }

// storeHistory gives the crawler what earlier crawls stored.
type storeHistory struct{ *store.Store }

func (h storeHistory) Listing(url string) ([]sources.Entry, bool) {
	l, ok, err := h.Store.Listing(url)
	if err != nil {
		slog.Warn("reading listing", "url", url, "err", err)
		return nil, false
	}
	if !ok {
		return nil, false
	}
	out := make([]sources.Entry, len(l.Links))
	for i, e := range l.Links {
		out[i] = entryFromStore(e)
	}
	return out, true
}

func (h storeHistory) SaveListing(url, etag, lastModified string, fetchedAt time.Time, links []sources.Entry) error {
	return h.Store.SaveListing(store.Listing{URL: url, ETag: etag, LastModified: lastModified,
		FetchedAt: fetchedAt, Links: entriesToStore(links)})
}

func entryFromStore(e store.FrontierEntry) sources.Entry {
	return sources.Entry{URL: e.URL, Source: e.Source, Kind: sources.EntryKind(e.Kind), Depth: e.Depth,
		Level: e.Level, FeedItem: e.FeedItem, LastMod: e.LastMod, Hops: e.Hops}
}

func entriesToStore(entries []sources.Entry) []store.FrontierEntry {
	out := make([]store.FrontierEntry, len(entries))
	for i, e := range entries {
		out[i] = store.FrontierEntry{URL: e.URL, Source: e.Source, Kind: string(e.Kind), Depth: e.Depth,
			Level: e.Level, FeedItem: e.FeedItem, LastMod: e.LastMod, Hops: e.Hops}
	}
	return out
}
