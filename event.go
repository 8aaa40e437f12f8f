// Package medcoop holds the vocabulary of the whole program: a document, an
// event of international medical cooperation, its parties, people, dates and
// domains, and the rule that says two reports describe the same event.
//
// It has no dependencies beyond the standard library; every other package
// (extract, sources, store, cmd) speaks these types and declares none of its
// own. The JSON form is the contract in ../shared/contract.
package medcoop

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// EventType says what kind of cooperation an event is.
type EventType string

// The event types of the contract.
const (
	AgreementSigned     EventType = "agreement_signed"
	MOUSigned           EventType = "mou_signed"
	PartnershipRenewed  EventType = "partnership_renewed"
	DelegationVisit     EventType = "delegation_visit"
	TrainingProgramme   EventType = "training_programme"
	ExchangeProgramme   EventType = "exchange_programme"
	JointResearch       EventType = "joint_research"
	DonationOrEquipment EventType = "donation_or_equipment"
	OtherCooperation    EventType = "other"
)

// EventTypes lists every valid event type, in the contract's order.
var EventTypes = []EventType{AgreementSigned, MOUSigned, PartnershipRenewed, DelegationVisit,
	TrainingProgramme, ExchangeProgramme, JointResearch, DonationOrEquipment, OtherCooperation}

// PartyKind says what kind of institution a party is.
type PartyKind string

// The party kinds of the contract.
const (
	Hospital     PartyKind = "hospital"
	University   PartyKind = "university"
	Ministry     PartyKind = "ministry"
	Embassy      PartyKind = "embassy"
	Agency       PartyKind = "agency"
	Company      PartyKind = "company"
	NGO          PartyKind = "ngo"
	CityOrRegion PartyKind = "city_or_region"
	OtherKind    PartyKind = "other"
)

// Precision says how much of a date is known.
type Precision string

// The precisions of a date.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// ReviewStatus is where an event stands with the editors.
type ReviewStatus string

// The review statuses of the contract.
const (
	Unreviewed ReviewStatus = "unreviewed"
	Verified   ReviewStatus = "verified"
	Corrected  ReviewStatus = "corrected"
	Rejected   ReviewStatus = "rejected"
)

// Evidence is the sentence a field was read from, with byte offsets into the
// document's text (for a stored event, into the text of Sources[0]).
type Evidence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Date is when an event took place, to a stated precision. Value is
// YYYY, YYYY-MM or YYYY-MM-DD according to Precision.
type Date struct {
	Value     string    `json:"value"`
	Precision Precision `json:"precision"`
	Evidence  *Evidence `json:"evidence,omitempty"`
}

// Place is where an event took place. Country is ISO 3166-1 alpha-2 or empty.
type Place struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
}

// Party is an institution taking part in an event, canonicalised: ID and Name
// are the same whatever language or spelling the sources used; Surface keeps
// the spellings as written.
type Party struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Country string    `json:"country,omitempty"`
	Kind    PartyKind `json:"kind"`
	// City is where the institution is: the gazetteer's city, or a place
	// a discovered name holds ("Bệnh viện Ung bướu Đà Nẵng": Da Nang).
	City     string     `json:"city,omitempty"`
	Surface  []string   `json:"surface"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Domain is a medical field, by its contract code.
type Domain struct {
	Code    string   `json:"code"`
	Label   string   `json:"label"`
	Surface []string `json:"surface,omitempty"`
}

// Person is someone who spoke or signed for a party. Role is in English;
// Affiliation is a party ID when known.
type Person struct {
	Name        string    `json:"name"`
	NameASCII   string    `json:"name_ascii"`
	Role        string    `json:"role,omitempty"`
	Affiliation string    `json:"affiliation,omitempty"`
	Surface     string    `json:"surface,omitempty"`
	Evidence    *Evidence `json:"evidence,omitempty"`
}

// Source is one page that reports an event.
type Source struct {
	URL       string `json:"url,omitempty"`
	Lang      string `json:"lang"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// Status is where the event stands with the editors: Unreviewed when
// no editor has looked at it.
func (e *Event) Status() ReviewStatus {
	if e.Review == nil || e.Review.Status == "" {
		return Unreviewed
	}
	return e.Review.Status
}

// Reviewed reports whether an editor has verified, corrected or rejected
// the event: its values are then the editor's.
func (e *Event) Reviewed() bool { return e.Status() != Unreviewed }

// Review is an event's standing with the editors. By and At are nil until an
// editor acts.
type Review struct {
	Status ReviewStatus `json:"status"`
	By     *string      `json:"by"`
	At     *string      `json:"at"`
}

// Event is one act of international medical cooperation, possibly reported
// by several sources in several languages.
type Event struct {
	ID         string    `json:"id"`
	Type       EventType `json:"type"`
	Date       *Date     `json:"date"`
	Place      *Place    `json:"place"`
	Parties    []Party   `json:"parties"`
	Countries  []string  `json:"countries"`
	Domains    []Domain  `json:"domains"`
	People     []Person  `json:"people"`
	Confidence float64   `json:"confidence"`
	Sources    []Source  `json:"sources,omitempty"`
	Review     *Review   `json:"review,omitempty"`
}

// Document is what extraction makes of one page: its main text, language,
// publication date and the events it reports.
type Document struct {
	URL            string  `json:"url,omitempty"`
	Title          string  `json:"title,omitempty"`
	Lang           string  `json:"lang"`
	LangConfidence float64 `json:"lang_confidence"`
	Published      string  `json:"published,omitempty"`
	Text           string  `json:"text"`
	Events         []Event `json:"events"`
}

// PartyIDs returns the IDs of the event's parties, sorted.
func (e *Event) PartyIDs() []string {
	ids := make([]string, 0, len(e.Parties))
	for _, p := range e.Parties {
		ids = append(ids, p.ID)
	}
	sort.Strings(ids)
	return ids
}

// EventID is the stable id of an event first seen with these parties in this
// year: reports of one signing in two languages canonicalise to the same
// parties and so get the same id.
func EventID(partyIDs []string, year string) string {
	ids := append([]string(nil), partyIDs...)
	sort.Strings(ids)
	h := sha256.Sum256([]byte(strings.Join(ids, "|") + "|" + year))
	return "ev-" + hex.EncodeToString(h[:8])
}
