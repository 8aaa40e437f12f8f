package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	medcoop "github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/lexicon"
	"github.com/medcoop/medcoop/extract/textnorm"
	"github.com/medcoop/medcoop/store"
)

// reviewOptions are the flags every review subcommand shares.
type reviewOptions struct {
	*options
	editor string
}

func newReviewCmd(opts *options) *cobra.Command {
	ro := &reviewOptions{options: opts}
	var interactive bool
	cmd := &cobra.Command{
		Use:   "review",
		Short: "List, inspect, correct, merge, split, verify and reject events",
		Long: "review alone, on a terminal, walks through the queue of unreviewed events;\n" +
			"elsewhere it prints the queue, as review list does.",
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			in := cmd.InOrStdin()
			if interactive || (isTerminalReader(in) && isTerminal(cmd.OutOrStdout())) {
				return reviewLoop(ro, in, cmd.OutOrStdout())
			}
			return runList(ro, cmd.OutOrStdout(), "table")
		},
	}
	editor := os.Getenv("USER")
	if editor == "" {
		editor = "unknown"
	}
	cmd.PersistentFlags().StringVar(&ro.editor, "editor", editor, "who makes the changes, recorded with each (default $USER)")
	cmd.Flags().BoolVarP(&interactive, "interactive", "i", false, "walk through the queue even when stdin is not a terminal")
	cmd.AddCommand(newReviewListCmd(ro), newReviewShowCmd(ro), newReviewLogCmd(ro), newReviewUndoCmd(ro),
		newReviewMergeCmd(ro), newReviewSplitCmd(ro))
	for _, op := range []string{store.OpSet, store.OpAdd, store.OpRemove} {
		cmd.AddCommand(newReviewEditCmd(ro, op))
	}
	for _, op := range []string{store.OpVerify, store.OpReject} {
		cmd.AddCommand(newReviewStatusCmd(ro, op))
	}
	return cmd
}

// isTerminalReader reports whether r is a terminal.
func isTerminalReader(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && isTerminal(f)
}

// reviewErr makes an unknown event or an impossible change a usage error.
func reviewErr(err error) error {
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrInvalidEdit) {
		return usageError{err}
	}
	return err
}

// withStore opens the store (read-only for commands that only read) and
// runs fn with it.
func (ro *reviewOptions) withStore(readOnly bool, fn func(st *store.Store) error) error {
	st, err := store.Open(ro.db, store.Options{ReadOnly: readOnly})
	if err != nil {
		return err
	}
	defer st.Close()
	return reviewErr(fn(st))
}

func checkFormat(format string, allowed ...string) error {
	if !slices.Contains(allowed, format) {
		return usageError{fmt.Errorf("--format %q: want %s", format, strings.Join(allowed, " or "))}
	}
	return nil
}

func newReviewListCmd(ro *reviewOptions) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "list [--format table|json]",
		Short: "The queue: unreviewed events, those whose sources disagree first, then the least confident",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			return runList(ro, cmd.OutOrStdout(), format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	return cmd
}

