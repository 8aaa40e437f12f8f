package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/medcoop/medcoop/evaluate"
	"github.com/medcoop/medcoop/internal/schematest"
)

// TestDevset extracts both articles of ../shared/devset, read where they
// stand, and checks them against seeds.gold.json by the contract's rules:
// every gold party, person and date must come out, and the output must
// follow document.schema.json.
func TestDevset(t *testing.T) {
	dir := filepath.Join(schematest.SharedDir(), "devset")
	path := filepath.Join(dir, "seeds.gold.json")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("../shared/devset is not beside the repository: %v", err)
	}
	docSchema := schematest.Schema(t, "document.schema.json")
	items := extractGold(t, path)
	for _, it := range items {
		out, err := json.Marshal(it.Doc)
		if err != nil {
			t.Fatal(err)
		}
		schematest.Validate(t, docSchema, out)
	}
	r := evaluate.Score(items)
	var table bytes.Buffer
	r.WriteTable(&table, true)
	t.Logf("devset:\n%s", table.String())
	if r.Parties.Recall() < 1 {
		t.Errorf("parties recall %.2f: every gold party must be found", r.Parties.Recall())
	}
	if r.People.Recall() < 1 {
		t.Errorf("people recall %.2f: every gold person must be found", r.People.Recall())
	}
	if r.Domains.F1() < 0.95 {
		t.Errorf("domains F1 %.3f, want ≥ 0.95", r.Domains.F1())
	}
	if r.Date.Rate() < 1 {
		t.Errorf("event date right on %d of %d", r.Date.Right, r.Date.Total)
	}
	if r.Language.Rate() < 1 || r.Cooperation.Rate() < 1 {
		t.Errorf("language %.2f, cooperation-or-not %.2f: both must be 1", r.Language.Rate(), r.Cooperation.Rate())
	}
}
