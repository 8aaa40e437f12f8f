package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		types   []string // WARC-Type of each record read
		blocks  []string
		wantErr string // "" for a clean io.EOF at the end
	}{
		{
			name:   "two WARC/1.0 records",
			in:     "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\nWARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n",
			types:  []string{"warcinfo", "resource"},
			blocks: []string{"hello", "abc"},
		},
		{
			name:   "bare LF line ends, case-insensitive names",
			in:     "WARC/1.1\nwarc-type: metadata\ncontent-length: 4\n\nab\r\n\n\nWARC/1.1\nWARC-TYPE: resource\nCONTENT-LENGTH: 0\n\n\n\n",
			types:  []string{"metadata", "resource"},
			blocks: []string{"ab\r\n", ""},
		},
		{
			name:   "folded field and a block holding CRLF CRLF",
			in:     "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/\r\n  x\r\nContent-Length: 8\r\n\r\nab\r\n\r\ncd\r\n\r\n",
			types:  []string{"response"},
			blocks: []string{"ab\r\n\r\ncd"},
		},
		{name: "empty file", in: ""},
		{name: "blank lines only", in: "\r\n\r\n"},
		{
			name:    "missing Content-Length",
			in:      "WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\nhello\r\n\r\n",
			wantErr: "Content-Length",
		},
		{
			name:    "negative Content-Length",
			in:      "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: -4\r\n\r\n",
			wantErr: "Content-Length",
		},
		{
			name:    "not a WARC file",
			in:      "<html><body>hello</body></html>\r\n",
			wantErr: "want a WARC/ version line",
		},
		{
			name:    "malformed field",
			in:      "WARC/1.0\r\nWARC-Type warcinfo\r\nContent-Length: 1\r\n\r\nx\r\n\r\n",
			wantErr: "malformed header line",
		},
		{
			name:    "block cut short",
			in:      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 10\r\n\r\nabc",
			types:   []string{"resource"},
			wantErr: "unexpected EOF",
		},
		{
			name:    "header cut short",
			in:      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Len",
			types:   nil,
			wantErr: "unexpected EOF",
		},
		{
			name:    "garbage after a good record",
			in:      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 1\r\n\r\nx\r\n\r\nnonsense\r\n",
			types:   []string{"resource"},
			blocks:  []string{"x"},
			wantErr: "record 2",
		},
	}
	for _, tt := range tests {
		for _, compress := range []string{"plain", "gzip stream", "gzip member per record"} {
			t.Run(tt.name+"/"+compress, func(t *testing.T) {
				in := []byte(tt.in)
				switch compress {
				case "gzip stream":
					in = gzipBytes(in)
				case "gzip member per record":
					var members []byte
					for i, part := range strings.SplitAfter(tt.in, "\r\n\r\nWARC/") {
						if i > 0 {
							part = "WARC/" + part
						}
						part = strings.TrimSuffix(part, "WARC/")
						members = append(members, gzipBytes([]byte(part))...)
					}
					if tt.in == "" {
						t.Skip("no members in an empty file")
					}
					in = members
				}
				r, err := NewReader(bytes.NewReader(in))
				if err != nil {
					t.Fatal(err)
				}
				var types, blocks []string
				for {
					rec, err := r.Next()
					if err == io.EOF {
						if tt.wantErr != "" {
							t.Fatalf("clean end, want an error saying %q", tt.wantErr)
						}
						break
					}
					if err != nil {
						if tt.wantErr == "" || !strings.Contains(err.Error(), tt.wantErr) {
							t.Fatalf("error %v, want %q", err, tt.wantErr)
						}
						if _, again := r.Next(); again == nil || again.Error() != err.Error() {
							t.Errorf("the error is not sticky: %v then %v", err, again)
						}
						break
					}
					types = append(types, rec.Type())
					b, err := io.ReadAll(rec.Block)
					if err != nil {
						if !strings.Contains(err.Error(), tt.wantErr) || tt.wantErr == "" {
							t.Fatalf("block: %v", err)
						}
						break
					}
					blocks = append(blocks, string(b))
				}
				if strings.Join(types, ",") != strings.Join(tt.types, ",") {
					t.Errorf("types %q, want %q", types, tt.types)
				}
				if tt.blocks != nil && strings.Join(blocks, "|") != strings.Join(tt.blocks, "|") {
					t.Errorf("blocks %q, want %q", blocks, tt.blocks)
				}
			})
		}
	}
}

