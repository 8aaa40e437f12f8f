"""Structural check of a WARC.gz file with Python's standard library only:
each gzip member must hold exactly one WARC record (version line, named
fields, a block of Content-Length bytes, then CRLF CRLF). Prints
"N members, M records: TYPE TYPE ..." or exits 1 saying what is wrong."""
import sys
import zlib


def records(member):
    """Split one decompressed member into records; returns their types."""
    types = []
    rest = member
    while rest:
        head, sep, rest = rest.partition(b"\r\n\r\n")
        if not sep:
            sys.exit("record header without its blank line")
        lines = head.split(b"\r\n")
        if not lines[0].startswith(b"WARC/1."):
            sys.exit("record starts with %r, not a WARC version" % lines[0][:20])
        fields = {}
        for line in lines[1:]:
            name, colon, value = line.partition(b":")
            if not colon:
                sys.exit("malformed field %r" % line[:40])
            fields[name.strip().lower()] = value.strip()
        length = int(fields[b"content-length"])
        if rest[length:length + 4] != b"\r\n\r\n":
            sys.exit("block of %d bytes not followed by CRLF CRLF" % length)
        rest = rest[length + 4:]
        types.append(fields[b"warc-type"].decode())
    return types


def main(path):
    data = open(path, "rb").read()
    members, types = 0, []
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        member = d.decompress(data) + d.flush()
        if not d.eof:
            sys.exit("member %d is cut short" % (members + 1))
        data = d.unused_data
        members += 1
        got = records(member)
        if len(got) != 1:
            sys.exit("member %d holds %d records" % (members, len(got)))
        types += got
    print("%d members, %d records: %s" % (members, len(types), " ".join(types)))


if __name__ == "__main__":
    main(sys.argv[1])
