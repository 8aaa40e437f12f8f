package medcoop

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/medcoop/medcoop/extract/textnorm"
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
//
// Reports in two languages may also share only one party by id when the
// other is an institution the gazetteer does not know: its id comes from its
// name as written, so "Bệnh viện Đại học Udon Thani" and "l'hôpital
// universitaire d'Udon Thani" differ. PairedPartners says when that is
// still one event, and pairedByCity when the two share no id at all
// because every partner is spelled each report's own way.
func SameEvent(a, b *Event) bool {
	shared := SharedParties(a, b)
	need := 2
	if len(a.Parties) < 2 || len(b.Parties) < 2 {
		need = 1
	}
	if shared < need {
		if shared == 0 {
			return pairedByCity(a, b)
		}
		return PairedPartners(a, b)
	}
	if a.Date == nil || b.Date == nil {
		return yearsAgree(a, b)
	}
	return datesAgree(a.Date, b.Date)
}

// DiscoveredPrefix starts the id of an institution found by pattern and not
// in the gazetteer (extract/lexicon.DiscoveredID), or added by an editor
// under a new name: "x-" and a hash of its folded name.
const DiscoveredPrefix = "x-"

// Discovered reports whether the party is an institution the gazetteer does
// not know, identified only by its name as written.
func (p *Party) Discovered() bool { return strings.HasPrefix(p.ID, DiscoveredPrefix) }

// PairedPartners reports whether a and b, which share at least one party by
// id, are one event whose other parties are the same institutions written
// in two ways: every party of either that the other lacks has, among the
// parties the other lacks, one that could be it (couldBeSame: two
// discovered ones of the same country and kind, where both say one; or a
// discovered one and a gazetteer one of the same country, kind and city,
// when one language's spelling is not in the gazetteer: "hôpital
// d'oncologie de Da Nang" and Da Nang Oncology Hospital); both dates are
// day-precise and the same day; and the two are not reports of the very
// same pages (one page naming two partners of one country in two events
// reports two events). The same day, not maxReportGap apart: a delegation
// touring a country signs with one of its hospitals a day, and only the
// partners' names, which are not compared, would tell those signings
// apart. Two gazetteer parties are never paired: a gazetteer id is the
// same in every language, so a different id is a different institution.
func PairedPartners(a, b *Event) bool {
	if SharedParties(a, b) == 0 || a.Date == nil || b.Date == nil ||
		a.Date.Precision != Day || b.Date.Precision != Day || a.Date.Value != b.Date.Value {
		return false
	}
	if len(a.Sources) > 0 && sameSources(a.Sources, b.Sources) {
		return false
	}
	onlyA, onlyB := unshared(a, b), unshared(b, a)
	return len(onlyA) > 0 && len(onlyB) > 0 && allPaired(onlyA, onlyB) && allPaired(onlyB, onlyA)
}

// pairedByCity reports whether a and b, which share no party by id, are one
// event all of whose partners each report spells its own way: two or more
// parties on each side, each of a pairing with exactly one of b that
// could be it (couldBeSame) in the same known city ("Bệnh viện Đa khoa
// vùng Tây Nguyên" and "Central Highlands Regional General Hospital";
// "Đại học Khoa học và Sức khỏe Oregon" and "Oregon Health & Science
// University"), on the same day, from different pages.
func pairedByCity(a, b *Event) bool {
	if len(a.Parties) < 2 || len(a.Parties) != len(b.Parties) || a.Date == nil || b.Date == nil ||
		a.Date.Precision != Day || b.Date.Precision != Day || a.Date.Value != b.Date.Value ||
		len(a.Sources) > 0 && sameSources(a.Sources, b.Sources) {
		return false
	}
	return pairsOnce(a.Parties, b.Parties) && pairsOnce(b.Parties, a.Parties)
}

// pairsOnce reports whether every party of xs could be exactly one of ys
// in the same known city.
func pairsOnce(xs, ys []Party) bool {
	for i := range xs {
		x := &xs[i]
		if countFunc(ys, func(y Party) bool { return couldBeSame(x, &y) && SameCity(x.City, y.City) }) != 1 {
			return false
		}
	}
	return true
}

