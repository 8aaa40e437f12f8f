package evaluate

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	medcoop "github.com/medcoop/medcoop"
)

// PRF counts matches of a set-valued field, micro-averaged over documents.
type PRF struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Add adds o's counts to s.
func (s *PRF) Add(o PRF) { s.TP, s.FP, s.FN = s.TP+o.TP, s.FP+o.FP, s.FN+o.FN }

// Precision is TP / (TP + FP), 1 when nothing was predicted.
func (s PRF) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN), 1 when nothing was expected.
func (s PRF) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s PRF) F1() float64 { return harmonic(s.Precision(), s.Recall()) }

// Accuracy counts right answers of a single-valued field.
type Accuracy struct {
	Right int `json:"right"`
	Total int `json:"total"`
}

// Rate is Right / Total, 1 when there was nothing to score.
func (a Accuracy) Rate() float64 { return ratio(a.Right, a.Total) }

func (a *Accuracy) add(right bool) {
	a.Total++
	if right {
		a.Right++
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// Report is the score of a set of documents.
type Report struct {
	Documents   int      `json:"documents"`
	Language    Accuracy `json:"language"`
	Cooperation Accuracy `json:"cooperation"`
	Type        Accuracy `json:"type"`
	Date        Accuracy `json:"date"`
	Parties     PRF      `json:"parties"`
	People      PRF      `json:"people"`
	Domains     PRF      `json:"domains"`
	Countries   PRF      `json:"countries"`
	Grouping    PRF      `json:"grouping"`
	// Confidence is how well the events' confidence ranks the wrong ones
	// below the right ones, as an editor's queue needs; its AUC is in
	// Summary.
	Confidence Ranking `json:"-"`
	// Misses says, per document, what was wrong: for reading, not parsing.
	Misses []string `json:"misses"`
	// Agreement, when domains were scored against a second annotation,
	// is how far that annotation agrees with the first.
	Agreement *PRF `json:"-"`
}

// Scored is one gold document with what was extracted from it.
type Scored struct {
	Gold GoldDoc
	Doc  *medcoop.Document
}

// Score compares the extracted documents with their gold.
func Score(items []Scored) Report {
	var r Report
	for _, it := range items {
		r.scoreDoc(it)
	}
	r.scoreGrouping(items)
	return r
}

func (r *Report) miss(it Scored, format string, args ...any) {
	name := it.Gold.File
	if name == "" {
		name = it.Gold.URL
	}
	r.Misses = append(r.Misses, name+": "+fmt.Sprintf(format, args...))
}

func (r *Report) scoreDoc(it Scored) {
	g, d := it.Gold.Gold, it.Doc
	r.Documents++
	if it.Gold.Lang != "" {
		r.Language.add(d.Lang == it.Gold.Lang)
		if d.Lang != it.Gold.Lang {
			r.miss(it, "language %s, want %s", d.Lang, it.Gold.Lang)
		}
	}
	r.Cooperation.add((len(d.Events) > 0) == g.IsCooperation)
	if !g.IsCooperation {
		for _, ev := range d.Events {
			r.Confidence.Add(ev.Confidence, false)
			r.Parties.FP += len(ev.Parties)
			r.miss(it, "event %s %v where the gold has none", ev.Type, partyNames(ev.Parties))
		}
		return
	}
	ev := bestEvent(d.Events, g.Parties)
	if ev == nil {
		r.miss(it, "no event, want %s with %d parties", g.EventType, len(g.Parties))
		ev = &medcoop.Event{}
	}
	found := ev.Type != ""
	right := found && ev.Type == medcoop.EventType(g.EventType)
	r.Type.add(ev.Type == medcoop.EventType(g.EventType))
	if ev.Type != medcoop.EventType(g.EventType) && ev.Type != "" {
		r.miss(it, "type %s, want %s", ev.Type, g.EventType)
	}
	if g.EventDate != "" {
		got := ""
		if ev.Date != nil {
			got = ev.Date.Value
		}
		dated := got != "" && strings.HasPrefix(got, g.EventDate)
		right = right && dated
		r.Date.add(dated)
		if !dated {
			r.miss(it, "date %q, want %q", got, g.EventDate)
		}
	}
	tp, fp, fn := matchSets(ev.Parties, g.Parties, PartyMatches)
	r.Parties.Add(PRF{TP: tp, FP: len(fp), FN: len(fn)})
	if found {
		// An editor needs the event's type, date and parties right;
		// its people and domains are read from the evidence.
		r.Confidence.Add(ev.Confidence, right && len(fp) == 0 && len(fn) == 0)
	}
	for _, p := range fp {
		r.miss(it, "extra party %q", p.Name)
	}
	for _, p := range fn {
		r.miss(it, "missed party %q", p.Name)
	}
	ptp, pfp, pfn := matchSets(ev.People, g.People, PersonMatches)
	r.People.Add(PRF{TP: ptp, FP: len(pfp), FN: len(pfn)})
	for _, p := range pfp {
		r.miss(it, "extra person %q", p.Name)
	}
	for _, p := range pfn {
		r.miss(it, "missed person %q", p.Name)
	}
	var codes []string
	for _, dm := range ev.Domains {
		codes = append(codes, dm.Code)
	}
	dtp, dfp, dfn := matchSets(codes, g.Domains, func(a, b string) bool { return a == b })
	r.Domains.Add(PRF{TP: dtp, FP: len(dfp), FN: len(dfn)})
	if len(dfp)+len(dfn) > 0 {
		r.miss(it, "domains: extra %v, missed %v", dfp, dfn)
	}
	ctp, cfp, cfn := matchSets(ev.Countries, g.Countries, func(a, b string) bool { return a == b })
	r.Countries.Add(PRF{TP: ctp, FP: len(cfp), FN: len(cfn)})
	if len(cfp)+len(cfn) > 0 {
		r.miss(it, "countries: extra %v, missed %v", cfp, cfn)
	}
}

// Ranking measures a score against right and wrong answers: AUC is the
// chance that a right answer scores above a wrong one (ties count half),
// 1 when every wrong one is below every right one, 0.5 for chance.
type Ranking struct {
	Right []float64 `json:"-"`
	Wrong []float64 `json:"-"`
}

// Add records one answer's score.
func (k *Ranking) Add(score float64, right bool) {
	if right {
		k.Right = append(k.Right, score)
	} else {
		k.Wrong = append(k.Wrong, score)
	}
}

// AUC returns the area under the ROC curve, 1 when there is nothing to rank.
func (k Ranking) AUC() float64 {
	if len(k.Right) == 0 || len(k.Wrong) == 0 {
		return 1
	}
	var sum float64
	for _, r := range k.Right {
		for _, w := range k.Wrong {
			switch {
			case r > w:
				sum++
			case r == w:
				sum += 0.5
			}
		}
	}
	return sum / float64(len(k.Right)*len(k.Wrong))
}

// Ranked reports whether there is anything to rank: a right answer and a
// wrong one.
func (k Ranking) Ranked() bool { return len(k.Right) > 0 && len(k.Wrong) > 0 }

// N is the number of answers ranked.
func (k Ranking) N() int { return len(k.Right) + len(k.Wrong) }

// matchSets pairs predictions with gold items one to one, greedily, and
// returns the number matched, the unmatched predictions and the unmatched gold.
func matchSets[P, G any](pred []P, gold []G, match func(P, G) bool) (int, []P, []G) {
	used := make([]bool, len(gold))
	var extra []P
	tp := 0
	for _, p := range pred {
		found := false
		for i, g := range gold {
			if !used[i] && match(p, g) {
				used[i], found = true, true
				tp++
				break
			}
		}
		if !found {
			extra = append(extra, p)
		}
	}
	var missed []G
	for i, g := range gold {
		if !used[i] {
			missed = append(missed, g)
		}
	}
	return tp, extra, missed
}

// bestEvent is the event with the most parties in common with the gold.
func bestEvent(events []medcoop.Event, gold []GoldParty) *medcoop.Event {
	var best *medcoop.Event
	bestN := -1
	for i := range events {
		n, _, _ := matchSets(events[i].Parties, gold, PartyMatches)
		if n > bestN {
			best, bestN = &events[i], n
		}
	}
	return best
}

// scoreGrouping scores pairs of cooperation documents: two reports of one
// gold event should land on one stored event, two of different events
// should not. The store files a report under an event that
// medcoop.SameEvent says it reports, whatever their ids (reports in two
// languages with a partner spelled in each have different ids; a visit and
// a later signing of the same partners share one), and so does this.
func (r *Report) scoreGrouping(items []Scored) {
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			a, b := items[i], items[j]
			if !a.Gold.Gold.IsCooperation || !b.Gold.Gold.IsCooperation || a.Gold.EventID == "" || b.Gold.EventID == "" {
				continue
			}
			same := a.Gold.EventID == b.Gold.EventID
			shared := shareEvent(a.Doc, b.Doc)
			switch {
			case same && shared:
				r.Grouping.TP++
			case same:
				r.Grouping.FN++
				r.Misses = append(r.Misses, fmt.Sprintf("%s and %s: one event, filed as two", a.Gold.URL, b.Gold.URL))
			case shared:
				r.Grouping.FP++
				r.Misses = append(r.Misses, fmt.Sprintf("%s and %s: different events, filed as one", a.Gold.URL, b.Gold.URL))
			}
		}
	}
}

