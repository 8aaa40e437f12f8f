// Package dates finds the dates of a news page: its publication date and the
// dates written in its text, resolved to absolute dates with a precision.
//
// Dates are parsed by go-dateparser and go-htmldate. Around them sits a small
// rule layer driven by per-language data files (data/*.yaml): it finds the
// candidate spans (so that "72 médecins" or "2 min" are never read as dates),
// resolves what go-dateparser cannot ("jeudi dernier", "thứ Năm tuần trước",
// "le 3 courant", "sáng qua"), gives a relative week ("la semaine dernière",
// "tuần trước", "last week") as its month rather than as a day, and marks the
// dates that belong to a history or a range ("depuis 1991").
package dates

import (
	"log/slog"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract/textnorm"
	"golang.org/x/text/unicode/norm"
)

// Mention is one date written in a text.
type Mention struct {
	Start, End int // byte offsets in text
	Surface    string
	Value      string // "2025-11-12", "2025-11" or "2025"
	Precision  medcoop.Precision
	Time       time.Time // the first day of the period, midnight UTC
	Relative   bool      // resolved against ref ("jeudi dernier", "hôm qua", "le 12 novembre", "last month")
	Historical bool      // part of a history or range ("depuis 1991", "những năm 1980–1990", "De 1991 à nos jours")
	Today      bool      // a word for the reference day itself ("aujourd'hui", "hôm nay", "today")
}

// graceDays is how far after the reference date a date written without its
// year may fall: "le 20 novembre" in a page of 14 November 2025 announces a
// date to come, in 2025, not one of 2024.
const graceDays = 7

// parser is shared by every call: go-dateparser loads its locale data on
// first use, which is slow, and its Parser is safe for concurrent use.
var parser = &dps.Parser{}

