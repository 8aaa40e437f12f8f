// Package warc reads and writes Web ARChive files (WARC, ISO 28500), the
// format crawlers keep raw HTTP exchanges in, so that a crawl can be
// re-extracted offline and third-party archives (Common Crawl's news WARCs,
// wget --warc-file) can be ingested.
//
// The Reader iterates the records of a WARC/1.0 or WARC/1.1 file, plain or
// gzip (one record per gzip member or one stream for the whole file), and
// ParseResponse turns a response record into a status, headers and a body
// with transfer and content encodings removed. The Writer writes WARC/1.1
// files, gzip with one record per member, a warcinfo record first, and a
// request and a response record per fetch; it rotates files at a size limit.
package warc

import (
	"crypto/sha1"
	"encoding/base32"
	"io"
	"strconv"
	"strings"
	"time"
)

// Record types (WARC-Type values) this package writes or looks for.
const (
	TypeWarcinfo = "warcinfo"
	TypeRequest  = "request"
	TypeResponse = "response"
	TypeRevisit  = "revisit"
	TypeMetadata = "metadata"
	TypeResource = "resource"
)

// Field is one named field of a record's header, as written.
type Field struct {
	Name, Value string
}

// Header is a record's named fields, in the order they were written. Names
// are matched without regard to case, as the standard asks.
type Header []Field

// Get returns the value of the first field named name, or "".
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Record is one WARC record: its version line, its named fields and its
// content block. Block reads exactly the Content-Length bytes of the block;
// for a record returned by Reader.Next it is valid only until the next call
// to Next.
type Record struct {
	Version string // "WARC/1.0" or "WARC/1.1"
	Header  Header
	Block   io.Reader
}

// Type returns the record's WARC-Type.
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// ID returns the record's WARC-Record-ID, angle brackets included.
func (r *Record) ID() string { return r.Header.Get("WARC-Record-ID") }

// TargetURI returns the record's WARC-Target-URI, without the angle
// brackets some writers (wget, WARC/1.0 drafts) put around it.
func (r *Record) TargetURI() string { return unbracket(r.Header.Get("WARC-Target-URI")) }

// Date returns the record's WARC-Date, or the zero time if it has none or
// it cannot be read.
func (r *Record) Date() time.Time {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(r.Header.Get("WARC-Date")))
	if err != nil {
		return time.Time{}
	}
	return t
}

// ContentLength returns the record's Content-Length, the size of its block.
func (r *Record) ContentLength() int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(r.Header.Get("Content-Length")), 10, 64)
	if err != nil {
		return -1
	}
	return n
}

func unbracket(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return s[1 : len(s)-1]
	}
	return s
}

// Digest returns the WARC digest of b: "sha1:" and the base32 SHA-1, the
// form of WARC-Block-Digest and WARC-Payload-Digest that wget, Heritrix and
// Common Crawl write.
func Digest(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}