func runList(ro *reviewOptions, w io.Writer, format string) error {
	return ro.withStore(true, func(st *store.Store) error {
		queue, err := st.ReviewQueue()
		if err != nil {
			return err
		}
		if format == "json" {
			if queue == nil {
				queue = []store.QueueItem{}
			}
			return writeJSON(w, queue)
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tCONF\tDATE\tTYPE\tPARTIES\tSOURCES\tCONFLICTS")
		for _, it := range queue {
			e := it.Event
			why := strings.Join(it.Conflicts, "; ")
			if why == "" {
				why = "-"
			}
			fmt.Fprintf(tw, "%s\t%.2f\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Confidence, dateString(e.Date), e.Type,
				clip(partyNames(e), 60), sourceLangs(e), why)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%d event(s) to review\n", len(queue))
		return err
	})
}

// writeJSON prints v as indented JSON, "<" and "&" as written: the one
// JSON form of every command's output.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// shownEvent is review show's JSON: the event and each source's report.
type shownEvent struct {
	Event     *medcoop.Event       `json:"event"`
	Sources   []store.SourceReport `json:"sources"`
	Conflicts []string             `json:"conflicts"`
}

func newReviewShowCmd(ro *reviewOptions) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show ID [--format text|json]",
		Short: "One event with every source and the evidence of each field",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			return ro.withStore(true, func(st *store.Store) error {
				ev, reports, conflicts, err := st.EventReports(args[0])
				if err != nil {
					return err
				}
				if format == "json" {
					if conflicts == nil {
						conflicts = []string{}
					}
					return writeJSON(cmd.OutOrStdout(), shownEvent{ev, reports, conflicts})
				}
				return writeShow(cmd.OutOrStdout(), ev, reports, conflicts)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	return cmd
}

// writeShow prints an event for an editor: its fields with the sentences
// they were read from, then each source with what it alone reported.
func writeShow(w io.Writer, e *medcoop.Event, reports []store.SourceReport, conflicts []string) error {
	bw := bufio.NewWriter(w)
	status := e.Status()
	fmt.Fprintf(bw, "%s  %s  confidence %.2f  %s", e.ID, e.Type, e.Confidence, status)
	if e.Review != nil && e.Review.By != nil {
		fmt.Fprintf(bw, " by %s", *e.Review.By)
		if e.Review.At != nil {
			fmt.Fprintf(bw, " at %s", *e.Review.At)
		}
	}
	fmt.Fprintln(bw)
	writeFields(bw, "", e)
	fmt.Fprintf(bw, "  countries: %s\n", strings.Join(e.Countries, ", "))
	if len(conflicts) > 0 {
		fmt.Fprintf(bw, "  sources disagree: %s\n", strings.Join(conflicts, "; "))
	}
	fmt.Fprintf(bw, "sources (%d):\n", len(reports))
	for i, r := range reports {
		s := r.Source
		fmt.Fprintf(bw, "  [%d] %s\n      %s, published %s: %q\n", i+1, s.URL, s.Lang, orDash(s.Published), s.Title)
		if r.Report == nil {
			fmt.Fprintln(bw, "      (no report of its own: joined by an editor, or the page is gone)")
			continue
		}
		fmt.Fprintf(bw, "      reads: %s, confidence %.2f\n", r.Report.Type, r.Report.Confidence)
		writeFields(bw, "    ", r.Report)
	}
	return bw.Flush()
}

// writeFields prints the date, place, parties, domains and people of e,
// each with its evidence, indented by indent.
func writeFields(w io.Writer, indent string, e *medcoop.Event) {
	p := func(format string, args ...any) { fmt.Fprintf(w, indent+format+"\n", args...) }
	if e.Date == nil {
		p("  date: -")
	} else {
		p("  date: %s (%s)", e.Date.Value, e.Date.Precision)
		if e.Date.Evidence != nil {
			p("      from %s", quoteEvidence(*e.Date.Evidence))
		}
	}
	if e.Place == nil {
		p("  place: -")
	} else {
		p("  place: %s %s", e.Place.Name, e.Place.Country)
	}
	p("  parties:")
	for _, pt := range e.Parties {
		p("    %s [%s] %s %s; written %s", pt.Name, pt.ID, orDash(pt.Country), pt.Kind, quoteAll(pt.Surface))
		for _, ev := range pt.Evidence {
			p("      from %s", quoteEvidence(ev))
		}
	}
	p("  domains:")
	for _, d := range e.Domains {
		p("    %s (%s); written %s", d.Code, d.Label, quoteAll(d.Surface))
	}
	p("  people:")
	for _, pe := range e.People {
		p("    %s (%s) %s %s; written %q", pe.Name, pe.NameASCII, orDash(pe.Role), orDash(pe.Affiliation), pe.Surface)
		if pe.Evidence != nil {
			p("      from %s", quoteEvidence(*pe.Evidence))
		}
	}
}

func quoteEvidence(ev medcoop.Evidence) string {
	return fmt.Sprintf("%q [%d:%d]", ev.Text, ev.Start, ev.End)
}

func quoteAll(ss []string) string {
	if len(ss) == 0 {
		return "-"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

var editFields = map[string][]string{
	store.OpSet:    {"type", "date", "place"},
	store.OpAdd:    {"party", "person", "domain"},
	store.OpRemove: {"party", "person", "domain"},
}

func newReviewEditCmd(ro *reviewOptions, op string) *cobra.Command {
	fields := strings.Join(editFields[op], "|")
	short := map[string]string{
		store.OpSet:    "Set the type, date (YYYY, YYYY-MM or YYYY-MM-DD) or place (City or City, CC) of an event",
		store.OpAdd:    "Add a party, person or domain (a name or an id) to an event",
		store.OpRemove: "Remove a party, person or domain (a name or an id) from an event",
	}[op]
	return &cobra.Command{
		Use:   op + " ID " + fields + " VALUE",
		Short: short,
		Args:  usageArgs(cobra.MinimumNArgs(3)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return ro.withStore(false, func(st *store.Store) error {
				entry, err := applyEdit(st, ro.editor, op, args[0], args[1], strings.Join(args[2:], " "))
				if err != nil {
					return err
				}
				return printEntry(cmd.OutOrStdout(), entry)
			})
		},
	}
}

// applyEdit parses one set, add or remove and makes it.
func applyEdit(st *store.Store, editor, op, id, field, value string) (*store.LogEntry, error) {
	value = strings.TrimSpace(value)
	if !slices.Contains(editFields[op], field) {
		return nil, usageError{fmt.Errorf("%s: field %q: want %s", op, field, strings.Join(editFields[op], ", "))}
	}
	if value == "" {
		return nil, usageError{fmt.Errorf("%s %s: no value", op, field)}
	}
	var entry *store.LogEntry
	var err error
	switch op + " " + field {
	case "set type":
		entry, err = st.SetType(editor, id, medcoop.EventType(value))
	case "set date":
		d, perr := store.ParseDate(value)
		if perr != nil {
			return nil, usageError{fmt.Errorf("set date: %w", perr)}
		}
		entry, err = st.SetDate(editor, id, d)
	case "set place":
		p, perr := parsePlace(value)
		if perr != nil {
			return nil, usageError{perr}
		}
		entry, err = st.SetPlace(editor, id, p)
	case "add party":
		entry, err = st.AddParty(editor, id, resolveParty(value))
	case "add person":
		name := textnorm.NFC(strings.Join(strings.Fields(value), " "))
		ascii := textnorm.ASCII(name)
		if ascii == "" {
			return nil, usageError{fmt.Errorf("add person %q: the name has no Latin-letter form", value)}
		}
		entry, err = st.AddPerson(editor, id, medcoop.Person{Name: name, NameASCII: ascii})
	case "add domain":
		d, perr := resolveDomain(value)
		if perr != nil {
			return nil, usageError{perr}
		}
		entry, err = st.AddDomain(editor, id, d)
	case "remove party":
		entry, err = st.RemoveParty(editor, id, value)
	case "remove person":
		entry, err = st.RemovePerson(editor, id, value)
	case "remove domain":
		entry, err = st.RemoveDomain(editor, id, value)
	}
	return entry, reviewErr(err)
}

// parsePlace reads "City" or "City, CC". A city the place lexicon knows
// gets its English name and, unless given, its country.
func parsePlace(v string) (medcoop.Place, error) {
	name, cc := v, ""
	if i := strings.LastIndex(v, ","); i >= 0 {
		name, cc = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:])
		if !countryRE.MatchString(cc) {
			return medcoop.Place{}, fmt.Errorf("set place %q: want City or City, CC with a two-letter ISO country code", v)
		}
		cc = strings.ToUpper(cc)
	}
	name = textnorm.NFC(strings.Join(strings.Fields(name), " "))
	if name == "" {
		return medcoop.Place{}, fmt.Errorf("set place %q: no city", v)
	}
	for _, m := range lexicon.FindPlaces(name, "") {
		if m.Start == 0 && m.End == len(name) && !m.IsCountry && (cc == "" || cc == m.Country) {
			return medcoop.Place{Name: m.Name, Country: m.Country}, nil
		}
	}
	return medcoop.Place{Name: name, Country: cc}, nil
}

// resolveParty makes a party of what an editor typed: a gazetteer id, a
// name or spelling the gazetteer knows, a name its patterns recognise
// (with the id extraction gives it), else a new institution whose id is
// made from its folded name as extraction makes the ids of the ones it
// discovers.
func resolveParty(value string) medcoop.Party {
	g := lexicon.Institutions()
	fromInst := func(in *lexicon.Institution) medcoop.Party {
		kind := in.Kind
		if kind == "" {
			kind = medcoop.OtherKind
		}
		return medcoop.Party{ID: in.ID, Name: in.Name, Country: in.Country, Kind: kind, Surface: []string{}}
	}
	if in, ok := g.ByID(value); ok {
		return fromInst(in)
	}
	name := textnorm.NFC(strings.Join(strings.Fields(value), " "))
	key := textnorm.Key(name)
	for _, in := range g.All() {
		if textnorm.Key(in.Name) == key || slices.ContainsFunc(in.Aliases, func(a string) bool { return textnorm.Key(a) == key }) {
			return fromInst(in)
		}
	}
	for _, m := range g.Find(name) {
		if m.Start == 0 && m.End == len(name) {
			return fromInst(m.Institution)
		}
	}
	return medcoop.Party{ID: lexicon.DiscoveredID(name), Name: name, Kind: medcoop.OtherKind, Surface: []string{}}
}

// resolveDomain takes a domain code, or the English label of one.
func resolveDomain(value string) (medcoop.Domain, error) {
	code := strings.ToLower(value)
	if label := lexicon.DomainLabel(code); label != "" {
		return medcoop.Domain{Code: code, Label: label}, nil
	}
	for _, c := range lexicon.DomainCodes() {
		if textnorm.Key(lexicon.DomainLabel(c)) == textnorm.Key(value) {
			return medcoop.Domain{Code: c, Label: lexicon.DomainLabel(c)}, nil
		}
	}
	return medcoop.Domain{}, fmt.Errorf("add domain %q: not a domain code (cardiology, medical-education...)", value)
}

func newReviewStatusCmd(ro *reviewOptions, op string) *cobra.Command {
	short := map[string]string{
		store.OpVerify: "Mark an event right as it stands",
		store.OpReject: "Mark an event as not a cooperation event (it stays stored, and events hides it)",
	}[op]
	return &cobra.Command{
		Use:   op + " ID",
		Short: short,
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return ro.withStore(false, func(st *store.Store) error {
				entry, err := setStatus(st, ro.editor, op, args[0])
				if err != nil {
					return err
				}
				return printEntry(cmd.OutOrStdout(), entry)
			})
		},
	}
}

func setStatus(st *store.Store, editor, op, id string) (*store.LogEntry, error) {
	if op == store.OpReject {
		return st.Reject(editor, id)
	}
	return st.Verify(editor, id)
}

func newReviewMergeCmd(ro *reviewOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "merge ID ID...",
		Short: "Join the reports of one event: the first event keeps, the others are folded into it",
		Args:  usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return ro.withStore(false, func(st *store.Store) error {
				entry, err := st.MergeEvents(ro.editor, args[0], args[1:]...)
				if err != nil {
					return err
				}
				return printEntry(cmd.OutOrStdout(), entry)
			})
		},
	}
}