// Find returns the dates in text, resolved against ref (the publication date;
// zero if unknown, in which case relative dates and dates without a year are
// skipped), sorted by Start. lang is "fr", "vi" or "en"; any other language
// gives no dates.
func Find(text, lang string, ref time.Time) []Mention {
	lx, err := lexiconFor(lang)
	if err != nil {
		slog.Debug("dates: no lexicon", "lang", lang, "err", err)
		return nil
	}
	nt, offs := nfcMap(text)
	var refDay time.Time
	if !ref.IsZero() {
		refDay = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []Mention
	for _, c := range chooseCandidates(lx.candidates(nt)) {
		for _, m := range lx.resolve(nt, c, refDay) {
			// "depuis le 15 septembre" starts what the article reports;
			// only a date far from publication is history.
			// A week or month counted from publication is never history.
			if lx.historical(nt, m.Start, m.End) && !(m.Precision == medcoop.Day && near(m.Time, refDay)) &&
				c.kind != kindRelative && c.kind != kindDayRelMonth {
				m.Historical = true
			}
			if first, ok := lx.rangeStart(nt, m); ok {
				if m.Relative {
					first, m = rangeYearFromStart(first, m, refDay)
				}
				first.Start, first.End = offs[first.Start], offs[first.End]
				first.Surface = text[first.Start:first.End]
				out = append(out, first)
			}
			m.Start, m.End = offs[m.Start], offs[m.End]
			m.Surface = text[m.Start:m.End]
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// nfcMap returns text in NFC and, for each byte offset of the result (and its
// length), the offset in text of the same place.
func nfcMap(text string) (string, []int) {
	if norm.NFC.IsNormalString(text) {
		offs := make([]int, len(text)+1)
		for i := range offs {
			offs[i] = i
		}
		return text, offs
	}
	var b strings.Builder
	offs := make([]int, 0, len(text)+1)
	var it norm.Iter
	it.InitString(norm.NFC, text)
	for !it.Done() {
		pos := it.Pos()
		seg := it.Next()
		for range seg {
			offs = append(offs, pos)
		}
		b.Write(seg)
	}
	offs = append(offs, len(text))
	return b.String(), offs
}

// candidate is one match of one pattern in the NFC text.
type candidate struct {
	kind       kind
	start, end int   // the date (or the whole match), for choosing between overlaps
	sub        []int // submatch indices
	p          *pattern
}

// group returns the span of the first non-empty group called name.
func (c candidate) group(name string) (int, int, bool) {
	for _, i := range c.p.groups[name] {
		if c.sub[2*i] >= 0 && c.sub[2*i+1] > c.sub[2*i] {
			return c.sub[2*i], c.sub[2*i+1], true
		}
	}
	return 0, 0, false
}

func (c candidate) text(s, name string) string {
	if a, b, ok := c.group(name); ok {
		return s[a:b]
	}
	return ""
}

// candidates finds the matches of every pattern in s, near digits for the
// patterns whose every match holds one, and keeps those whose end is a word
// boundary.
func (lx *lexicon) candidates(s string) []candidate {
	var out []candidate
	starts := lx.matchStarts(s, nil)
	var near [][2]int
	for i := range lx.patterns {
		p := &lx.patterns[i]
		if !p.needsDigit {
			out = lx.scan(s, p, starts, 0, len(s), out)
			continue
		}
		if near == nil {
			near = digitWindows(s)
		}
		for _, w := range near {
			out = lx.scan(s, p, starts, w[0], w[1], out)
		}
	}
	return out
}

// digitReach is how far from its nearest digit a date may extend
// ("dans les années 1980", "Thứ Năm, ngày 13", "1er décembre").
const digitReach = 32

// digitWindows returns the stretches of s around its digits, merged, each
// starting and ending at a space so that a window edge never cuts a word.
// Patterns whose every match holds a digit search only there: on news text
// this skips most of the text.
func digitWindows(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		a := max(0, i-digitReach)
		for a > 0 && s[a-1] != ' ' && s[a-1] != '\n' {
			a--
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		b := min(len(s), j+digitReach)
		for b < len(s) && s[b] != ' ' && s[b] != '\n' {
			b++
		}
		if n := len(out); n > 0 && a <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], b)
		} else {
			out = append(out, [2]int{a, b})
		}
		i = j
	}
	return out
}

// candidate checks one match: its end must be a word boundary and its date
// plausible.
func (lx *lexicon) candidate(s string, p *pattern, sub []int) (candidate, bool) {
	c := candidate{kind: p.kind, sub: sub, p: p}
	a, b, ok := c.group("all")
	if !ok || !endsAtBoundary(s, b) {
		return candidate{}, false
	}
	c.start, c.end = a, b
	if da, db, ok := c.group("date"); ok {
		c.start, c.end = da, db // overlaps are judged on the date, not its prefix
	}
	return c, lx.plausible(s, c)
}

// plausible rejects candidates that are numbers of another kind: a numeric
// date inside a longer run of numbers, a year followed by a unit ("en 2000
// euros").
func (lx *lexicon) plausible(s string, c candidate) bool {
	a, b, ok := c.group("date")
	if !ok {
		return true
	}
	if isNumericKind(c.kind) && !numericBoundary(s, a, b) {
		return false
	}
	if c.kind == kindYear && lx.quantity.MatchString(s[b:min(len(s), b+40)]) {
		return false
	}
	return true
}

// endsAtBoundary reports whether no letter or digit follows s[:i].
func endsAtBoundary(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i == len(s) || !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r))
}