// unshared returns the parties of a whose id b does not name.
func unshared(a, b *Event) []*Party {
	var out []*Party
	for i := range a.Parties {
		p := &a.Parties[i]
		if !slices.ContainsFunc(b.Parties, func(q Party) bool { return q.ID == p.ID }) {
			out = append(out, p)
		}
	}
	return out
}

// allPaired reports whether every party of xs could be one of ys.
func allPaired(xs, ys []*Party) bool {
	for _, x := range xs {
		if !slices.ContainsFunc(ys, func(y *Party) bool { return couldBeSame(x, y) }) {
			return false
		}
	}
	return true
}

// couldBeSame reports whether two parties, one of them at least discovered,
// could be one institution named in two languages: the same known country,
// the same kind unless one of them says none, and, when one is from the
// gazetteer, the same city (the gazetteer's, and the place the discovered
// name holds).
func couldBeSame(x, y *Party) bool {
	if !x.Discovered() && !y.Discovered() || x.Country == "" || x.Country != y.Country {
		return false
	}
	if !(x.Kind == y.Kind || vagueKind(x.Kind) || vagueKind(y.Kind)) {
		return false
	}
	return x.Discovered() && y.Discovered() || SameCity(x.City, y.City)
}

// SameCity compares two city names folded, spaces aside: "Da Nang",
// "Đà Nẵng" and "Danang" are one city. An unknown city is no city.
func SameCity(a, b string) bool {
	key := func(s string) string { return strings.ReplaceAll(textnorm.Key(s), " ", "") }
	return a != "" && b != "" && key(a) == key(b)
}

func vagueKind(k PartyKind) bool { return k == "" || k == OtherKind }

// pairing maps the id of each party of b that a lacks to the index in
// a.Parties of the one party a has and b lacks that could be it, when
// neither has another candidate: a partner spelled in two languages is
// folded, two partners of one country that either report names are not.
func pairing(a, b *Event) map[string]int {
	onlyA, onlyB := unshared(a, b), unshared(b, a)
	out := map[string]int{}
	for _, pb := range onlyB {
		var match *Party
		n := 0
		for _, pa := range onlyA {
			if couldBeSame(pb, pa) {
				match, n = pa, n+1
			}
		}
		if n != 1 || countFunc(onlyB, func(q *Party) bool { return couldBeSame(q, match) }) != 1 {
			continue
		}
		out[pb.ID] = slices.IndexFunc(a.Parties, func(p Party) bool { return p.ID == match.ID })
	}
	return out
}

func countFunc[T any](xs []T, f func(T) bool) int {
	n := 0
	for _, x := range xs {
		if f(x) {
			n++
		}
	}
	return n
}

// sameSources reports whether two lists name the same pages.
func sameSources(a, b []Source) bool {
	has := func(list []Source, url string) bool {
		return slices.ContainsFunc(list, func(s Source) bool { return s.URL == url })
	}
	for _, s := range a {
		if !has(b, s.URL) {
			return false
		}
	}
	for _, s := range b {
		if !has(a, s.URL) {
			return false
		}
	}
	return true
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
// When PairedPartners (or, for reports that share no id, the pairing by
// city) says b names a discovered partner of a in its own language, and
// that pairing is one to one, the partner stays one party
// that gains b's spellings, and b's people affiliated to it are a's. An
// event an editor has reviewed keeps its fields and only gains sources.
func (a *Event) Merge(b *Event) {
	var fold map[string]int
	if !a.Reviewed() && (PairedPartners(a, b) || pairedByCity(a, b)) {
		fold = pairing(a, b)
	}
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
		if j, ok := fold[pb.ID]; ok && i < 0 {
			i = j
		}
		if i < 0 {
			a.Parties = append(a.Parties, pb)
			continue
		}
		if pa := &a.Parties[i]; pa.ID != pb.ID && pa.Discovered() && !pb.Discovered() {
			// b names in the gazetteer the partner a found by pattern: the
			// event takes the gazetteer's identity, and a's people follow.
			for k := range a.People {
				if a.People[k].Affiliation == pa.ID {
					a.People[k].Affiliation = pb.ID
				}
			}
			pa.ID, pa.Name, pa.Country, pa.Kind, pa.City = pb.ID, pb.Name, pb.Country, pb.Kind, pb.City
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
			if j, ok := fold[pb.Affiliation]; ok {
				pb.Affiliation = a.Parties[j].ID
			}
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
