package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/evaluate"
	"github.com/medcoop/medcoop/fixtures"
	"github.com/medcoop/medcoop/internal/schematest"
	"github.com/medcoop/medcoop/store"
)

// expectedCrawl is fixtures/expected/crawl.json: what a right crawl of the
// fixture sites stores.
type expectedCrawl struct {
	Pages []struct {
		Site      string  `json:"site"`
		Path      string  `json:"path"`
		Lang      string  `json:"lang"`
		Published string  `json:"published"`
		Event     *string `json:"event"`
	} `json:"pages"`
	Events []struct {
		Key       string                `json:"key"`
		Type      string                `json:"type"`
		Date      string                `json:"date"`
		Place     *evaluate.GoldPlace   `json:"place"`
		Parties   []evaluate.GoldParty  `json:"parties"`
		Countries []string              `json:"countries"`
		Domains   []string              `json:"domains"`
		People    []evaluate.GoldPerson `json:"people"`
	} `json:"events"`
}

// fixtureSites serves every bundled site on its own httptest server and
// records every path requested, per site.
type fixtureSites struct {
	bases map[string]string
	mu    sync.Mutex
	paths map[string][]string
}

func serveFixtures(t *testing.T) *fixtureSites {
	t.Helper()
	fs := &fixtureSites{paths: map[string][]string{}}
	fs.bases = serveSites(t, func(site, _ string, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fs.mu.Lock()
			fs.paths[site] = append(fs.paths[site], r.URL.RequestURI())
			fs.mu.Unlock()
			h.ServeHTTP(w, r)
		})
	})
	return fs
}

// serveSites serves every bundled fixture site on its own httptest server
// and returns their base URLs by site. Each server gets its handler
// (fixtures.Handler, through wrap when wrap is not nil) before it starts:
// a client in another process (wget) is then ordered after it for the race
// detector too.
func serveSites(t *testing.T, wrap func(site, base string, h http.Handler) http.Handler) map[string]string {
	t.Helper()
	bases := map[string]string{}
	for _, site := range fixtures.Sites() {
		srv := httptest.NewUnstartedServer(nil)
		base := "http://" + srv.Listener.Addr().String() // known before Start
		h := fixtures.Handler(site, base)
		if wrap != nil {
			h = wrap(site, base, h)
		}
		srv.Config.Handler = h
		srv.Start()
		t.Cleanup(srv.Close)
		bases[site] = base
	}
	return bases
}

func (fs *fixtureSites) sourcesFile(t *testing.T) string {
	t.Helper()
	return writeSourcesFile(t, fs.bases)
}