// chooseCandidates keeps the longest of overlapping candidates, the earliest
// of equally long ones, and of two readings of one span the later kind.
func chooseCandidates(cs []candidate) []candidate {
	sort.SliceStable(cs, func(i, j int) bool {
		li, lj := cs[i].end-cs[i].start, cs[j].end-cs[j].start
		if li != lj {
			return li > lj
		}
		if cs[i].start != cs[j].start {
			return cs[i].start < cs[j].start
		}
		return tiePriority(cs[i].kind) > tiePriority(cs[j].kind)
	})
	var kept []candidate
	for _, c := range cs {
		overlaps := false
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

// tiePriority orders two readings of the same span: "những năm 1980–1990" is
// a decade before it is a range of years, "những năm 2000" a decade before a
// year.
func tiePriority(k kind) int {
	switch k {
	case kindDecade:
		return 100
	case kindYearRange:
		return 99
	}
	return int(k)
}

// parseDate parses s with go-dateparser, day first, preferring the past of cur.
func parseDate(lang, s string, cur time.Time, formats ...string) (date.Date, bool) {
	if cur.IsZero() {
		cur = time.Now().UTC()
	}
	cfg := &dps.Configuration{
		Languages:            []string{lang},
		CurrentTime:          cur,
		DefaultTimezone:      time.UTC,
		DateOrder:            dps.DMY,
		PreferredDayOfMonth:  dps.First,
		PreferredMonthOfYear: dps.FirstMonth,
		PreferredDateSource:  dps.Past,
	}
	d, err := parser.Parse(cfg, s, formats...)
	if err != nil || d.IsZero() {
		return date.Date{}, false
	}
	return d, true
}

// mention builds a Mention over s[start:end] for the period that starts at t.
func mention(start, end int, t time.Time, p medcoop.Precision) Mention {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	m := Mention{Start: start, End: end, Precision: p}
	switch p {
	case medcoop.Year:
		m.Time = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		m.Value = m.Time.Format("2006")
	case medcoop.Month:
		m.Time = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		m.Value = m.Time.Format("2006-01")
	default:
		m.Time = t
		m.Value = t.Format("2006-01-02")
	}
	return m
}

// resolve turns one candidate into zero, one or (for a range) two mentions.
func (lx *lexicon) resolve(s string, c candidate, ref time.Time) []Mention {
	a, b, ok := c.group("date")
	if !ok {
		a, b = c.start, c.end
	}
	switch c.kind {
	case kindDayMonthName, kindMonthDayName, kindNumeric, kindISO, kindMonthYear, kindYear,
		kindNumericDayMonth, kindMonthAlone:
		hasYear := c.text(s, "year") != "" || c.kind == kindNumeric || c.kind == kindISO
		if c.kind == kindMonthDayName && !hasYear {
			// "may 2" is a verb and a number; "June 2-4, 2026" takes the
			// range's year.
			if r, _ := utf8.DecodeRuneInString(c.text(s, "month")); !unicode.IsUpper(r) {
				return nil
			}
			if y := rangeYear.FindStringSubmatch(s[b:min(len(s), b+24)]); y != nil {
				t := time.Date(atoi(y[1]), time.Month(1), 1, 0, 0, 0, 0, time.UTC)
				if m, ok := lx.monthOf(s, c); ok {
					if d := atoi(c.text(s, "day")); d >= 1 && d <= daysIn(time.Month(m), t.Year()) {
						return []Mention{mention(a, b, time.Date(t.Year(), time.Month(m), d, 0, 0, 0, 0, time.UTC), medcoop.Day)}
					}
				}
			}
		}
		cur := ref
		if !hasYear {
			if ref.IsZero() {
				return nil
			}
			cur = ref.AddDate(0, 0, graceDays)
		}
		var formats []string
		if c.kind == kindISO {
			formats = []string{"2006-01-02"}
		}
		pa, pb, ok := c.group("core")
		if !ok {
			pa, pb = a, b
		}
		str := s[pa:pb]
		if da, db, ok := c.group("day"); ok && lx.firstDay[foldKey(s[da:db])] {
			str = s[pa:da] + "1" + s[db:pb] // go-dateparser reads "1 janvier", not "premier janvier"
		}
		prec := kindPrecision(c.kind)
		if t, ok := lx.ruleDate(s, c, cur, hasYear); ok {
			m := mention(a, b, t, prec)
			m.Relative = !hasYear
			return []Mention{lx.toCome(s, m, ref)}
		}
		d, ok := parseDate(lx.lang, str, cur, formats...)
		if !ok {
			return nil
		}
		if !periodFits(d.Period, prec) {
			return nil
		}
		if y := c.text(s, "year"); y != "" && strconv.Itoa(d.Time.Year()) != y {
			return nil // go-dateparser read another year than the one written
		}
		m := mention(a, b, d.Time, prec)
		m.Relative = !hasYear
		return []Mention{lx.toCome(s, m, ref)}
	case kindDecade:
		y, ok := decadeYear(c.text(s, "year"))
		if !ok {
			return nil
		}
		m := mention(a, b, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), medcoop.Year)
		m.Historical = true
		return []Mention{m}
	case kindYearRange:
		var out []Mention
		for _, g := range []string{"year", "year2"} {
			ya, yb, ok := c.group(g)
			if !ok {
				return nil
			}
			t, ok := ruleYear(s[ya:yb])
			if !ok {
				d, ok := parseDate(lx.lang, s[ya:yb], ref)
				if !ok || d.Period != date.Year {
					return nil
				}
				t = d.Time
			}
			m := mention(ya, yb, t, medcoop.Year)
			m.Historical = true
			out = append(out, m)
		}
		if out[0].Time.After(out[1].Time) {
			return nil // "2025-2018" is no range
		}
		return out
	case kindRelative:
		if ref.IsZero() {
			return nil
		}
		if pa, pb, ok := c.group("relp"); ok {
			return lx.relativePeriod(s, pa, pb, ref)
		}
		offset := lx.relOffset[foldKey(s[a:b])]
		t := ref.AddDate(0, 0, offset)
		if !useRules {
			// go-dateparser agrees with the data file's offsets (see
			// TestRulesAgreeWithDateparser), or knows no such word.
			if d, ok := parseDate(lx.lang, s[a:b], ref); ok && d.Period == date.Day {
				t = d.Time
			}
		}
		m := mention(a, b, t, medcoop.Day)
		m.Relative, m.Today = true, offset == 0
		return []Mention{m}
	case kindWeekday:
		if ref.IsZero() {
			return nil
		}
		wd, ok := lx.weekdayIdx[foldKey(c.text(s, "wd"))]
		if !ok {
			return nil
		}
		shift := shiftNone
		if mod := c.text(s, "mod"); mod != "" {
			shift = lx.modKind[foldKey(mod)]
		} else if lx.dayInRange.MatchString(s[c.end:min(len(s), c.end+24)]) {
			return nil // "Du lundi 6 au vendredi 17": a day of the range, not the latest Monday
		}
		m := mention(c.start, c.end, resolveWeekday(ref, time.Weekday((wd+1)%7), shift), medcoop.Day)
		m.Relative = true
		return []Mention{m}
	case kindDayRelMonth:
		if ref.IsZero() {
			return nil
		}
		day := c.text(s, "day")
		d := atoi(day)
		if lx.firstDay[foldKey(day)] {
			d = 1
		}
		month := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, lx.relMonth[foldKey(c.text(s, "mrel"))], 0)
		if d < 1 || d > daysIn(month.Month(), month.Year()) {
			return nil
		}
		// go-dateparser reads "ngày 3 tháng này" and "the 3rd of this
		// month" as the month alone, and "le 3 courant" not at all.
		m := mention(a, b, month.AddDate(0, 0, d-1), medcoop.Day)
		m.Relative = true
		return []Mention{m}
	}
	return nil
}