// TestReaderSkipsUnreadBlocks reads only the start of each block.
func TestReaderSkipsUnreadBlocks(t *testing.T) {
	in := "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 10\r\n\r\n0123456789\r\n\r\n" +
		"WARC/1.1\r\nWARC-Type: metadata\r\nContent-Length: 2\r\n\r\nok\r\n\r\n"
	r, _ := NewReader(strings.NewReader(in))
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 3)
	io.ReadFull(rec.Block, buf)
	rec, err = r.Next()
	if err != nil || rec.Type() != "metadata" {
		t.Fatalf("second record: %v %v", rec, err)
	}
	if b, _ := io.ReadAll(rec.Block); string(b) != "ok" {
		t.Errorf("second block %q", b)
	}
}

func TestRecordFields(t *testing.T) {
	rec := &Record{Header: Header{
		{"WARC-Target-URI", " <http://a.example/x?y=1> "},
		{"WARC-Date", "2025-10-16T03:00:01.123Z"},
		{"Content-Length", "12"},
		{"WARC-Record-ID", "<urn:uuid:0eb656b5-55df-4cd9-8747-6836d1311dcf>"},
	}}
	if got := rec.TargetURI(); got != "http://a.example/x?y=1" {
		t.Errorf("TargetURI = %q", got)
	}
	if got := rec.Date(); got.Year() != 2025 || got.Nanosecond() != 123e6 {
		t.Errorf("Date = %v", got)
	}
	if rec.ContentLength() != 12 || rec.ID() != "<urn:uuid:0eb656b5-55df-4cd9-8747-6836d1311dcf>" {
		t.Errorf("ContentLength %d, ID %q", rec.ContentLength(), rec.ID())
	}
	if !(&Record{}).Date().IsZero() || (&Record{}).ContentLength() != -1 {
		t.Error("a record without fields has a date or a length")
	}
	// Digest is the base32 SHA-1 that wget writes: wget's digest of its own
	// request block "GET / HTTP/1.1..." is checked in the wget test; here
	// the SHA-1 of the empty string.
	if got := Digest(nil); got != "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ" {
		t.Errorf("Digest(nil) = %s", got)
	}
}

