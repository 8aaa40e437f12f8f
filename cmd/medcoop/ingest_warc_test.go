package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/store"
	"github.com/medcoop/medcoop/warc"
)

// serveFixtureSites serves every bundled site, unrecorded.
func serveFixtureSites(t *testing.T) *fixtureSites {
	t.Helper()
	return &fixtureSites{bases: serveSites(t, nil)}
}

// archiveFixtures fetches every expected page of the fixture sites, and a
// few responses that are not pages (robots.txt, a sitemap, a 404), with a
// real HTTP client, and archives them with warc.Writer into dir.
func archiveFixtures(t *testing.T, sites *fixtureSites, exp expectedCrawl, dir string) []string {
	t.Helper()
	w, err := warc.NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, p := range exp.Pages {
		urls = append(urls, sites.bases[p.Site]+p.Path)
	}
	for _, base := range sites.bases {
		urls = append(urls, base+"/robots.txt", base+"/sitemap.xml", base+"/no-such-page.html")
	}
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Archive(resp, body, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.Files()
}

// checkIngested scores what an ingest stored against the fixtures'
// expected crawl, with the end-to-end crawl test's thresholds.
func checkIngested(t *testing.T, db string, sites *fixtureSites, exp expectedCrawl) string {
	t.Helper()
	code, out, stderr := medcoopCmd(t, "events", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("events exit %d: %s", code, stderr)
	}
	var events []medcoop.Event
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	report := scoreCrawl(t, st, sites, exp, events)
	st.Close()
	if got, want := len(events), len(exp.Events); got != want {
		t.Errorf("%d events stored, want %d", got, want)
	}
	for _, c := range []struct {
		name     string
		got, min float64
	}{
		{"language accuracy", report.Language.Rate(), 1},
		{"cooperation-or-not accuracy", report.Cooperation.Rate(), 1},
		{"type accuracy", report.Type.Rate(), 0.9},
		{"event date accuracy", report.Date.Rate(), 0.9},
		{"parties F1", report.Parties.F1(), 0.9},
		{"people F1", report.People.F1(), 0.85},
		{"countries F1", report.Countries.F1(), 0.95},
		{"grouping F1", report.Grouping.F1(), 1},
	} {
		if c.got < c.min {
			t.Errorf("%s = %.3f, want ≥ %.2f", c.name, c.got, c.min)
		}
	}
	return out
}

// TestIngestWARCOfFixtures archives the fixture sites with our writer,
// ingests the WARC into a fresh store and checks the events are those a
// crawl stores; a second ingest of the same file changes nothing.
func TestIngestWARCOfFixtures(t *testing.T) {
	sites := serveFixtureSites(t)
	exp := loadExpected(t)
	files := archiveFixtures(t, sites, exp, t.TempDir())
	db := filepath.Join(t.TempDir(), "medcoop.db")

	code, _, stderr := medcoopCmd(t, append([]string{"ingest", "--db", db}, files...)...)
	if code != exitOK {
		t.Fatalf("ingest exit %d:\n%s", code, stderr)
	}
	t.Logf("ingest report:\n%s", stderr)
	out := checkIngested(t, db, sites, exp)

	code, _, stderr = medcoopCmd(t, append([]string{"ingest", "--db", db}, files...)...)
	if code != exitOK {
		t.Fatalf("second ingest exit %d:\n%s", code, stderr)
	}
	if _, out2, _ := medcoopCmd(t, "events", "--db", db, "--format", "json"); out2 != out {
		t.Error("a second ingest of the same WARC changed the events")
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	runs, err := st.Runs()
	if err != nil || len(runs) != 2 {
		t.Fatalf("%d runs stored (%v), want 2", len(runs), err)
	}
	for _, r := range runs {
		if got := r.Sources["ingest"]["pages_saved"]; got != int64(len(exp.Pages)) {
			t.Errorf("run %s: %d pages saved, want the %d HTML pages (robots.txt, sitemap and 404 skipped)", r.ID, got, len(exp.Pages))
		}
	}
}

// TestIngestWgetWARC ingests the WARC files wget makes of the fixture
// sites (a directory of them, as wget names them) and finds the same events.
func TestIngestWgetWARC(t *testing.T) {
	wget, err := exec.LookPath("wget")
	if err != nil {
		t.Skip("wget is not installed (apt-get install -y wget): ingesting wget's WARC files is not tested")
	}
	sites := serveFixtureSites(t)
	exp := loadExpected(t)
	dir := t.TempDir()
	start := map[string]string{"chu-clermont": "/actualites/", "ump-vnu": "/tin-tuc/", "courrier-vn": "/sante/", "vn-health-en": "/health/"}
	for site, base := range sites.bases {
		cmd := exec.Command(wget, "--no-verbose", "--tries=1", "--timeout=10", "--directory-prefix="+t.TempDir(),
			"--warc-file="+filepath.Join(dir, site), "--recursive", "--level=3", "--no-parent", base+start[site])
		if out, err := cmd.CombinedOutput(); err != nil {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 8 {
				t.Fatalf("wget %s: %v\n%s", site, err, out)
			}
		}
	}
	db := filepath.Join(t.TempDir(), "medcoop.db")
	code, _, stderr := medcoopCmd(t, "ingest", "--db", db, dir)
	if code != exitOK {
		t.Fatalf("ingest exit %d:\n%s", code, stderr)
	}
	t.Logf("ingest report:\n%s", stderr)
	checkIngested(t, db, sites, exp)
}

// TestIngestCommonCrawlNewsSample ingests a file laid out as Common Crawl's
// news WARCs are: the two HTML responses are stored (the French one decoded
// from ISO-8859-1), the redirect, the PDF, the revisit and the metadata
// records are skipped.
func TestIngestCommonCrawlNewsSample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "medcoop.db")
	code, _, stderr := medcoopCmd(t, "ingest", "--db", db, "../../warc/testdata/cc-news-sample.warc.gz")
	if code != exitOK {
		t.Fatalf("ingest exit %d:\n%s", code, stderr)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for url, want := range map[string]struct{ lang, text string }{
		"https://news.example.fr/sante/2025/10/15/chu-bordeaux-cho-ray-convention": {"fr", "la convention de coopération qui lie les deux établissements"},
		"https://bao.example.vn/suc-khoe/bach-mai-ap-hp-hop-tac.html":              {"vi", "Bệnh viện Bạch Mai và AP-HP"},
	} {
		rec, ok, err := st.Page(url)
		if err != nil || !ok {
			t.Errorf("page %s not stored (%v)", url, err)
			continue
		}
		if rec.Lang != want.lang || !strings.Contains(rec.Text, want.text) {
			t.Errorf("page %s: lang %s, text %q", url, rec.Lang, rec.Text)
		}
		if rec.FetchedAt.IsZero() || rec.FetchedAt.Year() != 2025 {
			t.Errorf("page %s: fetched at %v, want the record's WARC-Date", url, rec.FetchedAt)
		}
		t.Logf("%s: %s, %d event(s)", url, rec.Lang, len(rec.EventIDs))
	}
	for _, url := range []string{"https://news.example.fr/rapport.pdf", "https://news.example.fr/sante/ancienne-adresse"} {
		if _, ok, _ := st.Page(url); ok {
			t.Errorf("%s is not a page but was stored", url)
		}
	}
	runs, err := st.Runs()
	if err != nil || len(runs) != 1 || runs[0].Sources["ingest"]["pages_saved"] != 2 {
		t.Errorf("runs %+v (%v), want one that saved 2 pages", runs, err)
	}
}

// TestIngestBrokenWARC: a file cut short keeps the pages before the cut
// and makes the command fail, naming the file.
func TestIngestBrokenWARC(t *testing.T) {
	sites := serveFixtureSites(t)
	exp := loadExpected(t)
	exp.Pages = exp.Pages[:3]
	files := archiveFixtures(t, sites, exp, t.TempDir())
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.warc.gz")
	if err := os.WriteFile(cut, data[:len(data)*2/3], 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "medcoop.db")
	code, _, stderr := medcoopCmd(t, "ingest", "--db", db, cut)
	if code != exitFailed || !strings.Contains(stderr, "cut.warc.gz") {
		t.Errorf("ingest of a cut file: exit %d, stderr %q; want %d naming the file", code, stderr, exitFailed)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, ok, _ := st.Page(sites.bases[exp.Pages[0].Site] + exp.Pages[0].Path); !ok {
		t.Error("the page before the cut was not stored")
	}
}