// relativePeriod resolves the week or month phrase s[a:b] ("la semaine
// dernière", "tháng trước", "this month") against ref, to month precision:
// a week is given as the month that holds most of its days (that of its
// Thursday, as ISO 8601 counts weeks), never as a day. A count before the
// phrase ("3 tháng trước" is three months ago) or a stop word after it
// ("tháng trước đó" is the month before another date, "last week's report")
// makes it no date.
func (lx *lexicon) relativePeriod(s string, a, b int, ref time.Time) []Mention {
	from := textnorm.Back(s, a, 24)
	if lx.countBefore.MatchString(s[from:a]) || lx.relStop.MatchString(s[b:min(len(s), b+24)]) {
		return nil
	}
	rp, ok := lx.relPeriod[foldKey(s[a:b])]
	if !ok {
		return nil
	}
	var t time.Time
	switch rp.Unit {
	case "week":
		t = thursdayOf(ref.AddDate(0, 0, 7*rp.Offset))
		if !useRules {
			// go-dateparser gives the same weekday of that week, as a day.
			if d, ok := parseDate(lx.lang, s[a:b], ref); ok && d.Period == date.Day {
				t = thursdayOf(d.Time)
			}
		}
	default:
		t = time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, rp.Offset, 0)
		if !useRules {
			if d, ok := parseDate(lx.lang, s[a:b], ref); ok && d.Period == date.Month {
				t = d.Time
			}
		}
	}
	m := mention(a, b, t, medcoop.Month)
	m.Relative = true
	return []Mention{m}
}

