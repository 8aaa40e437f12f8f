package sources

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is wrapped by the error of a connection refused because the address it would
// reach, after DNS resolution, is loopback, private, link-local, multicast, unspecified or a
// cloud metadata endpoint.
var ErrPrivateAddress = errors.New("refused private address")

// blockedPrefixes are special-purpose ranges the net/netip predicates do not cover.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),         // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),     // carrier-grade NAT; holds Alibaba's 100.100.100.200 metadata
	netip.MustParsePrefix("192.0.0.0/24"),      // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),     // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),       // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),    // local-use NAT64
	netip.MustParsePrefix("fd00:ec2::254/128"), // AWS IPv6 metadata (also inside fc00::/7)
}

// publicAddr reports whether ip may be dialled by a crawler that must not reach internal networks.
// nat64Prefix is the NAT64 well-known prefix (RFC 6052).
var nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")

func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	// NAT64 well-known prefix: judge the embedded IPv4 address.
	if nat64Prefix.Contains(ip) {
		b := ip.As16()
		return publicAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
	}
	return true
}

// refusePrivate is a net.Dialer Control function: it sees the IP actually dialled, after DNS
// resolution and on every redirect, and refuses non-public ones.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !publicAddr(ip) {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	return nil
}

// NewClient returns the HTTP client the crawler uses when given none: timeouts on dialling, TLS
// handshake, response headers and the whole exchange (timeout), no proxy, no redirects followed
// (a redirect is the response: the Crawler follows it itself, one hop at a time, see Crawler),
// and, unless allowPrivate, refusal of non-public addresses. Gzip responses are decompressed
// by the transport.
func NewClient(allowPrivate bool, timeout time.Duration) *http.Client {
	if allowPrivate {
		return newClient(timeout, nil)
	}
	return newClient(timeout, refusePrivate)
}

// newClient builds the client with control as the dialer's Control function.
func newClient(timeout time.Duration, control func(network, address string, c syscall.RawConn) error) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: control}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the address really dialled
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       60 * time.Second,
		MaxIdleConnsPerHost:   2,
	}
	return &http.Client{Transport: transport, Timeout: timeout, CheckRedirect: noFollow}
}
