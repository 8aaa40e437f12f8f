package main

import (
	"fmt"
	"maps"

	"github.com/spf13/cobra"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/evaluate"
	"github.com/medcoop/medcoop/extract"
	"github.com/medcoop/medcoop/extract/lexicon"
)

func newEvalCmd(_ *options) *cobra.Command {
	var format string
	var misses bool
	var secondPaths []string
	cmd := &cobra.Command{
		Use:   "eval [--format table|json] [--misses] [--domains SECOND.json]... GOLD.json...",
		Short: "Score extraction against gold annotations (per-field precision, recall, F1 and accuracy)",
		Long: `Score extraction against gold annotations (per-field precision, recall, F1 and accuracy).

With --domains, each cooperation event's domains are a second annotator's
(fixtures/gold/second/, one file per gold file, every event of the gold files in
one of them), and the table adds how far that annotation agrees with the first.`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want table or json", format)}
			}
			second := map[string][]string{}
			for _, path := range secondPaths {
				ds, err := evaluate.LoadSecondDomains(path, lexicon.DomainCodes())
				if err != nil {
					return err
				}
				maps.Copy(second, ds)
			}
			var items []evaluate.Scored
			var agreement evaluate.PRF
			for _, path := range args {
				gold, err := evaluate.LoadGold(path)
				if err != nil {
					return err
				}
				if len(secondPaths) > 0 {
					var agree evaluate.PRF
					if gold, agree, err = evaluate.WithSecondDomains(gold, second); err != nil {
						return fmt.Errorf("eval %s: %w", path, err)
					}
					agreement.Add(agree)
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
			if len(secondPaths) > 0 {
				report.Agreement = &agreement
			}
			if format == "json" {
				return writeJSON(cmd.OutOrStdout(), report.Summary())
			}
			return report.WriteTable(cmd.OutOrStdout(), misses)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().BoolVar(&misses, "misses", false, "also list what was wrong, document by document")
	cmd.Flags().StringArrayVar(&secondPaths, "domains", nil, "score domains against this second annotation (repeatable)")
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
