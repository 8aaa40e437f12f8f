package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/medcoop/medcoop/extract"
	"github.com/medcoop/medcoop/store"
)

// ingestable are the file extensions ingest reads from a directory.
var ingestable = map[string]bool{".html": true, ".htm": true, ".txt": true}

func newIngestCmd(opts *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ingest FILE|DIR...",
		Short: "Extract local pages (HTML, text) into the store, deduplicating as a crawl does",
		Args:  usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := store.Open(opts.db, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			return ingest(cmd, st, args)
		},
	}
	return cmd
}

// ingest extracts every page under paths into st. A page that cannot be
// read or extracted is reported and the others go on; the command fails
// if any did.
func ingest(cmd *cobra.Command, st *store.Store, paths []string) error {
	p := newPipeline(st, slog.Default())
	start := time.Now()
	var failed []error
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || (path != root && !ingestable[strings.ToLower(filepath.Ext(path))]) {
				return nil
			}
			if err := ingestFile(p, path); err != nil {
				failed = append(failed, err)
				slog.Warn("ingest failed", "file", path, "err", err)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("ingest %s: %w", root, err)
		}
	}
	rec := p.runRecord("ingest", nil, start, errors.Join(failed...))
	if err := st.PutRun(rec); err != nil {
		return err
	}
	printRun(cmd.ErrOrStderr(), rec)
	if len(failed) > 0 {
		return fmt.Errorf("ingest: %d file(s) failed, first: %w", len(failed), failed[0])
	}
	return nil
}

func ingestFile(p *pipeline, path string) error {
	body, err := readInput(nil, path)
	if err != nil {
		return err
	}
	url := extract.PageURL(body)
	if url == "" {
		abs, err := filepath.Abs(path)
		if err != nil {
			return fmt.Errorf("ingest %s: %w", path, err)
		}
		url = abs
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", path, err)
	}
	in := extract.Input{Body: body, URL: url, IsText: strings.EqualFold(filepath.Ext(path), ".txt")}
	meta := store.PageMeta{FetchedAt: info.ModTime(), SHA256: store.BodyHash(body)}
	res, err := p.save(in, meta)
	p.count("ingest", res, err)
	return err
}
