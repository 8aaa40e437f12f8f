package warc

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/medcoop/medcoop/fixtures"
)

// wgetPath returns Debian's wget, or skips the test.
func wgetPath(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("wget")
	if err != nil {
		t.Skip("wget is not installed (apt-get install -y wget): the tests against wget's WARC files are skipped")
	}
	return path
}

// runWget runs wget with args in a scratch directory.
func runWget(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(wgetPath(t), append([]string{"--no-verbose", "--tries=1", "--timeout=10",
		"--directory-prefix=" + t.TempDir()}, args...)...)
	out, err := cmd.CombinedOutput()
	// wget exits 8 when a server answered an error (a 404 it was sent to):
	// the WARC is still whole.
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 8) {
		t.Fatalf("wget %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// sentBodies records the body a server sent for each request URI.
type sentBodies struct {
	mu     sync.Mutex
	bodies map[string][]byte
}

func (s *sentBodies) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tee := &teeWriter{ResponseWriter: w}
		h.ServeHTTP(tee, r)
		s.mu.Lock()
		s.bodies[r.URL.RequestURI()] = tee.body.Bytes()
		s.mu.Unlock()
	})
}

func (s *sentBodies) get(uri string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodies[uri]
}

type teeWriter struct {
	http.ResponseWriter
	body bytes.Buffer
}

func (t *teeWriter) Write(p []byte) (int, error) {
	t.body.Write(p)
	return t.ResponseWriter.Write(p)
}

func (t *teeWriter) Flush() { t.ResponseWriter.(http.Flusher).Flush() }

// archivedResponses reads every response record of the WARC files matching
// pattern, checks wget's digests against ours, and returns the parsed
// responses by target URI.
func archivedResponses(t *testing.T, pattern string) map[string]*Response {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no WARC file %s (%v)", pattern, err)
	}
	t.Logf("%d WARC file(s) %s", len(files), pattern)
	out := map[string]*Response{}
	for _, f := range files {
		recs := readFile(t, f)
		if len(recs) == 0 || recs[0].get("WARC-Type") != TypeWarcinfo || recs[0].Version != "WARC/1.0" {
			t.Fatalf("%s: does not start with wget's WARC/1.0 warcinfo", f)
		}
		for _, r := range recs {
			if d := r.get("WARC-Block-Digest"); d != Digest(r.Block) {
				t.Errorf("%s %s: wget's block digest %s, ours %s", f, r.get("WARC-Type"), d, Digest(r.Block))
			}
			if r.get("WARC-Type") != TypeResponse {
				continue
			}
			resp, err := ParseResponse(bytes.NewReader(r.Block), 8<<20)
			if err != nil {
				t.Fatalf("%s %s: %v", f, r.get("WARC-Target-URI"), err)
			}
			uri := unbracket(r.get("WARC-Target-URI"))
			out[uri] = resp
			// wget's payload digest is of the body as it came off the wire.
			_, payload, _ := bytes.Cut(r.Block, []byte("\r\n\r\n"))
			if d := r.get("WARC-Payload-Digest"); d != Digest(payload) {
				t.Errorf("%s: wget's payload digest %s, ours %s", uri, d, Digest(payload))
			}
		}
	}
	return out
}

// TestReadWgetFixtureSites crawls each fixture site with wget --recursive
// --warc-file and reads wget's WARC: every expected page is there, with the
// body the server sent.
func TestReadWgetFixtureSites(t *testing.T) {
	wgetPath(t)
	b, err := fixtures.Expected("crawl.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Pages []struct{ Site, Path string } `json:"pages"`
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	start := map[string]string{"chu-clermont": "/actualites/", "ump-vnu": "/tin-tuc/", "courrier-vn": "/sante/", "vn-health-en": "/health/"}
	dir := t.TempDir()
	for _, site := range fixtures.Sites() {
		t.Run(site, func(t *testing.T) {
			sent := &sentBodies{bodies: map[string][]byte{}}
			srv := httptest.NewUnstartedServer(nil)
			srv.Config.Handler = sent.wrap(fixtures.Handler(site, "http://"+srv.Listener.Addr().String()))
			srv.Start()
			defer srv.Close()
			args := []string{"--warc-file=" + filepath.Join(dir, site), "--recursive", "--level=3", "--no-parent",
				srv.URL + start[site]}
			if site == "chu-clermont" {
				// Plain WARC and several files, to read those too.
				args = append(args, "--no-warc-compression", "--warc-max-size=20k")
			}
			runWget(t, args...)
			resps := archivedResponses(t, filepath.Join(dir, site+"*.warc*"))
			pages := 0
			for _, p := range exp.Pages {
				if p.Site != site {
					continue
				}
				pages++
				resp, ok := resps[srv.URL+p.Path]
				if !ok {
					t.Errorf("%s is not in wget's WARC", p.Path)
					continue
				}
				if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
					t.Errorf("%s: %s, %s", p.Path, resp.Status, resp.Header.Get("Content-Type"))
				}
				if sentBody := sent.get(p.Path); !bytes.Equal(resp.Body, sentBody) || len(resp.Body) == 0 {
					t.Errorf("%s: body read from the WARC (%d bytes) is not the body sent (%d bytes)", p.Path, len(resp.Body), len(sentBody))
				}
			}
			t.Logf("%s: %d responses in wget's WARC, %d expected pages all found", site, len(resps), pages)
		})
	}
}