// thursdayOf returns the Thursday of t's calendar week (Monday to Sunday).
func thursdayOf(t time.Time) time.Time {
	return t.AddDate(0, 0, 3-(int(t.Weekday())+6)%7)
}

func isNumericKind(k kind) bool {
	return k == kindNumeric || k == kindNumericDayMonth || k == kindISO
}

// numericBoundary rejects a numeric date that is part of a longer run of
// numbers: a phone number, a version, "1/12/11/2025".
func numericBoundary(s string, a, b int) bool {
	isSep := func(c byte) bool { return c == '/' || c == '.' || c == '-' }
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	if a >= 1 && isDigit(s[a-1]) {
		return false
	}
	if a >= 2 && isSep(s[a-1]) && isDigit(s[a-2]) {
		return false
	}
	if b < len(s) && isDigit(s[b]) {
		return false
	}
	if b+1 < len(s) && isSep(s[b]) && isDigit(s[b+1]) {
		return false
	}
	return true
}

func kindPrecision(k kind) medcoop.Precision {
	switch k {
	case kindMonthYear, kindMonthAlone:
		return medcoop.Month
	case kindYear, kindDecade, kindYearRange:
		return medcoop.Year
	}
	return medcoop.Day
}

// periodFits reports whether go-dateparser's period agrees with the
// precision the pattern promises; a time of day counts as a day.
func periodFits(p date.Period, want medcoop.Precision) bool {
	switch want {
	case medcoop.Year:
		return p == date.Year
	case medcoop.Month:
		return p == date.Month
	}
	return p == date.Day || p.IsTime()
}

// decadeYear reads the first year of a decade: "1980" or "80" (the 1980s).
func decadeYear(s string) (int, bool) {
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, false
	}
	if y < 100 {
		y += 1900
	}
	return y, y >= 1800 && y < 2200
}

// resolveWeekday returns the date of weekday wd relative to ref: with
// shiftNone the most recent such day on or before ref, with shiftPrevious the
// most recent before it, with shiftNext the next after it, with
// shiftPreviousWeek or shiftNextWeek that day in the calendar week (Monday to
// Sunday) before or after ref's.
func resolveWeekday(ref time.Time, wd time.Weekday, shift weekdayShift) time.Time {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7 // days since the last such day, 0 if today
	switch shift {
	case shiftPrevious:
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case shiftNext:
		fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd)
	case shiftPreviousWeek, shiftNextWeek:
		monday := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
		week := -7
		if shift == shiftNextWeek {
			week = 7
		}
		return monday.AddDate(0, 0, week+(int(wd)+6)%7)
	}
	return ref.AddDate(0, 0, -back)
}

// rangeYear is the year closing a day range after a month-first date:
// "June 2-4, 2026".
var rangeYear = regexp.MustCompile(`^\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?\s*,?\s*((?:19|20)\d\d)\b`)

// near reports whether t is within a year of ref (ref zero: never).
func near(t, ref time.Time) bool {
	if ref.IsZero() {
		return false
	}
	d := t.Sub(ref)
	return d < 366*24*time.Hour && d > -366*24*time.Hour
}

