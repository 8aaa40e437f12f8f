package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medcoop/medcoop/store"
)

// binDir holds the medcoop binary built once for the tests that run it.
var (
	binDir   string
	binOnce  sync.Once
	binPath  string
	binError error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// medcoopBinary builds the real binary (once) and returns its path.
func medcoopBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binError = os.MkdirTemp("", "medcoop-bin-")
		if binError != nil {
			return
		}
		binPath = filepath.Join(binDir, "medcoop")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binError = err
			binPath = string(out)
		}
	})
	if binError != nil {
		t.Fatalf("go build: %v\n%s", binError, binPath)
	}
	return binPath
}

// request is one request a recorded site served.
type request struct {
	URL         string // base + request URI
	Conditional bool   // If-None-Match or If-Modified-Since was sent
}

// recordedSites serves the fixture sites, each response delayed, and records
// every request.
type recordedSites struct {
	bases map[string]string
	mu    sync.Mutex
	reqs  []request
}

func serveRecorded(t *testing.T, delay time.Duration) *recordedSites {
	t.Helper()
	rs := &recordedSites{}
	rs.bases = serveSites(t, func(_, base string, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rs.mu.Lock()
			rs.reqs = append(rs.reqs, request{URL: base + r.URL.RequestURI(),
				Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""})
			rs.mu.Unlock()
			if delay > 0 {
				time.Sleep(delay)
			}
			h.ServeHTTP(w, r)
		})
	})
	return rs
}

// take returns the requests recorded since the last call.
func (rs *recordedSites) take() []request {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	out := rs.reqs
	rs.reqs = nil
	return out
}

func (rs *recordedSites) countMatching(substr string) int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	n := 0
	for _, r := range rs.reqs {
		if strings.Contains(r.URL, substr) {
			n++
		}
	}
	return n
}

func (rs *recordedSites) sourcesFile(t *testing.T) string {
	t.Helper()
	return writeSourcesFile(t, rs.bases)
}

// crawlState is what a database holds after a crawl, read back from the file.
type crawlState struct {
	pages    []string // stored page URLs
	events   []string // type|date|source URLs of each event, sorted
	done     []string // frontier entries finished
	pending  []string // frontier entries not finished
	runs     []store.RunRecord
	frontier int
}

func readState(t *testing.T, db string) crawlState {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var cs crawlState
	events, err := st.Events(store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		var urls []string
		for _, s := range e.Sources {
			urls = append(urls, s.URL)
		}
		slices.Sort(urls)
		date := ""
		if e.Date != nil {
			date = e.Date.Value
		}
		cs.events = append(cs.events, string(e.Type)+"|"+date+"|"+strings.Join(urls, " "))
	}
	slices.Sort(cs.events)
	entries, err := st.Frontier()
	if err != nil {
		t.Fatal(err)
	}
	cs.frontier = len(entries)
	for _, e := range entries {
		if e.Done {
			cs.done = append(cs.done, e.URL)
		} else {
			cs.pending = append(cs.pending, e.URL)
		}
	}
	if cs.runs, err = st.Runs(); err != nil {
		t.Fatal(err)
	}
	pages, err := st.PageURLs()
	if err != nil {
		t.Fatal(err)
	}
	cs.pages = pages
	return cs
}

