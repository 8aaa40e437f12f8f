package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract"
)

func newExtractCmd(_ *options) *cobra.Command {
	var pageURL, published string
	var asText, explain bool
	cmd := &cobra.Command{
		Use:   "extract [--url URL] [--published YYYY-MM-DD] FILE|-",
		Short: "Print one page (HTML or plain text) as a document in JSON; needs no database",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			in := extract.Input{URL: pageURL, IsText: asText}
			if published != "" {
				t, err := time.Parse("2006-01-02", published)
				if err != nil {
					return usageError{fmt.Errorf("--published %q: want YYYY-MM-DD", published)}
				}
				in.Published = t
			}
			body, err := readInput(cmd.InOrStdin(), args[0])
			if err != nil {
				return err
			}
			in.Body = body
			if explain {
				doc, mentions, err := extract.Explain(in)
				if err != nil {
					return err
				}
				return writeJSON(cmd.OutOrStdout(), struct {
					Document *medcoop.Document `json:"document"`
					Mentions extract.Mentions  `json:"mentions"`
				}{doc, mentions})
			}
			doc, err := extract.Document(in)
			if err != nil {
				return err
			}
			return writeJSON(cmd.OutOrStdout(), doc)
		},
	}
	cmd.Flags().StringVar(&pageURL, "url", "", "the page's URL")
	cmd.Flags().StringVar(&published, "published", "", "the publication date, when the page does not say it (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&explain, "explain", false, "also print every mention found (institutions, dates, people, cues...), to see why")
	cmd.Flags().BoolVar(&asText, "text", false, "read the input as plain text even if it looks like HTML")
	return cmd
}

// readInput reads a file, or standard input for "-", up to the extraction limit.
func readInput(stdin io.Reader, name string) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		defer f.Close()
		r = f
	}
	raw, err := io.ReadAll(io.LimitReader(r, extract.MaxBodyBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(raw) > extract.MaxBodyBytes {
		return nil, fmt.Errorf("read %s: over the %d-byte limit of one page", name, extract.MaxBodyBytes)
	}
	// A file has no Content-Type header: its charset comes from a BOM, its
	// <meta>, or sniffing (windows-1258 and VISCII pages still exist).
	body, cs, err := extract.DecodeHTML(raw, "")
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	slog.Debug("decoded", "file", name, "charset", cs)
	return body, nil
}
