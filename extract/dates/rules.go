package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser/date"
)

// useRules lets the rule layer resolve the shapes it reads unambiguously
// from the data files ("12/11/2025", "8 janvier 2018", "ngày 8 tháng 1 năm
// 2018", "tháng 11/2025", "2018") without go-dateparser, which is slow and
// serialises its callers. Tests turn it off to check that both agree.
var useRules = true

// ruleDate resolves a candidate of a day, month or year kind from its groups
// alone. It declines (false) whatever it is not sure to read as go-dateparser
// would: a day the month does not have, a 29 February without a year, a
// shape it does not know.
func (lx *lexicon) ruleDate(s string, c candidate, cur time.Time, hasYear bool) (time.Time, bool) {
	if !useRules {
		return time.Time{}, false
	}
	var y, m, d int
	var ok bool
	switch c.kind {
	case kindNumeric:
		if y, m, d, ok = numericDMY(c.text(s, "core")); !ok {
			return time.Time{}, false
		}
	case kindISO:
		parts := strings.Split(c.text(s, "date"), "-")
		if len(parts) != 3 {
			return time.Time{}, false
		}
		y, m, d = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	case kindNumericDayMonth:
		day, month, found := strings.Cut(c.text(s, "date"), "/")
		if !found {
			return time.Time{}, false
		}
		d, m = atoi(day), atoi(month)
	case kindDayMonthName, kindMonthDayName, kindMonthYear, kindMonthAlone, kindYear:
		if hasYear {
			if y = atoi(c.text(s, "year")); y == 0 {
				return time.Time{}, false
			}
		}
		d, m = 1, 1
		if c.kind == kindDayMonthName || c.kind == kindMonthDayName {
			day := c.text(s, "day")
			if lx.firstDay[foldKey(day)] {
				d = 1
			} else if d = atoi(day); d == 0 {
				return time.Time{}, false
			}
		}
		if c.kind != kindYear {
			if m, ok = lx.monthOf(s, c); !ok {
				return time.Time{}, false
			}
		}
	default:
		return time.Time{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), max(y, 1)) {
		return time.Time{}, false
	}
	if !hasYear {
		// The most recent such day (or month) on or before cur, as
		// go-dateparser's preference for the past gives it.
		if m == 2 && d == 29 {
			return time.Time{}, false
		}
		y = cur.Year()
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if c.kind == kindMonthAlone {
			if time.Month(m) > cur.Month() {
				y--
			}
		} else if t.After(cur) {
			y--
		}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// monthOf reads the month of a candidate: a month name of the data file or
// the number after the month word ("tháng 11").
func (lx *lexicon) monthOf(s string, c candidate) (int, bool) {
	if n := c.text(s, "mnum"); n != "" {
		m := atoi(n)
		return m, m >= 1 && m <= 12
	}
	key := foldKey(c.text(s, "month"))
	m, ok := lx.monthIndex[key]
	return m, ok && lx.ruleMonths()[key]
}

// ruleMonths returns the month spellings go-dateparser reads as the data
// file does, alone, with a year and with a day and a year; the rule layer
// reads only those, so that its dates stay go-dateparser's. Asked once per
// language, on first use.
func (lx *lexicon) ruleMonths() map[string]bool {
	lx.ruleMonthsOnce.Do(func() {
		lx.ruleMonthSet = map[string]bool{}
		cur := time.Date(2018, 6, 15, 0, 0, 0, 0, time.UTC)
		for _, spelling := range lx.monthSpellings {
			m := lx.monthIndex[foldKey(spelling)]
			alone, ok1 := parseDate(lx.lang, spelling, cur)
			withYear, ok2 := parseDate(lx.lang, spelling+" 2018", cur)
			withDay, ok3 := parseDate(lx.lang, "8 "+spelling+" 2018", cur)
			if ok1 && ok2 && ok3 &&
				alone.Period == date.Month && int(alone.Time.Month()) == m &&
				withYear.Period == date.Month && withYear.Time.Equal(time.Date(2018, time.Month(m), 1, 0, 0, 0, 0, time.UTC)) &&
				withDay.Period == date.Day && withDay.Time.Equal(time.Date(2018, time.Month(m), 8, 0, 0, 0, 0, time.UTC)) {
				lx.ruleMonthSet[foldKey(spelling)] = true
			}
		}
	})
	return lx.ruleMonthSet
}

// numericDMY reads "12/11/2025", "19.12.2022" or "12-11-2025", day first.
func numericDMY(v string) (y, m, d int, ok bool) {
	i := strings.IndexAny(v, "/.-")
	if i < 0 {
		return 0, 0, 0, false
	}
	parts := strings.Split(v, v[i:i+1])
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	return atoi(parts[2]), atoi(parts[1]), atoi(parts[0]), true
}

// ruleYear reads a four-digit year as go-dateparser does: its 1 January.
func ruleYear(v string) (time.Time, bool) {
	if !useRules {
		return time.Time{}, false
	}
	y := atoi(v)
	if len(v) != 4 || y == 0 {
		return time.Time{}, false
	}
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
}

// atoi reads a run of ASCII digits; anything else gives 0.
func atoi(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || strings.ContainsAny(v, "+-") {
		return 0
	}
	return n
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