// TestKillAndResume runs the real binary against slow fixture sites, kills it
// with SIGKILL once some pages were saved, runs it again to the end, and
// checks from the bbolt file that the result is a clean crawl's: every page
// stored once, no finished URL fetched again, the same events.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary against slow sites")
	}
	bin := medcoopBinary(t)
	sites := serveRecorded(t, 50*time.Millisecond)
	src := sites.sourcesFile(t)
	dir := t.TempDir()

	cleanDB := filepath.Join(dir, "clean.db")
	if code, _, stderr := medcoopCmd(t, "crawl", "--sources", src, "--db", cleanDB, "--allow-private"); code != exitOK {
		t.Fatalf("clean crawl exit %d:\n%s", code, stderr)
	}
	clean := readState(t, cleanDB)
	if len(clean.events) == 0 || clean.frontier != 0 {
		t.Fatalf("clean crawl: %d events, %d frontier entries left", len(clean.events), clean.frontier)
	}
	sites.take()

	db := filepath.Join(dir, "killed.db")
	var killedErr bytes.Buffer
	cmd := exec.Command(bin, "crawl", "--sources", src, "--db", db, "--allow-private")
	cmd.Stderr = &killedErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for sites.countMatching(".html") < 12 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	killed := readState(t, db)
	t.Logf("killed after %d requests: %d pages saved, frontier %d done, %d pending",
		len(sites.take()), len(killed.pages), len(killed.done), len(killed.pending))
	if len(killed.pages) == 0 || len(killed.pending) == 0 {
		t.Fatalf("the kill came too early or too late: %d pages saved, %d URLs pending\n%s",
			len(killed.pages), len(killed.pending), killedErr.String())
	}
	if len(killed.runs) != 1 || killed.runs[0].Finished() {
		t.Errorf("the killed run is not stored as unfinished: %+v", killed.runs)
	}

	out, err := exec.Command(bin, "crawl", "--sources", src, "--db", db, "--allow-private").CombinedOutput()
	if err != nil {
		t.Fatalf("resumed crawl: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "resumed an unfinished crawl") {
		t.Errorf("the report does not say the crawl resumed:\n%s", out)
	}
	perURL := map[string]int{}
	for _, r := range sites.take() {
		perURL[r.URL]++
	}
	for _, u := range append(slices.Clone(killed.pages), killed.done...) {
		if perURL[u] > 0 {
			t.Errorf("%s was finished before the kill and fetched again %d time(s)", u, perURL[u])
		}
	}
	for u, n := range perURL {
		if n > 1 && !strings.HasSuffix(u, "/robots.txt") {
			t.Errorf("%s fetched %d times by the resumed crawl", u, n)
		}
	}
	resumed := readState(t, db)
	if !slices.Equal(resumed.pages, clean.pages) {
		t.Errorf("pages after resume:\n%v\nclean crawl:\n%v", resumed.pages, clean.pages)
	}
	if !slices.Equal(resumed.events, clean.events) {
		t.Errorf("events after resume:\n%s\nclean crawl:\n%s", strings.Join(resumed.events, "\n"), strings.Join(clean.events, "\n"))
	}
	if resumed.frontier != 0 {
		t.Errorf("a finished crawl left %d frontier entries", resumed.frontier)
	}
	if len(resumed.runs) != 2 || resumed.runs[0].Finished() || !resumed.runs[1].Finished() || !resumed.runs[1].Resumed {
		t.Errorf("runs: %+v", resumed.runs)
	}

	code, table, stderr := medcoopCmd(t, "runs", "--db", db)
	if code != exitOK || !strings.Contains(table, "unfinished") || !strings.Contains(table, "resumed") {
		t.Errorf("runs: exit %d, stderr %q, table:\n%s", code, stderr, table)
	}
	code, js, _ := medcoopCmd(t, "runs", "--db", db, "--format", "json")
	var recs []store.RunRecord
	if err := json.Unmarshal([]byte(js), &recs); code != exitOK || err != nil || len(recs) != 2 {
		t.Errorf("runs --format json: exit %d, %v, %d runs", code, err, len(recs))
	}
}

// TestSecondCrawlExits1 holds a database with a running crawl (the real binary)
// and checks that a second crawl on it waits, then exits 1 saying a crawl is
// running.
func TestSecondCrawlExits1(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; waits for the lock")
	}
	bin := medcoopBinary(t)
	sites := serveRecorded(t, 200*time.Millisecond)
	src := sites.sourcesFile(t)
	db := filepath.Join(t.TempDir(), "medcoop.db")
	cmd := exec.Command(bin, "crawl", "--sources", src, "--db", db, "--allow-private")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	deadline := time.Now().Add(30 * time.Second)
	for sites.countMatching("/") == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	code, _, stderr := medcoopCmd(t, "crawl", "--sources", src, "--db", db, "--allow-private")
	if code != exitFailed {
		t.Fatalf("second crawl exit %d, want %d: %s", code, exitFailed, stderr)
	}
	if !strings.Contains(stderr, "a crawl is already running") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("second crawl says %q, want one line saying a crawl is running", stderr)
	}
	if waited := time.Since(start); waited < 4*time.Second {
		t.Errorf("gave up after %s, want about %s", waited, store.DefaultTimeout)
	}
}
