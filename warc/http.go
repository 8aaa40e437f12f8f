package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"

	"golang.org/x/net/http/httpguts"
)

// ErrTooLarge is returned by ParseResponse for a body over its size limit,
// compressed or not (a gzip bomb is stopped at the limit).
var ErrTooLarge = errors.New("warc: HTTP body over the size limit")

// Response is an HTTP response read from a response record.
type Response struct {
	Proto      string // "HTTP/1.1"
	StatusCode int    // 200
	Status     string // "200 OK"
	Header     http.Header
	// Body is the entity body with the transfer encoding (chunked) and the
	// content encoding (gzip, deflate) removed.
	Body []byte
	// Truncated is set when the record held only the start of a chunked
	// body (WARC-Truncated records): Body is what there was.
	Truncated bool
}

// ParseResponse reads the HTTP response in block, the block of a response
// record, keeping at most maxBody bytes of body (before and after
// decompression). The body runs to the end of the block: a Content-Length
// header that disagrees with the record (archivers that stored the body
// decoded) is not obeyed.
func ParseResponse(block io.Reader, maxBody int64) (*Response, error) {
	tp := textproto.NewReader(bufio.NewReader(block))
	line, err := tp.ReadLine()
	if err != nil {
		return nil, fmt.Errorf("warc: read HTTP status line: %w", noEOF(err))
	}
	resp, err := parseStatusLine(line)
	if err != nil {
		return nil, err
	}
	// Go's textproto.ReadMIMEHeader refuses a whole response for one header
	// name it finds invalid; archived responses are what servers sent, so a
	// malformed line is skipped instead.
	resp.Header = http.Header{}
	for {
		kv, err := tp.ReadContinuedLine()
		if err != nil {
			return nil, fmt.Errorf("warc: read HTTP header: %w", noEOF(err))
		}
		if kv == "" {
			break
		}
		name, value, ok := strings.Cut(kv, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			continue
		}
		resp.Header.Add(name, strings.TrimSpace(value))
	}
	raw, err := io.ReadAll(io.LimitReader(tp.R, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("warc: read HTTP body: %w", err)
	}
	if int64(len(raw)) > maxBody {
		return nil, ErrTooLarge
	}
	if httpguts.HeaderValuesContainsToken(resp.Header.Values("Transfer-Encoding"), "chunked") {
		body, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(raw)))
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			resp.Truncated = true
		case err != nil:
			return nil, fmt.Errorf("warc: chunked HTTP body: %w", err)
		}
		raw = body
	}
	resp.Body, err = decodeContent(raw, resp.Header.Get("Content-Encoding"), maxBody)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// parseStatusLine reads "HTTP/1.1 200 OK" (the reason may be missing).
func parseStatusLine(line string) (*Response, error) {
	proto, status, _ := strings.Cut(strings.TrimSpace(line), " ")
	if !strings.HasPrefix(proto, "HTTP/") {
		return nil, fmt.Errorf("warc: not an HTTP status line: %q", truncate(line, 40))
	}
	status = strings.TrimSpace(status)
	code, _, _ := strings.Cut(status, " ")
	n, err := strconv.Atoi(code)
	if err != nil || n < 100 || n > 999 {
		return nil, fmt.Errorf("warc: bad HTTP status in %q", truncate(line, 40))
	}
	return &Response{Proto: proto, StatusCode: n, Status: status}, nil
}

// decodeContent removes a gzip or deflate content encoding. A body that
// does not start as the encoding says has been stored decoded by its
// archiver and is returned as it is.
func decodeContent(body []byte, encoding string, maxBody int64) ([]byte, error) {
	var zr io.Reader
	var err error
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			return body, nil
		}
		zr, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		// RFC 9110 deflate is zlib-wrapped; some servers send raw deflate.
		if zr, err = zlib.NewReader(bytes.NewReader(body)); err != nil {
			zr, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		return nil, fmt.Errorf("warc: unsupported Content-Encoding %q", encoding)
	}
	if err != nil {
		return nil, fmt.Errorf("warc: %s HTTP body: %w", encoding, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("warc: %s HTTP body: %w", encoding, err)
	}
	if int64(len(out)) > maxBody {
		return nil, ErrTooLarge
	}
	return out, nil
}