func newReviewSplitCmd(ro *reviewOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "split ID SOURCE-URL...",
		Short: "Take sources out of an event into a new event made from their reports",
		Args:  usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return ro.withStore(false, func(st *store.Store) error {
				entry, err := st.SplitEvent(ro.editor, args[0], args[1:]...)
				if err != nil {
					return err
				}
				return printEntry(cmd.OutOrStdout(), entry)
			})
		},
	}
}

func newReviewLogCmd(ro *reviewOptions) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "log [ID] [--format table|json]",
		Short: "Who changed what, when, from what to what",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			id := ""
			if len(args) == 1 {
				id = args[0]
			}
			return ro.withStore(true, func(st *store.Store) error {
				log, err := st.ReviewLog(id)
				if err != nil {
					return err
				}
				if format == "json" {
					return writeJSON(cmd.OutOrStdout(), log)
				}
				return writeLog(cmd.OutOrStdout(), log)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	return cmd
}

func writeLog(w io.Writer, log []store.LogEntry) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tAT\tEDITOR\tOP\tEVENTS\tFIELD\tBEFORE\tAFTER\tNOTE")
	for _, e := range log {
		note := ""
		switch {
		case e.Undoes != 0:
			note = fmt.Sprintf("takes back #%d", e.Undoes)
		case e.UndoneBy != 0:
			note = fmt.Sprintf("taken back by #%d", e.UndoneBy)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Seq, e.At.Format(time.RFC3339), e.Editor, e.Op,
			strings.Join(e.EventIDs, ","), orDash(e.Field), clip(orDash(e.Before), 50), clip(orDash(e.After), 50), orDash(note))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d change(s)\n", len(log))
	return err
}

func newReviewUndoCmd(ro *reviewOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "undo [ID]",
		Short: "Take back the last change (of that event)",
		Args:  usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := ""
			if len(args) == 1 {
				id = args[0]
			}
			return ro.withStore(false, func(st *store.Store) error {
				entry, err := st.Undo(ro.editor, id)
				if err != nil {
					return err
				}
				return printEntry(cmd.OutOrStdout(), entry)
			})
		},
	}
}

