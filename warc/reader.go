package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MaxHeaderBytes is the largest named-field block of a record the Reader
// accepts; a bigger one is an error, not an allocation.
const MaxHeaderBytes = 1 << 20

// Reader iterates the records of one WARC file, plain or gzip-compressed.
// It is not safe for concurrent use.
type Reader struct {
	br    *bufio.Reader
	block *blockReader // the block of the record last returned
	n     int          // records returned so far
	err   error        // sticky
}

// NewReader returns a Reader of the WARC file r. A gzip file (told by its
// magic number) is decompressed, every member in turn, so both one record
// per member and one stream per file are read.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("warc: open gzip: %w", err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return &Reader{br: br}, nil
}

// Next returns the next record, or io.EOF after the last one. The record's
// Block is valid until the next call to Next, which skips what of it was
// not read. A file cut short (a crawl killed mid-write) yields its
// complete records, then an error wrapping io.ErrUnexpectedEOF.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	rec, err := r.next()
	if err != nil {
		if err != io.EOF {
			err = fmt.Errorf("warc: record %d: %w", r.n+1, err)
		}
		r.err = err
		return nil, err
	}
	r.n++
	return rec, nil
}

func (r *Reader) next() (*Record, error) {
	if r.block != nil {
		if _, err := io.Copy(io.Discard, r.block); err != nil {
			return nil, fmt.Errorf("skip block: %w", err)
		}
		r.block = nil
	}
	budget := MaxHeaderBytes
	// The two CRLFs that end a record, and any stray blank lines, come
	// before the version line.
	var version string
	for {
		line, err := r.readLine(&budget)
		if err == io.EOF && line == "" {
			return nil, io.EOF
		}
		if err != nil {
			return nil, noEOF(err)
		}
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "WARC/") {
			return nil, fmt.Errorf("want a WARC/ version line, got %q", truncate(line, 40))
		}
		version = line
		break
	}
	var h Header
	for {
		line, err := r.readLine(&budget)
		if err != nil {
			return nil, fmt.Errorf("read header: %w", noEOF(err))
		}
		if line == "" {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && len(h) > 0 {
			h[len(h)-1].Value += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("malformed header line %q", truncate(line, 40))
		}
		h = append(h, Field{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	cl := h.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad or missing Content-Length %q", truncate(cl, 40))
	}
	r.block = &blockReader{r: r.br, left: n}
	return &Record{Version: version, Header: h, Block: r.block}, nil
}

// readLine reads one line without its CRLF (or bare LF), charging its
// length to budget.
func (r *Reader) readLine(budget *int) (string, error) {
	var buf []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		*budget -= len(chunk)
		if *budget < 0 {
			return "", fmt.Errorf("header over %d bytes", MaxHeaderBytes)
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if len(buf) > 0 && err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return string(buf), err
		}
		return string(bytes.TrimRight(buf, "\r\n")), nil
	}
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// blockReader reads the left bytes of a record's block and reports a block
// cut short as io.ErrUnexpectedEOF.
type blockReader struct {
	r    io.Reader
	left int64
}

func (b *blockReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if err == io.EOF && b.left > 0 {
		err = io.ErrUnexpectedEOF
	} else if err == io.EOF {
		err = nil
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("read block: %w", err)
	}
	return n, err
}
