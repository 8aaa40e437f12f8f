package sources

import (
	"bytes"
	_ "embed" // the default sources file
	"fmt"
)

//go:embed default.yaml
var defaultSources []byte

// Default returns the built-in sources (default.yaml, embedded in the binary): French university
// hospitals, Vietnamese hospitals and medical universities, and the health pages of Vietnamese
// newspapers in Vietnamese, French and English. It is what a crawl uses when no sources file is
// given. Each call parses the file afresh, so the caller may change the Config it gets.
func Default() (*Config, error) {
	cfg, err := Parse(bytes.NewReader(defaultSources), "default.yaml")
	if err != nil {
		return nil, fmt.Errorf("default sources: %w", err)
	}
	return cfg, nil
}