// shareEvent reports whether the store would file an event of a and one
// of b as one: two reports of one event (SameEvent), each with its page as
// its source, as the store gives it. The same id is not enough: the store
// files a report under an event with its id only when SameEvent agrees
// (the same partners' visit in March and signing in October share an id).
func shareEvent(a, b *medcoop.Document) bool {
	for _, x := range a.Events {
		for _, y := range b.Events {
			if medcoop.SameEvent(withSource(x, a), withSource(y, b)) {
				return true
			}
		}
	}
	return false
}

// withSource returns a copy of ev whose one source is the page d.
func withSource(ev medcoop.Event, d *medcoop.Document) *medcoop.Event {
	ev.Sources = []medcoop.Source{{URL: d.URL, Lang: d.Lang, Title: d.Title, Published: d.Published}}
	return &ev
}

func partyNames(ps []medcoop.Party) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

// WriteTable prints the report as a table, then the misses.
func (r Report) WriteTable(w io.Writer, withMisses bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "FIELD\tPRECISION\tRECALL\tF1\tACCURACY\tN\n")
	for _, f := range []struct {
		name string
		s    PRF
	}{{"parties", r.Parties}, {"people", r.People}, {"domains", r.Domains}, {"countries", r.Countries}, {"grouping (pairs)", r.Grouping}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t\t%d\n", f.name, f.s.Precision(), f.s.Recall(), f.s.F1(), f.s.TP+f.s.FN)
	}
	for _, f := range []struct {
		name string
		a    Accuracy
	}{{"language", r.Language}, {"cooperation or not", r.Cooperation}, {"type", r.Type}, {"event date", r.Date}} {
		fmt.Fprintf(tw, "%s\t\t\t\t%.3f\t%d\n", f.name, f.a.Rate(), f.a.Total)
	}
	auc := "-" // nothing to rank: no wrong event, or no right one
	if r.Confidence.Ranked() {
		auc = fmt.Sprintf("%.3f", r.Confidence.AUC())
	}
	fmt.Fprintf(tw, "confidence (AUC, %d wrong)\t\t\t\t%s\t%d\n", len(r.Confidence.Wrong), auc, r.Confidence.N())
	if a := r.Agreement; a != nil {
		fmt.Fprintf(tw, "domains: second annotator vs first\t%.3f\t%.3f\t%.3f\t\t%d\n", a.Precision(), a.Recall(), a.F1(), a.TP+a.FN)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if withMisses && len(r.Misses) > 0 {
		fmt.Fprintln(w, "\nwhat was wrong:")
		for _, m := range slices.Compact(slices.Clone(r.Misses)) {
			fmt.Fprintln(w, "  "+m)
		}
	}
	return nil
}