func TestParseResponse(t *testing.T) {
	page := "<html><body><p>Hôpital Cho Ray</p></body></html>"
	chunked := "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n" +
		"10\r\n" + page[:16] + "\r\n" + strconv.FormatInt(int64(len(page)-16), 16) + "\r\n" + page[16:] + "\r\n0\r\n\r\n"
	tests := []struct {
		name, block string
		max         int64
		status      int
		body        string
		truncated   bool
		wantErr     string
	}{
		{name: "plain", block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 52\r\n\r\n" + page, status: 200, body: page},
		{name: "Content-Length disagrees with the record", block: "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n" + page, status: 200, body: page},
		{name: "chunked", block: chunked, status: 200, body: page},
		{name: "chunked, record truncated", block: chunked[:len(chunked)-20], status: 200, body: page[:16] + page[16:len(page)-13], truncated: true},
		{name: "chunked, bad chunk size", block: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", wantErr: "chunked"},
		{name: "gzip", block: "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + string(gzipBytes([]byte(page))), status: 200, body: page},
		{name: "gzip and chunked", block: "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" +
			chunk(gzipBytes([]byte(page))) + "0\r\n\r\n", status: 200, body: page},
		{name: "gzip header, body stored decoded", block: "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + page, status: 200, body: page},
		{name: "deflate (zlib)", block: "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + string(zlibBytes([]byte(page))), status: 200, body: page},
		{name: "deflate (raw)", block: "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + string(flateBytes([]byte(page))), status: 200, body: page},
		{name: "X-Crawler headers only", block: "HTTP/1.1 200 OK\r\nX-Crawler-Content-Encoding: gzip\r\nX-Crawler-Transfer-Encoding: chunked\r\n\r\n" + page, status: 200, body: page},
		{name: "brotli", block: "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x1b\x00", wantErr: "unsupported Content-Encoding"},
		{name: "gzip bomb", block: "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + string(gzipBytes(make([]byte, 4<<20))), max: 1 << 20, wantErr: "over the size limit"},
		{name: "body over the limit", block: "HTTP/1.1 200 OK\r\n\r\n" + page, max: 10, wantErr: "over the size limit"},
		{name: "status without reason", block: "HTTP/1.0 404\r\n\r\n", status: 404},
		{name: "bad header line skipped", block: "HTTP/1.1 200 OK\r\nBad Header: x\r\nnocolon\r\nContent-Type: text/html\r\n\r\n" + page, status: 200, body: page},
		{name: "folded header", block: "HTTP/1.1 301 Moved\r\nLocation: http://a.example/\r\n b\r\n\r\n", status: 301},
		{name: "not HTTP", block: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", wantErr: "not an HTTP status line"},
		{name: "bad status", block: "HTTP/1.1 abc OK\r\n\r\n", wantErr: "bad HTTP status"},
		{name: "headers cut short", block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", wantErr: "unexpected EOF"},
		{name: "empty", block: "", wantErr: "status line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			max := tt.max
			if max == 0 {
				max = 1 << 20
			}
			resp, err := ParseResponse(strings.NewReader(tt.block), max)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || string(resp.Body) != tt.body || resp.Truncated != tt.truncated {
				t.Errorf("got %d %q truncated=%v, want %d %q truncated=%v", resp.StatusCode, resp.Body, resp.Truncated, tt.status, tt.body, tt.truncated)
			}
		})
	}
	if _, err := ParseResponse(strings.NewReader("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"+string(gzipBytes(make([]byte, 4<<20)))), 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a body over the limit: %v, want ErrTooLarge", err)
	}
}

// TestCommonCrawlNewsSample reads a file laid out as Common Crawl's news
// WARCs are: WARC/1.0, a gzip member per record, request, response and
// metadata records, a revisit record, payloads stored decoded with the
// original encodings under X-Crawler-* headers.
func TestCommonCrawlNewsSample(t *testing.T) {
	recs := readFile(t, "testdata/cc-news-sample.warc.gz")
	var types []string
	for _, r := range recs {
		types = append(types, r.get("WARC-Type"))
		if r.Version != "WARC/1.0" {
			t.Errorf("version %q", r.Version)
		}
		if d := r.get("WARC-Block-Digest"); d != "" && d != Digest(r.Block) {
			t.Errorf("%s: block digest %s, block hashes to %s", r.get("WARC-Record-ID"), d, Digest(r.Block))
		}
	}
	want := "warcinfo request response metadata request response metadata revisit request response request response"
	if got := strings.Join(types, " "); got != want {
		t.Fatalf("types:\n%s\nwant\n%s", got, want)
	}
	fr, err := ParseResponse(bytes.NewReader(recs[2].Block), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if fr.Header.Get("Content-Type") != "text/html; charset=ISO-8859-1" || !bytes.Contains(fr.Body, []byte("coop\xe9ration")) ||
		Digest(fr.Body) != recs[2].get("WARC-Payload-Digest") {
		t.Errorf("French page: %v, payload digest %s vs %s", fr.Header, Digest(fr.Body), recs[2].get("WARC-Payload-Digest"))
	}
	// A revisit record holds headers only: it parses, with an empty body.
	rv, err := ParseResponse(bytes.NewReader(recs[7].Block), 1<<20)
	if err != nil || len(rv.Body) != 0 {
		t.Errorf("revisit: %v, body %q", err, rv.Body)
	}
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func zlibBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func flateBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := flate.NewWriter(&buf, flate.DefaultCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func chunk(b []byte) string {
	var s strings.Builder
	for len(b) > 0 {
		n := min(len(b), 7)
		s.WriteString(strconv.FormatInt(int64(n), 16) + "\r\n" + string(b[:n]) + "\r\n")
		b = b[n:]
	}
	return s.String()
}

// FuzzReader feeds arbitrary files to the Reader and every response block
// to ParseResponse: no panic, no block longer than its Content-Length, no
// body over the limit.
func FuzzReader(f *testing.F) {
	for _, name := range []string{"testdata/cc-news-sample.warc.gz"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		if zr, err := gzip.NewReader(bytes.NewReader(b)); err == nil {
			plain, _ := io.ReadAll(zr)
			f.Add(plain)
		}
	}
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"))
	f.Add([]byte("WARC/1.0\nContent-Length: 0\n\n\n\n"))
	const maxBody = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for range 1000 {
			rec, err := r.Next()
			if err != nil {
				return
			}
			block, err := io.ReadAll(rec.Block)
			if int64(len(block)) > rec.ContentLength() {
				t.Fatalf("block of %d bytes, Content-Length %d", len(block), rec.ContentLength())
			}
			if err != nil {
				continue
			}
			if resp, err := ParseResponse(bytes.NewReader(block), maxBody); err == nil && len(resp.Body) > maxBody {
				t.Fatalf("body of %d bytes over the %d limit", len(resp.Body), maxBody)
			}
		}
	})
}

// FuzzParseResponse feeds arbitrary response blocks to ParseResponse.
func FuzzParseResponse(f *testing.F) {
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"))
	f.Add([]byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"))
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + string(gzipBytes([]byte("<p>x</p>")))))
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + string(zlibBytes([]byte("<p>x</p>")))))
	const maxBody = 1 << 16
	f.Fuzz(func(t *testing.T, block []byte) {
		resp, err := ParseResponse(bytes.NewReader(block), maxBody)
		if err != nil {
			return
		}
		if len(resp.Body) > maxBody || resp.StatusCode < 100 || resp.StatusCode > 999 {
			t.Fatalf("status %d, body of %d bytes", resp.StatusCode, len(resp.Body))
		}
	})
}
