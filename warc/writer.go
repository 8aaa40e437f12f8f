package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// DefaultMaxFileSize is the size at which a Writer starts a new file: the
// 1 GB that ISO 28500 and Heritrix recommend.
const DefaultMaxFileSize = 1 << 30

// ErrClosed is returned by Archive on a closed Writer.
var ErrClosed = errors.New("warc: writer closed")

// conformsTo names the version of the standard the files follow.
const conformsTo = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"

// Option configures a Writer.
type Option func(*Writer)

// MaxFileSize makes the Writer start a new file once the current one holds
// n compressed bytes or more (records are never split between files).
func MaxFileSize(n int64) Option { return func(w *Writer) { w.maxSize = n } }

// Prefix sets the start of the file names, "medcoop" by default: files are
// named PREFIX-YYYYMMDDhhmmss-NNNNN.warc.gz.
func Prefix(p string) Option { return func(w *Writer) { w.prefix = p } }

// Software sets the software named in each file's warcinfo record.
func Software(s string) Option { return func(w *Writer) { w.software = s } }

// Writer writes WARC/1.1 files into a directory: gzip, one record per gzip
// member, a warcinfo record at the start of each file, then a request and a
// response record for each archived fetch. A file is opened at the first
// record and a new one started when it reaches the size limit. It is safe
// for concurrent use; records of one fetch are written next to each other.
// A process killed mid-write leaves every record written before the last
// one readable.
type Writer struct {
	dir, prefix, software string
	maxSize               int64

	mu       sync.Mutex
	closed   bool
	seq      int
	file     *os.File
	buf      *bufio.Writer
	size     int64 // compressed bytes in the current file
	zw       *gzip.Writer
	infoID   string // WARC-Record-ID of the current file's warcinfo
	files    []string
	nRecords int64
}

// NewWriter returns a Writer that writes files into dir, creating dir if
// needed. No file is created until the first record.
func NewWriter(dir string, opts ...Option) (*Writer, error) {
	w := &Writer{dir: dir, prefix: "medcoop", software: "medcoop", maxSize: DefaultMaxFileSize}
	for _, o := range opts {
		o(w)
	}
	if w.maxSize <= 0 {
		return nil, fmt.Errorf("warc: max file size %d is not positive", w.maxSize)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("warc: create %s: %w", dir, err)
	}
	return w, nil
}

// Archive writes one fetch: a request record built from resp.Request and a
// response record holding resp's status line, its headers and body, linked
// to each other by WARC-Concurrent-To. body is the body as received once
// its transfer and content encodings were removed: the encodings the
// headers named are kept under X-Crawler-Transfer-Encoding and
// X-Crawler-Content-Encoding (as Common Crawl does) and Content-Length is
// set to len(body), so the record describes the bytes it holds. A body
// shorter than resp.ContentLength is marked WARC-Truncated: length.
func (w *Writer) Archive(resp *http.Response, body []byte, fetchedAt time.Time) error {
	if resp == nil || resp.Request == nil || resp.Request.URL == nil {
		return errors.New("warc: archive: response without its request")
	}
	target := resp.Request.URL.String()
	reqBlock, err := requestBlock(resp)
	if err != nil {
		return fmt.Errorf("warc: archive %s: %w", target, err)
	}
	respBlock := responseBlock(resp, body)
	reqID, err := newRecordID()
	if err != nil {
		return err
	}
	respID, err := newRecordID()
	if err != nil {
		return err
	}
	date := fetchedAt.UTC().Format(time.RFC3339)
	reqHeader := Header{
		{"WARC-Type", TypeRequest},
		{"WARC-Record-ID", reqID},
		{"WARC-Concurrent-To", respID},
		{"WARC-Target-URI", target},
		{"WARC-Date", date},
		{"WARC-Block-Digest", Digest(reqBlock)},
		{"Content-Type", "application/http;msgtype=request"},
	}
	respHeader := Header{
		{"WARC-Type", TypeResponse},
		{"WARC-Record-ID", respID},
		{"WARC-Concurrent-To", reqID},
		{"WARC-Target-URI", target},
		{"WARC-Date", date},
		{"WARC-Block-Digest", Digest(respBlock)},
		{"WARC-Payload-Digest", Digest(body)},
	}
	if resp.ContentLength > int64(len(body)) {
		respHeader = append(respHeader, Field{"WARC-Truncated", "length"})
	}
	respHeader = append(respHeader, Field{"Content-Type", "application/http;msgtype=response"})

	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ErrClosed
	}
	if w.file == nil {
		if err := w.open(fetchedAt); err != nil {
			return err
		}
	}
	for _, r := range []struct {
		h     Header
		block []byte
	}{{reqHeader, reqBlock}, {respHeader, respBlock}} {
		if err := w.writeRecord(append(r.h, Field{"WARC-Warcinfo-ID", w.infoID}), r.block); err != nil {
			w.abandon()
			return fmt.Errorf("warc: archive %s: %w", target, err)
		}
	}
	if err := w.buf.Flush(); err != nil {
		w.abandon()
		return fmt.Errorf("warc: archive %s: %w", target, err)
	}
	if w.size >= w.maxSize {
		return w.closeFile()
	}
	return nil
}

// Files returns the paths of the files written so far, in order.
func (w *Writer) Files() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.files...)
}

