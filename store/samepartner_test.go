package store

import (
	"slices"
	"testing"
	"time"

	"github.com/medcoop/medcoop"
	"github.com/medcoop/medcoop/extract"
)

// Reports of a Can Tho hospital's signings with Thai hospitals the gazetteer
// does not know: each report spells its partner in its own language, so
// the partner's id differs from one report to the other.
const (
	udonThaniVI = `Bệnh viện Đa khoa Trung ương Cần Thơ ký kết hợp tác với Bệnh viện Đại học Udon Thani

Sáng 14/3/2025, tại thành phố Cần Thơ, Bệnh viện Đa khoa Trung ương Cần Thơ đã ký kết biên bản ghi nhớ hợp tác với Bệnh viện Đại học Udon Thani (Thái Lan) về đào tạo nhân lực và chăm sóc sơ sinh.

Theo thỏa thuận, hai bệnh viện sẽ trao đổi bác sĩ, điều dưỡng và cùng tổ chức các khóa đào tạo về hồi sức sơ sinh trong ba năm tới.
`
	udonThaniFR = `L'hôpital central de Can Tho s'associe à l'hôpital universitaire d'Udon Thani

Le 14 mars 2025, l'hôpital central de Can Tho, au Vietnam, a signé un protocole d'accord avec l'hôpital universitaire d'Udon Thani, en Thaïlande, pour la formation des soignants et les soins aux nouveau-nés.

Les deux hôpitaux échangeront des médecins et des infirmières et organiseront ensemble des formations en réanimation néonatale pendant trois ans.
`
	// The next day of the same tour, with another Thai hospital.
	sakonNakhonVI = `Bệnh viện Đa khoa Trung ương Cần Thơ ký kết hợp tác với Bệnh viện Đại học Sakon Nakhon

Sáng 15/3/2025, tại tỉnh Sakon Nakhon, Bệnh viện Đa khoa Trung ương Cần Thơ đã ký kết biên bản ghi nhớ hợp tác với Bệnh viện Đại học Sakon Nakhon (Thái Lan) về phẫu thuật tim mạch.

Hai bên sẽ trao đổi bác sĩ và cùng nghiên cứu trong ba năm tới.
`
)

func extractText(t *testing.T, url, text string) *medcoop.Document {
	t.Helper()
	doc, err := extract.Document(extract.Input{Body: []byte(text), IsText: true, URL: url,
		Published: time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("extract %s: %v", url, err)
	}
	if len(doc.Events) != 1 {
		t.Fatalf("extract %s: %d events, want 1", url, len(doc.Events))
	}
	return doc
}

// TestSaveJoinsReportsOfADiscoveredPartner saves, for real, a Vietnamese
// and a French report of one signing whose foreign partner is found by
// pattern: they become one event, with one party for the partner, which a
// re-read of the French page keeps; the next day's signing with another
// hospital of the same country stays apart.
func TestSaveJoinsReportsOfADiscoveredPartner(t *testing.T) {
	s := openTemp(t)
	const urlVI, urlFR, urlNext = "https://vi.example/udon-thani", "https://fr.example/udon-thani", "https://vi.example/sakon-nakhon"
	vi, fr := extractText(t, urlVI, udonThaniVI), extractText(t, urlFR, udonThaniFR)
	if medcoop.SharedParties(&vi.Events[0], &fr.Events[0]) != 1 {
		t.Fatalf("the reports should share exactly one party by id: %v and %v", vi.Events[0].PartyIDs(), fr.Events[0].PartyIDs())
	}
	mustSave(t, s, vi)
	if res := mustSave(t, s, fr); res.Merged != 1 {
		t.Fatalf("the French report was not merged: %+v\n%s", res, dump(t, s))
	}
	mustSave(t, s, extractText(t, urlNext, sakonNakhonVI))
	check := func(when string) {
		t.Helper()
		evs := allEvents(t, s)
		if len(evs) != 2 {
			t.Fatalf("%s: %d events, want 2: %s", when, len(evs), dump(t, s))
		}
		for _, e := range evs {
			urls := sourceURLs(&e)
			slices.Sort(urls)
			switch {
			case slices.Equal(urls, []string{urlFR, urlVI}):
				// The partner is one party that has both spellings.
				if len(e.Parties) != 2 || !slices.ContainsFunc(e.Parties, func(p medcoop.Party) bool {
					return slices.Contains(p.Surface, "Bệnh viện Đại học Udon Thani") && slices.Contains(p.Surface, "hôpital universitaire d'Udon Thani")
				}) {
					t.Errorf("%s: the joined event's parties are %+v", when, e.Parties)
				}
			case slices.Equal(urls, []string{urlNext}):
			default:
				t.Errorf("%s: event %s has sources %v", when, e.ID, urls)
			}
		}
	}
	check("after three pages")
	if _, err := s.SaveDocument(extractText(t, urlFR, udonThaniFR+"\nMise à jour : les premiers échanges auront lieu en juin.\n"),
		PageMeta{FetchedAt: time.Date(2025, 3, 20, 8, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	check("after the French page changed")
}
