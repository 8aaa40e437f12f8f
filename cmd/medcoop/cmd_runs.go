package main

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/medcoop/medcoop/store"
)

func newRunsCmd(opts *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "runs [--format table|json]",
		Short: "List past crawl and ingest runs, oldest first (an unfinished one was killed or is running)",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "table" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want table or json", format)}
			}
			st, err := store.Open(opts.db, store.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer st.Close()
			runs, err := st.Runs()
			if err != nil {
				return err
			}
			return writeRuns(cmd.OutOrStdout(), runs, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

// runStatus says how a run ended.
func runStatus(r store.RunRecord) string {
	switch {
	case !r.Finished():
		return "unfinished"
	case r.Error != "" || len(r.Unreached) > 0:
		return "failed"
	}
	return "done"
}

// writeRuns prints runs as a table, one line each with totals over the
// sources, or as one JSON array of the stored records.
func writeRuns(w io.Writer, runs []store.RunRecord, format string) error {
	if format == "json" {
		if err := writeJSON(w, runs); err != nil {
			return fmt.Errorf("runs: %w", err)
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STARTED\tCOMMAND\tSTATUS\tTOOK\tSOURCES\tFETCHED\tNOT MODIFIED\tFAILED\tPAGES SAVED\tNEW EVENTS\tMERGED\tNOTE")
	for _, r := range runs {
		total := map[string]int64{}
		for _, c := range r.Sources {
			for k, v := range c {
				total[k] += v
			}
		}
		took := "-"
		if r.Finished() {
			took = r.End.Sub(r.Start).Round(time.Millisecond).String()
		}
		note := ""
		if r.Resumed {
			note = "resumed"
		}
		if len(r.Unreached) > 0 {
			note = join(note, fmt.Sprintf("not reached: %v", r.Unreached))
		}
		if r.Error != "" {
			note = join(note, r.Error)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n",
			r.Start.Local().Format("2006-01-02 15:04:05"), r.Command, runStatus(r), took, len(r.Sources),
			total["fetched"], total["not_modified"], total["failed"], total["pages_saved"],
			total["events_new"], total["events_merged"], note)
	}
	if err := tw.Flush(); err != nil {
		return errors.Join(errors.New("runs: write"), err)
	}
	return nil
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
