package main

import (
	"fmt"

	"github.com/spf13/cobra"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/evaluate"
	"github.com/medcoop/medcoop/extract"
)

func newEvalCmd(_ *options) *cobra.Command {
	var format string
	var misses bool
	cmd := &cobra.Command{
		Use:   "eval [--format table|json] [--misses] GOLD.json...",
		Short: "Score extraction against gold annotations (per-field precision, recall, F1 and accuracy)",
		Args:  usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want table or json", format)}
			}
			var items []evaluate.Scored
			for _, path := range args {
				gold, err := evaluate.LoadGold(path)
				if err != nil {
					return err
				}
				for _, g := range gold {
					doc, err := extractGold(g)
					if err != nil {
						return fmt.Errorf("eval %s: %s: %w", path, g.File, err)
					}
					items = append(items, evaluate.Scored{Gold: g, Doc: doc})
				}
			}
			report := evaluate.Score(items)
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), report.Summary())
			}
			return report.WriteTable(cmd.OutOrStdout(), misses)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().BoolVar(&misses, "misses", false, "also list what was wrong, document by document")
	return cmd
}

// extractGold extracts a gold document's text as `medcoop extract` would,
// with its publication date when the gold gives one.
func extractGold(g evaluate.GoldDoc) (*medcoop.Document, error) {
	published, err := g.PublishedTime()
	if err != nil {
		return nil, err
	}
	return extract.Document(extract.Input{Body: []byte(g.Text), IsText: true, URL: g.URL, Published: published})
}
