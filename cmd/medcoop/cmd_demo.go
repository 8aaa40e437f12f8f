package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/medcoop/medcoop/fixtures"
	"github.com/medcoop/medcoop/sources"
	"github.com/medcoop/medcoop/store"
)

func newDemoCmd(opts *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve the bundled fixture sites on loopback, crawl them into a fresh store and print the events",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := fixtures.Serve()
			if err != nil {
				return err
			}
			defer srv.Close()
			yml, err := fixtures.SourcesYAML(srv.Bases)
			if err != nil {
				return err
			}
			cfg, err := sources.Parse(bytes.NewReader(yml), "fixtures/sources.yaml")
			if err != nil {
				return err
			}
			db := opts.db
			if !cmd.Flags().Changed("db") {
				dir, err := os.MkdirTemp("", "medcoop-demo-")
				if err != nil {
					return fmt.Errorf("demo: %w", err)
				}
				defer os.RemoveAll(dir)
				db = filepath.Join(dir, "demo.db")
			}
			st, err := store.Open(db, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.ErrOrStderr()
			fmt.Fprintf(out, "demo: serving %d fixture sites on loopback, crawling into %s\n", len(srv.Bases), db)
			start := time.Now()
			if err := crawl(cmd, st, cfg, &crawlFlags{allowPrivate: true}); err != nil {
				return err
			}
			events, err := st.Events(store.Filter{})
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "demo: done in %s\n\n", time.Since(start).Round(time.Millisecond))
			return writeEvents(cmd.OutOrStdout(), events, "table")
		},
	}
	return cmd
}
