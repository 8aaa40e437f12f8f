package medcoop

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxReportGap is how far apart two day-precise dates of one event may be:
// reports often date a signing by the day of the article, or a day late.
const maxReportGap = 3 * 24 * time.Hour

// SameEvent reports whether a and b are two reports of one event: they name
// the same parties (at least two in common, or the only party of the smaller
// one together with every other party missing) and their dates agree at the
// coarser of the two precisions (day-precise dates may differ by a few
// days). An event without a date agrees with a date of its sources'
// publication year, or the year next to it. The ids are not compared: the
// same parties may meet twice in one year.
func SameEvent(a, b *Event) bool {
	shared := SharedParties(a, b)
	need := 2
	if len(a.Parties) < 2 || len(b.Parties) < 2 {
		need = 1
	}
	if shared < need {
		return false
	}
	if a.Date == nil || b.Date == nil {
		return yearsAgree(a, b)
	}
	return datesAgree(a.Date, b.Date)
}

// yearsAgree compares the years of two events when one has no date: the
// year of its date, else of its first source's publication. The same
// parties sign again years later; a report without a date is not every one
// of their events. Unknown years agree.
func yearsAgree(a, b *Event) bool {
	ya, yb := eventYear(a), eventYear(b)
	if ya == 0 || yb == 0 {
		return true
	}
	return ya-yb <= 1 && yb-ya <= 1
}

func eventYear(e *Event) int {
	v := ""
	if e.Date != nil {
		v = e.Date.Value
	} else if len(e.Sources) > 0 {
		v = e.Sources[0].Published
	}
	if len(v) < 4 {
		return 0
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return 0
	}
	return y
}

// SharedParties counts the parties two events have in common, by id.
func SharedParties(a, b *Event) int {
	ids := make(map[string]bool, len(a.Parties))
	for _, p := range a.Parties {
		ids[p.ID] = true
	}
	n := 0
	for _, p := range b.Parties {
		if ids[p.ID] {
			n++
			delete(ids, p.ID)
		}
	}
	return n
}

func datesAgree(a, b *Date) bool {
	if a.Precision == Day && b.Precision == Day {
		ta, errA := time.Parse("2006-01-02", a.Value)
		tb, errB := time.Parse("2006-01-02", b.Value)
		if errA != nil || errB != nil {
			return a.Value == b.Value
		}
		d := ta.Sub(tb)
		if d < 0 {
			d = -d
		}
		return d <= maxReportGap
	}
	n := min(len(a.Value), len(b.Value))
	return a.Value[:n] == b.Value[:n]
}

// Merge folds the report b into a: sources, parties' surfaces and evidence,
// people, domains and countries that a lacks are added; a's own values win
// where both have one, except that a more precise date replaces a vaguer one.
// An event an editor has reviewed keeps its fields and only gains sources.
func (a *Event) Merge(b *Event) {
	for _, s := range b.Sources {
		if !slices.ContainsFunc(a.Sources, func(x Source) bool { return x.URL == s.URL }) {
			a.Sources = append(a.Sources, s)
		}
	}
	if a.Reviewed() {
		return
	}
	if a.Date == nil || (b.Date != nil && PrecisionRank(b.Date.Precision) > PrecisionRank(a.Date.Precision)) {
		a.Date = b.Date
	}
	if a.Place == nil {
		a.Place = b.Place
	}
	for _, pb := range b.Parties {
		i := slices.IndexFunc(a.Parties, func(p Party) bool { return p.ID == pb.ID })
		if i < 0 {
			a.Parties = append(a.Parties, pb)
			continue
		}
		for _, s := range pb.Surface {
			if !slices.Contains(a.Parties[i].Surface, s) {
				a.Parties[i].Surface = append(a.Parties[i].Surface, s)
			}
		}
	}
	for _, c := range b.Countries {
		if !slices.Contains(a.Countries, c) {
			a.Countries = append(a.Countries, c)
		}
	}
	for _, db := range b.Domains {
		if !slices.ContainsFunc(a.Domains, func(d Domain) bool { return d.Code == db.Code }) {
			a.Domains = append(a.Domains, db)
		}
	}
	for _, pb := range b.People {
		if !slices.ContainsFunc(a.People, func(p Person) bool { return strings.EqualFold(p.NameASCII, pb.NameASCII) }) {
			a.People = append(a.People, pb)
		}
	}
	if b.Confidence > a.Confidence {
		a.Confidence = b.Confidence
	}
}

// PrecisionRank orders precisions: day 3, month 2, year 1, unknown 0.
func PrecisionRank(p Precision) int {
	switch p {
	case Day:
		return 3
	case Month:
		return 2
	case Year:
		return 1
	}
	return 0
}
