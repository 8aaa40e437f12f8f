package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/net/html"

	"github.com/medcoop/medcoop/extract"
	"github.com/medcoop/medcoop/sources"
	"github.com/medcoop/medcoop/store"
	"github.com/medcoop/medcoop/warc"
)

// ingestable are the file extensions ingest reads from a directory, besides
// WARC files (.warc, .warc.gz).
var ingestable = map[string]bool{".html": true, ".htm": true, ".txt": true}

// isWARC tells a WARC file by its name.
func isWARC(path string) bool {
	lower := strings.ToLower(path)
	return strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz")
}

func newIngestCmd(opts *options) *cobra.Command {
	var reextract bool
	cmd := &cobra.Command{
		Use:   "ingest FILE|DIR...",
		Short: "Extract local pages (HTML, text, WARC) into the store, deduplicating as a crawl does",
		Args:  usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := store.Open(opts.db, store.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			return ingest(cmd, st, args, reextract)
		},
	}
	cmd.Flags().BoolVar(&reextract, "reextract", false,
		"extract pages again even when their body is already stored (after an upgrade: re-ingest a crawl's WARC files); reviewed events keep their editors' values")
	return cmd
}

// ingest extracts every page under paths into st: HTML and text files, and
// the HTML responses archived in WARC files. A page that cannot be read or
// extracted is reported and the others go on; the command fails if any did.
func ingest(cmd *cobra.Command, st *store.Store, paths []string, reextract bool) error {
	p := newPipeline(st, slog.Default())
	p.reextract = reextract
	start := time.Now()
	var failed []error
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || (path != root && !ingestable[strings.ToLower(filepath.Ext(path))] && !isWARC(path)) {
				return nil
			}
			if isWARC(path) {
				failed = append(failed, ingestWARC(p, path)...)
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
		return fmt.Errorf("ingest: %d page(s) failed, first: %w", len(failed), failed[0])
	}
	return nil
}

func ingestFile(p *pipeline, path string) error {
	body, err := readInput(nil, path)
	if err != nil {
		return err
	}
	url, root := pageURL(body, "")
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
	if !in.IsText {
		in.Root = root // parsed once, for its URL and its extraction
	}
	meta := store.PageMeta{FetchedAt: info.ModTime(), SHA256: store.BodyHash(body)}
	res, err := p.save(in, meta)
	p.count("ingest", res, err)
	return err
}

// ingestWARC extracts the HTML pages archived in a WARC file (ours, wget's,
// Common Crawl's): every response record with a 2xx status and an HTML
// body, decoded to UTF-8 by the charset its headers or the page name.
// Other records (request, revisit, metadata, warcinfo...) are skipped. A
// page's URL is its <link rel=canonical>, else og:url, else the record's
// WARC-Target-URI. It returns one error per page that failed, and one for
// a file that could not be read to its end.
func ingestWARC(p *pipeline, path string) []error {
	f, err := os.Open(path)
	if err != nil {
		return []error{fmt.Errorf("ingest %s: %w", path, err)}
	}
	defer f.Close()
	r, err := warc.NewReader(f)
	if err != nil {
		return []error{fmt.Errorf("ingest %s: %w", path, err)}
	}
	var failed []error
	fail := func(err error) {
		failed = append(failed, err)
		slog.Warn("ingest failed", "file", path, "err", err)
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return failed
		}
		if err != nil {
			fail(fmt.Errorf("ingest %s: %w", path, err))
			return failed
		}
		target := rec.TargetURI()
		if rec.Type() != warc.TypeResponse || !(strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://")) {
			continue
		}
		if err := ingestRecord(p, rec, target); err != nil {
			fail(fmt.Errorf("ingest %s: %s: %w", path, target, err))
		}
	}
}

// ingestRecord extracts and saves one response record, if it holds a page.
func ingestRecord(p *pipeline, rec *warc.Record, target string) error {
	resp, err := warc.ParseResponse(rec.Block, extract.MaxBodyBytes)
	if err != nil {
		return err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 || len(resp.Body) == 0 {
		return nil
	}
	ctype := resp.Header.Get("Content-Type")
	if ctype == "" {
		ctype = http.DetectContentType(resp.Body)
	}
	if mt, _, err := mime.ParseMediaType(ctype); err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
		return nil
	}
	body, _, err := extract.DecodeHTML(resp.Body, ctype)
	if err != nil {
		return err
	}
	url, root := pageURL(body, target)
	meta := store.PageMeta{
		FetchedAt:    rec.Date(),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		SHA256:       store.BodyHash(body),
	}
	res, err := p.save(extract.Input{Body: body, Root: root, URL: url}, meta)
	p.count("ingest", res, err)
	return err
}

// pageURL is the URL a page is stored under: its canonical link (else
// og:url; on the fallback's host when there is one), else fallback, canonicalised as the crawler canonicalises the
// URLs it fetches, so that a page ingested from a crawl's WARC lands on the
// key the crawl stored it under; and the page parsed, for extraction.
func pageURL(body []byte, fallback string) (string, *html.Node) {
	u, root := sources.PageURL(body, fallback)
	if u == "" || (fallback != "" && !sameHost(u, fallback)) {
		u = fallback // as in a crawl, a page names itself only on its own host
	}
	if c, err := sources.Canonicalize(u); err == nil {
		return c, root
	}
	return u, root
}
