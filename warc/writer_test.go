package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// testSite serves pages the way real servers send them: plain, chunked,
// gzip-encoded, in Latin-1, missing.
func testSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"p1"`)
		fmt.Fprint(w, "<html><head><title>Bệnh viện Bạch Mai</title></head><body><p>Hợp tác quốc tế.</p></body></html>")
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		for i := range 5 {
			fmt.Fprintf(w, "<p>part %d of a streamed page</p>\n", i)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, strings.Repeat("<p>Coopération CHU de Bordeaux – Hôpital Cho Ray.</p>\n", 40))
		zw.Close()
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body><p>D\xe9l\xe9gation \xe0 Hu\xe9</p></body></html>"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// fetch GETs url with a real client and archives the exchange; it returns
// the body the client read.
func fetch(t *testing.T, w *Writer, url string) []byte {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("User-Agent", "medcoop-test/1 (+https://example.org)")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Archive(resp, body, time.Now()); err != nil {
		t.Fatalf("Archive %s: %v", url, err)
	}
	return body
}

// storedRecord is a record read back, its block in memory.
type storedRecord struct {
	Version string
	Header  Header
	Block   []byte
}

func (r storedRecord) get(name string) string { return r.Header.Get(name) }

func readFile(t *testing.T, path string) []storedRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := readRecords(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func readRecords(r io.Reader) ([]storedRecord, error) {
	wr, err := NewReader(r)
	if err != nil {
		return nil, err
	}
	var out []storedRecord
	for {
		rec, err := wr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		block, err := io.ReadAll(rec.Block)
		if err != nil {
			return out, err
		}
		if int64(len(block)) != rec.ContentLength() {
			return out, fmt.Errorf("record %s: block of %d bytes, Content-Length %d", rec.ID(), len(block), rec.ContentLength())
		}
		out = append(out, storedRecord{rec.Version, rec.Header, block})
	}
}

func TestWriterRoundTrip(t *testing.T) {
	srv := testSite(t)
	dir := t.TempDir()
	w, err := NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"/page", "/chunked", "/gzip", "/latin1", "/missing"}
	sent := map[string][]byte{}
	before := time.Now().UTC().Truncate(time.Second)
	for _, p := range paths {
		sent[srv.URL+p] = fetch(t, w, srv.URL+p)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files := w.Files()
	if len(files) != 1 || !strings.HasSuffix(files[0], ".warc.gz") || filepath.Dir(files[0]) != dir {
		t.Fatalf("files = %v, want one .warc.gz in %s", files, dir)
	}
	recs := readFile(t, files[0])
	if len(recs) != 1+2*len(paths) {
		t.Fatalf("%d records, want %d", len(recs), 1+2*len(paths))
	}
	if w.Records() != int64(len(recs)) {
		t.Errorf("Records() = %d, %d in the file", w.Records(), len(recs))
	}
	info := recs[0]
	if info.get("WARC-Type") != TypeWarcinfo || info.get("WARC-Filename") != filepath.Base(files[0]) ||
		info.get("Content-Type") != "application/warc-fields" || !bytes.Contains(info.Block, []byte("software: medcoop\r\n")) {
		t.Errorf("first record is not this file's warcinfo: %v\n%s", info.Header, info.Block)
	}
	ids := map[string]bool{}
	for _, r := range recs {
		id := r.get("WARC-Record-ID")
		if !strings.HasPrefix(id, "<urn:uuid:") || !strings.HasSuffix(id, ">") || len(id) != len("<urn:uuid:>")+36 || ids[id] {
			t.Errorf("record id %q is not a fresh <urn:uuid:…>", id)
		}
		ids[id] = true
		if r.Version != "WARC/1.1" {
			t.Errorf("version %q", r.Version)
		}
		if got := r.get("WARC-Block-Digest"); got != Digest(r.Block) {
			t.Errorf("%s: WARC-Block-Digest %s, block hashes to %s", id, got, Digest(r.Block))
		}
		if d, err := time.Parse(time.RFC3339, r.get("WARC-Date")); err != nil || d.Before(before) || d.After(time.Now()) {
			t.Errorf("%s: WARC-Date %q (%v)", id, r.get("WARC-Date"), err)
		}
	}
	for i, p := range paths {
		req, resp := recs[1+2*i], recs[2+2*i]
		url := srv.URL + p
		if req.get("WARC-Type") != TypeRequest || resp.get("WARC-Type") != TypeResponse {
			t.Fatalf("%s: records %s, %s; want request then response", p, req.get("WARC-Type"), resp.get("WARC-Type"))
		}
		for _, r := range []storedRecord{req, resp} {
			if r.get("WARC-Target-URI") != url {
				t.Errorf("%s: WARC-Target-URI %q", p, r.get("WARC-Target-URI"))
			}
			if r.get("WARC-Warcinfo-ID") != info.get("WARC-Record-ID") {
				t.Errorf("%s: WARC-Warcinfo-ID %q", p, r.get("WARC-Warcinfo-ID"))
			}
		}
		if req.get("WARC-Concurrent-To") != resp.get("WARC-Record-ID") || resp.get("WARC-Concurrent-To") != req.get("WARC-Record-ID") {
			t.Errorf("%s: request and response not linked by WARC-Concurrent-To", p)
		}
		if req.get("Content-Type") != "application/http;msgtype=request" || resp.get("Content-Type") != "application/http;msgtype=response" {
			t.Errorf("%s: content types %q, %q", p, req.get("Content-Type"), resp.get("Content-Type"))
		}
		hreq, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(req.Block)))
		if err != nil {
			t.Fatalf("%s: request block: %v\n%s", p, err, req.Block)
		}
		if hreq.Method != http.MethodGet || hreq.URL.Path != p || hreq.Host != strings.TrimPrefix(srv.URL, "http://") ||
			hreq.UserAgent() != "medcoop-test/1 (+https://example.org)" {
			t.Errorf("%s: request block says %s %s host %s UA %q", p, hreq.Method, hreq.URL, hreq.Host, hreq.UserAgent())
		}
		got, err := ParseResponse(bytes.NewReader(resp.Block), 1<<20)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !bytes.Equal(got.Body, sent[url]) {
			t.Errorf("%s: archived body differs from the body received:\n%q\n%q", p, got.Body, sent[url])
		}
		if d := resp.get("WARC-Payload-Digest"); d != Digest(sent[url]) {
			t.Errorf("%s: WARC-Payload-Digest %s, body hashes to %s", p, d, Digest(sent[url]))
		}
		// The response block is also what net/http reads as a response.
		hresp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(resp.Block)), nil)
		if err != nil {
			t.Fatalf("%s: net/http cannot read the response block: %v", p, err)
		}
		netBody, _ := io.ReadAll(hresp.Body)
		if !bytes.Equal(netBody, sent[url]) {
			t.Errorf("%s: net/http reads a different body from the block", p)
		}
		switch p {
		case "/chunked":
			if got.Header.Get("X-Crawler-Transfer-Encoding") != "chunked" || got.Header.Get("Transfer-Encoding") != "" {
				t.Errorf("/chunked: transfer encoding not recorded as decoded: %v", got.Header)
			}
		case "/gzip":
			if got.Header.Get("X-Crawler-Content-Encoding") != "gzip" || got.Header.Get("Content-Encoding") != "" ||
				hreq.Header.Get("Accept-Encoding") != "gzip" {
				t.Errorf("/gzip: content encoding not recorded as decoded: %v / %v", got.Header, hreq.Header)
			}
		case "/missing":
			if got.StatusCode != http.StatusNotFound {
				t.Errorf("/missing: status %d", got.StatusCode)
			}
		case "/page":
			if got.StatusCode != 200 || got.Status != "200 OK" || got.Header.Get("ETag") != `"p1"` {
				t.Errorf("/page: %s %v", got.Status, got.Header)
			}
		}
	}
}

// TestWriterOneRecordPerMember reads each gzip member on its own: each must
// hold exactly one whole record.
func TestWriterOneRecordPerMember(t *testing.T) {
	srv := testSite(t)
	w, err := NewWriter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/page", "/gzip", "/chunked"} {
		fetch(t, w, srv.URL+p)
	}
	w.Close()
	data, err := os.ReadFile(w.Files()[0])
	if err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(bytes.NewReader(data))
	members := 0
	for {
		if _, err := br.Peek(1); err == io.EOF {
			break
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			t.Fatalf("member %d: %v", members+1, err)
		}
		zr.Multistream(false)
		member, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("member %d: %v", members+1, err)
		}
		members++
		recs, err := readRecords(bytes.NewReader(member))
		if err != nil || len(recs) != 1 || !bytes.HasSuffix(member, []byte("\r\n\r\n")) {
			t.Errorf("member %d holds %d records (%v), want exactly one", members, len(recs), err)
		}
	}
	if members != 7 {
		t.Errorf("%d gzip members, want 7 (warcinfo and 3 request/response pairs)", members)
	}

	// The same check by an independent implementation, Python's zlib.
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed: the independent structural check is skipped")
	}
	out, err := exec.Command(python, "testdata/members.py", w.Files()[0]).CombinedOutput()
	if err != nil {
		t.Fatalf("testdata/members.py: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "7 members, 7 records: warcinfo request response request response request response" {
		t.Errorf("python3 sees: %s", got)
	}
}

func TestWriterRotates(t *testing.T) {
	srv := testSite(t)
	w, err := NewWriter(t.TempDir(), MaxFileSize(1), Prefix("rot"))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		fetch(t, w, srv.URL+"/page")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files := w.Files()
	if len(files) != 3 {
		t.Fatalf("%d files with a 1-byte limit, want one per fetch: %v", len(files), files)
	}
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "rot-") {
			t.Errorf("file %s does not start with the prefix", f)
		}
		recs := readFile(t, f)
		if len(recs) != 3 || recs[0].get("WARC-Type") != TypeWarcinfo || recs[0].get("WARC-Filename") != filepath.Base(f) {
			t.Errorf("%s: %d records, first %q; want its own warcinfo, a request and a response", f, len(recs), recs[0].get("WARC-Type"))
		}
	}
}

func TestWriterConcurrent(t *testing.T) {
	srv := testSite(t)
	w, err := NewWriter(t.TempDir(), MaxFileSize(16<<10))
	if err != nil {
		t.Fatal(err)
	}
	const workers, each = 8, 15
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			for j := range each {
				fetch(t, w, fmt.Sprintf("%s/page?w=%d&j=%d", srv.URL, i, j))
			}
		})
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range w.Files() {
		recs := readFile(t, f)
		for i := 1; i < len(recs); i += 2 {
			req, resp := recs[i], recs[i+1]
			if req.get("WARC-Concurrent-To") != resp.get("WARC-Record-ID") || req.get("WARC-Target-URI") != resp.get("WARC-Target-URI") {
				t.Fatalf("%s: records %d and %d are not one fetch", f, i, i+1)
			}
			seen[resp.get("WARC-Target-URI")] = true
		}
	}
	if len(seen) != workers*each {
		t.Errorf("%d fetches archived, want %d", len(seen), workers*each)
	}
	if len(w.Files()) < 2 {
		t.Errorf("%d files: the 16 KiB limit never rotated", len(w.Files()))
	}
}

func TestWriterClosed(t *testing.T) {
	srv := testSite(t)
	w, err := NewWriter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if len(w.Files()) != 0 {
		t.Errorf("a writer that archived nothing created %v", w.Files())
	}
	resp, err := http.Get(srv.URL + "/page")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := w.Archive(resp, body, time.Now()); !errors.Is(err, ErrClosed) {
		t.Errorf("Archive after Close: %v, want ErrClosed", err)
	}
	if err := w.Archive(&http.Response{}, nil, time.Now()); err == nil {
		t.Error("Archive of a response without its request: no error")
	}
}

// TestWriterCutShort reads a file cut in the middle of its last record, as
// a crawl killed mid-write leaves it: every whole record, then an error.
func TestWriterCutShort(t *testing.T) {
	srv := testSite(t)
	w, err := NewWriter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/page", "/latin1", "/gzip"} {
		fetch(t, w, srv.URL+p)
	}
	w.Close()
	data, err := os.ReadFile(w.Files()[0])
	if err != nil {
		t.Fatal(err)
	}
	recs, err := readRecords(bytes.NewReader(data[:len(data)-40]))
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("cut file: error %v, want one wrapping io.ErrUnexpectedEOF", err)
	}
	if len(recs) != 6 {
		t.Errorf("cut file: %d whole records read, want 6", len(recs))
	}
}

func TestResponseBlockTruncated(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, "http://example.org/big", nil)
	resp := &http.Response{Status: "200 OK", StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Length": {"1000"}, "Content-Type": {"text/html"}}, ContentLength: 1000, Request: req}
	w, err := NewWriter(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Archive(resp, []byte("<html>only the start"), time.Now()); err != nil {
		t.Fatal(err)
	}
	w.Close()
	recs := readFile(t, w.Files()[0])
	r := recs[2]
	if r.get("WARC-Truncated") != "length" {
		t.Errorf("a body shorter than its Content-Length is not marked WARC-Truncated: %v", r.Header)
	}
	got, err := ParseResponse(bytes.NewReader(r.Block), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if got.Header.Get("Content-Length") != "20" || got.Header.Get("X-Crawler-Content-Length") != "1000" {
		t.Errorf("headers not made to describe the stored body: %v", got.Header)
	}
}

func BenchmarkArchive(b *testing.B) {
	body := bytes.Repeat([]byte("<p>Hợp tác quốc tế giữa hai bệnh viện.</p>\n"), 1000) // ~45 KB, a typical article page
	req, _ := http.NewRequest(http.MethodGet, "http://example.org/tin-tuc/1", nil)
	resp := &http.Response{Status: "200 OK", StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Request: req}
	w, err := NewWriter(b.TempDir(), MaxFileSize(64<<20))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if err := w.Archive(resp, body, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadAndParse reads back a file of 200 archived 45 KB pages and
// parses every response: the cost of ingest before extraction.
func BenchmarkReadAndParse(b *testing.B) {
	body := bytes.Repeat([]byte("<p>Hợp tác quốc tế giữa hai bệnh viện.</p>\n"), 1000)
	req, _ := http.NewRequest(http.MethodGet, "http://example.org/tin-tuc/1", nil)
	resp := &http.Response{Status: "200 OK", StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Request: req}
	w, err := NewWriter(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	const pages = 200
	for range pages {
		if err := w.Archive(resp, body, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
	data, err := os.ReadFile(w.Files()[0])
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(pages * len(body)))
	for b.Loop() {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec.Type() != TypeResponse {
				continue
			}
			if _, err := ParseResponse(rec.Block, 8<<20); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != pages {
			b.Fatalf("%d responses", n)
		}
	}
}
