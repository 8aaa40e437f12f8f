package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/internal/schematest"
	"github.com/medcoop/medcoop/store"
)

// TestExtractFollowsTheSchema runs `medcoop extract` on fixture pages and
// validates what it prints against document.schema.json.
func TestExtractFollowsTheSchema(t *testing.T) {
	docSchema := schematest.Schema(t, "document.schema.json")
	pages := []string{
		"../../fixtures/sites/ump-vnu/tin-tuc/ky-ket-thoa-thuan-hop-tac-voi-chu-clermont-ferrand.html",
		"../../fixtures/sites/courrier-vn/sante/rougeole-campagne-de-vaccination-a-ho-chi-minh-ville.html",
		"../../fixtures/sites/vn-health-en/health/cho-ray-bordeaux-renew-cooperation.html",
	}
	for _, p := range pages {
		code, out, stderr := medcoopCmd(t, "extract", "--url", "https://example.org/a", p)
		if code != exitOK {
			t.Fatalf("extract %s: exit %d: %s", p, code, stderr)
		}
		schematest.Validate(t, docSchema, []byte(out))
		var doc medcoop.Document
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Text == "" || doc.Lang == "und" {
			t.Errorf("%s: empty text or unknown language: %+v", p, doc)
		}
	}
}

// TestEvalAgainstASecondAnnotation checks that `eval --domains` scores
// domains against the second annotation and says how far it agrees with
// the first.
func TestEvalAgainstASecondAnnotation(t *testing.T) {
	code, out, stderr := medcoopCmd(t, "eval", "--format", "json", "--domains", "../../fixtures/gold/second/dev4-a.json", "../../fixtures/gold/dev4-a.json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct {
		Fields map[string]struct {
			F1 *float64 `json:"f1"`
			N  int      `json:"n"`
		} `json:"fields"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	agree, domains := s.Fields["domains_agreement"], s.Fields["domains"]
	if agree.F1 == nil || *agree.F1 <= 0 || *agree.F1 >= 1 || agree.N == 0 {
		t.Errorf("domains_agreement %+v: want an F1 between the two annotations, neither 0 nor 1", agree)
	}
	if domains.F1 == nil || domains.N == agree.N {
		t.Errorf("domains %+v scored against the first annotation (%d codes), not the second", domains, agree.N)
	}
}

// TestExitStatus checks the contract's exit statuses and one-line reasons.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"unknown flag", []string{"events", "--nope"}, exitUsage, "unknown flag"},
		{"crawl with arguments", []string{"crawl", "extra", "--db", filepath.Join(dir, "a.db")}, exitUsage, "extra"},
		{"extract needs a file", []string{"extract"}, exitUsage, "arg"},
		{"bad format", []string{"events", "--format", "xml", "--db", filepath.Join(dir, "a.db")}, exitUsage, "--format"},
		{"unknown command", []string{"nope"}, exitUsage, "nope"},
		{"bad --from", []string{"events", "--from", "12/11/2025", "--db", filepath.Join(dir, "a.db")}, exitUsage, "--from"},
		{"bad --type", []string{"events", "--type", "signing", "--db", filepath.Join(dir, "a.db")}, exitUsage, "--type"},
		{"missing sources file", []string{"crawl", "--sources", filepath.Join(dir, "none.yaml"), "--db", filepath.Join(dir, "a.db")}, exitFailed, "none.yaml"},
		{"missing page", []string{"extract", filepath.Join(dir, "none.html")}, exitFailed, "none.html"},
		{"events of no database", []string{"events", "--db", filepath.Join(dir, "none.db")}, exitFailed, "none.db"},
		{"a second annotation of another set", []string{"eval", "--domains", "../../fixtures/gold/second/dev4-a.json", "../../fixtures/gold/dev4-b.json"}, exitFailed, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := medcoopCmd(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.says) {
				t.Errorf("stderr %q does not say %q", stderr, tt.says)
			}
		})
	}
}

// TestCrawlRefusesLoopback checks that without --allow-private a crawl of a
// loopback site fetches nothing and fails, saying why.
func TestCrawlRefusesLoopback(t *testing.T) {
	sites := serveFixtures(t)
	db := filepath.Join(t.TempDir(), "medcoop.db")
	code, _, stderr := medcoopCmd(t, "crawl", "--sources", sites.sourcesFile(t), "--db", db)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d:\n%s", code, exitFailed, stderr)
	}
	if !strings.Contains(stderr, "not reached") {
		t.Errorf("stderr does not say the sources were not reached:\n%s", stderr)
	}
	for site, paths := range sites.paths {
		if len(paths) > 0 {
			t.Errorf("%s was fetched without --allow-private: %v", site, paths)
		}
	}
}

// TestIngestMergesReportsAndIsIdempotent ingests two sites' article files:
// the French and English reports of one renewal become one event with two
// sources, and a second ingest changes nothing.
func TestIngestMergesReportsAndIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "medcoop.db")
	dirs := []string{"../../fixtures/sites/courrier-vn/sante", "../../fixtures/sites/vn-health-en/health"}
	args := append([]string{"ingest", "--db", db}, dirs...)
	if code, _, stderr := medcoopCmd(t, args...); code != exitOK {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	_, first, _ := medcoopCmd(t, "events", "--db", db, "--format", "json", "--party", "Cho Ray")
	var events []medcoop.Event
	if err := json.Unmarshal([]byte(first), &events); err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || len(events[0].Sources) != 2 {
		t.Fatalf("want one Cho Ray event with two sources, got %d events: %s", len(events), first)
	}
	langs := map[string]bool{}
	for _, s := range events[0].Sources {
		langs[s.Lang] = true
	}
	if !langs["fr"] || !langs["en"] {
		t.Errorf("sources' languages %v, want fr and en", langs)
	}
	if code, _, stderr := medcoopCmd(t, args...); code != exitOK {
		t.Fatalf("second ingest exit %d: %s", code, stderr)
	}
	_, second, _ := medcoopCmd(t, "events", "--db", db, "--format", "json", "--party", "Cho Ray")
	if second != first {
		t.Errorf("a second ingest of the same files changed the events")
	}
	for _, format := range []string{"table", "csv", "jsonl"} {
		code, out, stderr := medcoopCmd(t, "events", "--db", db, "--format", format, "--country", "FR", "--lang", "en")
		if code != exitOK || !strings.Contains(out, "Cho Ray") {
			t.Errorf("events --format %s: exit %d, output %q, stderr %q", format, code, out, stderr)
		}
	}
}

// TestExtractDecodesLegacyCharsets runs `medcoop extract` on a Vietnamese
// page saved in windows-1258 without a declared charset: the text comes
// out as UTF-8 Vietnamese.
func TestExtractDecodesLegacyCharsets(t *testing.T) {
	enc, err := charmap.Windows1258.NewEncoder().String(norm.NFD.String(
		"<html><body><article><h1>Bệnh viện Bạch Mai ký kết hợp tác</h1><p>Sáng nay, Bệnh viện Bạch Mai đã ký kết thỏa thuận hợp tác với Bệnh viện Đại học Bordeaux về đào tạo bác sĩ hồi sức.</p></article></body></html>"))
	if err != nil {
		t.Skipf("this text does not encode in windows-1258: %v", err)
	}
	path := filepath.Join(t.TempDir(), "cp1258.html")
	if err := os.WriteFile(path, []byte(enc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := medcoopCmd(t, "extract", path)
	if code != exitOK {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	var doc medcoop.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Lang != "vi" || !strings.Contains(doc.Text, "Bệnh viện Bạch Mai") {
		t.Errorf("lang %s, text %q: want vi and the hospital's name in UTF-8", doc.Lang, doc.Text)
	}
}

// TestCrawlDecodesVietnameseLegacyCharsets crawls a site whose article is
// served in windows-1258 with no charset declared anywhere: the crawler
// decodes it with the extractor's decoder, and the stored text is
// Vietnamese in UTF-8.
func TestCrawlDecodesVietnameseLegacyCharsets(t *testing.T) {
	page := "<html><head><title>Bệnh viện Bạch Mai ký kết hợp tác với CHU Bordeaux</title></head><body><article><h1>Bệnh viện Bạch Mai ký kết hợp tác với CHU Bordeaux</h1>" +
		"<p>Sáng 12/11, tại Hà Nội, Bệnh viện Bạch Mai đã ký kết thỏa thuận hợp tác với Bệnh viện Đại học Bordeaux (CHU Bordeaux) về đào tạo bác sĩ hồi sức và chuyển đổi số.</p>" +
		"<p>Hai bên sẽ trao đổi bác sĩ nội trú và điều dưỡng trong năm năm tới, theo thỏa thuận vừa ký.</p></article></body></html>"
	enc, err := charmap.Windows1258.NewEncoder().String(norm.NFD.String(page))
	if err != nil {
		t.Skipf("the page does not encode in windows-1258: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nAllow: /\n") })
	mux.HandleFunc("/tin/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><a href="/tin/bai-1.html">Bài 1</a></body></html>`)
	})
	mux.HandleFunc("/tin/bai-1.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // no charset, no meta: the bytes must tell
		fmt.Fprint(w, enc)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.yaml")
	yml := fmt.Sprintf("sources:\n  - name: vi-legacy\n    start: [%s/tin/]\n    follow: ['^%s/tin/']\n    max_depth: 1\n    delay: 10ms\n",
		srv.URL, regexp.QuoteMeta(srv.URL))
	if err := os.WriteFile(src, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "medcoop.db")
	if code, _, stderr := medcoopCmd(t, "crawl", "--sources", src, "--db", db, "--allow-private"); code != exitOK {
		t.Fatalf("crawl: exit %d: %s", code, stderr)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rec, ok, err := st.Page(srv.URL + "/tin/bai-1.html")
	if err != nil || !ok {
		t.Fatalf("page not stored: %v", err)
	}
	if rec.Lang != "vi" || !strings.Contains(rec.Text, "Bệnh viện Bạch Mai") {
		t.Errorf("stored lang %s, text %q: want Vietnamese in UTF-8", rec.Lang, rec.Text)
	}
}

// TestIngestReextractKeepsCorrections ingests pages, has an editor correct
// one event, then ingests the same files again with --reextract: every
// page is read again, the corrected event keeps its editor's values, and
// no event is duplicated.
func TestIngestReextractKeepsCorrections(t *testing.T) {
	db := filepath.Join(t.TempDir(), "medcoop.db")
	dirs := []string{"../../fixtures/sites/courrier-vn/sante", "../../fixtures/sites/vn-health-en/health"}
	if code, _, stderr := medcoopCmd(t, append([]string{"ingest", "--db", db}, dirs...)...); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	events, err := st.Events(store.Filter{Party: "Cho Ray"})
	if err != nil || len(events) != 1 {
		t.Fatalf("want one Cho Ray event, got %d (%v)", len(events), err)
	}
	ev := events[0]
	editor, at := "editor", "2026-11-24T00:00:00Z"
	ev.Type = medcoop.ExchangeProgramme
	ev.Review = &medcoop.Review{Status: medcoop.Corrected, By: &editor, At: &at}
	if err := st.PutEvent(&ev); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Stats()
	st.Close()

	code, _, stderr := medcoopCmd(t, append([]string{"ingest", "--reextract", "--db", db}, dirs...)...)
	if code != exitOK {
		t.Fatalf("ingest --reextract: exit %d: %s", code, stderr)
	}
	st, err = store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Event(ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Type != medcoop.ExchangeProgramme || got.Review == nil || got.Review.Status != medcoop.Corrected {
		t.Errorf("the corrected event lost its editor's values: type %s, review %+v", got.Type, got.Review)
	}
	if len(got.Sources) != 2 {
		t.Errorf("the corrected event has %d sources, want 2", len(got.Sources))
	}
	after, _ := st.Stats()
	if after.Events != before.Events {
		t.Errorf("re-extraction changed the number of events: %d → %d", before.Events, after.Events)
	}
	runs, err := st.Runs()
	if err != nil || len(runs) < 2 {
		t.Fatalf("runs: %v (%d)", err, len(runs))
	}
	last := runs[len(runs)-1].Sources["ingest"]
	if last["pages_unchanged"] != 0 || last["pages_saved"] == 0 {
		t.Errorf("--reextract left pages unread: %v", last)
	}
}
