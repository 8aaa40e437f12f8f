package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	medcoop "github.com/medcoop/medcoop"
)

// TestCrawlWARCThenIngest crawls the fixture sites with --warc, then
// ingests the WARC files into a fresh database: the offline re-extraction
// stores the same events as the crawl.
func TestCrawlWARCThenIngest(t *testing.T) {
	sites := serveFixtures(t)
	dir := t.TempDir()
	warcDir := filepath.Join(dir, "warc")
	crawlDB, ingestDB := filepath.Join(dir, "crawl.db"), filepath.Join(dir, "ingest.db")
	if code, _, stderr := medcoopCmd(t, "crawl", "--sources", sites.sourcesFile(t), "--db", crawlDB, "--allow-private", "--warc", warcDir); code != exitOK {
		t.Fatalf("crawl --warc: exit %d: %s", code, stderr)
	}
	files, err := filepath.Glob(filepath.Join(warcDir, "*.warc.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no WARC file written in %s: %v", warcDir, err)
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Fatalf("%s: empty or unreadable: %v", f, err)
		}
	}
	if code, _, stderr := medcoopCmd(t, "ingest", "--db", ingestDB, warcDir); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	crawled, ingested := eventKeys(t, crawlDB), eventKeys(t, ingestDB)
	if strings.Join(crawled, "\n") != strings.Join(ingested, "\n") {
		t.Errorf("ingesting the crawl's WARC gave other events:\ncrawl:\n%s\ningest:\n%s",
			strings.Join(crawled, "\n"), strings.Join(ingested, "\n"))
	}
}

// eventKeys summarises the stored events independently of the order in
// which their reports arrived: type, date, party ids and source URLs.
func eventKeys(t *testing.T, db string) []string {
	t.Helper()
	code, out, stderr := medcoopCmd(t, "events", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("events: exit %d: %s", code, stderr)
	}
	var events []medcoop.Event
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range events {
		var urls []string
		for _, s := range e.Sources {
			urls = append(urls, s.URL)
		}
		sort.Strings(urls)
		date := ""
		if e.Date != nil {
			date = e.Date.Value
		}
		keys = append(keys, fmt.Sprintf("%s %s %v %v", e.Type, date, e.PartyIDs(), urls))
	}
	sort.Strings(keys)
	return keys
}
