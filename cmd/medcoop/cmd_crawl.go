package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/medcoop/medcoop/sources"
	"github.com/medcoop/medcoop/store"
)

// crawlFlags are the flags of crawl, shared with demo.
type crawlFlags struct {
	sourcesFile  string
	maxPages     int
	maxDuration  time.Duration
	allowPrivate bool
}

func newCrawlCmd(opts *options) *cobra.Command {
	f := &crawlFlags{}
	cmd := &cobra.Command{
		Use:   "crawl --sources FILE",
		Short: "Fetch the sources politely, extract the pages and store the events",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f.sourcesFile == "" {
				return usageError{errors.New("crawl needs --sources FILE")}
			}
			cfg, err := sources.Load(f.sourcesFile)
			if err != nil {
				return err
			}
			st, err := store.Open(opts.db, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			return crawl(cmd, st, cfg, f)
		},
	}
	cmd.Flags().StringVar(&f.sourcesFile, "sources", "", "the sources file (YAML)")
	cmd.Flags().IntVar(&f.maxPages, "max-pages", 0, "stop after this many requests (0: no limit)")
	cmd.Flags().DurationVar(&f.maxDuration, "max-duration", 0, "stop after this long (0: no limit)")
	cmd.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching loopback and private addresses")
	return cmd
}

// crawl runs one crawl into st, stores and prints its report. It fails when
// a source could not be reached, so that cron and systemd see it.
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
		Validators:   st,
	}
	start := time.Now()
	rep, err := c.Run(ctx, cfg, p)
	rec := p.runRecord("crawl", rep, start, err)
	if perr := st.PutRun(rec); perr != nil {
		return errors.Join(err, perr)
	}
	printRun(cmd.ErrOrStderr(), rec)
	if err != nil && !errors.Is(err, ctx.Err()) {
		return fmt.Errorf("crawl: %w", err)
	}
	var unreached []string
	if rep != nil {
		for name, sr := range rep.PerSource {
			if !sr.Reached {
				unreached = append(unreached, name)
			}
		}
	}
	if len(unreached) > 0 {
		sort.Strings(unreached)
		return fmt.Errorf("crawl: %d source(s) not reached: %v", len(unreached), unreached)
	}
	return nil
}

// printRun writes a run's report as a table, one line per source.
func printRun(w io.Writer, rec store.RunRecord) {
	names := make([]string, 0, len(rec.Sources))
	for n := range rec.Sources {
		names = append(names, n)
	}
	sort.Strings(names)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tFETCHED\tNOT MODIFIED\tFAILED\tSKIPPED\tPAGES SAVED\tNEW EVENTS\tMERGED")
	for _, n := range names {
		c := rec.Sources[n]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", n, c["fetched"], c["not_modified"], c["failed"],
			c["skipped"], c["pages_saved"], c["events_new"], c["events_merged"])
	}
	tw.Flush()
	fmt.Fprintf(w, "run took %s\n", rec.End.Sub(rec.Start).Round(time.Millisecond))
}