// printEntry says in one line what a change did.
func printEntry(w io.Writer, e *store.LogEntry) error {
	what := e.Op
	if e.Undoes != 0 {
		what = fmt.Sprintf("undo of #%d", e.Undoes)
	}
	line := fmt.Sprintf("#%d %s %s", e.Seq, what, strings.Join(e.EventIDs, ", "))
	if e.Field != "" {
		line += fmt.Sprintf(" %s: %s → %s", e.Field, orDash(e.Before), orDash(e.After))
	}
	_, err := fmt.Fprintf(w, "%s (by %s)\n", line, e.Editor)
	return err
}

const loopHelp = "v verify, r reject, s skip, e edit (set|add|remove FIELD VALUE), u undo this session's last change, q quit"

// sessionChange is a change the interactive walk made, and the counter it
// moved.
type sessionChange struct {
	seq     uint64
	counter *int
}

// reviewLoop walks an editor through the queue: each event is shown, then
// one-letter commands act on it. It reads lines from in, so that it can be
// scripted, and stops at q or at the end of in. The database is opened for
// each action and closed before the next prompt, so that a crawl can run
// while an editor reads; u takes back only this walk's own changes.
func reviewLoop(ro *reviewOptions, in io.Reader, out io.Writer) error {
	var queue []store.QueueItem
	err := ro.withStore(true, func(st *store.Store) error {
		var err error
		queue, err = st.ReviewQueue()
		return err
	})
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(in)
	read := func(prompt string) (string, bool) {
		fmt.Fprint(out, prompt)
		if !sc.Scan() {
			fmt.Fprintln(out)
			return "", false
		}
		return strings.TrimSpace(sc.Text()), true
	}
	var verified, rejected, skipped, edited int
	var made []sessionChange
	change := func(do func(st *store.Store) (*store.LogEntry, error), counter *int) error {
		return ro.withStore(false, func(st *store.Store) error {
			entry, err := do(st)
			if err != nil {
				return err
			}
			made = append(made, sessionChange{entry.Seq, counter})
			*counter++
			return printEntry(out, entry)
		})
	}
	done := func() error {
		_, err := fmt.Fprintf(out, "%d verified, %d rejected, %d skipped, %d change(s) made, %d left in the queue\n",
			verified, rejected, skipped, edited, len(queue)-verified-rejected-skipped)
		if err != nil {
			return err
		}
		return sc.Err()
	}
	fmt.Fprintf(out, "%d event(s) to review. %s\n", len(queue), loopHelp)
	for i := range queue {
		id := queue[i].Event.ID
		show := true
	event:
		for {
			if show {
				err := ro.withStore(true, func(st *store.Store) error {
					ev, reports, conflicts, err := st.EventReports(id)
					if err != nil {
						return err
					}
					fmt.Fprintf(out, "\n(%d/%d) ", i+1, len(queue))
					return writeShow(out, ev, reports, conflicts)
				})
				if errors.Is(err, store.ErrNotFound) {
					fmt.Fprintf(out, "%s is gone (merged or undone)\n", id)
					skipped++
					break event
				}
				if err != nil {
					return err
				}
			}
			show = false
			cmd, ok := read("[v]erify [r]eject [s]kip [e]dit [u]ndo [q]uit > ")
			if !ok {
				return done()
			}
			switch cmd {
			case "v", "r":
				op, counter := store.OpVerify, &verified
				if cmd == "r" {
					op, counter = store.OpReject, &rejected
				}
				err := change(func(st *store.Store) (*store.LogEntry, error) { return setStatus(st, ro.editor, op, id) }, counter)
				var ue usageError
				if errors.As(err, &ue) { // gone meanwhile: another editor merged it
					fmt.Fprintf(out, "not done: %v\n", err)
					continue
				}
				if err != nil {
					return err
				}
				break event
			case "s":
				skipped++
				break event
			case "e":
				line, ok := read("edit> ")
				if !ok {
					return done()
				}
				f := strings.Fields(line)
				if len(f) < 3 {
					fmt.Fprintln(out, "want: set|add|remove FIELD VALUE (set date 2025-11-12, add party CHU Bordeaux)")
					continue
				}
				if _, ok := editFields[f[0]]; !ok {
					fmt.Fprintf(out, "%q: want set, add or remove\n", f[0])
					continue
				}
				err := change(func(st *store.Store) (*store.LogEntry, error) {
					return applyEdit(st, ro.editor, f[0], id, f[1], strings.Join(f[2:], " "))
				}, &edited)
				if err != nil {
					var ue usageError
					if !errors.As(err, &ue) {
						return err
					}
					fmt.Fprintf(out, "not done: %v\n", err)
					continue
				}
				show = true
			case "u":
				if len(made) == 0 {
					fmt.Fprintln(out, "not done: this session has made no change to undo")
					continue
				}
				last := made[len(made)-1]
				err := ro.withStore(false, func(st *store.Store) error {
					entry, err := st.UndoChange(ro.editor, last.seq)
					if err != nil {
						return err
					}
					return printEntry(out, entry)
				})
				switch {
				case err == nil || errors.Is(err, store.ErrNothingToUndo):
					if err != nil { // taken back by someone else meanwhile
						fmt.Fprintf(out, "not done: %v\n", err)
					}
					made = made[:len(made)-1]
					*last.counter--
				case errors.Is(err, store.ErrInvalidEdit):
					fmt.Fprintf(out, "not done: %v\n", err)
					continue
				default:
					return err
				}
				show = true
			case "q":
				return done()
			default:
				fmt.Fprintln(out, loopHelp)
			}
		}
	}
	return done()
}
