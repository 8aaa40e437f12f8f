package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/store"
)

func newEventsCmd(opts *options) *cobra.Command {
	var f store.Filter
	var format string
	cmd := &cobra.Command{
		Use:   "events [filters] [--format table|json|jsonl|csv]",
		Short: "Print the stored events, filtered",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !validFormat(format) {
				return usageError{fmt.Errorf("--format %q: want table, json, jsonl or csv", format)}
			}
			if err := validFilter(f); err != nil {
				return usageError{err}
			}
			st, err := store.Open(opts.db, store.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer st.Close()
			events, err := st.Events(f)
			if err != nil {
				return err
			}
			return writeEvents(cmd.OutOrStdout(), events, format)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Party, "party", "", "a party id or part of its name")
	fl.StringVar(&f.Country, "country", "", "a country code (FR, VN...)")
	fl.StringVar(&f.Domain, "domain", "", "a domain code (cardiology...)")
	fl.StringVar(&f.Person, "person", "", "part of a person's name, diacritics optional")
	fl.StringVar(&f.Type, "type", "", "an event type (agreement_signed...)")
	fl.StringVar(&f.Lang, "lang", "", "the language of a source (fr, vi, en)")
	fl.StringVar(&f.From, "from", "", "events on or after this date (YYYY[-MM[-DD]])")
	fl.StringVar(&f.To, "to", "", "events on or before this date (YYYY[-MM[-DD]])")
	fl.StringVar(&f.Status, "status", "", "a review status (unreviewed, verified, corrected, rejected)")
	fl.StringVar(&f.Q, "q", "", "free text")
	fl.StringVar(&format, "format", "table", "table, json, jsonl or csv")
	return cmd
}

// countryRE is a two-letter country code, in either case.
var countryRE = regexp.MustCompile(`^[A-Za-z]{2}$`)

// validFilter checks the filters whose values are closed sets, so that a
// typo is a usage error rather than an empty answer.
func validFilter(f store.Filter) error {
	for name, v := range map[string]string{"--from": f.From, "--to": f.To} {
		if v != "" && !store.ValidDateBound(v) {
			return fmt.Errorf("%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", name, v)
		}
	}
	if f.Country != "" && !countryRE.MatchString(f.Country) {
		return fmt.Errorf("--country %q: want a two-letter ISO 3166 code such as FR or VN", f.Country)
	}
	if f.Type != "" && !slices.Contains(medcoop.EventTypes, medcoop.EventType(f.Type)) {
		return fmt.Errorf("--type %q: want one of %v", f.Type, medcoop.EventTypes)
	}
	switch medcoop.ReviewStatus(f.Status) {
	case "", medcoop.Unreviewed, medcoop.Verified, medcoop.Corrected, medcoop.Rejected:
	default:
		return fmt.Errorf("--status %q: want unreviewed, verified, corrected or rejected", f.Status)
	}
	return nil
}

func validFormat(f string) bool {
	switch f {
	case "table", "json", "jsonl", "csv":
		return true
	}
	return false
}

// writeEvents prints events in one of the output formats.
func writeEvents(w io.Writer, events []medcoop.Event, format string) error {
	switch format {
	case "json":
		if events == nil {
			events = []medcoop.Event{}
		}
		return writeJSON(w, events)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range events {
			if err := enc.Encode(&events[i]); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		return writeCSV(w, events)
	}
	return writeTable(w, events)
}

func writeTable(w io.Writer, events []medcoop.Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tPARTIES\tCOUNTRIES\tDOMAINS\tPEOPLE\tSOURCES\tCONF")
	for _, e := range events {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%.2f\n", dateString(e.Date), e.Type,
			clip(partyNames(e), 70), strings.Join(e.Countries, ","), clip(domainCodes(e), 40),
			len(e.People), sourceLangs(e), e.Confidence)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d event(s)\n", len(events))
	return err
}

func writeCSV(w io.Writer, events []medcoop.Event) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "type", "date", "precision", "place", "place_country", "parties", "party_ids",
		"countries", "domains", "people", "confidence", "status", "sources"})
	for _, e := range events {
		prec, place, placeCountry := "", "", ""
		if e.Date != nil {
			prec = string(e.Date.Precision)
		}
		if e.Place != nil {
			place, placeCountry = e.Place.Name, e.Place.Country
		}
		var ids, people, urls []string
		for _, p := range e.Parties {
			ids = append(ids, p.ID)
		}
		for _, p := range e.People {
			people = append(people, p.Name)
		}
		for _, s := range e.Sources {
			urls = append(urls, s.URL)
		}
		status := string(e.Status())
		cw.Write([]string{e.ID, string(e.Type), dateString(e.Date), prec, place, placeCountry,
			partyNames(e), strings.Join(ids, "; "), strings.Join(e.Countries, "; "), domainCodes(e),
			strings.Join(people, "; "), strconv.FormatFloat(e.Confidence, 'f', 2, 64), status,
			strings.Join(urls, " ")})
	}
	cw.Flush()
	return cw.Error()
}

func dateString(d *medcoop.Date) string {
	if d == nil {
		return "-"
	}
	return d.Value
}

func partyNames(e medcoop.Event) string {
	names := make([]string, len(e.Parties))
	for i, p := range e.Parties {
		names[i] = p.Name
	}
	return strings.Join(names, "; ")
}

func domainCodes(e medcoop.Event) string {
	codes := make([]string, len(e.Domains))
	for i, d := range e.Domains {
		codes[i] = d.Code
	}
	return strings.Join(codes, ",")
}

func sourceLangs(e medcoop.Event) string {
	langs := make([]string, len(e.Sources))
	for i, s := range e.Sources {
		langs[i] = s.Lang
	}
	return fmt.Sprintf("%d (%s)", len(e.Sources), strings.Join(langs, ","))
}

// clip shortens s to n runes for a table cell.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
