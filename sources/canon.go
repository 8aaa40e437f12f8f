package sources

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// errNotHTTP is returned for URLs that are not absolute http or https URLs.
var errNotHTTP = errors.New("not an absolute http(s) URL")

// Canonicalize returns the canonical form of an absolute http(s) URL, so that two spellings of
// one page compare equal: scheme and host lower-cased, default port, user info and fragment
// dropped, dot segments resolved, an empty path made "/", and tracking parameters (utm_*,
// fbclid, gclid) removed from the query, whose other parameters keep their order.
func Canonicalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonicalize %q: %w", raw, err)
	}
	return canonicalURL(u)
}

func canonicalURL(in *url.URL) (string, error) {
	u := *in
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" {
		return "", fmt.Errorf("canonicalize %q: %w", in.String(), errNotHTTP)
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" || strings.HasPrefix(host, ".") || strings.Contains(host, "..") || strings.ContainsAny(host, " %/\\") {
		return "", fmt.Errorf("canonicalize %q: %w", in.String(), errNotHTTP)
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n <= 0 || n > 65535 {
			return "", fmt.Errorf("canonicalize %q: bad port %q", in.String(), port)
		}
		port = strconv.Itoa(n)
	}
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		u.Host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	} else {
		u.Host = host
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.ForceQuery = false
	u.RawQuery = stripTracking(u.RawQuery)
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	// Resolving an empty reference removes "." and ".." segments.
	u = *u.ResolveReference(&url.URL{RawQuery: u.RawQuery, ForceQuery: false})
	if u.RawQuery == "" {
		u.ForceQuery = false
	}
	return u.String(), nil
}

// stripTracking removes tracking parameters from a raw query, keeping the others in order.
func stripTracking(rawQuery string) string {
	if rawQuery == "" {
		return ""
	}
	parts := strings.Split(rawQuery, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		key, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		key = strings.ToLower(key)
		if strings.HasPrefix(key, "utm_") || key == "fbclid" || key == "gclid" {
			continue
		}
		kept = append(kept, escapeQueryPart(p))
	}
	return strings.Join(kept, "&")
}

// escapeQueryPart percent-encodes the bytes a query may not hold raw (spaces, controls,
// non-ASCII and a few delimiters), so that the canonical form reads back as itself.
func escapeQueryPart(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}#", c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// hostKey is the scheme, host and port a URL's robots.txt and politeness apply to.
func hostKey(u *url.URL) string {
	return u.Scheme + "://" + u.Host
}

// politeKey is what one host worker, one request at a time and one delay apply to: the host
// name, with the port only when it is not the scheme's default. http://x and https://x are
// thus one host for politeness (a redirect from one to the other is followed inline, spaced
// by the host's delay), while robots.txt stays per scheme, host and port (hostKey), as RFC
// 9309 says.
func politeKey(u *url.URL) string {
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	scheme := strings.ToLower(u.Scheme)
	if port == "" || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		return host
	}
	return net.JoinHostPort(host, port)
}