// TestReadWgetEncodings has wget archive chunked and gzip-encoded
// responses as they came off the wire, and reads the bodies back decoded.
func TestReadWgetEncodings(t *testing.T) {
	wgetPath(t)
	page := strings.Repeat("<p>Hội thảo hợp tác Việt – Pháp về ghép tạng.</p>\n", 30)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><body><a href="/chunked">c</a> <a href="/gzip">g</a> <a href="/gzip-chunked">gc</a></body></html>`)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		for line := range strings.SplitAfterSeq(page, "\n") {
			fmt.Fprint(w, line)
			w.(http.Flusher).Flush()
		}
	})
	gz := func(chunked bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				fmt.Fprint(w, page)
				return
			}
			w.Header().Set("Content-Encoding", "gzip")
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			fmt.Fprint(zw, page)
			zw.Close()
			if !chunked {
				w.Write(buf.Bytes())
				return
			}
			for c := range slices.Chunk(buf.Bytes(), 100) {
				w.Write(c)
				w.(http.Flusher).Flush()
			}
		}
	}
	mux.HandleFunc("/gzip", gz(false))
	mux.HandleFunc("/gzip-chunked", gz(true))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	warcBase := filepath.Join(t.TempDir(), "enc")
	runWget(t, "--warc-file="+warcBase, "--recursive", "--level=1", "--compression=gzip", srv.URL+"/")
	resps := archivedResponses(t, warcBase+".warc.gz")
	raw, err := os.ReadFile(warcBase + ".warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := readRecords(bytes.NewReader(raw))
	var wire strings.Builder
	for _, r := range recs {
		wire.Write(r.Block)
	}
	for _, want := range []string{"Transfer-Encoding: chunked", "Content-Encoding: gzip"} {
		if !strings.Contains(wire.String(), want) {
			t.Errorf("wget's WARC has no %q: the test does not exercise it", want)
		}
	}
	for _, p := range []string{"/chunked", "/gzip", "/gzip-chunked"} {
		resp, ok := resps[srv.URL+p]
		if !ok {
			t.Errorf("%s not archived by wget", p)
			continue
		}
		if string(resp.Body) != page {
			t.Errorf("%s: body read back (%d bytes) is not the page (%d bytes)", p, len(resp.Body), len(page))
		}
	}
}

// TestWriterAgreesWithWget archives a fixture site twice, with wget and
// with our Writer: for every page both hold, the payload digests and the
// bodies read back agree.
func TestWriterAgreesWithWget(t *testing.T) {
	wgetPath(t)
	const site = "vn-health-en"
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = fixtures.Handler(site, "http://"+srv.Listener.Addr().String())
	srv.Start()
	defer srv.Close()
	dir := t.TempDir()
	runWget(t, "--warc-file="+filepath.Join(dir, "wget"), "--recursive", "--level=3", "--no-parent", srv.URL+"/health/")
	theirs := map[string]storedRecord{}
	for _, r := range readFile(t, filepath.Join(dir, "wget.warc.gz")) {
		if r.get("WARC-Type") == TypeResponse {
			theirs[unbracket(r.get("WARC-Target-URI"))] = r
		}
	}
	w, err := NewWriter(filepath.Join(dir, "ours"))
	if err != nil {
		t.Fatal(err)
	}
	for uri, r := range theirs {
		if resp, err := ParseResponse(bytes.NewReader(r.Block), 8<<20); err == nil && resp.StatusCode == 200 {
			fetch(t, w, uri)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, ours := range readFile(t, w.Files()[0]) {
		if ours.get("WARC-Type") != TypeResponse {
			continue
		}
		uri := ours.get("WARC-Target-URI")
		theirRec := theirs[uri]
		if ours.get("WARC-Payload-Digest") != theirRec.get("WARC-Payload-Digest") {
			t.Errorf("%s: our payload digest %s, wget's %s", uri, ours.get("WARC-Payload-Digest"), theirRec.get("WARC-Payload-Digest"))
		}
		a, errA := ParseResponse(bytes.NewReader(ours.Block), 8<<20)
		b, errB := ParseResponse(bytes.NewReader(theirRec.Block), 8<<20)
		if errA != nil || errB != nil || !bytes.Equal(a.Body, b.Body) || a.Header.Get("ETag") != b.Header.Get("ETag") {
			t.Errorf("%s: our record and wget's differ (%v, %v)", uri, errA, errB)
		}
		compared++
	}
	if compared < 5 {
		t.Errorf("only %d pages compared", compared)
	}
	t.Logf("%d pages: our WARC and wget's agree on payload digests and bodies", compared)
}
