package sources

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Kind names the reason a URL was not handed over, as it appears in reports.
type Kind string

// The kinds of fetch failure and skip.
const (
	KindTimeout         Kind = "timeout"
	KindTooLarge        Kind = "too large"
	KindUnauthorized    Kind = "401"
	KindForbidden       Kind = "403"
	KindNotFound        Kind = "404"
	KindGone            Kind = "410"
	KindTooManyRequests Kind = "429"
	KindClientError     Kind = "4xx"
	KindServerError     Kind = "5xx"
	KindHTTPStatus      Kind = "unexpected status"
	KindRobots          Kind = "robots disallow"
	KindNotHTML         Kind = "not html"
	KindRedirectLoop    Kind = "redirect loop"
	// KindRedirected is a URL that redirected to another host: not a failure, the target
	// was queued as a task of its own (see Crawler).
	KindRedirected      Kind = "redirected"
	KindTooManyRedirect Kind = "too many redirects"
	KindPrivateAddress  Kind = "refused private address"
	KindBadURL          Kind = "bad url"
	KindNetwork         Kind = "network"
	KindBadContent      Kind = "bad content"
	KindHandler         Kind = "handler"
	KindDuplicate       Kind = "duplicate"
	KindHostBackoff     Kind = "host backed off"
)

// FetchError is a failed or refused fetch, classified by Kind.
type FetchError struct {
	URL    string
	Kind   Kind
	Status int   // HTTP status, 0 when no response was read
	Err    error // the underlying error, may be nil

	retryAfter time.Duration // from a Retry-After header
}

