package lexicon

// Prepared is a text folded once (textnorm.Fold) and cut into words, so
// that the institution, place, domain and cue searches of one document do
// not each fold it again. It is read-only and safe for concurrent use.
type Prepared struct{ ft *foldedText }

// Prepare folds text for the *Prepared searches.
func Prepare(text string) *Prepared { return &Prepared{ft: newFoldedText(text)} }

// Text returns the text as given to Prepare; mention offsets index it.
func (p *Prepared) Text() string { return p.ft.orig }

// FindPrepared is Find on a prepared text.
func (g *Gazetteer) FindPrepared(p *Prepared) []InstitutionMention { return g.find(p.ft) }

// FindPlacesPrepared is FindPlaces on a prepared text.
func FindPlacesPrepared(p *Prepared, lang string) []PlaceMention {
	places.mustInit()
	return findPlacesIn(p.ft, langsFor(lang, places.langs, "en"))
}

// FindDomainsPrepared is FindDomains on a prepared text.
func FindDomainsPrepared(p *Prepared, lang string) []DomainMention {
	domains.mustInit()
	return findDomainsIn(p.ft, langsFor(lang, domains.langs))
}

// FindCuesPrepared is FindCues on a prepared text.
func FindCuesPrepared(p *Prepared, lang string) []Cue {
	cues.mustInit()
	return findCuesIn(p.ft, langsFor(lang, cues.langs))
}