// Records returns the number of records written so far, warcinfo included.
func (w *Writer) Records() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.nRecords
}

// Close flushes and closes the current file. Archive fails after Close.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	return w.closeFile()
}

// open starts a new file and writes its warcinfo record.
func (w *Writer) open(now time.Time) error {
	stamp := now.UTC().Format("20060102150405")
	for {
		name := fmt.Sprintf("%s-%s-%05d.warc.gz", w.prefix, stamp, w.seq)
		w.seq++
		path := filepath.Join(w.dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue // another writer, or an earlier run, in the same second
		}
		if err != nil {
			return fmt.Errorf("warc: create file: %w", err)
		}
		w.file, w.size = f, 0
		w.buf = bufio.NewWriterSize(countingWriter{f, &w.size}, 64<<10)
		w.files = append(w.files, path)
		id, err := newRecordID()
		if err != nil {
			w.abandon()
			return err
		}
		w.infoID = id
		info := []byte("software: " + w.software + "\r\n" +
			"format: WARC File Format 1.1\r\n" +
			"conformsTo: " + conformsTo + "\r\n")
		h := Header{
			{"WARC-Type", TypeWarcinfo},
			{"WARC-Record-ID", id},
			{"WARC-Date", now.UTC().Format(time.RFC3339)},
			{"WARC-Filename", name},
			{"WARC-Block-Digest", Digest(info)},
			{"Content-Type", "application/warc-fields"},
		}
		if err := w.writeRecord(h, info); err != nil {
			w.abandon()
			return fmt.Errorf("warc: %s: %w", path, err)
		}
		return nil
	}
}

// writeRecord writes one record as one gzip member, at gzip's best-speed
// level: three times faster than the default (BenchmarkArchive), so that
// a crawl does not wait on its archive.
func (w *Writer) writeRecord(h Header, block []byte) error {
	if w.zw == nil {
		w.zw, _ = gzip.NewWriterLevel(w.buf, gzip.BestSpeed) // a valid level cannot fail
	} else {
		w.zw.Reset(w.buf)
	}
	var head bytes.Buffer
	head.WriteString("WARC/1.1\r\n")
	for _, f := range h {
		head.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	head.WriteString("Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n")
	for _, b := range [][]byte{head.Bytes(), block, []byte("\r\n\r\n")} {
		if _, err := w.zw.Write(b); err != nil {
			return fmt.Errorf("write record: %w", err)
		}
	}
	if err := w.zw.Close(); err != nil {
		return fmt.Errorf("write record: %w", err)
	}
	w.nRecords++
	return nil
}

// abandon closes a file a write failed on, so that the next record starts a
// new file instead of following a partial one.
func (w *Writer) abandon() {
	if w.file != nil {
		w.file.Close()
		w.file = nil
	}
}

func (w *Writer) closeFile() error {
	if w.file == nil {
		return nil
	}
	f := w.file
	w.file = nil
	err := w.buf.Flush()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("warc: close %s: %w", f.Name(), err)
	}
	return nil
}

// requestBlock is the request as sent, in HTTP/1.1 wire form, with the
// Accept-Encoding the transport added when it decompressed the response.
func requestBlock(resp *http.Response) ([]byte, error) {
	req := *resp.Request
	req.Body, req.GetBody, req.ContentLength = nil, nil, 0
	req.Header = resp.Request.Header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	if resp.Uncompressed && req.Header.Get("Accept-Encoding") == "" {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	var b bytes.Buffer
	if err := req.Write(&b); err != nil {
		return nil, fmt.Errorf("request block: %w", err)
	}
	return b.Bytes(), nil
}

// responseBlock is resp's status line and headers, made to describe body,
// then body.
func responseBlock(resp *http.Response, body []byte) []byte {
	var b bytes.Buffer
	proto := resp.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	status := resp.Status
	if status == "" {
		status = strconv.Itoa(resp.StatusCode) + " " + http.StatusText(resp.StatusCode)
	}
	b.WriteString(proto + " " + status + "\r\n")
	h := resp.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	if te := resp.TransferEncoding; len(te) > 0 {
		h.Set("X-Crawler-Transfer-Encoding", strings.Join(te, ", "))
	}
	if te := h.Get("Transfer-Encoding"); te != "" {
		h.Set("X-Crawler-Transfer-Encoding", te)
		h.Del("Transfer-Encoding")
	}
	ce := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding")))
	switch {
	case resp.Uncompressed:
		h.Set("X-Crawler-Content-Encoding", "gzip")
	case ce == "gzip" && bytes.HasPrefix(body, []byte{0x1f, 0x8b}):
		// still encoded: the header describes the body as it is
	case ce != "" && ce != "identity":
		h.Set("X-Crawler-Content-Encoding", h.Get("Content-Encoding"))
		h.Del("Content-Encoding")
	}
	if cl := h.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(body)) {
		h.Set("X-Crawler-Content-Length", cl)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_ = h.Write(&b) // a bytes.Buffer does not fail
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

func newRecordID() (string, error) {
	id, err := uuid.NewRandom()
	if err != nil {
		return "", fmt.Errorf("warc: record id: %w", err)
	}
	return "<" + id.URN() + ">", nil
}

// countingWriter counts the bytes written to the file.
type countingWriter struct {
	w io.Writer
	n *int64
}

func (c countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	*c.n += int64(n)
	return n, err
}