func (e *FetchError) Error() string {
	s := "fetch " + e.URL + ": " + string(e.Kind)
	if e.Status != 0 && !strings.Contains(string(e.Kind), strconv.Itoa(e.Status)) {
		s += fmt.Sprintf(" (status %d)", e.Status)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *FetchError) Unwrap() error { return e.Err }

// retryable reports whether the failure may go away if the request is made again later.
func (e *FetchError) retryable() bool {
	switch e.Kind {
	case KindTooManyRequests, KindServerError, KindNetwork:
		return true
	}
	return false
}

// statusKind classifies an HTTP error status.
func statusKind(code int) Kind {
	switch {
	case code == 401:
		return KindUnauthorized
	case code == 403:
		return KindForbidden
	case code == 404:
		return KindNotFound
	case code == 410:
		return KindGone
	case code == 429:
		return KindTooManyRequests
	case code >= 400 && code < 500:
		return KindClientError
	case code >= 500 && code < 600:
		return KindServerError
	}
	return KindHTTPStatus
}

// classify turns a transport error into a FetchError.
func classify(rawURL string, err error) *FetchError {
	var fe *FetchError
	if errors.As(err, &fe) {
		return fe
	}
	kind := KindNetwork
	var ne net.Error
	switch {
	case errors.Is(err, ErrPrivateAddress):
		kind = KindPrivateAddress
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		kind = KindTimeout
	}
	return &FetchError{URL: rawURL, Kind: kind, Err: err}
}

// response is one fetched resource.
type response struct {
	Status   int
	URL      string // canonical URL requested
	Location string // a redirect's canonical absolute target, "" for other responses
	Header   http.Header
	Body     []byte // decompressed, not yet charset-decoded
}

// want says which content types a request accepts.
type want int

const (
	wantHTML want = iota // text/html or application/xhtml+xml only
	wantAny              // feeds, sitemaps, robots.txt: served under too many types to check
)

// requestOptions carries what varies between requests.
type requestOptions struct {
	Want         want
	ETag         string
	LastModified string
}

// fetcher makes single HTTP requests; retries, politeness and redirects are the crawler's:
// its client must not follow redirects (see noFollow).
type fetcher struct {
	client    *http.Client
	userAgent string
	timeout   time.Duration
	maxBody   int64
	archive   Archiver // may be nil
}

// ErrArchive wraps the Archiver's error: the crawl stops on it.
var ErrArchive = errors.New("archive response")

// keep hands a response to the Archiver, if any.
func (f *fetcher) keep(resp *http.Response, body []byte) error {
	if f.archive == nil {
		return nil
	}
	if err := f.archive.Archive(resp, body, time.Now().UTC()); err != nil {
		return fmt.Errorf("%w %s: %w", ErrArchive, resp.Request.URL, err)
	}
	return nil
}

// get makes one GET request for rawURL. Error statuses, refused content types and oversize
// bodies are returned as *FetchError; 304 is a response with no body.
func (f *fetcher) get(ctx context.Context, rawURL string, opt requestOptions) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &FetchError{URL: rawURL, Kind: KindBadURL, Err: err}
	}
	req.Header.Set("User-Agent", f.userAgent)
	if opt.Want == wantHTML {
		req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	} else {
		req.Header.Set("Accept", "application/rss+xml,application/atom+xml,application/xml,text/xml;q=0.9,text/plain;q=0.5,*/*;q=0.1")
	}
	if opt.ETag != "" {
		req.Header.Set("If-None-Match", opt.ETag)
	}
	if opt.LastModified != "" {
		req.Header.Set("If-Modified-Since", opt.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrArchive) {
			return nil, err
		}
		return nil, classify(rawURL, err)
	}
	defer func() {
		// Drain a little so the connection can be reused, then close.
		_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
		resp.Body.Close()
	}()
	final := rawURL
	if resp.Request != nil && resp.Request.URL != nil {
		if c, err := canonicalURL(resp.Request.URL); err == nil {
			final = c
		}
	}
	out := &response{Status: resp.StatusCode, URL: final, Header: resp.Header.Clone()}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		if err := f.keep(resp, nil); err != nil {
			return nil, err
		}
		return out, nil
	case isRedirect(resp.StatusCode) && resp.Header.Get("Location") != "":
		if err := f.keep(resp, nil); err != nil {
			return nil, err
		}
		loc, err := req.URL.Parse(resp.Header.Get("Location"))
		if err == nil {
			out.Location, err = canonicalURL(loc)
		}
		if err != nil {
			return nil, &FetchError{URL: rawURL, Kind: KindBadURL, Status: resp.StatusCode,
				Err: fmt.Errorf("redirect to %q: %w", resp.Header.Get("Location"), err)}
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		if f.archive != nil {
			body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBody))
			if err == nil {
				if err := f.keep(resp, body); err != nil {
					return nil, err
				}
			}
		}
		fe := &FetchError{URL: rawURL, Kind: statusKind(resp.StatusCode), Status: resp.StatusCode}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			fe.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		}
		return nil, fe
	}
	if resp.ContentLength > f.maxBody {
		return nil, &FetchError{URL: rawURL, Kind: KindTooLarge, Status: resp.StatusCode,
			Err: fmt.Errorf("content length %d over %d bytes", resp.ContentLength, f.maxBody)}
	}
	ct := resp.Header.Get("Content-Type")
	if opt.Want == wantHTML && ct != "" && !isHTMLType(ct) {
		if f.archive != nil {
			body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBody+1))
			if err == nil && int64(len(body)) <= f.maxBody {
				if err := f.keep(resp, body); err != nil {
					return nil, err
				}
			}
		}
		return nil, &FetchError{URL: rawURL, Kind: KindNotHTML, Status: resp.StatusCode, Err: fmt.Errorf("content type %q", ct)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBody+1))
	if err != nil {
		fe := classify(rawURL, fmt.Errorf("read body: %w", err))
		fe.Status = resp.StatusCode
		return nil, fe
	}
	if int64(len(body)) > f.maxBody {
		return nil, &FetchError{URL: rawURL, Kind: KindTooLarge, Status: resp.StatusCode, Err: fmt.Errorf("body over %d bytes", f.maxBody)}
	}
	if err := f.keep(resp, body); err != nil {
		return nil, err
	}
	if opt.Want == wantHTML && ct == "" {
		if sniffed := http.DetectContentType(body); !isHTMLType(sniffed) {
			return nil, &FetchError{URL: rawURL, Kind: KindNotHTML, Status: resp.StatusCode, Err: fmt.Errorf("sniffed content type %q", sniffed)}
		}
	}
	out.Body = body
	return out, nil
}

// isRedirect reports whether an HTTP status sends the client to its Location.
func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// noFollow is the crawler's http.Client CheckRedirect: every redirect comes back as a
// response, so that the crawler checks robots.txt and waits its turn for each hop.
func noFollow(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// parseRetryAfter reads a Retry-After header given in seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// decodeHTML converts an HTML body to UTF-8. A charset in the Content-Type header or a byte
// order mark is obeyed; otherwise a body that is valid UTF-8 is taken as UTF-8, and the
// <meta charset> or the HTML5 default (windows-1252) decides for the rest. It returns the
// charset used.
func decodeHTML(body []byte, contentType string) ([]byte, string, error) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && utf8.Valid(body) {
		return body, "utf-8", nil
	}
	if name == "utf-8" {
		body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), name, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, name, nil
}

// utf8Header returns a copy of h whose Content-Type says charset=utf-8, since the body handed
// over has been decoded; the original value is kept in X-Original-Content-Type.
func utf8Header(h http.Header) http.Header {
	h = h.Clone()
	ct := h.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || ct == "" {
		mt, params = "text/html", map[string]string{}
	}
	if ct != "" {
		h.Set("X-Original-Content-Type", ct)
	}
	params["charset"] = "utf-8"
	h.Set("Content-Type", mime.FormatMediaType(mt, params))
	return h
}

// robotsPath is the path and query robots.txt rules are tested against.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}
