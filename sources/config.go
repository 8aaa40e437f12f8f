// Package sources fetches web pages politely and safely: it reads the sources file, obeys
// robots.txt, spaces the requests to each host, discovers pages from start pages, links,
// sitemaps and feeds, refuses private addresses, and hands every fetched HTML page, decoded
// to UTF-8, to a Handler. It knows nothing of events or of the store.
package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// DefaultUserAgent names the crawler and where to learn about it, used when the sources file
// gives no user_agent.
const DefaultUserAgent = "medcoop/0.1 (+https://github.com/medcoop/medcoop)"

// Defaults applied by Parse when a source leaves a field out.
const (
	DefaultMaxDepth = 1
	DefaultDelay    = time.Second
)

// maxSourcesFile bounds how much of a sources file is read.
const maxSourcesFile = 4 << 20

// Source is one site to crawl: where to start, which URLs to follow and how politely.
type Source struct {
	Name     string        // unique name, used in reports
	Lang     string        // ISO 639 language hint, optional
	Start    []string      // start pages, fetched at depth 0
	Feeds    []string      // RSS or Atom feeds whose items are fetched
	Sitemaps []string      // sitemaps or sitemap indexes whose entries are fetched
	Follow   []string      // regular expressions; a link, or the target of a link's redirect to another host, is fetched only if it matches one
	MaxDepth int           // how many links away from a start page the crawl may go
	Delay    time.Duration // least time between two requests to one host

	follow []*regexp.Regexp // Follow, compiled
}

// Follows reports whether u matches one of the source's follow patterns.
func (s *Source) Follows(u string) bool {
	for _, re := range s.follow {
		if re.MatchString(u) {
			return true
		}
	}
	return false
}

// compile compiles the follow patterns if that was not done yet (a Source built by hand).
func (s *Source) compile() error {
	if len(s.follow) == len(s.Follow) {
		return nil
	}
	s.follow = s.follow[:0]
	for _, p := range s.Follow {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("follow pattern %q: %w", p, err)
		}
		s.follow = append(s.follow, re)
	}
	return nil
}

// Config is a parsed sources file.
type Config struct {
	UserAgent string   // User-Agent header sent with every request
	Sources   []Source // in file order
}

type rawConfig struct {
	UserAgent string      `yaml:"user_agent"`
	Sources   []rawSource `yaml:"sources"`
}

type rawSource struct {
	Name     string   `yaml:"name"`
	Lang     string   `yaml:"lang"`
	Start    []string `yaml:"start"`
	Feeds    []string `yaml:"feeds"`
	Sitemaps []string `yaml:"sitemaps"`
	Follow   []string `yaml:"follow"`
	MaxDepth *int     `yaml:"max_depth"`
	Delay    string   `yaml:"delay"`
}

// Load reads and validates the sources file at path.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load sources: %w", err)
	}
	defer f.Close()
	return Parse(f, path)
}

var langPattern = regexp.MustCompile(`^[a-z]{2,3}$`)

// Parse reads and validates a sources file; name is the file's name, used in error messages.
// Unknown keys are errors that give their line. URLs are canonicalised and follow patterns compiled.
func Parse(r io.Reader, name string) (*Config, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSourcesFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, err)
	}
	if len(data) > maxSourcesFile {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxSourcesFile)
	}
	var raw rawConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no sources", name)
		}
		return nil, fmt.Errorf("%s: %s", name, cleanYAMLError(err))
	}
	lines := sourceLines(data)

	cfg := &Config{UserAgent: strings.TrimSpace(raw.UserAgent)}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if strings.ContainsAny(cfg.UserAgent, "\r\n") {
		return nil, fmt.Errorf("%s: user_agent must be one line", name)
	}
	if len(raw.Sources) == 0 {
		return nil, fmt.Errorf("%s: no sources", name)
	}
	names := map[string]int{}
	for i, rs := range raw.Sources {
		where := fmt.Sprintf("%s: source %d", name, i+1)
		if i < len(lines) && lines[i] > 0 {
			where = fmt.Sprintf("%s:%d: source %d", name, lines[i], i+1)
		}
		src, err := rs.validate()
		if err != nil {
			if rs.Name != "" {
				return nil, fmt.Errorf("%s (%s): %w", where, rs.Name, err)
			}
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if prev, dup := names[src.Name]; dup {
			return nil, fmt.Errorf("%s (%s): name already used by source %d", where, src.Name, prev)
		}
		names[src.Name] = i + 1
		cfg.Sources = append(cfg.Sources, src)
	}
	return cfg, nil
}

func (rs rawSource) validate() (Source, error) {
	s := Source{Name: strings.TrimSpace(rs.Name), Lang: strings.TrimSpace(rs.Lang)}
	if s.Name == "" {
		return s, errors.New("name is required")
	}
	if s.Lang != "" && !langPattern.MatchString(s.Lang) {
		return s, fmt.Errorf("lang %q is not an ISO 639 code like fr, vi or en", s.Lang)
	}
	var err error
	if s.Start, err = canonicalList("start", rs.Start); err != nil {
		return s, err
	}
	if s.Feeds, err = canonicalList("feed", rs.Feeds); err != nil {
		return s, err
	}
	if s.Sitemaps, err = canonicalList("sitemap", rs.Sitemaps); err != nil {
		return s, err
	}
	if len(s.Start)+len(s.Feeds)+len(s.Sitemaps) == 0 {
		return s, errors.New("needs at least one start page, feed or sitemap")
	}
	s.Follow = append([]string(nil), rs.Follow...)
	if err := s.compile(); err != nil {
		return s, err
	}
	s.MaxDepth = DefaultMaxDepth
	if rs.MaxDepth != nil {
		if *rs.MaxDepth < 0 {
			return s, fmt.Errorf("max_depth %d is negative", *rs.MaxDepth)
		}
		s.MaxDepth = *rs.MaxDepth
	}
	s.Delay = DefaultDelay
	if d := strings.TrimSpace(rs.Delay); d != "" {
		v, err := time.ParseDuration(d)
		if err != nil {
			return s, fmt.Errorf("delay %q is not a duration like 1s or 500ms", d)
		}
		if v < 0 {
			return s, fmt.Errorf("delay %q is negative", d)
		}
		s.Delay = v
	}
	return s, nil
}

func canonicalList(what string, urls []string) ([]string, error) {
	out := make([]string, 0, len(urls))
	for _, u := range urls {
		c, err := Canonicalize(u)
		if err != nil {
			return nil, fmt.Errorf("%s URL %q is not an absolute http(s) URL", what, u)
		}
		out = append(out, c)
	}
	return out, nil
}

// sourceLines returns the line of each entry of the sources list, for error messages.
func sourceLines(data []byte) []int {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "sources" {
			continue
		}
		var lines []int
		for _, n := range root.Content[i+1].Content {
			lines = append(lines, n.Line)
		}
		return lines
	}
	return nil
}

var yamlTypeSuffix = regexp.MustCompile(` in type sources\.raw\w+`)

// cleanYAMLError drops the internal Go type names from yaml.v3's messages and joins its lines.
func cleanYAMLError(err error) string {
	msg := yamlTypeSuffix.ReplaceAllString(err.Error(), "")
	msg = strings.ReplaceAll(msg, "yaml: unmarshal errors:\n  ", "")
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	msg = strings.ReplaceAll(msg, "field ", "unknown key ")
	return strings.ReplaceAll(msg, " not found", "")
}