// rangeStart finds the first day of a day range ending at m: "du 8 au 19
// septembre" gives 8 September, in the month and year of the 19th.
func (lx *lexicon) rangeStart(s string, m Mention) (Mention, bool) {
	if m.Precision != medcoop.Day {
		return Mention{}, false
	}
	from := textnorm.Back(s, m.Start, 24)
	sub := lx.dayRange.FindStringSubmatchIndex(s[from:m.Start])
	if sub == nil {
		return Mention{}, false
	}
	i := lx.dayRange.SubexpIndex("day")
	a, b := from+sub[2*i], from+sub[2*i+1]
	day, err := strconv.Atoi(s[a:b])
	if err != nil || day < 1 || day >= m.Time.Day() {
		return Mention{}, false
	}
	first := mention(a, b, time.Date(m.Time.Year(), m.Time.Month(), day, 0, 0, 0, 0, time.UTC), medcoop.Day)
	first.Relative, first.Historical = m.Relative, m.Historical
	return first, true
}

// rangeYearFromStart gives a range written without its year ("du 6 au 31
// octobre") the year its first day takes: the range's end resolved alone may
// fall too far after ref and be put in the year before, though the range
// began before ref.
func rangeYearFromStart(first, last Mention, ref time.Time) (Mention, Mention) {
	y := ref.Year()
	start := time.Date(y, first.Time.Month(), first.Time.Day(), 0, 0, 0, 0, time.UTC)
	if first.Time.Year() != y-1 || start.After(ref.AddDate(0, 0, graceDays)) || last.Time.Month() == 2 && last.Time.Day() == 29 {
		return first, last
	}
	return yearsOn(first, 1), yearsOn(last, 1)
}

// yearsOn is m moved by years (back when negative).
func yearsOn(m Mention, years int) Mention {
	moved := mention(m.Start, m.End, m.Time.AddDate(years, 0, 0), m.Precision)
	moved.Relative, moved.Historical = m.Relative, m.Historical
	return moved
}

// maxFutureReach bounds how far before a date its sentence's verb of the
// future may stand ("La délégation française reviendra à Hué en février").
const maxFutureReach = 80

// toCome moves m, a date written without its year and so resolved to the
// latest such date, a year on when the text says it is still to come and
// it would otherwise lie in the past: "février prochain", "tháng 2 tới",
// "next February", or a verb of the future before it in its sentence
// ("will return in February", "sẽ trở lại vào tháng 2") in a page of
// November. A date of the last graceDays, or of the page's own month,
// stays.
func (lx *lexicon) toCome(s string, m Mention, ref time.Time) Mention {
	if !m.Relative || ref.IsZero() {
		return m
	}
	from := ref.AddDate(0, 0, -graceDays)
	if m.Precision == medcoop.Month {
		from = time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	if lx.pastBefore.MatchString(s[textnorm.Back(s, m.Start, 16):m.Start]) {
		// "last November" is past: before the page's own month, and never
		// moved on by a verb of the future
		if m.Precision == medcoop.Month && !m.Time.Before(from) {
			return yearsOn(m, -1)
		}
		return m
	}
	if !m.Time.Before(from) || !lx.ahead(s, m.Start, m.End) {
		return m
	}
	return yearsOn(m, 1)
}

// ahead reports whether the words around s[a:b] say the date is to come.
func (lx *lexicon) ahead(s string, a, b int) bool {
	after := s[b:min(len(s), b+48)]
	if loc := lx.aheadAfter.FindStringIndex(after); loc != nil {
		return !lx.dateNext.MatchString(after[loc[1]:]) // "từ tháng 2 tới tháng 5": a range, not a date to come
	}
	from := textnorm.Back(s, a, maxFutureReach)
	before := s[from:a]
	if i := strings.LastIndexAny(before, ".!?\n"); i >= 0 {
		before = before[i+1:] // the sentence's own words
	}
	return lx.aheadBefore.MatchString(before) || lx.future.MatchString(before)
}

// historical reports whether the words around s[a:b] make it part of a
// history or range: "depuis 1991", "De 1991 à nos jours".
func (lx *lexicon) historical(s string, a, b int) bool {
	from := textnorm.Back(s, a, 48)
	if lx.histBefore.MatchString(s[from:a]) {
		return true
	}
	return lx.histAfter.MatchString(s[b:min(len(s), b+48)])
}

// foldKey is the key a data word and a matched word share.
func foldKey(s string) string { return textnorm.Key(s) }