// Summary is the report's numbers, for JSON output: each set-valued field
// with precision, recall and F1, each single-valued one with its accuracy.
type Summary struct {
	Documents int                  `json:"documents"`
	Fields    map[string]FieldStat `json:"fields"`
	Misses    []string             `json:"misses"`
}

// FieldStat is one field's score.
type FieldStat struct {
	Precision *float64 `json:"precision,omitempty"`
	Recall    *float64 `json:"recall,omitempty"`
	F1        *float64 `json:"f1,omitempty"`
	Accuracy  *float64 `json:"accuracy,omitempty"`
	N         int      `json:"n"`
}

// Summary returns the report's numbers.
func (r Report) Summary() Summary {
	s := Summary{Documents: r.Documents, Fields: map[string]FieldStat{}, Misses: r.Misses}
	for name, v := range map[string]PRF{"parties": r.Parties, "people": r.People, "domains": r.Domains,
		"countries": r.Countries, "grouping": r.Grouping} {
		p, rc, f := v.Precision(), v.Recall(), v.F1()
		s.Fields[name] = FieldStat{Precision: &p, Recall: &rc, F1: &f, N: v.TP + v.FN}
	}
	for name, v := range map[string]Accuracy{"language": r.Language, "cooperation": r.Cooperation,
		"type": r.Type, "date": r.Date} {
		a := v.Rate()
		s.Fields[name] = FieldStat{Accuracy: &a, N: v.Total}
	}
	conf := FieldStat{N: r.Confidence.N()} // no accuracy when there is nothing to rank
	if r.Confidence.Ranked() {
		auc := r.Confidence.AUC()
		conf.Accuracy = &auc
	}
	s.Fields["confidence_auc"] = conf
	if a := r.Agreement; a != nil {
		p, rc, f := a.Precision(), a.Recall(), a.F1()
		s.Fields["domains_agreement"] = FieldStat{Precision: &p, Recall: &rc, F1: &f, N: a.TP + a.FN}
	}
	if s.Misses == nil {
		s.Misses = []string{}
	}
	return s
}