// writeSourcesFile writes the sources file of fixture sites served at
// bases into a temporary directory and returns its path.
func writeSourcesFile(t *testing.T, bases map[string]string) string {
	t.Helper()
	yml, err := fixtures.SourcesYAML(bases)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(path, yml, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// medcoop runs one command line in-process and returns its exit status,
// stdout and stderr.
func medcoopCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func loadExpected(t *testing.T) expectedCrawl {
	t.Helper()
	b, err := fixtures.Expected("crawl.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedCrawl
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatalf("fixtures/expected/crawl.json: %v", err)
	}
	return exp
}

// TestCrawlFixturesEndToEnd crawls the fixture sites with the real crawler
// into a real bbolt file, reads the events back and checks them field by
// field against fixtures/expected/crawl.json, then crawls again and checks
// nothing new was stored.
func TestCrawlFixturesEndToEnd(t *testing.T) {
	sites := serveFixtures(t)
	src := sites.sourcesFile(t)
	db := filepath.Join(t.TempDir(), "medcoop.db")

	code, _, stderr := medcoopCmd(t, "crawl", "--sources", src, "--db", db, "--allow-private")
	if code != exitOK {
		t.Fatalf("crawl exit %d:\n%s", code, stderr)
	}
	t.Logf("crawl report:\n%s", stderr)

	code, out, stderr := medcoopCmd(t, "events", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("events exit %d: %s", code, stderr)
	}
	eventSchema := schematest.Schema(t, "event.schema.json")
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("events --format json is not a JSON array: %v", err)
	}
	for _, r := range raw {
		schematest.Validate(t, eventSchema, r)
	}
	var events []medcoop.Event
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		t.Fatal(err)
	}

	exp := loadExpected(t)
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	report := scoreCrawl(t, st, sites, exp, events)
	st.Close()
	var table bytes.Buffer
	report.WriteTable(&table, true)
	t.Logf("fixture crawl, scored by the contract's rules:\n%s", table.String())

	// Field by field: every gold event is stored once, with all its reports.
	if got, want := len(events), len(exp.Events); got != want {
		t.Errorf("%d events stored, want %d", got, want)
	}
	checks := []struct {
		name string
		got  float64
		min  float64
	}{
		{"language accuracy", report.Language.Rate(), 1},
		{"cooperation-or-not accuracy", report.Cooperation.Rate(), 1},
		{"type accuracy", report.Type.Rate(), 0.9},
		{"event date accuracy", report.Date.Rate(), 0.9},
		{"parties F1", report.Parties.F1(), 0.9},
		{"people F1", report.People.F1(), 0.85},
		{"domains F1", report.Domains.F1(), 0.82},
		{"countries F1", report.Countries.F1(), 0.95},
		{"grouping F1", report.Grouping.F1(), 1},
	}
	for _, c := range checks {
		if c.got < c.min {
			t.Errorf("%s = %.3f, want ≥ %.2f", c.name, c.got, c.min)
		}
	}

	// robots.txt: no disallowed path was requested.
	for site, paths := range sites.paths {
		for _, p := range paths {
			if strings.HasPrefix(p, "/recherche/") || strings.HasPrefix(p, "/tim-kiem/") || strings.HasPrefix(p, "/search/") {
				t.Errorf("%s: %s was fetched, robots.txt disallows it", site, p)
			}
		}
	}

	// A second run stores nothing new and creates no duplicate.
	code, _, stderr = medcoopCmd(t, "crawl", "--sources", src, "--db", db, "--allow-private")
	if code != exitOK {
		t.Fatalf("second crawl exit %d:\n%s", code, stderr)
	}
	_, out2, _ := medcoopCmd(t, "events", "--db", db, "--format", "json")
	if out2 != out {
		t.Errorf("a second crawl of unchanged sites changed the events")
	}
}

// scoreCrawl scores the stored crawl: each expected page is a gold
// document, and what the store holds for it is the extracted document.
func scoreCrawl(t *testing.T, st *store.Store, sites *fixtureSites, exp expectedCrawl, events []medcoop.Event) evaluate.Report {
	t.Helper()
	byKey := map[string]int{}
	for i, e := range exp.Events {
		byKey[e.Key] = i
	}
	var items []evaluate.Scored
	publishedRight := 0
	for _, p := range exp.Pages {
		url := sites.bases[p.Site] + p.Path
		gold := evaluate.GoldDoc{URL: url, Lang: p.Lang, Published: p.Published}
		if p.Event != nil {
			e := exp.Events[byKey[*p.Event]]
			gold.EventID = e.Key
			gold.Gold = evaluate.GoldAnswer{IsCooperation: true, EventType: e.Type, EventDate: e.Date,
				Place: e.Place, Parties: e.Parties, Countries: e.Countries, Domains: e.Domains, People: e.People}
		}
		rec, ok, err := st.Page(url)
		if err != nil {
			t.Fatal(err)
		}
		doc := &medcoop.Document{URL: url, Lang: "und"}
		if !ok {
			t.Errorf("page %s was not stored", url)
		} else {
			doc.Lang, doc.Published = rec.Lang, rec.Published
			if rec.Published == p.Published {
				publishedRight++
			} else {
				t.Errorf("page %s: published %q, want %q", url, rec.Published, p.Published)
			}
		}
		for _, e := range events {
			for _, s := range e.Sources {
				if s.URL == url {
					doc.Events = append(doc.Events, e)
				}
			}
		}
		items = append(items, evaluate.Scored{Gold: gold, Doc: doc})
	}
	t.Logf("published date right on %d of %d pages", publishedRight, len(exp.Pages))
	return evaluate.Score(items)
}
